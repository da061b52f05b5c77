"""政府信息公开工作年度报告 over the API.

Public: the published reports (their frozen snapshot: every cell with its official row and
column labels) and the report auditor. Staff (token authentication): reports of the actor's
organisations, creating a draft, building a report from the records without saving it, and
the checks of a report. Reports are loaded through the actor-scoped selector (404 outside the
actor's organisations); writes check the predicate (403) and call one service.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.api.pagination import StandardPagination
from gongkai.api.permissions import HasDeclaredPermission
from gongkai.organisations import permissions
from gongkai.reports import public_audit, selectors, services
from gongkai.reports.build import build_report
from gongkai.reports.formats import known_formats
from gongkai.reports.models import AnnualReport
from gongkai.reports.periods import default_format_for_year
from gongkai.reports.renderers import render as render_report


class ReportSummarySerializer(serializers.ModelSerializer[AnnualReport]):
    organisation_code = serializers.CharField(source="organisation.code", read_only=True)
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = AnnualReport
        fields = [
            "id",
            "organisation",
            "organisation_code",
            "organisation_name",
            "year",
            "format_code",
            "roll_up",
            "version",
            "parent",
            "change_note",
            "status",
            "status_label",
            "published_at",
        ]


def report_json(annual_report: AnnualReport) -> dict[str, Any]:
    """The JSON output of the report (the same as the .json download)."""
    data: dict[str, Any] = json.loads(
        render_report(services.report_data(annual_report), "json").decode("utf-8")
    )
    return data


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("您没有执行此操作的权限。"))


# --- public --------------------------------------------------------------------------------


class PublicReportListApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        summary="已公布的年度报告",
        parameters=[
            OpenApiParameter("organisation", int, description="机构编号"),
            OpenApiParameter("year", int, description="报告年度"),
        ],
        responses=ReportSummarySerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        reports = selectors.annual_report_published_list()
        for name in ("organisation", "year"):
            raw = request.query_params.get(name)
            if raw:
                if not raw.isdigit():
                    raise ValidationError({name: [_("应为整数。")]})
                reports = reports.filter(**{name: int(raw)})
        paginator = StandardPagination()
        page = paginator.paginate_queryset(reports, request, view=self)
        return paginator.get_paginated_response(ReportSummarySerializer(page, many=True).data)


class PublicReportDetailApi(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        summary="已公布年度报告的全部数据（每个单元格及其正式行列名称）",
        responses={200: dict},
    )
    def get(self, request: Request, pk: int) -> Response:
        annual_report = selectors.annual_report_published_list().filter(pk=pk).first()
        if annual_report is None or not annual_report.snapshot:
            raise NotFound(_("没有找到该年度报告。"))
        return Response(
            {"report": ReportSummarySerializer(annual_report).data, **report_json(annual_report)}
        )


class PublicReportAuditApi(APIView):
    """Audit a published report (any body's): text in JSON or a form field, or a file."""

    permission_classes = [AllowAny]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema_serializer(component_name="ReportAuditInput")
    class InputSerializer(serializers.Serializer[Any]):
        text = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
        file = serializers.FileField(required=False, allow_empty_file=True)

    @extend_schema(
        summary="年度报告数字核对",
        request=InputSerializer,
        responses={200: dict},
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data.get("file")
        if upload is not None:
            if upload.size > public_audit.MAX_BYTES:
                raise ValidationError({"file": [_("文件过大：最大 5 MB。")]})
            checked = public_audit.run_public_audit(data=upload.read(), name=upload.name)
        else:
            checked = public_audit.run_public_audit(text=serializer.validated_data.get("text", ""))
        findings = checked.findings()
        return Response(
            {
                "ok": not findings,
                "source": checked.source,
                "findings": findings,
                "notes": list(checked.result.notes),
            }
        )


# --- staff ---------------------------------------------------------------------------------


class _ReportsApi(APIView):
    permission_classes = [HasDeclaredPermission]
    permission = permissions.REPORTS_VIEW


def _load_report(request: Request, pk: int) -> AnnualReport:
    annual_report = selectors.annual_report_get(actor=request.user, pk=pk)
    if annual_report is None:
        raise NotFound(_("没有找到该年度报告。"))
    return annual_report


class _ReportTarget(serializers.Serializer[Any]):
    organisation = serializers.IntegerField(min_value=1)
    year = serializers.IntegerField(min_value=2008, max_value=2100)
    format = serializers.ChoiceField(choices=[], required=False, allow_blank=True)
    roll_up = serializers.BooleanField(required=False, default=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [f.code for f in known_formats()]  # type: ignore[attr-defined]


def _organisation(request: Request, organisation_id: int, code: str) -> Any:
    organisation = (
        permissions.organisations_with(request.user, code).filter(pk=organisation_id).first()
    )
    if organisation is None:
        raise ValidationError({"organisation": [_("没有该机构，或您不能为该机构编制年度报告。")]})
    return organisation


class StaffReportListCreateApi(_ReportsApi):
    @extend_schema_serializer(component_name="StaffReportCreateInput")
    class InputSerializer(_ReportTarget):
        pass

    @extend_schema(
        summary="年度报告列表（本人所在机构）",
        parameters=[OpenApiParameter("year", int), OpenApiParameter("organisation", int)],
        responses=ReportSummarySerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        reports = selectors.annual_report_list(actor=request.user)
        for name in ("organisation", "year"):
            raw = request.query_params.get(name)
            if raw:
                if not raw.isdigit():
                    raise ValidationError({name: [_("应为整数。")]})
                reports = reports.filter(**{name: int(raw)})
        paginator = StandardPagination()
        page = paginator.paginate_queryset(reports, request, view=self)
        return paginator.get_paginated_response(ReportSummarySerializer(page, many=True).data)

    @extend_schema(
        summary="编制年度报告（生成草稿）",
        request=InputSerializer,
        responses={201: ReportSummarySerializer},
    )
    def post(self, request: Request) -> Response:
        _require(permissions.has_any_permission(request.user, permissions.REPORTS_EDIT))
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        organisation = _organisation(request, data["organisation"], permissions.REPORTS_EDIT)
        annual_report = services.report_create(
            actor=request.user,
            organisation=organisation,
            year=data["year"],
            format_code=data.get("format") or default_format_for_year(data["year"]),
            roll_up=data["roll_up"],
        )
        return Response(ReportSummarySerializer(annual_report).data, status=status.HTTP_201_CREATED)


class StaffReportBuildApi(_ReportsApi):
    """Build a report from the records now, without saving anything (a preview)."""

    @extend_schema_serializer(component_name="StaffReportBuildInput")
    class InputSerializer(_ReportTarget):
        pass

    @extend_schema(
        summary="按记录生成年度报告数据（不保存）", request=InputSerializer, responses={200: dict}
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        organisation = _organisation(request, data["organisation"], permissions.REPORTS_VIEW)
        built = build_report(
            organisation=organisation,
            year=data["year"],
            format_code=data.get("format") or default_format_for_year(data["year"]),
            roll_up=data["roll_up"],
            previous_lookup=selectors.previous_year,
        )
        return Response(json.loads(render_report(built, "json").decode("utf-8")))


class StaffReportDetailApi(_ReportsApi):
    @extend_schema(summary="年度报告（含全部单元格和检查结果）", responses={200: dict})
    def get(self, request: Request, pk: int) -> Response:
        annual_report = _load_report(request, pk)
        return Response(
            {"report": ReportSummarySerializer(annual_report).data, **report_json(annual_report)}
        )


class StaffReportChecksApi(_ReportsApi):
    @extend_schema(summary="年度报告检查结果", responses={200: dict})
    def get(self, request: Request, pk: int) -> Response:
        annual_report = _load_report(request, pk)
        data = services.report_data(annual_report)
        return Response(
            {
                "report": annual_report.pk,
                "summary": data.get("summary", {}),
                "checks": data.get("checks", []),
                "acknowledged_warnings": annual_report.acknowledged_warnings,
            }
        )
