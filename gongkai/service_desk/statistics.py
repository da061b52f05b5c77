"""Yearly figures of service evaluations and the service desk, aggregated in the database."""

from __future__ import annotations

from django.db.models import Avg, Count, Q

from gongkai.service_desk.models import SCORE_FIELDS, FaultReport, ServiceEvaluation


def year_statistics(*, organisation_ids: list[int], year: int) -> dict[str, int]:
    """Keys:
    - "service_desk.evaluations": evaluations whose period ends in the year;
    - "service_desk.avg_<attitude|quality|efficiency|conduct>_x100": mean score × 100, rounded
      (0 when there is none);
    - "service_desk.faults": fault reports reported in the year;
    - "service_desk.faults_resolved": of those, resolved (at any time since).
    """
    evaluations = ServiceEvaluation.objects.filter(
        organisation_id__in=organisation_ids, period_end__year=year
    ).aggregate(total=Count("id"), **{field: Avg(field) for field in SCORE_FIELDS})
    faults = FaultReport.objects.filter(
        organisation_id__in=organisation_ids, reported_at__year=year
    ).aggregate(
        total=Count("id"),
        resolved=Count("id", filter=Q(status=FaultReport.Status.RESOLVED)),
    )
    result = {
        "service_desk.evaluations": int(evaluations["total"] or 0),
        "service_desk.faults": int(faults["total"] or 0),
        "service_desk.faults_resolved": int(faults["resolved"] or 0),
    }
    for field in SCORE_FIELDS:
        average = evaluations[field]
        result[f"service_desk.avg_{field}_x100"] = round(float(average) * 100) if average else 0
    return result
