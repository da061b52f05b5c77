"""行政复议、行政诉讼和申诉 over the API (token authentication, staff only).

Cases are loaded through the actor-scoped selector (404 outside the actor's organisations);
writes check the predicate (403) and call one service (its refusals are JSON 400s).
"""

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
from gongkai.appeals import selectors, services, statistics
from gongkai.appeals.models import AppealCase, AppealDocument, CaseKind, CaseResult
from gongkai.organisations import permissions

CASE_INPUT_FIELDS = [
    "kind",
    "handling_body",
    "case_number",
    "applicant_name",
    "claim",
    "filed_on",
    "accepted_on",
    "note",
]


class AppealDocumentOutputSerializer(serializers.ModelSerializer[AppealDocument]):
    class Meta:
        model = AppealDocument
        fields = ["id", "title", "original_name", "content_type", "size", "sha256", "uploaded_at"]


class AppealCaseOutputSerializer(ProvisionalDateMixin, serializers.ModelSerializer[AppealCase]):
    provisional_date_field = "decision_due_on"

    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    is_pending = serializers.BooleanField(read_only=True)
    result_label = serializers.CharField(read_only=True)
    disclosure_request_tracking_number = serializers.CharField(
        source="disclosure_request.tracking_number", read_only=True, default=None
    )
    documents = AppealDocumentOutputSerializer(many=True, read_only=True)

    class Meta:
        model = AppealCase
        fields = [
            "id",
            "organisation",
            "organisation_name",
            "kind",
            "kind_label",
            "disclosure_request",
            "disclosure_request_tracking_number",
            "review_case",
            "handling_body",
            "case_number",
            "applicant_name",
            "claim",
            "filed_on",
            "accepted_on",
            "decision_due_on",
            *PROVISIONAL_FIELDS,
            "decision_due_basis",
            "decided_on",
            "result",
            "is_pending",
            "result_label",
            "decision_summary",
            "corrective_action",
            "note",
            "created_at",
            "updated_at",
            "documents",
        ]


def _case_response(appeal_case: AppealCase, *, status_code: int = 200) -> Response:
    return Response(AppealCaseOutputSerializer(appeal_case).data, status=status_code)


def _load_case(request: Request, pk: int) -> AppealCase:
    appeal_case = selectors.appeal_case_get_for_actor(actor=request.user, pk=pk)
    if appeal_case is None:
        raise NotFound(_("没有找到该案件。"))
    return appeal_case


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("您没有执行此操作的权限。"))


def _links(request: Request, fields: dict[str, Any]) -> dict[str, Any]:
    """Turn the ids of the linked application and review case into objects the actor reaches."""
    if "disclosure_request" in fields:
        request_id = fields["disclosure_request"]
        fields["disclosure_request"] = None
        if request_id is not None:
            found = selectors.disclosure_requests_for(actor=request.user).filter(pk=request_id)
            fields["disclosure_request"] = found.first()
            if fields["disclosure_request"] is None:
                raise ValidationError({"disclosure_request": [_("没有找到该申请。")]})
    if "review_case" in fields:
        case_id = fields["review_case"]
        fields["review_case"] = None
        if case_id is not None:
            fields["review_case"] = (
                selectors.review_cases_for(actor=request.user).filter(pk=case_id).first()
            )
            if fields["review_case"] is None:
                raise ValidationError({"review_case": [_("没有找到该行政复议案件。")]})
    return fields


class _CaseFieldsSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=CaseKind.choices)
    handling_body = serializers.CharField(max_length=200)
    case_number = serializers.CharField(max_length=100, required=False, allow_blank=True)
    applicant_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    claim = serializers.CharField(required=False, allow_blank=True)
    filed_on = serializers.DateField()
    accepted_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True)
    disclosure_request = serializers.IntegerField(required=False, allow_null=True, min_value=1)
    review_case = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class _AppealsApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.APPEALS_VIEW


class StaffAppealListCreateApi(_AppealsApi):
    @extend_schema_serializer(component_name="StaffAppealCaseCreateInput")
    class InputSerializer(_CaseFieldsSerializer):
        organisation = serializers.IntegerField(min_value=1)

    @extend_schema_serializer(component_name="StaffAppealCaseFilter")
    class FilterSerializer(serializers.Serializer[Any]):
        kind = serializers.ChoiceField(choices=CaseKind.choices, required=False)
        result = serializers.ChoiceField(
            choices=[*CaseResult.values, selectors.PENDING], required=False
        )
        year = serializers.IntegerField(min_value=1990, max_value=2100, required=False)
        overdue = serializers.BooleanField(required=False, allow_null=True, default=None)
        q = serializers.CharField(required=False, allow_blank=True)

    @extend_schema(
        summary="复议诉讼案件列表",
        parameters=[
            OpenApiParameter("kind", str, enum=CaseKind.values),
            OpenApiParameter("result", str, enum=[*CaseResult.values, selectors.PENDING]),
            OpenApiParameter("year", int, description="提出年度"),
            OpenApiParameter("overdue", bool, description="超过法定审结期限且未审结"),
            OpenApiParameter("q", str),
        ],
        responses=AppealCaseOutputSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        cases = selectors.appeal_case_list_for_actor(
            actor=request.user,
            kind=data.get("kind") or None,
            result=data.get("result") or None,
            year=data.get("year"),
            overdue=data.get("overdue"),
            query=data.get("q") or None,
        ).prefetch_related("documents")
        paginator = StandardPagination()
        page = paginator.paginate_queryset(cases, request, view=self)
        return paginator.get_paginated_response(AppealCaseOutputSerializer(page, many=True).data)

    @extend_schema(
        summary="登记复议诉讼案件",
        request=InputSerializer,
        responses={201: AppealCaseOutputSerializer},
    )
    def post(self, request: Request) -> Response:
        _require(permissions.has_any_permission(request.user, permissions.APPEALS_MANAGE))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        organisation = (
            permissions.organisations_with(request.user, permissions.APPEALS_MANAGE)
            .filter(pk=fields.pop("organisation"))
            .first()
        )
        if organisation is None:
            raise ValidationError({"organisation": [_("没有该机构，或您不能为该机构登记案件。")]})
        fields = _links(request, fields)
        appeal_case = services.appeal_case_create(
            actor=request.user, organisation=organisation, **fields
        )
        return _case_response(appeal_case, status_code=status.HTTP_201_CREATED)


class StaffAppealDetailApi(_AppealsApi):
    @extend_schema_serializer(component_name="StaffAppealCaseUpdateInput")
    class InputSerializer(_CaseFieldsSerializer):
        pass

    @extend_schema(summary="复议诉讼案件详情", responses=AppealCaseOutputSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return _case_response(_load_case(request, pk))

    @extend_schema(
        summary="修改复议诉讼案件",
        request=InputSerializer,
        responses=AppealCaseOutputSerializer,
    )
    def patch(self, request: Request, pk: int) -> Response:
        appeal_case = _load_case(request, pk)
        _require(permissions.can_manage_appeal_case(request.user, appeal_case))
        serializer = self.InputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        fields = _links(request, dict(serializer.validated_data))
        return _case_response(
            services.appeal_case_update(actor=request.user, appeal_case=appeal_case, **fields)
        )


class StaffAppealDecisionApi(_AppealsApi):
    permission = permissions.APPEALS_MANAGE

    @extend_schema_serializer(component_name="StaffAppealDecisionInput")
    class InputSerializer(serializers.Serializer[Any]):
        decided_on = serializers.DateField()
        result = serializers.ChoiceField(choices=CaseResult.choices)
        decision_summary = serializers.CharField(required=False, allow_blank=True)
        corrective_action = serializers.CharField(required=False, allow_blank=True)

    @extend_schema(
        summary="记录审结结果", request=InputSerializer, responses=AppealCaseOutputSerializer
    )
    def post(self, request: Request, pk: int) -> Response:
        appeal_case = _load_case(request, pk)
        _require(permissions.can_manage_appeal_case(request.user, appeal_case))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return _case_response(
            services.appeal_case_record_decision(
                actor=request.user, appeal_case=appeal_case, **serializer.validated_data
            )
        )


class StaffAppealDocumentUploadApi(_AppealsApi):
    permission = permissions.APPEALS_MANAGE
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema_serializer(component_name="StaffAppealDocumentInput")
    class InputSerializer(serializers.Serializer[Any]):
        file = serializers.FileField()
        title = serializers.CharField(max_length=200, required=False, allow_blank=True)

    @extend_schema(
        summary="上传案件文书",
        request={"multipart/form-data": InputSerializer},
        responses={201: AppealDocumentOutputSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        appeal_case = _load_case(request, pk)
        _require(permissions.can_manage_appeal_case(request.user, appeal_case))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        document = services.appeal_document_add(
            actor=request.user,
            appeal_case=appeal_case,
            uploaded_file=serializer.validated_data["file"],
            title=serializer.validated_data.get("title", ""),
        )
        return Response(
            AppealDocumentOutputSerializer(document).data, status=status.HTTP_201_CREATED
        )


class StaffAppealStatisticsApi(_AppealsApi):
    """Table 四 of the annual report for one organisation and year."""

    @extend_schema_serializer(component_name="StaffAppealStatisticsQuery")
    class FilterSerializer(serializers.Serializer[Any]):
        year = serializers.IntegerField(min_value=1990, max_value=2100)
        organisation = serializers.IntegerField(min_value=1)

    @extend_schema(
        summary="政府信息公开行政复议、行政诉讼情况（年度报告表四）",
        parameters=[
            OpenApiParameter("year", int, required=True),
            OpenApiParameter("organisation", int, required=True),
        ],
        responses={
            200: {
                "type": "object",
                "properties": {
                    "organisation": {"type": "integer"},
                    "year": {"type": "integer"},
                    "figures": {"type": "object", "additionalProperties": {"type": "integer"}},
                    "table_four": {"type": "array", "items": {"type": "integer"}},
                },
            }
        },
    )
    def get(self, request: Request) -> Response:
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        organisation = (
            permissions.organisations_with(request.user, permissions.APPEALS_VIEW)
            .filter(pk=data["organisation"])
            .first()
        )
        if organisation is None:
            raise NotFound(_("没有找到该机构，或您不能查看该机构的案件。"))
        figures = statistics.year_statistics(organisation_ids=[organisation.pk], year=data["year"])
        return Response(
            {
                "organisation": organisation.pk,
                "year": data["year"],
                "figures": figures,
                "table_four": statistics.table_four_row(figures),
            }
        )
