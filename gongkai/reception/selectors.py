"""Reads of 审批处长接访, scoped to the actor's organisations (staff) or to what is public."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from gongkai.organisations import permissions
from gongkai.reception.models import (
    ReceptionBooking,
    ReceptionSchedule,
    ReceptionSession,
    ReceptionSlot,
)
from gongkai.workdays import calendar

_BOOKED = Q(bookings__status=ReceptionBooking.Status.BOOKED)


def _organisations(actor: Any) -> Any:
    return permissions.organisations_with(actor, permissions.RECEPTION_VIEW)


def schedule_list_for_actor(
    *, actor: Any, month: dt.date | None = None, department: str | None = None
) -> QuerySet[ReceptionSchedule]:
    schedules = ReceptionSchedule.objects.filter(organisation__in=_organisations(actor))
    if month is not None:
        schedules = schedules.filter(month=month.replace(day=1))
    if department:
        schedules = schedules.filter(stationed_department_name__icontains=department)
    return (
        schedules.select_related("organisation")
        .annotate(slot_count=Count("slots"))
        .order_by("-month", "stationed_department_name", "id")  # lost in the GROUP BY otherwise
    )


def schedule_get_for_actor(*, actor: Any, pk: int) -> ReceptionSchedule | None:
    return (
        ReceptionSchedule.objects.filter(organisation__in=_organisations(actor), pk=pk)
        .select_related("organisation", "stationed_department")
        .first()
    )


def slot_list_for_schedule(schedule: ReceptionSchedule) -> QuerySet[ReceptionSlot]:
    return schedule.slots.annotate(booked=Count("bookings", filter=_BOOKED))


def booking_list_for_actor(
    *,
    actor: Any,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    status: str | None = None,
    query: str | None = None,
) -> QuerySet[ReceptionBooking]:
    bookings = ReceptionBooking.objects.filter(
        slot__schedule__organisation__in=_organisations(actor)
    )
    if date_from is not None:
        bookings = bookings.filter(slot__date__gte=date_from)
    if date_to is not None:
        bookings = bookings.filter(slot__date__lte=date_to)
    if status:
        bookings = bookings.filter(status=status)
    if query:
        bookings = bookings.filter(
            Q(name__icontains=query) | Q(company__icontains=query) | Q(reference=query.upper())
        )
    return bookings.select_related("slot__schedule__organisation")


def booking_get_for_actor(*, actor: Any, pk: int) -> ReceptionBooking | None:
    return booking_list_for_actor(actor=actor).filter(pk=pk).first()


def session_list_for_actor(
    *,
    actor: Any,
    year: int | None = None,
    month: int | None = None,
    department: str | None = None,
) -> QuerySet[ReceptionSession]:
    sessions = ReceptionSession.objects.filter(organisation__in=_organisations(actor))
    if year is not None:
        sessions = sessions.filter(held_on__year=year)
    if month is not None:
        sessions = sessions.filter(held_on__month=month)
    if department:
        sessions = sessions.filter(stationed_department_name__icontains=department)
    return sessions.select_related("organisation", "schedule")


def session_get_for_actor(*, actor: Any, pk: int) -> ReceptionSession | None:
    return session_list_for_actor(actor=actor).filter(pk=pk).first()


# --- public ----------------------------------------------------------------------------------


def slot_list_public(*, organisation_id: int | None = None) -> QuerySet[ReceptionSlot]:
    """Slots of published schedules from today on, with the places still free."""
    slots = ReceptionSlot.objects.filter(
        schedule__is_published=True, date__gte=timezone.localdate()
    )
    if organisation_id is not None:
        slots = slots.filter(schedule__organisation_id=organisation_id)
    # Only days certainly worked are offered (see services.working_day_problem): a slot
    # entered before the year's holiday schedule was known may fall on a day off.
    days_off = [
        day
        for day in slots.order_by().values_list("date", flat=True).distinct()
        if not calendar.describe_day(day).is_certainly_working
    ]
    if days_off:
        slots = slots.exclude(date__in=days_off)
    return (
        slots.select_related("schedule__organisation")
        .annotate(booked=Count("bookings", filter=_BOOKED))
        .annotate(remaining=F("capacity") - F("booked"))
    )


def slot_get_public(*, pk: int) -> ReceptionSlot | None:
    return slot_list_public().filter(pk=pk).first()


def booking_get_public(*, reference: str) -> ReceptionBooking | None:
    return (
        ReceptionBooking.objects.filter(reference=reference.upper())
        .select_related("slot__schedule__organisation")
        .first()
    )
