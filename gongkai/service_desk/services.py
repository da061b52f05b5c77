"""Writes of the service desk: evaluations by stationed departments and fault reports received
on the service hotline (服务保障电话 38920001)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.service_desk.models import SCORE_FIELDS, FaultReport, ServiceEvaluation

SCORE_LABELS = {
    "attitude": "服务态度",
    "quality": "服务质量",
    "efficiency": "办事效率",
    "conduct": "工作作风",
}


def _require_manage(actor: Any, organisation: Organisation) -> None:
    if not permissions.can_manage_service_desk(actor, organisation):
        raise PermissionDeniedError("您没有登记该机构服务评价和故障申报的权限。")


def _score(value: Any, label: str) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ApplicationError(f"{label}须为1至5分的整数。") from None
    if not 1 <= number <= 5:
        raise ApplicationError(f"{label}须为1至5分的整数。")
    return number


@transaction.atomic
def service_evaluation_record(
    *,
    actor: Any,
    organisation: Organisation,
    evaluator_department: str,
    period_start: dt.date,
    period_end: dt.date,
    scores: dict[str, Any],
    evaluated_staff: Any = None,
    evaluated_team: str = "",
    comment: str = "",
) -> ServiceEvaluation:
    """One evaluation of the centre's staff on the four dimensions, 1–5 each."""
    _require_manage(actor, organisation)
    department = (evaluator_department or "").strip()
    if not department:
        raise ApplicationError("请填写评价部门。")
    if period_end < period_start:
        raise ApplicationError("评价期止不能早于评价期起。")
    if period_start > timezone.localdate():
        raise ApplicationError("评价期不能晚于今天。")
    missing = [SCORE_LABELS[name] for name in SCORE_FIELDS if name not in scores]
    if missing:
        raise ApplicationError(f"请为{'、'.join(missing)}打分。")
    cleaned = {name: _score(scores[name], SCORE_LABELS[name]) for name in SCORE_FIELDS}
    if evaluated_staff is None and not (evaluated_team or "").strip():
        raise ApplicationError("请选择被评价人员或填写被评价岗位/团队。")
    evaluation = ServiceEvaluation.objects.create(
        organisation=organisation,
        evaluator_department=department[:200],
        period_start=period_start,
        period_end=period_end,
        evaluated_staff=evaluated_staff,
        evaluated_team=(evaluated_team or "").strip()[:200],
        comment=(comment or "").strip(),
        entered_by=actor if getattr(actor, "pk", None) else None,
        **cleaned,
    )
    audit.log(evaluation, "service_desk.evaluation.recorded", actor=actor, data=cleaned)
    return evaluation


@transaction.atomic
def fault_report_record(
    *,
    actor: Any,
    organisation: Organisation,
    reporting_department: str,
    description: str,
    reported_at: dt.datetime | None = None,
    reporter_name: str = "",
    channel: str = FaultReport.Channel.HOTLINE,
) -> FaultReport:
    """A fault reported by a stationed department (usually by phone on the hotline)."""
    _require_manage(actor, organisation)
    department = (reporting_department or "").strip()
    text = (description or "").strip()
    if not department:
        raise ApplicationError("请填写申报部门。")
    if not text:
        raise ApplicationError("请填写故障描述。")
    if channel not in FaultReport.Channel.values:
        raise ApplicationError("申报渠道不正确。")
    reported_at = reported_at or timezone.now()
    if reported_at > timezone.now():
        raise ApplicationError("申报时间不能晚于现在。")
    report = FaultReport.objects.create(
        organisation=organisation,
        reporting_department=department[:200],
        reporter_name=(reporter_name or "").strip()[:100],
        channel=channel,
        reported_at=reported_at,
        description=text,
    )
    audit.log(report, "service_desk.fault.reported", actor=actor, data={"channel": channel})
    return report


@transaction.atomic
def fault_report_start(*, actor: Any, fault_report: FaultReport) -> FaultReport:
    _require_manage(actor, fault_report.organisation)
    if fault_report.status != FaultReport.Status.OPEN:
        raise ApplicationError("只有待处理的故障才能开始处理。")
    fault_report.status = FaultReport.Status.IN_PROGRESS
    fault_report.handled_by = actor if getattr(actor, "pk", None) else None
    fault_report.save(update_fields=["status", "handled_by", "updated_at"])
    audit.log(fault_report, "service_desk.fault.started", actor=actor)
    return fault_report


@transaction.atomic
def fault_report_resolve(
    *,
    actor: Any,
    fault_report: FaultReport,
    resolution: str,
    resolved_at: dt.datetime | None = None,
) -> FaultReport:
    _require_manage(actor, fault_report.organisation)
    if fault_report.status == FaultReport.Status.RESOLVED:
        raise ApplicationError("该故障已经解决。")
    text = (resolution or "").strip()
    if not text:
        raise ApplicationError("请填写处理情况。")
    resolved_at = resolved_at or timezone.now()
    if resolved_at < fault_report.reported_at:
        raise ApplicationError("解决时间不能早于申报时间。")
    if resolved_at > timezone.now():
        raise ApplicationError("解决时间不能晚于现在。")
    fault_report.status = FaultReport.Status.RESOLVED
    fault_report.resolved_at = resolved_at
    fault_report.resolution = text
    if fault_report.handled_by_id is None and getattr(actor, "pk", None):
        fault_report.handled_by = actor
    fault_report.save(
        update_fields=["status", "resolved_at", "resolution", "handled_by", "updated_at"]
    )
    audit.log(
        fault_report,
        "service_desk.fault.resolved",
        actor=actor,
        data={"resolved_at": resolved_at.isoformat()},
    )
    return fault_report
