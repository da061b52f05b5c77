"""Writes of 审批处长接访: schedules and slots (staff), bookings (the public), sessions (staff)."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.validators import validate_phone
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.reception.models import (
    ReceptionBooking,
    ReceptionSchedule,
    ReceptionSession,
    ReceptionSlot,
)
from gongkai.workdays import calendar
from gongkai.workdays.calendar import WEEKDAY_NAMES

SCHEDULE_FIELDS = (
    "stationed_department",
    "stationed_department_name",
    "month",
    "receiver_name",
    "receiver_title",
    "topics",
    "is_published",
)
SESSION_FIELDS = (
    "schedule",
    "stationed_department_name",
    "held_on",
    "staff_dispatched",
    "visitors_received",
    "questions_answered_on_spot",
    "follow_ups",
)


def _require_manage(actor: Any, organisation: Organisation) -> None:
    if not permissions.can_manage_reception(actor, organisation):
        raise PermissionDeniedError("您没有管理该机构接访工作的权限。")


def working_day_problem(day: dt.date) -> str:
    """Why `day` cannot be offered for reception ("" if it can): people come in person, so
    only a day that is certainly worked is offered, never a weekend that the State Council
    notice of a year not yet entered may or may not turn into a make-up workday."""
    info = calendar.describe_day(day)
    if info.is_certainly_working:
        return ""
    if info.kind == "holiday":
        return f"{day:%Y-%m-%d} 是{info.name or '法定节假日'}假期，不是工作日，不能安排接访。"
    if info.kind == "possible_makeup_workday":
        return (
            f"{day:%Y-%m-%d}（{WEEKDAY_NAMES[day.weekday()]}）可能调休上班，"
            f"但{day.year}年的放假安排尚未公布，暂不能安排接访。"
        )
    return f"{day:%Y-%m-%d} 是{WEEKDAY_NAMES[day.weekday()]}，不是工作日，不能安排接访。"


def _check_schedule(data: dict[str, Any]) -> dict[str, Any]:
    month = data.get("month")
    if not isinstance(month, dt.date):
        raise ApplicationError("请填写接访月份。")
    data["month"] = month.replace(day=1)
    department = data.get("stationed_department")
    if not (data.get("stationed_department_name") or "").strip():
        if department is None:
            raise ApplicationError("请填写进驻部门。")
        data["stationed_department_name"] = department.name
    if not (data.get("receiver_name") or "").strip():
        raise ApplicationError("请填写接访人。")
    return data


@transaction.atomic
def reception_schedule_create(
    *, actor: Any, organisation: Organisation, data: dict[str, Any]
) -> ReceptionSchedule:
    _require_manage(actor, organisation)
    values = _check_schedule({k: data.get(k) for k in SCHEDULE_FIELDS if k in data})
    schedule = ReceptionSchedule.objects.create(organisation=organisation, **values)
    audit.log(schedule, "reception.schedule.created", actor=actor)
    return schedule


@transaction.atomic
def reception_schedule_update(
    *, actor: Any, schedule: ReceptionSchedule, data: dict[str, Any]
) -> ReceptionSchedule:
    _require_manage(actor, schedule.organisation)
    values = _check_schedule({k: data.get(k) for k in SCHEDULE_FIELDS if k in data})
    for name, value in values.items():
        setattr(schedule, name, value)
    schedule.save()
    audit.log(schedule, "reception.schedule.updated", actor=actor)
    return schedule


@transaction.atomic
def reception_slot_create(
    *,
    actor: Any,
    schedule: ReceptionSchedule,
    date: dt.date,
    start_time: dt.time,
    end_time: dt.time,
    place: str,
    capacity: int,
) -> ReceptionSlot:
    _require_manage(actor, schedule.organisation)
    if (date.year, date.month) != (schedule.month.year, schedule.month.month):
        raise ApplicationError(
            f"接访日期 {date:%Y-%m-%d} 不在该安排的月份（{schedule.month:%Y年%m月}）内。"
        )
    if end_time <= start_time:
        raise ApplicationError("结束时间应晚于开始时间。")
    problem = working_day_problem(date)
    if problem:
        raise ApplicationError(problem)
    if capacity is None or capacity < 1:
        raise ApplicationError("可预约人数至少为 1。")
    if not place.strip():
        raise ApplicationError("请填写接访地点。")
    slot = ReceptionSlot.objects.create(
        schedule=schedule,
        date=date,
        start_time=start_time,
        end_time=end_time,
        place=place.strip(),
        capacity=capacity,
    )
    audit.log(slot, "reception.slot.created", actor=actor, organisation=schedule.organisation)
    return slot


def _send_confirmation(booking_id: int) -> None:
    booking = ReceptionBooking.objects.select_related("slot__schedule").get(pk=booking_id)
    slot = booking.slot
    schedule = slot.schedule
    send_mail(
        subject=f"接访预约确认（{booking.reference}）",
        message=(
            f"{booking.name}：\n\n您已预约 {schedule.stationed_department_name}"
            f"{schedule.receiver_title}{schedule.receiver_name} 的接访，"
            f"时间 {slot.date:%Y年%m月%d日} {slot.start_time:%H:%M}—{slot.end_time:%H:%M}，"
            f"地点 {slot.place}。\n预约编号：{booking.reference}\n\n{schedule.organisation.name}"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[booking.email],
        fail_silently=True,
    )


@transaction.atomic
def reception_booking_create(
    *,
    actor: Any = None,
    slot_id: int,
    name: str,
    phone: str,
    question: str,
    company: str = "",
    email: str = "",
) -> ReceptionBooking:
    """Book a place; the slot row is locked so that concurrent bookings respect the cap."""
    slot = (
        ReceptionSlot.objects.select_for_update()
        .select_related("schedule__organisation")
        .filter(pk=slot_id, schedule__is_published=True)
        .first()
    )
    if slot is None:
        raise ApplicationError("没有找到该接访时段。")
    if slot.date < timezone.localdate():
        raise ApplicationError("该接访时段已过，请选择其他时段。")
    if working_day_problem(slot.date):
        # A slot entered before the holiday schedule was known may now fall on a day off.
        raise ApplicationError(
            f"{slot.date:%Y-%m-%d} 不是工作日，该接访时段不接受预约，请选择其他时段。"
        )
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = ["请填写姓名。"]
    if not question.strip():
        errors["question"] = ["请填写咨询问题。"]
    try:
        validate_phone(phone)
    except ValidationError as error:
        errors["phone"] = list(error.messages)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = [f"电子邮箱 {email} 格式不正确。"]
    if errors:
        first = next(iter(errors.values()))[0]
        raise ApplicationError(first, extra={"errors": errors})
    booked = slot.bookings.filter(status=ReceptionBooking.Status.BOOKED).count()
    if booked >= slot.capacity:
        raise ApplicationError(
            f"该时段（{slot.date:%Y-%m-%d} {slot.start_time:%H:%M}）已约满"
            f"（共 {slot.capacity} 个名额），请选择其他时段。"
        )
    booking = ReceptionBooking.objects.create(
        slot=slot,
        reference=secrets.token_hex(8).upper(),
        name=name.strip(),
        phone=phone.strip(),
        email=email.strip(),
        company=company.strip(),
        question=question.strip(),
    )
    audit.log(
        booking,
        "reception.booking.created",
        actor=actor,
        organisation=slot.schedule.organisation,
        data={"slot": slot.pk},
    )
    if booking.email:
        transaction.on_commit(lambda: _send_confirmation(booking.pk))
    return booking


@transaction.atomic
def reception_booking_cancel(*, actor: Any, booking: ReceptionBooking) -> ReceptionBooking:
    organisation = booking.slot.schedule.organisation
    _require_manage(actor, organisation)
    if booking.status == ReceptionBooking.Status.CANCELLED:
        raise ApplicationError("该预约已取消。")
    booking.status = ReceptionBooking.Status.CANCELLED
    booking.save(update_fields=["status"])
    audit.log(booking, "reception.booking.cancelled", actor=actor, organisation=organisation)
    return booking


def _check_session(data: dict[str, Any], organisation: Organisation) -> dict[str, Any]:
    for field, label in (
        ("staff_dispatched", "派出接访人次"),
        ("visitors_received", "接待来访人次"),
        ("questions_answered_on_spot", "现场答复问题件数"),
    ):
        value = data.get(field)
        if value is None or not isinstance(value, int) or value < 0:
            raise ApplicationError(f"{label}应为不小于 0 的整数，收到“{value}”。")
    if data.get("held_on") is None:
        raise ApplicationError("请填写接访日期。")
    schedule = data.get("schedule")
    if schedule is not None:
        if schedule.organisation_id != organisation.pk:
            raise ApplicationError("所选接访安排不属于该机构。")
        data["stationed_department_name"] = (
            data.get("stationed_department_name") or schedule.stationed_department_name
        )
    if not (data.get("stationed_department_name") or "").strip():
        raise ApplicationError("请填写进驻部门。")
    return data


@transaction.atomic
def reception_session_create(
    *, actor: Any, organisation: Organisation, data: dict[str, Any]
) -> ReceptionSession:
    _require_manage(actor, organisation)
    values = _check_session({k: data.get(k) for k in SESSION_FIELDS if k in data}, organisation)
    session = ReceptionSession.objects.create(
        organisation=organisation,
        recorded_by=actor if getattr(actor, "pk", None) else None,
        **values,
    )
    audit.log(session, "reception.session.recorded", actor=actor)
    return session


@transaction.atomic
def reception_session_update(
    *, actor: Any, session: ReceptionSession, data: dict[str, Any]
) -> ReceptionSession:
    _require_manage(actor, session.organisation)
    values = _check_session(
        {k: data.get(k) for k in SESSION_FIELDS if k in data}, session.organisation
    )
    before = {k: getattr(session, k) for k in ("staff_dispatched", "visitors_received")}
    for name, value in values.items():
        setattr(session, name, value)
    session.save()
    audit.log(session, "reception.session.updated", actor=actor, data={"before": before})
    return session
