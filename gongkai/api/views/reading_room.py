"""政务资讯大厅 and page-view endpoints.

Public: the current-documents library (search like the catalogue) and the external databases
directory. Staff (token): visiting groups, visitor tallies, periodical loans and returns, the
year figures, and the portal's page views.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.api.pagination import StandardPagination
from gongkai.api.permissions import HasDeclaredPermission
from gongkai.api.serializers import FIGURES
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.reading_room import selectors, services, statistics
from gongkai.reading_room.models import (
    CurrentDocument,
    ExternalDatabase,
    PeriodicalLoan,
    VisitingGroup,
    VisitorTally,
)
from gongkai.web_analytics import selectors as page_view_selectors


def _validated(serializer: serializers.Serializer[Any]) -> dict[str, Any]:
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def _paginated(request: Request, view: APIView, rows: Any, serializer: Any) -> Response:
    paginator = StandardPagination()
    page: list[Any] | None = paginator.paginate_queryset(rows, request, view=view)
    return paginator.get_paginated_response(serializer(page, many=True).data)


# --- public --------------------------------------------------------------------------------


class DocumentOutputSerializer(serializers.ModelSerializer[CurrentDocument]):
    class Meta:
        model = CurrentDocument
        fields = ["id", "title", "issuing_body", "document_number", "issued_on", "body_text"]


class LibraryDocumentListApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema_serializer(component_name="LibraryDocumentFilter")
    class FilterSerializer(serializers.Serializer[Any]):
        q = serializers.CharField(
            required=False, allow_blank=True, help_text="关键词，空格分隔，须全部出现。"
        )
        issuing_body = serializers.CharField(required=False, allow_blank=True)
        year = serializers.IntegerField(required=False, min_value=1996, max_value=2100)

    @extend_schema(
        summary="现行文件查询",
        parameters=[FilterSerializer],
        responses={200: DocumentOutputSerializer(many=True)},
        tags=["reading-room"],
    )
    def get(self, request: Request) -> Response:
        query = _validated(self.FilterSerializer(data=request.query_params))
        documents = selectors.document_search_public(
            query=query.get("q", ""),
            issuing_body=query.get("issuing_body", ""),
            year=query.get("year"),
        )
        return _paginated(request, self, documents, DocumentOutputSerializer)


class LibraryDocumentDetailApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        summary="现行文件详情", responses={200: DocumentOutputSerializer}, tags=["reading-room"]
    )
    def get(self, request: Request, pk: int) -> Response:
        document = selectors.document_get_public(pk=pk)
        if document is None:
            raise NotFound(_("没有找到该文件。"))
        return Response(DocumentOutputSerializer(document).data)


class DatabaseOutputSerializer(serializers.ModelSerializer[ExternalDatabase]):
    class Meta:
        model = ExternalDatabase
        fields = [
            "id",
            "department",
            "name",
            "url",
            "description",
            "linked_on",
            "last_status",
            "last_checked_at",
        ]


class LibraryDatabaseListApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        summary="可查询的部门政务信息数据库",
        responses={200: DatabaseOutputSerializer(many=True)},
        tags=["reading-room"],
    )
    def get(self, request: Request) -> Response:
        return _paginated(
            request, self, selectors.external_database_list_public(), DatabaseOutputSerializer
        )


# --- staff ---------------------------------------------------------------------------------


class _StaffApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.READING_ROOM_VIEW


def _organisation_for_write(request: Request, organisation_id: int) -> Organisation:
    organisation = (
        permissions.organisations_with(request.user, permissions.READING_ROOM_MANAGE)
        .filter(pk=organisation_id)
        .first()
    )
    if organisation is None:
        raise ValidationError({"organisation": [_("您不能为该机构登记。")]})
    return organisation


class VisitingGroupOutputSerializer(serializers.ModelSerializer[VisitingGroup]):
    class Meta:
        model = VisitingGroup
        fields = ["id", "organisation", "visited_on", "group_name", "people", "note"]


class StaffVisitingGroupListApi(_StaffApi):
    @extend_schema_serializer(component_name="StaffVisitingGroupInput")
    class InputSerializer(serializers.Serializer[Any]):
        organisation = serializers.IntegerField(min_value=1)
        visited_on = serializers.DateField()
        group_name = serializers.CharField(max_length=200)
        people = serializers.IntegerField(min_value=1)
        note = serializers.CharField(required=False, allow_blank=True, default="")

    @extend_schema(
        summary="参观团体登记",
        responses={200: VisitingGroupOutputSerializer(many=True)},
        tags=["reading-room"],
    )
    def get(self, request: Request) -> Response:
        rows = selectors.register_list_for_actor(actor=request.user, register="group")
        return _paginated(request, self, rows, VisitingGroupOutputSerializer)

    @extend_schema(
        summary="登记一批参观团体",
        request=InputSerializer,
        responses={201: VisitingGroupOutputSerializer},
        tags=["reading-room"],
    )
    def post(self, request: Request) -> Response:
        if not permissions.has_any_permission(request.user, permissions.READING_ROOM_MANAGE):
            raise PermissionDenied(_("您没有执行此操作的权限。"))
        data = _validated(self.InputSerializer(data=request.data))
        organisation = _organisation_for_write(request, data.pop("organisation"))
        group = services.visiting_group_create(
            actor=request.user, organisation=organisation, **data
        )
        return Response(VisitingGroupOutputSerializer(group).data, status=status.HTTP_201_CREATED)


class VisitorTallyOutputSerializer(serializers.ModelSerializer[VisitorTally]):
    class Meta:
        model = VisitorTally
        fields = ["id", "organisation", "date", "count"]


class StaffVisitorTallyListApi(_StaffApi):
    @extend_schema_serializer(component_name="StaffVisitorTallyInput")
    class InputSerializer(serializers.Serializer[Any]):
        organisation = serializers.IntegerField(min_value=1)
        date = serializers.DateField()
        # The service explains a zero or negative count.
        count = serializers.IntegerField()

    @extend_schema(
        summary="资讯大厅浏览人次",
        responses={200: VisitorTallyOutputSerializer(many=True)},
        tags=["reading-room"],
    )
    def get(self, request: Request) -> Response:
        rows = selectors.register_list_for_actor(actor=request.user, register="visitor")
        return _paginated(request, self, rows, VisitorTallyOutputSerializer)

    @extend_schema(
        summary="登记一天的浏览人次",
        request=InputSerializer,
        responses={201: VisitorTallyOutputSerializer},
        tags=["reading-room"],
    )
    def post(self, request: Request) -> Response:
        if not permissions.has_any_permission(request.user, permissions.READING_ROOM_MANAGE):
            raise PermissionDenied(_("您没有执行此操作的权限。"))
        data = _validated(self.InputSerializer(data=request.data))
        organisation = _organisation_for_write(request, data.pop("organisation"))
        tally = services.visitor_tally_create(actor=request.user, organisation=organisation, **data)
        return Response(VisitorTallyOutputSerializer(tally).data, status=status.HTTP_201_CREATED)


class LoanOutputSerializer(serializers.ModelSerializer[PeriodicalLoan]):
    periodical_title = serializers.CharField(source="periodical.__str__", read_only=True)

    class Meta:
        model = PeriodicalLoan
        fields = [
            "id",
            "organisation",
            "periodical",
            "periodical_title",
            "reader_name",
            "reader_card_number",
            "lent_on",
            "due_on",
            "returned_on",
        ]


class StaffLoanListApi(_StaffApi):
    @extend_schema_serializer(component_name="StaffLoanInput")
    class InputSerializer(serializers.Serializer[Any]):
        periodical = serializers.IntegerField(min_value=1)
        reader_name = serializers.CharField(max_length=100)
        reader_card_number = serializers.CharField(max_length=50)
        lent_on = serializers.DateField()
        due_on = serializers.DateField(required=False, allow_null=True, default=None)

    @extend_schema_serializer(component_name="LoanFilter")
    class FilterSerializer(serializers.Serializer[Any]):
        status = serializers.ChoiceField(
            choices=["open", "overdue", "returned"], required=False, allow_blank=True
        )

    @extend_schema(
        summary="期刊借阅记录",
        parameters=[FilterSerializer],
        responses={200: LoanOutputSerializer(many=True)},
        tags=["reading-room"],
    )
    def get(self, request: Request) -> Response:
        query = _validated(self.FilterSerializer(data=request.query_params))
        rows = selectors.register_filter(
            selectors.register_list_for_actor(actor=request.user, register="loan"),
            register="loan",
            status=query.get("status", ""),
        )
        return _paginated(request, self, rows, LoanOutputSerializer)

    @extend_schema(
        summary="借出一册报刊（已借出未还的不能再借）",
        request=InputSerializer,
        responses={201: LoanOutputSerializer},
        tags=["reading-room"],
    )
    def post(self, request: Request) -> Response:
        if not permissions.has_any_permission(request.user, permissions.READING_ROOM_MANAGE):
            raise PermissionDenied(_("您没有执行此操作的权限。"))
        data = _validated(self.InputSerializer(data=request.data))
        periodical = selectors.register_get_for_actor(
            actor=request.user, register="periodical", pk=data.pop("periodical")
        )
        if periodical is None or not permissions.can_manage_reading_room_record(
            request.user, periodical
        ):
            raise ValidationError({"periodical": [_("没有找到该报刊。")]})
        loan = services.periodical_loan_lend(actor=request.user, periodical=periodical, **data)
        return Response(LoanOutputSerializer(loan).data, status=status.HTTP_201_CREATED)


class StaffLoanReturnApi(_StaffApi):
    permission = permissions.READING_ROOM_MANAGE

    @extend_schema_serializer(component_name="StaffLoanReturnInput")
    class InputSerializer(serializers.Serializer[Any]):
        returned_on = serializers.DateField(required=False, allow_null=True, default=None)

    @extend_schema(
        summary="登记归还",
        request=InputSerializer,
        responses={200: LoanOutputSerializer},
        tags=["reading-room"],
    )
    def post(self, request: Request, pk: int) -> Response:
        loan = selectors.register_get_for_actor(actor=request.user, register="loan", pk=pk)
        if loan is None:
            raise NotFound(_("没有找到该借阅记录。"))
        if not permissions.can_manage_reading_room_record(request.user, loan):
            raise PermissionDenied(_("您没有执行此操作的权限。"))
        data = _validated(self.InputSerializer(data=request.data))
        loan = services.periodical_loan_return(
            actor=request.user,
            periodical_loan=loan,
            returned_on=data["returned_on"] or timezone.localdate(),
        )
        return Response(LoanOutputSerializer(loan).data)


class StaffReadingRoomStatisticsApi(_StaffApi):
    class QuerySerializer(serializers.Serializer[Any]):
        organisation = serializers.IntegerField(min_value=1)
        year = serializers.IntegerField(min_value=1996, max_value=2100)

    @extend_schema(
        summary="政务资讯大厅年度数字",
        parameters=[QuerySerializer],
        responses={200: FIGURES},
        tags=["reading-room"],
    )
    def get(self, request: Request) -> Response:
        query = _validated(self.QuerySerializer(data=request.query_params))
        organisation = (
            permissions.organisations_with(request.user, permissions.READING_ROOM_VIEW)
            .filter(pk=query["organisation"])
            .first()
        )
        if organisation is None:
            raise NotFound(_("没有找到该机构。"))
        return Response(
            statistics.year_statistics(organisation_ids=[organisation.pk], year=query["year"])
        )


class PageViewRowSerializer(serializers.Serializer[Any]):
    date = serializers.DateField()
    views = serializers.IntegerField()


class StaffPageViewsApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.WEB_ANALYTICS_VIEW

    class QuerySerializer(serializers.Serializer[Any]):
        date_from = serializers.DateField(required=False)
        date_to = serializers.DateField(required=False)
        path = serializers.CharField(required=False, allow_blank=True, help_text="页面名称")

    @extend_schema(
        summary="门户网站每日访问量（只含汇总数字）",
        parameters=[QuerySerializer],
        responses={200: PageViewRowSerializer(many=True)},
        tags=["web-analytics"],
    )
    def get(self, request: Request) -> Response:
        query = _validated(self.QuerySerializer(data=request.query_params))
        today = timezone.localdate()
        date_from = query.get("date_from") or dt.date(today.year, 1, 1)
        date_to = query.get("date_to") or today
        if date_from > date_to:
            raise ValidationError({"date_from": [_("起始日期不能晚于截止日期。")]})
        rows = page_view_selectors.page_views_daily(
            date_from=date_from, date_to=date_to, path=query.get("path", "")
        )
        return Response(PageViewRowSerializer(rows, many=True).data)
