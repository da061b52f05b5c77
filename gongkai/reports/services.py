"""Writes of annual reports: draft → in review → approved → published; corrections.

* Publishing is refused while an error-level check stands; warnings must have been
  acknowledged by the approver (recorded on the report and in the audit trail).
* Publishing freezes the snapshot (every cell, the rendered text) and publishes the report as
  a catalogue item through the catalogue's services.
* A correction of a published report is a new version (parent = the corrected one) with a
  change note; the published version stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.catalogue import services as catalogue_services
from gongkai.catalogue.models import InformationItem
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.reports import charts, selectors
from gongkai.reports.build import build_report, parse_entered
from gongkai.reports.checks import ERROR, WARNING
from gongkai.reports.formats import get_format
from gongkai.reports.models import AnnualReport, HistoricalStatistic
from gongkai.reports.renderers import render

Status = AnnualReport.Status


def _locked(annual_report: AnnualReport) -> AnnualReport:
    return (
        AnnualReport.objects.select_for_update()
        .select_related("organisation")
        .get(pk=annual_report.pk)
    )


def _require_status(report: AnnualReport, *allowed: str) -> None:
    if report.status not in allowed:
        labels = "、".join(str(Status(s).label) for s in allowed)
        raise ApplicationError(
            f"该报告当前状态为“{report.get_status_display()}”，只有{labels}的报告可以进行此操作。"
        )


def report_data(annual_report: AnnualReport, *, run_auditor: bool = True) -> dict[str, Any]:
    """The report as it stands: the frozen snapshot once published, else built from records."""
    if annual_report.status == Status.PUBLISHED and annual_report.snapshot:
        return dict(annual_report.snapshot)
    return build_report(
        organisation=annual_report.organisation,
        year=annual_report.year,
        format_code=annual_report.format_code,
        roll_up=annual_report.roll_up,
        narrative=annual_report.narrative,
        entered_figures=annual_report.entered_figures,
        previous_lookup=selectors.previous_year,
        status=annual_report.status,
        version=annual_report.version,
        run_auditor=run_auditor,
    )


@transaction.atomic
def report_create(
    *, actor: Any, organisation: Organisation, year: int, format_code: str, roll_up: bool = False
) -> AnnualReport:
    if not permissions.can_create_annual_report(actor, organisation):
        raise PermissionDeniedError(f"您没有编制“{organisation.name}”年度报告的权限。")
    report_format = get_format(format_code)
    if year < 2008 or year > timezone.localdate().year:
        raise ApplicationError(f"报告年度“{year}”无效：应在2008年至今之间。")
    if AnnualReport.objects.filter(
        organisation=organisation, year=year, format_code=format_code
    ).exists():
        raise ApplicationError(
            f"“{organisation.name}”{year}年度的年度报告已经存在，请编辑现有报告或提交更正。"
        )
    report = AnnualReport(
        organisation=organisation,
        year=year,
        format_code=report_format.code,
        roll_up=roll_up,
        created_by=actor,
    )
    data = build_report(
        organisation=organisation,
        year=year,
        format_code=format_code,
        roll_up=roll_up,
        run_auditor=False,
    )
    # The staff start from a generated draft whose every figure is a placeholder.
    report.narrative = {s["code"]: s["template"] for s in data["sections"] if s["kind"] != "table"}
    report.save()
    audit.log(
        report, "reports.report.created", actor=actor, data={"year": year, "format": format_code}
    )
    return report


def _require_editable(actor: Any, report: AnnualReport) -> None:
    if not permissions.can_edit_annual_report(actor, report):
        raise PermissionDeniedError("您没有编辑该年度报告的权限。")
    _require_status(report, Status.DRAFT)


@transaction.atomic
def report_update_narrative(
    *, actor: Any, annual_report: AnnualReport, section_code: str, text: str
) -> AnnualReport:
    report = _locked(annual_report)
    _require_editable(actor, report)
    report_format = get_format(report.format_code)
    sections = {s.code: s for s in report_format.sections}
    if section_code not in sections or sections[section_code].kind == "table":
        raise ApplicationError(f"报告格式中没有可编辑的正文部分“{section_code}”。")
    # Browsers send textarea lines as CRLF; paragraphs are split on LF alone.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    report.narrative = {**report.narrative, section_code: text}
    report.save(update_fields=["narrative", "updated_at"])
    audit.log(
        report, "reports.report.narrative_updated", actor=actor, data={"section": section_code}
    )
    return report


@transaction.atomic
def report_set_entered_figure(
    *, actor: Any, annual_report: AnnualReport, key: str, value: str, source: str
) -> AnnualReport:
    report = _locked(annual_report)
    _require_editable(actor, report)
    known = {figure.key: figure for figure in get_format(report.format_code).entered_figures}
    if key not in known:
        raise ApplicationError(f"报告格式中没有填报项“{key}”。")
    value = (value or "").strip()
    if value and parse_entered(value) is None:
        raise ApplicationError(f"“{known[key].label}”的数值“{value}”不是有效数字。")
    if value and not (source or "").strip():
        raise ApplicationError(f"请注明“{known[key].label}”的数据来源。")
    figures = dict(report.entered_figures)
    if value:
        figures[key] = {"value": value, "source": source.strip()}
    else:
        figures.pop(key, None)
    report.entered_figures = figures
    report.save(update_fields=["entered_figures", "updated_at"])
    audit.log(
        report,
        "reports.report.figure_entered",
        actor=actor,
        data={"key": key, "value": value, "source": source},
    )
    return report


def _errors(data: Mapping[str, Any]) -> list[dict[str, str]]:
    return [check for check in data["checks"] if check["severity"] == ERROR]


def _warning_fingerprints(data: Mapping[str, Any]) -> list[str]:
    return sorted(
        f"{c['code']}|{c['where']}|{c['stated']}"
        for c in data["checks"]
        if c["severity"] == WARNING
    )


def _refuse_on_errors(data: Mapping[str, Any], action: str) -> None:
    errors = _errors(data)
    if errors:
        listed = "；".join(check["message"] for check in errors[:5])
        raise ApplicationError(f"报告有{len(errors)}项错误，不能{action}：{listed}")


@transaction.atomic
def report_submit(*, actor: Any, annual_report: AnnualReport) -> AnnualReport:
    report = _locked(annual_report)
    _require_editable(actor, report)
    _refuse_on_errors(report_data(report), "提交审核")
    report.status = Status.IN_REVIEW
    report.save(update_fields=["status", "updated_at"])
    audit.log(report, "reports.report.submitted", actor=actor)
    return report


@transaction.atomic
def report_return(*, actor: Any, annual_report: AnnualReport, reason: str) -> AnnualReport:
    report = _locked(annual_report)
    if not permissions.can_approve_annual_report(actor, report):
        raise PermissionDeniedError("只有负责人可以退回年度报告。")
    _require_status(report, Status.IN_REVIEW, Status.APPROVED)
    if not (reason or "").strip():
        raise ApplicationError("请填写退回原因。")
    report.status = Status.DRAFT
    report.acknowledged_warnings = []
    report.approved_by = None
    report.approved_at = None
    report.save()
    audit.log(report, "reports.report.returned", actor=actor, data={"reason": reason.strip()})
    return report


@transaction.atomic
def report_approve(
    *, actor: Any, annual_report: AnnualReport, acknowledge_warnings: bool = False
) -> AnnualReport:
    """Approve; the warnings standing now are acknowledged by the approver and recorded."""
    report = _locked(annual_report)
    if not permissions.can_approve_annual_report(actor, report):
        raise PermissionDeniedError("只有负责人可以审核年度报告。")
    _require_status(report, Status.IN_REVIEW)
    data = report_data(report)
    _refuse_on_errors(data, "审核通过")
    warnings = _warning_fingerprints(data)
    if warnings and not acknowledge_warnings:
        raise ApplicationError(f"报告有{len(warnings)}项提示，审核人确认后方可通过。")
    report.status = Status.APPROVED
    report.acknowledged_warnings = warnings
    report.approved_by = actor
    report.approved_at = timezone.now()
    report.save()
    audit.log(
        report, "reports.report.approved", actor=actor, data={"acknowledged_warnings": warnings}
    )
    return report


@transaction.atomic
def report_publish(*, actor: Any, annual_report: AnnualReport) -> AnnualReport:
    report = _locked(annual_report)
    if not permissions.can_publish_annual_report(actor, report):
        raise PermissionDeniedError("发布年度报告需要年度报告发布权限和本机关的政府信息发布权限。")
    _require_status(report, Status.APPROVED)
    data = report_data(report)
    _refuse_on_errors(data, "发布")
    unacknowledged = sorted(set(_warning_fingerprints(data)) - set(report.acknowledged_warnings))
    if unacknowledged:
        raise ApplicationError(f"审核后出现了{len(unacknowledged)}项新的提示，请退回重新审核。")
    now = timezone.now()
    data["status"] = Status.PUBLISHED
    data["published_at"] = now.isoformat()
    # The charts' earlier years are frozen too, so a later import or correction of another
    # year's figures does not redraw a published report.
    data["history"] = charts.history_as_json(charts.collect_history(data))
    data["text"] = render(data, "md").decode("utf-8")
    title = data["title"] + (f"（第{report.version}版，更正）" if report.version > 1 else "")
    summary = f"{report.organisation.name}{report.year}年政府信息公开工作年度报告。"
    if report.change_note:
        summary += f"更正说明：{report.change_note}"
    item = catalogue_services.information_item_publish_generated(
        actor=actor,
        organisation=report.organisation,
        source=f"reports.annual_report:{report.pk}",
        title=title,
        summary=summary,
        body=render(data, "html").decode("utf-8").split("<main>", 1)[1].split("</main>", 1)[0],
        generated_on=timezone.localdate(),
        genre=InformationItem.Genre.REPORT,
    )
    report.snapshot = data
    report.status = Status.PUBLISHED
    report.published_at = now
    report.published_by = actor
    report.published_item = item
    report.save()
    audit.log(
        report,
        "reports.report.published",
        actor=actor,
        data={"information_item": item.pk, "version": report.version},
    )
    return report


@transaction.atomic
def report_correct(*, actor: Any, annual_report: AnnualReport, change_note: str) -> AnnualReport:
    report = _locked(annual_report)
    if not permissions.can_edit_annual_report(actor, report):
        raise PermissionDeniedError("您没有编辑该年度报告的权限。")
    _require_status(report, Status.PUBLISHED)
    if not (change_note or "").strip():
        raise ApplicationError("请填写更正说明。")
    if report.corrections.exists():
        raise ApplicationError("该版本已有更正版本，请在最新版本上更正。")
    latest = selectors.annual_report_latest(
        organisation=report.organisation, year=report.year, format_code=report.format_code
    )
    correction = AnnualReport.objects.create(
        organisation=report.organisation,
        year=report.year,
        format_code=report.format_code,
        roll_up=report.roll_up,
        version=(latest.version if latest else report.version) + 1,
        parent=report,
        change_note=change_note.strip(),
        narrative=dict(report.narrative),
        entered_figures=dict(report.entered_figures),
        created_by=actor,
    )
    audit.log(
        correction,
        "reports.report.corrected",
        actor=actor,
        data={"corrects": report.pk, "change_note": change_note.strip()},
    )
    return correction


def _figure_items(figures: Any) -> Iterable[tuple[str, Any, bool]]:
    if isinstance(figures, Mapping):
        for key, value in figures.items():
            if isinstance(value, Mapping):
                yield key, value.get("value"), bool(value.get("approximate", False))
            else:
                yield key, value, False
        return
    for figure in figures:
        if isinstance(figure, Mapping):
            yield figure["key"], figure.get("value"), bool(figure.get("approximate", False))
        else:
            yield figure.key, figure.value, bool(getattr(figure, "approximate", False))


@transaction.atomic
def historical_statistics_import(
    *, actor: Any, organisation: Organisation, year: int, figures: Any, source: str = ""
) -> list[HistoricalStatistic]:
    """Store an earlier year's published figures (e.g. read by the auditor) for a body.

    `figures`: {key: value}, {key: {"value", "approximate"}}, or an iterable of mappings or
    objects with key, value and approximate. Existing figures of the same key are replaced.
    """
    if not permissions.can_import_historical_statistics(actor, organisation):
        raise PermissionDeniedError(f"您没有为“{organisation.name}”导入历史数据的权限。")
    stored = []
    for key, raw, approximate in _figure_items(figures):
        try:
            value = Decimal(str(raw).replace(",", ""))
        except (InvalidOperation, ValueError):
            raise ApplicationError(f"指标“{key}”的数值“{raw}”不是有效数字。") from None
        row, _ = HistoricalStatistic.objects.update_or_create(
            organisation=organisation,
            year=year,
            key=str(key)[:120],
            defaults={"value": value, "approximate": approximate, "source": source[:300]},
        )
        stored.append(row)
    if stored:
        audit.log(
            stored[0],
            "reports.historical_statistics.imported",
            actor=actor,
            organisation=organisation,
            data={"year": year, "count": len(stored), "source": source},
        )
    return stored
