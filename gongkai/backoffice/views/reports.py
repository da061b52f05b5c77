"""政府信息公开工作年度报告 in the back office: list, create, the report page (tables, checks,
narrative, entered figures, workflow, downloads), the narrative editor and the dashboard of
bodies that have not published their report by the statutory deadline.

Reports are loaded through the actor-scoped selector (404 outside the actor's organisations);
each write checks its predicate (403) and calls one service, whose refusals come back as
messages on the report page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import View

from gongkai.backoffice.forms import reports as report_forms
from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin, deny_unless
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.organisations import permissions
from gongkai.reports import deadlines, narrative, selectors, services
from gongkai.reports.build import text_context
from gongkai.reports.checks import ERROR, WARNING
from gongkai.reports.formats import get_format
from gongkai.reports.models import AnnualReport
from gongkai.reports.periods import regulation_for_year
from gongkai.reports.renderers import render as render_report
from gongkai.reports.renderers.html import table_html

PAGE_SIZE = 25

# (kind, label, content type) of every output, in the order offered for download.
DOWNLOADS: list[tuple[str, str, str]] = [
    ("html", "HTML", "text/html; charset=utf-8"),
    (
        "docx",
        "Word（DOCX）",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("pdf", "PDF", "application/pdf"),
    ("xlsx", "Excel（XLSX）", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("md", "Markdown", "text/markdown; charset=utf-8"),
    ("json", "JSON", "application/json"),
]
CONTENT_TYPES = {kind: content_type for kind, _label, content_type in DOWNLOADS}


def _load_report(request: HttpRequest, pk: int) -> AnnualReport:
    annual_report = selectors.annual_report_get(actor=request.user, pk=pk)
    if annual_report is None:
        raise Http404(_("没有找到该年度报告。"))
    return annual_report


def report_filename(annual_report: AnnualReport, kind: str) -> str:
    version = f"（第{annual_report.version}版）" if annual_report.version > 1 else ""
    return (
        f"{annual_report.organisation.name}{annual_report.year}年政府信息公开工作年度报告"
        f"{version}.{kind}"
    )


def download_response(annual_report: AnnualReport, kind: str) -> HttpResponse:
    """The report in one output kind; raises ApplicationError if the output is unavailable."""
    if kind not in CONTENT_TYPES:
        raise Http404(_("不支持的输出格式。"))
    content = render_report(services.report_data(annual_report), kind)
    response = HttpResponse(content, content_type=CONTENT_TYPES[kind])
    disposition = "inline" if kind == "html" else "attachment"
    response["Content-Disposition"] = (
        f"{disposition}; filename*=UTF-8''{quote(report_filename(annual_report, kind))}"
    )
    return response


def placeholder_help(annual_report: AnnualReport, data: dict[str, Any]) -> list[dict[str, str]]:
    """Every {key} the narrative may use, with its label and the value it renders now."""
    labels: dict[str, str] = data.get("labels", {})
    rows = [
        {"key": key, "label": "", "value": str(value)}
        for key, value in text_context(annual_report.organisation, annual_report.year).items()
    ]
    for key, value in sorted(data.get("statistics", {}).items()):
        rows.append({"key": key, "label": labels.get(key, ""), "value": str(value)})
    for figure in get_format(annual_report.format_code).entered_figures:
        entered = annual_report.entered_figures.get(figure.key, {})
        rows.append(
            {
                "key": f"entered.{figure.key}",
                "label": f"{figure.label}（填报）",
                "value": str(entered.get("value", "")) or _("未填报"),
            }
        )
    return rows


def narrative_sections(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "code": section["code"],
            "title": section["title"],
            "template": section["template"],
            "paragraphs": section["paragraphs"],
            "hand_typed": narrative.hand_typed_numbers(section["template"]),
        }
        for section in data["sections"]
        if section["kind"] != "table"
    ]


def _entered_rows(annual_report: AnnualReport) -> list[dict[str, Any]]:
    rows = []
    for figure in get_format(annual_report.format_code).entered_figures:
        current = annual_report.entered_figures.get(figure.key, {})
        rows.append(
            {
                "figure": figure,
                "value": current.get("value", ""),
                "source": current.get("source", ""),
                "form": report_forms.EnteredFigureForm(
                    initial={
                        "key": figure.key,
                        "value": current.get("value", ""),
                        "source": current.get("source", ""),
                    },
                    auto_id=f"figure-{figure.key}-%s",
                ),
            }
        )
    return rows


class ReportListView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.REPORTS_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        organisations = permissions.organisations_with(
            request.user, permissions.REPORTS_VIEW
        ).order_by("path")
        form = report_forms.ReportFilterForm(request.GET or None, organisations=organisations)
        reports = selectors.annual_report_list(actor=request.user)
        if form.is_valid():
            data = form.cleaned_data
            reports = selectors.annual_report_list(
                actor=request.user, organisation=data["organisation"], year=data["year"]
            )
            if data["status"]:
                reports = reports.filter(status=data["status"])
        reports = reports.order_by("-year", "organisation__path", "format_code", "-version")
        page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "backoffice/reports/list.html",
            {
                "form": form,
                "page_obj": page,
                "reports": page.object_list,
                "can_create": permissions.has_any_permission(
                    request.user, permissions.REPORTS_EDIT
                ),
            },
            status=400 if form.errors else 200,
        )


class ReportCreateView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.REPORTS_EDIT

    def _form(self, request: HttpRequest, data: Any = None) -> report_forms.ReportCreateForm:
        organisations = permissions.organisations_with(
            request.user, permissions.REPORTS_EDIT
        ).order_by("path")
        return report_forms.ReportCreateForm(data, organisations=organisations)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            organisation = form.cleaned_data["organisation"]
            deny_unless(permissions.can_create_annual_report(request.user, organisation))
            try:
                annual_report = services.report_create(
                    actor=request.user,
                    organisation=organisation,
                    year=form.cleaned_data["year"],
                    format_code=form.chosen_format(),
                    roll_up=form.cleaned_data["roll_up"],
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("已生成年度报告草稿。"))
                return redirect("backoffice:report_detail", pk=annual_report.pk)
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: forms.Form) -> HttpResponse:
        status = 400 if form.is_bound and form.errors else 200
        return render(request, "backoffice/reports/create.html", {"form": form}, status=status)


class ReportDetailView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.REPORTS_VIEW

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return render_detail(request, _load_report(request, pk))


def render_detail(
    request: HttpRequest,
    annual_report: AnnualReport,
    *,
    status: int = 200,
    forms_in_error: dict[str, forms.Form] | None = None,
) -> HttpResponse:
    data = services.report_data(annual_report)
    checks = data.get("checks", [])
    acknowledged = set(annual_report.acknowledged_warnings)
    warnings = [
        {**check, "acknowledged": f"{check['code']}|{check['where']}|{check['stated']}"
         in acknowledged}
        for check in checks
        if check["severity"] == WARNING
    ]  # fmt: skip
    tables = [
        {"section": section["title"], "html": mark_safe(table_html(table))}
        for section in data["sections"]
        for table in section["tables"]
    ]
    actor = request.user
    can_audit = permissions.can_view_audit(actor, annual_report.organisation)
    versions = (
        selectors.annual_report_list(
            actor=actor, organisation=annual_report.organisation, year=annual_report.year
        )
        .filter(format_code=annual_report.format_code)
        .order_by("version")
    )
    extra = forms_in_error or {}
    return render(
        request,
        "backoffice/reports/detail.html",
        {
            "annual_report": annual_report,
            "data": data,
            "report_format": get_format(annual_report.format_code),
            "deadline": deadlines.deadline_for(annual_report.organisation.kind, annual_report.year),
            "errors": [c for c in checks if c["severity"] == ERROR],
            "warnings": warnings,
            "tables": tables,
            "sections": narrative_sections(data),
            "entered_rows": _entered_rows(annual_report),
            "downloads": DOWNLOADS,
            "versions": versions,
            "is_draft": annual_report.status == AnnualReport.Status.DRAFT,
            "can_edit": permissions.can_edit_annual_report(actor, annual_report),
            "can_approve": permissions.can_approve_annual_report(actor, annual_report),
            "can_publish": permissions.can_publish_annual_report(actor, annual_report),
            "approve_form": extra.get("approve") or report_forms.ApproveForm(),
            "return_form": extra.get("return") or report_forms.ReasonForm(),
            "correction_form": extra.get("correct") or report_forms.CorrectionForm(),
            "can_audit": can_audit,
            "audit_entries": audit.entries_for(annual_report)[:100] if can_audit else None,
        },
        status=status,
    )


class ReportNarrativeView(OrganisationPermissionRequiredMixin, View):
    """The editor of one narrative section, with the placeholders and their current values."""

    permission = permissions.REPORTS_EDIT

    def _section(self, annual_report: AnnualReport, data: dict[str, Any], code: str) -> Any:
        for section in narrative_sections(data):
            if section["code"] == code:
                return section
        raise Http404(_("报告格式中没有该正文部分。"))

    def get(self, request: HttpRequest, pk: int, section: str) -> HttpResponse:
        annual_report = _load_report(request, pk)
        deny_unless(permissions.can_edit_annual_report(request.user, annual_report))
        data = services.report_data(annual_report, run_auditor=False)
        current = self._section(annual_report, data, section)
        form = report_forms.NarrativeForm(initial={"text": current["template"]})
        return self._render(request, annual_report, data, current, form)

    def post(self, request: HttpRequest, pk: int, section: str) -> HttpResponse:
        annual_report = _load_report(request, pk)
        deny_unless(permissions.can_edit_annual_report(request.user, annual_report))
        form = report_forms.NarrativeForm(request.POST)
        if form.is_valid():
            try:
                services.report_update_narrative(
                    actor=request.user,
                    annual_report=annual_report,
                    section_code=section,
                    text=form.cleaned_data["text"],
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                flagged = narrative.hand_typed_numbers(form.cleaned_data["text"])
                if flagged:
                    messages.warning(
                        request,
                        _("已保存。正文中有%(count)d处手工输入的数字，请改用占位符。")
                        % {"count": len(flagged)},
                    )
                else:
                    messages.success(request, _("已保存正文。"))
                return redirect("backoffice:report_detail", pk=annual_report.pk)
        annual_report.refresh_from_db()
        data = services.report_data(annual_report, run_auditor=False)
        current = self._section(annual_report, data, section)
        return self._render(request, annual_report, data, current, form, status=400)

    def _render(
        self,
        request: HttpRequest,
        annual_report: AnnualReport,
        data: dict[str, Any],
        section: dict[str, Any],
        form: forms.Form,
        *,
        status: int = 200,
    ) -> HttpResponse:
        return render(
            request,
            "backoffice/reports/narrative.html",
            {
                "annual_report": annual_report,
                "section": section,
                "form": form,
                "placeholders": placeholder_help(annual_report, data),
                "editable": annual_report.status == AnnualReport.Status.DRAFT,
            },
            status=status,
        )


class _ReportActionView(OrganisationPermissionRequiredMixin, View):
    """POST one workflow step; a refusal is shown on the report page with its reasons."""

    success_message = ""
    form_class: type[forms.Form] | None = None
    form_key = ""

    def allowed(self, actor: Any, annual_report: AnnualReport) -> bool:
        raise NotImplementedError

    def act(self, actor: Any, annual_report: AnnualReport, data: dict[str, Any]) -> AnnualReport:
        raise NotImplementedError

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        annual_report = _load_report(request, pk)
        deny_unless(self.allowed(request.user, annual_report))
        data: dict[str, Any] = {}
        if self.form_class is not None:
            form = self.form_class(request.POST)
            if not form.is_valid():
                return render_detail(
                    request, annual_report, status=400, forms_in_error={self.form_key: form}
                )
            data = form.cleaned_data
        try:
            result = self.act(request.user, annual_report, data)
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect("backoffice:report_detail", pk=annual_report.pk)
        messages.success(request, self.success_message)
        return redirect("backoffice:report_detail", pk=result.pk)


class ReportEnteredFigureView(_ReportActionView):
    permission = permissions.REPORTS_EDIT
    success_message = "已保存填报数据。"

    def allowed(self, actor: Any, annual_report: AnnualReport) -> bool:
        return permissions.can_edit_annual_report(actor, annual_report)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        annual_report = _load_report(request, pk)
        deny_unless(self.allowed(request.user, annual_report))
        form = report_forms.EnteredFigureForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("填报数据不完整。"))
            return redirect("backoffice:report_detail", pk=annual_report.pk)
        try:
            services.report_set_entered_figure(
                actor=request.user,
                annual_report=annual_report,
                key=form.cleaned_data["key"],
                value=form.cleaned_data["value"],
                source=form.cleaned_data["source"],
            )
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, self.success_message)
        return redirect("backoffice:report_detail", pk=annual_report.pk)


class ReportSubmitView(_ReportActionView):
    permission = permissions.REPORTS_EDIT
    success_message = "已提交审核。"

    def allowed(self, actor: Any, annual_report: AnnualReport) -> bool:
        return permissions.can_edit_annual_report(actor, annual_report)

    def act(self, actor: Any, annual_report: AnnualReport, data: dict[str, Any]) -> AnnualReport:
        return services.report_submit(actor=actor, annual_report=annual_report)


class ReportApproveView(_ReportActionView):
    permission = permissions.REPORTS_APPROVE
    success_message = "已审核通过。"
    form_class = report_forms.ApproveForm
    form_key = "approve"

    def allowed(self, actor: Any, annual_report: AnnualReport) -> bool:
        return permissions.can_approve_annual_report(actor, annual_report)

    def act(self, actor: Any, annual_report: AnnualReport, data: dict[str, Any]) -> AnnualReport:
        return services.report_approve(
            actor=actor,
            annual_report=annual_report,
            acknowledge_warnings=data["acknowledge_warnings"],
        )


class ReportReturnView(_ReportActionView):
    permission = permissions.REPORTS_APPROVE
    success_message = "已退回修改。"
    form_class = report_forms.ReasonForm
    form_key = "return"

    def allowed(self, actor: Any, annual_report: AnnualReport) -> bool:
        return permissions.can_approve_annual_report(actor, annual_report)

    def act(self, actor: Any, annual_report: AnnualReport, data: dict[str, Any]) -> AnnualReport:
        return services.report_return(
            actor=actor, annual_report=annual_report, reason=data["reason"]
        )


class ReportPublishView(_ReportActionView):
    permission = permissions.REPORTS_PUBLISH
    success_message = "已发布年度报告，并在政府信息公开目录中公开。"

    def allowed(self, actor: Any, annual_report: AnnualReport) -> bool:
        return permissions.can_publish_annual_report(actor, annual_report)

    def act(self, actor: Any, annual_report: AnnualReport, data: dict[str, Any]) -> AnnualReport:
        return services.report_publish(actor=actor, annual_report=annual_report)


class ReportCorrectView(_ReportActionView):
    permission = permissions.REPORTS_EDIT
    success_message = "已建立更正版本草稿。"
    form_class = report_forms.CorrectionForm
    form_key = "correct"

    def allowed(self, actor: Any, annual_report: AnnualReport) -> bool:
        return permissions.can_edit_annual_report(actor, annual_report)

    def act(self, actor: Any, annual_report: AnnualReport, data: dict[str, Any]) -> AnnualReport:
        return services.report_correct(
            actor=actor, annual_report=annual_report, change_note=data["change_note"]
        )


class ReportDownloadView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.REPORTS_VIEW

    def get(self, request: HttpRequest, pk: int, kind: str) -> HttpResponse:
        annual_report = _load_report(request, pk)
        try:
            return download_response(annual_report, kind)
        except ApplicationError as error:
            # E.g. an output whose renderer is not installed: say so on the report page.
            messages.error(request, error.message)
            return redirect("backoffice:report_detail", pk=annual_report.pk)


class ReportDeadlineView(OrganisationPermissionRequiredMixin, View):
    """Bodies that have not published their report on last year, with the statutory deadline."""

    permission = permissions.REPORTS_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        today = timezone.localdate()
        form = report_forms.DeadlineFilterForm(request.GET or None)
        year = deadlines.last_report_year(today)
        if form.is_valid() and form.cleaned_data["year"]:
            year = form.cleaned_data["year"]
        rows = deadlines.unpublished_bodies_for_actor(actor=request.user, year=year, today=today)
        return render(
            request,
            "backoffice/reports/deadlines.html",
            {
                "form": form,
                "year": year,
                "today": today,
                "rows": rows,
                "rules": [r for r in deadlines.RULES if r.regulation == regulation_for_year(year)],
            },
            status=400 if form.errors else 200,
        )
