"""Reads of annual reports, scoped to the actor, and last year's figures for the checks."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.reports.build import PreviousYear
from gongkai.reports.formats._common import APPLICANT_TYPES
from gongkai.reports.models import AnnualReport, HistoricalStatistic
from gongkai.reports.statistics import report_organisation_ids, requests_statistics

CARRIED_FORWARD_KEYS = [
    f"requests.carried_forward.{code}" for code, _ in [*APPLICANT_TYPES, ("total", "")]
]


def annual_report_list(
    *, actor: Any, organisation: Organisation | None = None, year: int | None = None
) -> QuerySet[AnnualReport]:
    reports = AnnualReport.objects.filter(
        organisation__in=permissions.organisations_with(actor, permissions.REPORTS_VIEW)
    ).select_related("organisation")
    if organisation is not None:
        reports = reports.filter(organisation=organisation)
    if year is not None:
        reports = reports.filter(year=year)
    return reports


def annual_report_get(*, actor: Any, pk: int) -> AnnualReport | None:
    return annual_report_list(actor=actor).filter(pk=pk).first()


def annual_report_published_list(
    *, organisation: Organisation | None = None
) -> QuerySet[AnnualReport]:
    """Published versions, for the public (corrections and the versions they correct)."""
    reports = AnnualReport.objects.filter(status=AnnualReport.Status.PUBLISHED).select_related(
        "organisation", "published_item"
    )
    if organisation is not None:
        reports = reports.filter(organisation=organisation)
    return reports.order_by("-year", "organisation__path", "-version")


def annual_report_latest(
    *, organisation: Organisation, year: int, format_code: str
) -> AnnualReport | None:
    return (
        AnnualReport.objects.filter(organisation=organisation, year=year, format_code=format_code)
        .order_by("-version")
        .first()
    )


def previous_year(organisation: Organisation, year: int, roll_up: bool) -> PreviousYear | None:
    """Last year's carried-forward figures: from last year's published report (its frozen
    snapshot, latest version), else from imported historical figures, else from the records."""
    published = (
        AnnualReport.objects.filter(
            organisation=organisation, year=year - 1, status=AnnualReport.Status.PUBLISHED
        )
        .order_by("-version")
        .first()
    )
    if published is not None and published.snapshot:
        statistics = published.snapshot.get("statistics", {})
        values = {
            key: Decimal(str(statistics[key])) for key in CARRIED_FORWARD_KEYS if key in statistics
        }
        if values:
            return PreviousYear(values, f"{year - 1}年度已发布报告")
    historical = HistoricalStatistic.objects.filter(
        organisation=organisation, year=year - 1, key__in=CARRIED_FORWARD_KEYS, approximate=False
    )
    values = {row.key: row.value for row in historical}
    if values:
        return PreviousYear(values, f"{year - 1}年度导入的历史数据")
    ids = report_organisation_ids(organisation, roll_up=roll_up)
    figures = requests_statistics(organisation_ids=ids, year=year - 1)["values"]
    return PreviousYear(
        {key: Decimal(figures[key]) for key in CARRIED_FORWARD_KEYS},
        f"按{year - 1}年度记录计算",
    )


def historical_statistics(
    *, organisation: Organisation, keys: list[str] | None = None
) -> QuerySet[HistoricalStatistic]:
    rows = HistoricalStatistic.objects.filter(organisation=organisation)
    if keys:
        rows = rows.filter(key__in=keys)
    return rows.order_by("year", "key")
