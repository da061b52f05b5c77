"""Staff write endpoints (token authentication). One APIView per operation: parse input,
load the object through the actor-scoped selector (404 outside the actor's organisations),
check the permission predicate (403), call one service, answer with the item."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.api.pagination import StandardPagination
from gongkai.api.permissions import HasDeclaredPermission
from gongkai.api.provisional import PROVISIONAL_FIELDS, ProvisionalDateMixin
from gongkai.catalogue import selectors as catalogue_selectors
from gongkai.catalogue import services as catalogue_services
from gongkai.catalogue.models import Attachment, Category, InformationItem
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation

ITEM_INPUT_FIELDS = [
    "title",
    "summary",
    "body",
    "document_number",
    "generated_on",
    "changed_on",
    "topic",
    "genre",
    "keywords",
    "article20_item",
    "disclosure_mode",
    "non_disclosure_reason",
    "disclosure_timing",
    "disclosure_scope",
    "validity",
    "effective_on",
    "repealed_on",
]


class StaffAttachmentSerializer(serializers.ModelSerializer[Attachment]):
    class Meta:
        model = Attachment
        fields = ["id", "original_name", "content_type", "size", "sha256", "uploaded_at"]


class StaffItemOutputSerializer(ProvisionalDateMixin, serializers.ModelSerializer[InformationItem]):
    provisional_date_field = "publication_due_on"

    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    is_publication_overdue = serializers.BooleanField(read_only=True)
    was_published_late = serializers.BooleanField(read_only=True)
    is_fully_electronic = serializers.BooleanField(read_only=True)
    attachments = StaffAttachmentSerializer(many=True, read_only=True)

    class Meta:
        model = InformationItem
        fields = [
            "id",
            "index_number",
            "organisation",
            "organisation_name",
            "category",
            *ITEM_INPUT_FIELDS,
            "status",
            "status_label",
            "published_at",
            "publication_due_on",
            *PROVISIONAL_FIELDS,
            "is_publication_overdue",
            "was_published_late",
            "is_fully_electronic",
            "withdrawal_reason",
            "created_at",
            "updated_at",
            "attachments",
        ]


def _item_response(information_item: InformationItem, *, status_code: int = 200) -> Response:
    return Response(StaffItemOutputSerializer(information_item).data, status=status_code)


def _load_item(request: Request, pk: int) -> InformationItem:
    information_item = catalogue_selectors.item_get_for_actor(actor=request.user, pk=pk)
    if information_item is None:
        raise NotFound(_("没有找到该政府信息。"))
    return information_item


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("您没有执行此操作的权限。"))


def _category_for(organisation: Organisation, category_id: int | None) -> Category | None:
    if category_id is None:
        return None
    category = (
        catalogue_selectors.category_list(organisation=organisation).filter(pk=category_id).first()
    )
    if category is None:
        raise ValidationError({"category": [_("所选分类不属于该机构的目录。")]})
    return category


class _ItemFieldsSerializer(serializers.ModelSerializer[InformationItem]):
    category = serializers.IntegerField(required=False, allow_null=True, min_value=1)

    class Meta:
        model = InformationItem
        fields = [*ITEM_INPUT_FIELDS, "category"]


class _StaffApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.CATALOGUE_VIEW


class StaffItemListCreateApi(_StaffApi):
    @extend_schema_serializer(component_name="StaffItemCreateInput")
    class InputSerializer(_ItemFieldsSerializer):
        organisation = serializers.IntegerField(min_value=1)

        class Meta(_ItemFieldsSerializer.Meta):
            fields = ["organisation", *_ItemFieldsSerializer.Meta.fields]

    @extend_schema_serializer(component_name="StaffItemFilter")
    class FilterSerializer(serializers.Serializer[Any]):
        status = serializers.ChoiceField(choices=InformationItem.Status.choices, required=False)
        q = serializers.CharField(required=False, allow_blank=True)
        overdue = serializers.BooleanField(required=False, allow_null=True, default=None)

    @extend_schema(
        summary="本人可见的政府信息（含草稿）",
        parameters=[
            OpenApiParameter("status", str, enum=[c for c, _ in InformationItem.Status.choices]),
            OpenApiParameter("q", str),
            OpenApiParameter("overdue", bool),
        ],
        responses=StaffItemOutputSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        items = catalogue_selectors.item_list_for_actor(
            actor=request.user,
            status=data.get("status") or None,
            query=data.get("q") or None,
            overdue=data.get("overdue"),
        ).prefetch_related("attachments")
        paginator = StandardPagination()
        page = paginator.paginate_queryset(items, request, view=self)
        return paginator.get_paginated_response(StaffItemOutputSerializer(page, many=True).data)

    @extend_schema(
        summary="新建政府信息（草稿）",
        request=InputSerializer,
        responses={201: StaffItemOutputSerializer},
    )
    def post(self, request: Request) -> Response:
        _require(permissions.has_any_permission(request.user, permissions.CATALOGUE_EDIT))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        organisation = (
            permissions.organisations_with(request.user, permissions.CATALOGUE_VIEW)
            .filter(pk=fields.pop("organisation"))
            .first()
        )
        if organisation is None:
            raise ValidationError({"organisation": [_("没有该机构，或您不在该机构任职。")]})
        _require(permissions.can_create_information_item(request.user, organisation))
        fields["category"] = _category_for(organisation, fields.pop("category", None))
        information_item = catalogue_services.information_item_create(
            actor=request.user, organisation=organisation, **fields
        )
        return _item_response(information_item, status_code=status.HTTP_201_CREATED)


class StaffItemDetailApi(_StaffApi):
    @extend_schema_serializer(component_name="StaffItemUpdateInput")
    class InputSerializer(_ItemFieldsSerializer):
        pass

    @extend_schema(summary="政府信息详情（工作人员）", responses=StaffItemOutputSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return _item_response(_load_item(request, pk))

    @extend_schema(
        summary="修改政府信息",
        request=InputSerializer,
        responses=StaffItemOutputSerializer,
    )
    def patch(self, request: Request, pk: int) -> Response:
        information_item = _load_item(request, pk)
        _require(permissions.can_change_information_item(request.user, information_item))
        serializer = self.InputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        if "category" in fields:
            fields["category"] = _category_for(information_item.organisation, fields["category"])
        information_item = catalogue_services.information_item_update(
            actor=request.user, information_item=information_item, **fields
        )
        return _item_response(information_item)


class _ReasonSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(max_length=300)


class StaffItemSubmitApi(_StaffApi):
    permission = permissions.CATALOGUE_SUBMIT

    @extend_schema(summary="提交审核", request=None, responses=StaffItemOutputSerializer)
    def post(self, request: Request, pk: int) -> Response:
        information_item = _load_item(request, pk)
        _require(permissions.can_submit_information_item(request.user, information_item))
        return _item_response(
            catalogue_services.information_item_submit(
                actor=request.user, information_item=information_item
            )
        )


class StaffItemReturnApi(_StaffApi):
    permission = permissions.CATALOGUE_PUBLISH

    @extend_schema(
        summary="退回修改", request=_ReasonSerializer, responses=StaffItemOutputSerializer
    )
    def post(self, request: Request, pk: int) -> Response:
        information_item = _load_item(request, pk)
        _require(permissions.can_publish_information_item(request.user, information_item))
        serializer = _ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return _item_response(
            catalogue_services.information_item_return(
                actor=request.user,
                information_item=information_item,
                reason=serializer.validated_data["reason"],
            )
        )


class StaffItemPublishApi(_StaffApi):
    permission = permissions.CATALOGUE_PUBLISH

    @extend_schema(summary="发布", request=None, responses=StaffItemOutputSerializer)
    def post(self, request: Request, pk: int) -> Response:
        information_item = _load_item(request, pk)
        _require(permissions.can_publish_information_item(request.user, information_item))
        return _item_response(
            catalogue_services.information_item_publish(
                actor=request.user, information_item=information_item
            )
        )


class StaffItemWithdrawApi(_StaffApi):
    permission = permissions.CATALOGUE_PUBLISH

    @extend_schema(summary="撤回", request=_ReasonSerializer, responses=StaffItemOutputSerializer)
    def post(self, request: Request, pk: int) -> Response:
        information_item = _load_item(request, pk)
        _require(permissions.can_withdraw_information_item(request.user, information_item))
        serializer = _ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return _item_response(
            catalogue_services.information_item_withdraw(
                actor=request.user,
                information_item=information_item,
                reason=serializer.validated_data["reason"],
            )
        )


class StaffAttachmentUploadApi(_StaffApi):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema_serializer(component_name="StaffAttachmentUploadInput")
    class InputSerializer(serializers.Serializer[Any]):
        file = serializers.FileField()

    @extend_schema(
        summary="上传附件（multipart/form-data，字段 file）",
        request={"multipart/form-data": InputSerializer},
        responses={201: StaffAttachmentSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        information_item = _load_item(request, pk)
        _require(permissions.can_change_information_item(request.user, information_item))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        attachment: Attachment = catalogue_services.attachment_add(
            actor=request.user,
            information_item=information_item,
            uploaded_file=serializer.validated_data["file"],
        )
        return Response(StaffAttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)
