"""Public read endpoints: catalogue items, search, organisations and categories.

Everything here reads through the public selectors, so only published items open to
everyone (面向社会) are ever returned, and never a staff-only field.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_serializer,
    inline_serializer,
)
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.api.serializers import (
    CategorySerializer,
    OrganisationDetailSerializer,
    OrganisationSerializer,
    PublicItemDetailSerializer,
    PublicItemSerializer,
)
from gongkai.catalogue import selectors as catalogue_selectors
from gongkai.catalogue.models import Article20Item, Category, InformationItem
from gongkai.organisations import selectors as organisation_selectors
from gongkai.organisations.models import Organisation


class CatalogueFilterSerializer(serializers.Serializer[Any]):
    organisation = serializers.IntegerField(required=False, min_value=1)
    category = serializers.IntegerField(required=False, min_value=1)
    year = serializers.IntegerField(required=False, min_value=1949, max_value=2100)
    article20_item = serializers.ChoiceField(choices=Article20Item.choices, required=False)
    validity = serializers.ChoiceField(choices=InformationItem.Validity.choices, required=False)

    def validate_organisation(self, value: int) -> Organisation:
        organisation = organisation_selectors.organisation_list_public().filter(pk=value).first()
        if organisation is None:
            raise serializers.ValidationError(_("没有该机构。"))
        return organisation

    def validate_category(self, value: int) -> Category:
        category = (
            Category.objects.filter(pk=value, organisation__is_active=True)
            .select_related("organisation")
            .first()
        )
        if category is None:
            raise serializers.ValidationError(_("没有该目录分类。"))
        return category


_FILTER_PARAMETERS = [
    OpenApiParameter("organisation", int, description="发布机构编号"),
    OpenApiParameter("category", int, description="目录分类编号"),
    OpenApiParameter("year", int, description="生成日期所在年份"),
    OpenApiParameter("article20_item", int, description="第二十条事项（1–15）"),
    OpenApiParameter("validity", str, enum=[c for c, _ in InformationItem.Validity.choices]),
]


def _filters(request: Request) -> dict[str, Any]:
    serializer = CatalogueFilterSerializer(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


@extend_schema(parameters=_FILTER_PARAMETERS, summary="主动公开目录（已发布）")
class ItemListApi(generics.ListAPIView[InformationItem]):
    serializer_class = PublicItemSerializer

    def get_queryset(self) -> QuerySet[InformationItem]:
        return catalogue_selectors.item_list_public(**_filters(self.request))


@extend_schema(summary="政府信息详情（含附件）")
class ItemDetailApi(APIView):
    @extend_schema(responses=PublicItemDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        information_item = catalogue_selectors.item_get_public(pk=pk)
        if information_item is None:
            raise NotFound(_("没有找到该政府信息。"))
        return Response(
            PublicItemDetailSerializer(information_item, context={"request": request}).data
        )


class SearchResultSerializer(PublicItemSerializer):
    snippet = serializers.CharField(read_only=True)
    title_html = serializers.CharField(read_only=True)
    score = serializers.FloatField(read_only=True)

    class Meta(PublicItemSerializer.Meta):
        fields = [*PublicItemSerializer.Meta.fields, "title_html", "snippet", "score"]


class SearchApi(APIView):
    @extend_schema_serializer(component_name="SearchQuery")
    class InputSerializer(CatalogueFilterSerializer):
        q = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
        page = serializers.IntegerField(required=False, min_value=1, default=1)
        page_size = serializers.IntegerField(required=False, min_value=1, max_value=100, default=20)

    @extend_schema(
        summary="全文检索（已发布的主动公开信息）",
        parameters=[
            OpenApiParameter("q", str, description="检索词；多个词以空格分隔，须同时包含"),
            OpenApiParameter("page", int),
            OpenApiParameter("page_size", int),
            *_FILTER_PARAMETERS,
        ],
        responses=inline_serializer(
            "SearchPage",
            {
                "total": serializers.IntegerField(),
                "page": serializers.IntegerField(),
                "page_size": serializers.IntegerField(),
                "num_pages": serializers.IntegerField(),
                "results": SearchResultSerializer(many=True),
            },
        ),
    )
    def get(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.query_params)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        found = catalogue_selectors.catalogue_search(query=data.pop("q"), **data)
        results = []
        for result in found.results:
            row = dict(PublicItemSerializer(result.item, context={"request": request}).data)
            row.update(
                {
                    "title_html": str(result.title_html),
                    "snippet": str(result.snippet),
                    "score": result.score,
                }
            )
            results.append(row)
        return Response(
            {
                "total": found.total,
                "page": found.page,
                "page_size": found.page_size,
                "num_pages": found.num_pages,
                "results": results,
            }
        )


@extend_schema(summary="机构列表")
class OrganisationListApi(generics.ListAPIView[Organisation]):
    serializer_class = OrganisationSerializer

    def get_queryset(self) -> QuerySet[Organisation]:
        return organisation_selectors.organisation_list_public()


@extend_schema(summary="机构详情（含政府信息公开指南联系信息）")
class OrganisationDetailApi(APIView):
    @extend_schema(responses=OrganisationDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        organisation = organisation_selectors.organisation_list_public().filter(pk=pk).first()
        if organisation is None:
            raise NotFound(_("没有找到该机构。"))
        return Response(OrganisationDetailSerializer(organisation).data)


@extend_schema(
    summary="目录分类",
    parameters=[OpenApiParameter("organisation", int, required=True, description="机构编号")],
)
class CategoryListApi(generics.ListAPIView[Category]):
    serializer_class = CategorySerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[Category]:
        serializer = CatalogueFilterSerializer(data=self.request.query_params)
        serializer.is_valid(raise_exception=True)
        organisation = serializer.validated_data.get("organisation")
        if organisation is None:
            raise serializers.ValidationError({"organisation": [_("请指定机构。")]})
        return catalogue_selectors.category_list(organisation=organisation)
