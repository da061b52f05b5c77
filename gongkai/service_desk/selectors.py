"""Reads of the service desk, scoped to the actor; time to resolve is computed here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import DurationField, ExpressionWrapper, F, Q, QuerySet

from gongkai.organisations import permissions
from gongkai.service_desk.models import FaultReport, ServiceEvaluation


def _organisations(actor: Any) -> Any:
    return permissions.organisations_with(actor, permissions.SERVICE_DESK_VIEW)


def evaluation_list_for_actor(
    *,
    actor: Any,
    year: int | None = None,
    department: str | None = None,
) -> QuerySet[ServiceEvaluation]:
    evaluations = ServiceEvaluation.objects.filter(organisation__in=_organisations(actor))
    if year:
        evaluations = evaluations.filter(period_end__year=year)
    if department:
        evaluations = evaluations.filter(evaluator_department__icontains=department)
    return evaluations.select_related("organisation", "evaluated_staff").order_by(
        "-period_end", "-id"
    )


def evaluation_get_for_actor(*, actor: Any, pk: int) -> ServiceEvaluation | None:
    return (
        ServiceEvaluation.objects.filter(organisation__in=_organisations(actor), pk=pk)
        .select_related("organisation", "evaluated_staff")
        .first()
    )


def _with_time_to_resolve(reports: QuerySet[FaultReport]) -> QuerySet[FaultReport]:
    return reports.annotate(
        time_to_resolve=ExpressionWrapper(
            F("resolved_at") - F("reported_at"), output_field=DurationField()
        )
    )


def fault_list_for_actor(
    *,
    actor: Any,
    status: str | None = None,
    year: int | None = None,
    query: str | None = None,
) -> QuerySet[FaultReport]:
    reports = FaultReport.objects.filter(organisation__in=_organisations(actor))
    if status:
        reports = reports.filter(status=status)
    if year:
        reports = reports.filter(reported_at__year=year)
    if query:
        reports = reports.filter(
            Q(reporting_department__icontains=query) | Q(description__icontains=query)
        )
    return _with_time_to_resolve(reports.select_related("organisation", "handled_by")).order_by(
        "-reported_at", "-id"
    )


def fault_get_for_actor(*, actor: Any, pk: int) -> FaultReport | None:
    return _with_time_to_resolve(
        FaultReport.objects.filter(organisation__in=_organisations(actor), pk=pk).select_related(
            "organisation", "handled_by"
        )
    ).first()


def format_duration(value: dt.timedelta | None) -> str:
    """ "2天3小时" / "3小时15分钟" / "—" for lists and exports."""
    if value is None:
        return "—"
    minutes = int(value.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days}天{hours}小时"
    if hours:
        return f"{hours}小时{minutes}分钟"
    return f"{minutes}分钟"
