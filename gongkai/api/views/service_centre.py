"""投诉建议, 办事指南 and the service desk over the API.

Public: file a complaint (the access code is answered once), track it and rate the reply with
the tracking number and code; read published service guides. Staff (token authentication):
lists scoped to the caller's organisations, reply to complaints, record print runs,
evaluations and fault reports. Rule refusals come back as 400 with the service's message.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, Throttled
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.api.pagination import StandardPagination
from gongkai.api.permissions import HasDeclaredPermission
from gongkai.api.provisional import PROVISIONAL_FIELDS, ProvisionalDateMixin
from gongkai.complaints import selectors as complaint_selectors
from gongkai.complaints import services as complaint_services
from gongkai.complaints.models import Complaint
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.organisations.selectors import organisation_list_public
from gongkai.portal.views.disclosure import track_failure_count, track_limit_reached
from gongkai.service_desk import selectors as desk_selectors
from gongkai.service_desk import services as desk_services
from gongkai.service_desk.models import SCORE_FIELDS, FaultReport, ServiceEvaluation
from gongkai.service_guides import selectors as guide_selectors
from gongkai.service_guides import services as guide_services
from gongkai.service_guides.models import GuidePrintRun, ServiceGuide, ServiceItem


def _paginated(view: APIView, request: Request, rows: Any, serializer: Any) -> Response:
    paginator = StandardPagination()
    page: list[Any] | None = paginator.paginate_queryset(rows, request, view=view)
    return paginator.get_paginated_response(serializer(page, many=True).data)


def _organisation_for(actor: Any, code: str, pk: int) -> Organisation:
    organisation = permissions.organisations_with(actor, code).filter(pk=pk).first()
    if organisation is None:
        raise serializers.ValidationError({"organisation": [_("您不能为该机构登记。")]})
    return organisation


# --- complaints: public ---------------------------------------------------------------------


class ComplaintPublicSerializer(ProvisionalDateMixin, serializers.ModelSerializer[Complaint]):
    """What the complainant sees: the record, the reply and the rating."""

    organisation_name = serializers.CharField(source="organisation.name")
    department_name = serializers.SerializerMethodField()
    kind_label = serializers.CharField(source="get_kind_display")
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = Complaint
        fields = [
            "tracking_number",
            "kind",
            "kind_label",
            "subject",
            "organisation_name",
            "department_name",
            "received_on",
            "due_on",
            *PROVISIONAL_FIELDS,
            "status",
            "status_label",
            "reply",
            "replied_on",
            "satisfaction",
        ]

    def get_department_name(self, obj: Complaint) -> str:
        return obj.department.name if obj.department else ""


class ComplaintSubmitApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema_serializer(component_name="ComplaintSubmitInput")
    class InputSerializer(serializers.Serializer[Any]):
        organisation = serializers.IntegerField(min_value=1)
        kind = serializers.ChoiceField(choices=Complaint.Kind.choices)
        subject = serializers.CharField(max_length=200)
        content = serializers.CharField()
        contact_name = serializers.CharField(max_length=100, required=False, allow_blank=True)
        contact_phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
        contact_email = serializers.CharField(max_length=254, required=False, allow_blank=True)

        def validate_organisation(self, value: int) -> Any:
            organisation = organisation_list_public().filter(pk=value).first()
            if organisation is None:
                raise serializers.ValidationError(_("没有该机构。"))
            return organisation

    @extend_schema_serializer(component_name="ComplaintSubmitOutput")
    class OutputSerializer(serializers.Serializer[Any]):
        tracking_number = serializers.CharField()
        access_code = serializers.CharField(help_text="只返回这一次，请妥善保存。")
        due_on = serializers.DateField()

    @extend_schema(
        summary="提交投诉、建议或表扬", request=InputSerializer, responses={201: OutputSerializer}
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        complaint, access_code = complaint_services.complaint_submit(**serializer.validated_data)
        return Response(
            {
                "tracking_number": complaint.tracking_number,
                "access_code": access_code,
                "due_on": complaint.due_on,
            },
            status=status.HTTP_201_CREATED,
        )


class _ComplaintOwnerApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    def _complaint(self, request: Request, data: dict[str, Any]) -> Complaint:
        if track_limit_reached(request):
            raise Throttled(detail=_("查询次数过多，请10分钟后再试。"))
        complaint = complaint_selectors.complaint_get_for_complainant(
            tracking_number=data["tracking_number"], access_code=data["access_code"]
        )
        if complaint is None:
            track_failure_count(request)
            raise NotFound(_("受理编号或查询码不正确。"))
        return complaint


class ComplaintTrackApi(_ComplaintOwnerApi):
    @extend_schema_serializer(component_name="ComplaintTrackInput")
    class InputSerializer(serializers.Serializer[Any]):
        tracking_number = serializers.CharField(max_length=60)
        access_code = serializers.CharField(max_length=20)

    @extend_schema(
        summary="查询投诉建议办理情况和答复（受理编号 + 查询码）",
        request=InputSerializer,
        responses=ComplaintPublicSerializer,
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        complaint = self._complaint(request, serializer.validated_data)
        return Response(ComplaintPublicSerializer(complaint).data)


class ComplaintRateApi(_ComplaintOwnerApi):
    @extend_schema_serializer(component_name="ComplaintRateInput")
    class InputSerializer(serializers.Serializer[Any]):
        tracking_number = serializers.CharField(max_length=60)
        access_code = serializers.CharField(max_length=20)
        # Any value: the service refuses what is not 1–5 with its own message.
        satisfaction = serializers.CharField(max_length=10, help_text="1至5的整数")
        comment = serializers.CharField(max_length=500, required=False, allow_blank=True)

    @extend_schema(
        summary="评价答复的满意度（1–5）",
        request=InputSerializer,
        responses=ComplaintPublicSerializer,
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        complaint = self._complaint(request, data)
        complaint_services.complaint_rate(
            complaint=complaint,
            satisfaction=data["satisfaction"],
            comment=data.get("comment", ""),
        )
        return Response(ComplaintPublicSerializer(complaint).data)


# --- complaints: staff ----------------------------------------------------------------------


class StaffComplaintSerializer(ProvisionalDateMixin, serializers.ModelSerializer[Complaint]):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    is_overdue = serializers.SerializerMethodField()

    class Meta:
        model = Complaint
        fields = [
            "id",
            "tracking_number",
            "organisation",
            "organisation_name",
            "department",
            "kind",
            "channel",
            "subject",
            "content",
            "received_on",
            "due_on",
            *PROVISIONAL_FIELDS,
            "status",
            "reply",
            "replied_on",
            "satisfaction",
            "is_overdue",
        ]

    def get_is_overdue(self, obj: Complaint) -> bool:
        return complaint_selectors.complaint_is_overdue(obj)


def _load_complaint(request: Request, pk: int) -> Complaint:
    complaint = complaint_selectors.complaint_get_for_actor(actor=request.user, pk=pk)
    if complaint is None:
        raise NotFound(_("没有找到该投诉建议。"))
    return complaint


class StaffComplaintListApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.COMPLAINTS_VIEW

    @extend_schema_serializer(component_name="StaffComplaintFilter")
    class FilterSerializer(serializers.Serializer[Any]):
        kind = serializers.ChoiceField(choices=Complaint.Kind.choices, required=False)
        status = serializers.ChoiceField(choices=Complaint.Status.choices, required=False)
        year = serializers.IntegerField(required=False, min_value=1990, max_value=2100)
        overdue = serializers.BooleanField(required=False, allow_null=True, default=None)
        q = serializers.CharField(required=False, allow_blank=True)

    @extend_schema(
        summary="本人可见的投诉建议",
        parameters=[
            OpenApiParameter("kind", str, enum=Complaint.Kind.values),
            OpenApiParameter("status", str, enum=Complaint.Status.values),
            OpenApiParameter("year", int),
            OpenApiParameter("overdue", bool),
            OpenApiParameter("q", str),
        ],
        responses=StaffComplaintSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        data = filters.validated_data
        complaints = complaint_selectors.complaint_list_for_actor(
            actor=request.user,
            kind=data.get("kind") or None,
            status=data.get("status") or None,
            year=data.get("year"),
            overdue=data.get("overdue"),
            query=data.get("q") or None,
        )
        return _paginated(self, request, complaints, StaffComplaintSerializer)


class StaffComplaintDetailApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.COMPLAINTS_VIEW

    @extend_schema(summary="投诉建议详情", responses=StaffComplaintSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(StaffComplaintSerializer(_load_complaint(request, pk)).data)


class StaffComplaintReplyApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.COMPLAINTS_MANAGE

    @extend_schema_serializer(component_name="ComplaintReplyInput")
    class InputSerializer(serializers.Serializer[Any]):
        reply = serializers.CharField()
        replied_on = serializers.DateField(required=False, allow_null=True)

    @extend_schema(
        summary="答复投诉建议", request=InputSerializer, responses=StaffComplaintSerializer
    )
    def post(self, request: Request, pk: int) -> Response:
        complaint = _load_complaint(request, pk)
        if not permissions.can_manage_complaint(request.user, complaint):
            raise PermissionDenied(_("您没有答复该投诉建议的权限。"))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        complaint_services.complaint_reply(
            actor=request.user,
            complaint=complaint,
            reply=serializer.validated_data["reply"],
            replied_on=serializer.validated_data.get("replied_on"),
        )
        return Response(StaffComplaintSerializer(complaint).data)


# --- service guides -------------------------------------------------------------------------


class GuideVersionSerializer(serializers.ModelSerializer[ServiceGuide]):
    class Meta:
        model = ServiceGuide
        fields = [
            "version",
            "revised_on",
            "change_note",
            "basis",
            "conditions",
            "materials",
            "process",
            "time_limit",
            "fees",
            "place",
            "contact",
        ]


class ServiceItemPublicSerializer(serializers.ModelSerializer[ServiceItem]):
    department = serializers.CharField(source="department_label")
    organisation_name = serializers.CharField(source="organisation.name")
    current_version = serializers.IntegerField()

    class Meta:
        model = ServiceItem
        fields = ["id", "code", "name", "department", "organisation_name", "current_version"]


class ServiceGuideListApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(
        summary="已发布的办事指南",
        parameters=[OpenApiParameter("q", str)],
        responses=ServiceItemPublicSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        query = (request.query_params.get("q") or "").strip()[:100]
        items = guide_selectors.service_item_list_public(query=query or None)
        return _paginated(self, request, items, ServiceItemPublicSerializer)


class ServiceGuideDetailApi(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(summary="办事指南：现行版本及历史版本", responses=ServiceItemPublicSerializer)
    def get(self, request: Request, pk: int) -> Response:
        item = guide_selectors.service_item_get_public(pk=pk)
        if item is None:
            raise NotFound(_("没有找到该办事指南。"))
        versions = list(guide_selectors.published_versions(item))
        data = dict(ServiceItemPublicSerializer(item).data)
        data["current"] = GuideVersionSerializer(versions[0]).data
        data["versions"] = GuideVersionSerializer(versions, many=True).data
        return Response(data)


class PrintRunSerializer(serializers.ModelSerializer[GuidePrintRun]):
    class Meta:
        model = GuidePrintRun
        fields = [
            "id",
            "organisation",
            "kind",
            "printed_on",
            "batch_number",
            "items_count",
            "copies",
            "note",
        ]


class StaffPrintRunListApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.SERVICE_GUIDES_VIEW

    @extend_schema_serializer(component_name="PrintRunInput")
    class InputSerializer(serializers.Serializer[Any]):
        organisation = serializers.IntegerField(min_value=1)
        kind = serializers.ChoiceField(choices=GuidePrintRun.Kind.choices)
        printed_on = serializers.DateField()
        batch_number = serializers.CharField(max_length=50)
        # Plain integers: the service refuses negatives with its own message.
        items_count = serializers.IntegerField(required=False, default=0)
        copies = serializers.IntegerField()
        note = serializers.CharField(max_length=300, required=False, allow_blank=True)

    def get_permissions(self) -> Any:
        if self.request.method == "POST":
            self.permission = permissions.SERVICE_GUIDES_MANAGE
        return super().get_permissions()

    @extend_schema(
        summary="办事指南及便民服务卡印制批次",
        parameters=[OpenApiParameter("year", int)],
        responses=PrintRunSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        year = request.query_params.get("year")
        runs = guide_selectors.print_run_list_for_actor(
            actor=request.user, year=int(year) if year and year.isdigit() else None
        )
        return _paginated(self, request, runs, PrintRunSerializer)

    @extend_schema(
        summary="登记印制批次", request=InputSerializer, responses={201: PrintRunSerializer}
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["organisation"] = _organisation_for(
            request.user, permissions.SERVICE_GUIDES_MANAGE, data["organisation"]
        )
        run = guide_services.guide_print_run_record(actor=request.user, **data)
        return Response(PrintRunSerializer(run).data, status=status.HTTP_201_CREATED)


# --- service desk ---------------------------------------------------------------------------


class EvaluationSerializer(serializers.ModelSerializer[ServiceEvaluation]):
    class Meta:
        model = ServiceEvaluation
        fields = [
            "id",
            "organisation",
            "evaluator_department",
            "period_start",
            "period_end",
            "evaluated_staff",
            "evaluated_team",
            *SCORE_FIELDS,
            "comment",
        ]


class StaffEvaluationListApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.SERVICE_DESK_VIEW

    @extend_schema_serializer(component_name="ServiceEvaluationInput")
    class InputSerializer(serializers.Serializer[Any]):
        organisation = serializers.IntegerField(min_value=1)
        evaluator_department = serializers.CharField(max_length=200)
        period_start = serializers.DateField()
        period_end = serializers.DateField()
        evaluated_team = serializers.CharField(max_length=200, required=False, allow_blank=True)
        attitude = serializers.IntegerField()
        quality = serializers.IntegerField()
        efficiency = serializers.IntegerField()
        conduct = serializers.IntegerField()
        comment = serializers.CharField(required=False, allow_blank=True)

    def get_permissions(self) -> Any:
        if self.request.method == "POST":
            self.permission = permissions.SERVICE_DESK_MANAGE
        return super().get_permissions()

    @extend_schema(
        summary="服务评价",
        parameters=[OpenApiParameter("year", int)],
        responses=EvaluationSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        year = request.query_params.get("year")
        evaluations = desk_selectors.evaluation_list_for_actor(
            actor=request.user, year=int(year) if year and year.isdigit() else None
        )
        return _paginated(self, request, evaluations, EvaluationSerializer)

    @extend_schema(
        summary="登记服务评价（四项各1–5分）",
        request=InputSerializer,
        responses={201: EvaluationSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        evaluation = desk_services.service_evaluation_record(
            actor=request.user,
            organisation=_organisation_for(
                request.user, permissions.SERVICE_DESK_MANAGE, data["organisation"]
            ),
            evaluator_department=data["evaluator_department"],
            period_start=data["period_start"],
            period_end=data["period_end"],
            evaluated_team=data.get("evaluated_team", ""),
            scores={name: data[name] for name in SCORE_FIELDS},
            comment=data.get("comment", ""),
        )
        return Response(EvaluationSerializer(evaluation).data, status=status.HTTP_201_CREATED)


class FaultSerializer(serializers.ModelSerializer[FaultReport]):
    time_to_resolve_minutes = serializers.SerializerMethodField()

    class Meta:
        model = FaultReport
        fields = [
            "id",
            "organisation",
            "reporting_department",
            "reporter_name",
            "channel",
            "reported_at",
            "description",
            "status",
            "resolved_at",
            "resolution",
            "time_to_resolve_minutes",
        ]

    def get_time_to_resolve_minutes(self, obj: FaultReport) -> int | None:
        if obj.resolved_at is None:
            return None
        return int((obj.resolved_at - obj.reported_at).total_seconds() // 60)


class StaffFaultListApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.SERVICE_DESK_VIEW

    @extend_schema_serializer(component_name="FaultReportInput")
    class InputSerializer(serializers.Serializer[Any]):
        organisation = serializers.IntegerField(min_value=1)
        reporting_department = serializers.CharField(max_length=200)
        reporter_name = serializers.CharField(max_length=100, required=False, allow_blank=True)
        channel = serializers.ChoiceField(
            choices=FaultReport.Channel.choices, default=FaultReport.Channel.HOTLINE
        )
        reported_at = serializers.DateTimeField(required=False, allow_null=True)
        description = serializers.CharField()

    def get_permissions(self) -> Any:
        if self.request.method == "POST":
            self.permission = permissions.SERVICE_DESK_MANAGE
        return super().get_permissions()

    @extend_schema(
        summary="故障申报",
        parameters=[OpenApiParameter("status", str, enum=FaultReport.Status.values)],
        responses=FaultSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        wanted = request.query_params.get("status")
        reports = desk_selectors.fault_list_for_actor(
            actor=request.user, status=wanted if wanted in FaultReport.Status.values else None
        )
        return _paginated(self, request, reports, FaultSerializer)

    @extend_schema(
        summary="登记故障申报", request=InputSerializer, responses={201: FaultSerializer}
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data["organisation"] = _organisation_for(
            request.user, permissions.SERVICE_DESK_MANAGE, data["organisation"]
        )
        report = desk_services.fault_report_record(actor=request.user, **data)
        return Response(FaultSerializer(report).data, status=status.HTTP_201_CREATED)


class StaffFaultResolveApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.SERVICE_DESK_MANAGE

    @extend_schema_serializer(component_name="FaultResolveInput")
    class InputSerializer(serializers.Serializer[Any]):
        resolution = serializers.CharField()

    @extend_schema(summary="故障已解决", request=InputSerializer, responses=FaultSerializer)
    def post(self, request: Request, pk: int) -> Response:
        report = desk_selectors.fault_get_for_actor(actor=request.user, pk=pk)
        if report is None:
            raise NotFound(_("没有找到该故障申报。"))
        if not permissions.can_manage_service_desk(request.user, report.organisation):
            raise PermissionDenied(_("您没有处理该故障的权限。"))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        desk_services.fault_report_resolve(
            actor=request.user,
            fault_report=report,
            resolution=serializer.validated_data["resolution"],
        )
        return Response(FaultSerializer(report).data)
