"""政府信息公开工作年度报告 on the portal: the published reports of every body and year, each
report in accessible HTML from its frozen snapshot with downloads, and the public auditor."""

from __future__ import annotations

from itertools import groupby
from typing import Any
from urllib.parse import quote

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.exceptions import ApplicationError
from gongkai.organisations.models import Organisation
from gongkai.reports import public_audit, selectors, services
from gongkai.reports.models import AnnualReport
from gongkai.reports.renderers import render as render_report
from gongkai.reports.renderers.html import STYLE, body_html

DOWNLOADS: list[tuple[str, str, str]] = [
    (
        "docx",
        "Word（DOCX）",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ("pdf", "PDF", "application/pdf"),
    ("xlsx", "Excel（XLSX）", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("md", "Markdown", "text/markdown; charset=utf-8"),
    ("json", "JSON", "application/json"),
    ("html", "HTML", "text/html; charset=utf-8"),
]
CONTENT_TYPES = {kind: content_type for kind, _label, content_type in DOWNLOADS}


class ReportFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("机关"),
        queryset=Organisation.objects.filter(is_active=True).order_by("path"),
        required=False,
        empty_label=gettext_lazy("全部机关"),
    )
    year = forms.IntegerField(
        label=gettext_lazy("报告年度"), required=False, min_value=2008, max_value=2100
    )


class AuditForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("粘贴报告全文"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    file = forms.FileField(
        label=gettext_lazy("或上传报告文件"),
        required=False,
        # An empty file gets the auditor's own message, like every other unreadable input.
        allow_empty_file=True,
        help_text=gettext_lazy("纯文本、HTML 或 DOCX，最大 5 MB。"),
    )


def _published(pk: int) -> AnnualReport:
    annual_report = selectors.annual_report_published_list().filter(pk=pk).first()
    if annual_report is None or not annual_report.snapshot:
        raise Http404(gettext_lazy("没有找到该年度报告。"))
    return annual_report


@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    form = ReportFilterForm(request.GET or None)
    reports = selectors.annual_report_published_list()
    if form.is_valid():
        if form.cleaned_data["organisation"] is not None:
            reports = reports.filter(organisation=form.cleaned_data["organisation"])
        if form.cleaned_data["year"]:
            reports = reports.filter(year=form.cleaned_data["year"])
    years = [(year, list(group)) for year, group in groupby(reports[:500], key=lambda r: r.year)]
    return render(
        request,
        "portal/reports/list.html",
        {"nav_section": "reports", "form": form, "years": years},
        status=400 if form.errors else 200,
    )


@require_GET
def report_detail(request: HttpRequest, pk: int, download_error: str = "") -> HttpResponse:
    annual_report = _published(pk)
    snapshot: dict[str, Any] = dict(annual_report.snapshot or {})
    versions = selectors.annual_report_published_list(
        organisation=annual_report.organisation
    ).filter(year=annual_report.year, format_code=annual_report.format_code)
    return render(
        request,
        "portal/reports/detail.html",
        {
            "nav_section": "reports",
            "annual_report": annual_report,
            # The renderer escapes every text it writes.
            "report_html": mark_safe(body_html(snapshot)),
            "report_style": STYLE,
            "downloads": DOWNLOADS,
            "versions": versions,
            "download_error": download_error,
        },
        status=503 if download_error else 200,
    )


@require_GET
def report_download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    annual_report = _published(pk)
    if kind not in CONTENT_TYPES:
        raise Http404(gettext_lazy("不支持的输出格式。"))
    try:
        content = render_report(services.report_data(annual_report), kind)
    except ApplicationError as error:
        return report_detail(request, pk, download_error=error.message)
    response = HttpResponse(content, content_type=CONTENT_TYPES[kind])
    version = f"（第{annual_report.version}版）" if annual_report.version > 1 else ""
    filename = (
        f"{annual_report.organisation.name}{annual_report.year}年政府信息公开工作年度报告"
        f"{version}.{kind}"
    )
    disposition = "inline" if kind == "html" else "attachment"
    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(filename)}"
    return response


@require_http_methods(["GET", "POST"])
def report_audit(request: HttpRequest) -> HttpResponse:
    form = AuditForm(request.POST or None, request.FILES or None)
    context: dict[str, Any] = {"nav_section": "reports", "form": form}
    status = 200
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload is not None:
                if upload.size > public_audit.MAX_BYTES:
                    raise ApplicationError("文件过大：最大 5 MB。")
                checked = public_audit.run_public_audit(data=upload.read(), name=upload.name)
            else:
                checked = public_audit.run_public_audit(text=form.cleaned_data["text"])
        except ApplicationError as error:
            context["error"] = error.message
            status = 400
        else:
            context["checked"] = checked
            context["findings"] = checked.findings()
    elif request.method == "POST":
        status = 400
    return render(request, "portal/reports/audit.html", context, status=status)
