"""Annual figures of 审批处长接访, read by the annual report.

`year_statistics` keys (all computed in the database over the organisations given):

- ``reception.sessions``: reception sessions held in the year (by ``held_on``);
- ``reception.staff_attendances``: sum of staff dispatched (接访审批处长和业务骨干人次);
- ``reception.visitors``: sum of visitors received (接待来访咨询企业市民人次);
- ``reception.questions_answered``: sum of questions answered on the spot (现场答复件数);
- ``reception.bookings``: public bookings (not cancelled) for slots in the year.
"""

from __future__ import annotations

from django.db.models import Count, Sum

from gongkai.reception.models import ReceptionBooking, ReceptionSession


def year_statistics(*, organisation_ids: list[int], year: int) -> dict[str, int]:
    totals = ReceptionSession.objects.filter(
        organisation_id__in=organisation_ids, held_on__year=year
    ).aggregate(
        sessions=Count("id"),
        staff=Sum("staff_dispatched"),
        visitors=Sum("visitors_received"),
        questions=Sum("questions_answered_on_spot"),
    )
    bookings = ReceptionBooking.objects.filter(
        slot__schedule__organisation_id__in=organisation_ids,
        slot__date__year=year,
        status=ReceptionBooking.Status.BOOKED,
    ).count()
    return {
        "reception.sessions": totals["sessions"] or 0,
        "reception.staff_attendances": totals["staff"] or 0,
        "reception.visitors": totals["visitors"] or 0,
        "reception.questions_answered": totals["questions"] or 0,
        "reception.bookings": bookings,
    }
