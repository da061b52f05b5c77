"""Annual reports of org 1 in each workflow state, for the permission matrices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone

from gongkai.backoffice.tests.world import World
from gongkai.reports.models import AnnualReport

REPORT_VIEWERS = frozenset(
    {"coordinator", "handler", "approver", "publisher", "auditor", "org_admin"}
)
REPORT_EDITORS = frozenset({"coordinator"})
REPORT_APPROVERS = frozenset({"approver"})
REPORT_PUBLISHERS = frozenset({"publisher"})
REPORT_YEAR = 2023

_STATUS_YEARS = {"draft": 2020, "in_review": 2021, "approved": 2022, "published": 2023}


def annual_report(world: World, status: str) -> AnnualReport:
    """One report of org 1 per state (each on its own year), made once per world."""
    existing = AnnualReport.objects.filter(organisation=world.org1, status=status).first()
    if existing is not None:
        return existing
    year = _STATUS_YEARS[status]
    report = AnnualReport.objects.create(
        organisation=world.org1,
        year=year,
        format_code="national-2021" if year >= 2021 else "national-2019",
        status=status,
        narrative={"一": "全年主动公开政府信息{catalogue.total}条。"},
    )
    if status == AnnualReport.Status.PUBLISHED:
        from gongkai.reports import services

        report.snapshot = services.report_data(report, run_auditor=False)
        report.snapshot["status"] = status
        report.published_at = timezone.now()
        report.save()
    return report


def report_pk(status: str, **extra: Any) -> Callable[[World], dict[str, Any]]:
    return lambda world: {"pk": annual_report(world, status).pk, **extra}


def report_create_data(world: World) -> dict[str, Any]:
    return {"organisation": world.org1.pk, "year": REPORT_YEAR, "format_code": "national-2021"}
