"""Yearly figures of the complaint channel for the annual report, aggregated in the database."""

from __future__ import annotations

import datetime as dt

from django.db.models import Avg, Count, Q
from django.utils import timezone

from gongkai.complaints.models import Complaint
from gongkai.complaints.selectors import overdue_condition


def year_statistics(
    *, organisation_ids: list[int], year: int, today: dt.date | None = None
) -> dict[str, int]:
    """Complaints, suggestions and praise received (received_on) in `year` by the organisations.

    Keys:
    - "complaints.received": all received in the year;
    - "complaints.complaint", "complaints.suggestion", "complaints.praise": by kind;
    - "complaints.answered": of those, answered (replied_on set);
    - "complaints.overdue": of those, answered after the due date, or unanswered and past due
      as of `today` (default: the current date);
    - "complaints.rated": of those, rated by the complainant;
    - "complaints.avg_satisfaction_x100": mean rating × 100, rounded (0 when none rated).
    """
    today = today or timezone.localdate()
    rows = Complaint.objects.filter(organisation_id__in=organisation_ids, received_on__year=year)
    figures = rows.aggregate(
        received=Count("id"),
        complaint=Count("id", filter=Q(kind=Complaint.Kind.COMPLAINT)),
        suggestion=Count("id", filter=Q(kind=Complaint.Kind.SUGGESTION)),
        praise=Count("id", filter=Q(kind=Complaint.Kind.PRAISE)),
        answered=Count("id", filter=Q(replied_on__isnull=False)),
        overdue=Count("id", filter=overdue_condition(today)),
        rated=Count("id", filter=Q(satisfaction__isnull=False)),
        avg_satisfaction=Avg("satisfaction"),
    )
    average = figures.pop("avg_satisfaction")
    result = {f"complaints.{key}": int(value or 0) for key, value in figures.items()}
    result["complaints.avg_satisfaction_x100"] = round(float(average) * 100) if average else 0
    return result


def complaints_by_kind(*, organisation_ids: list[int], year: int) -> dict[str, int]:
    """Received in `year`, by kind code (every kind present, zero when none)."""
    counts = dict.fromkeys(Complaint.Kind.values, 0)
    for row in (
        Complaint.objects.filter(organisation_id__in=organisation_ids, received_on__year=year)
        .values("kind")
        .annotate(total=Count("id"))
    ):
        counts[row["kind"]] = row["total"]
    return counts
