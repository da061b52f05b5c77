from __future__ import annotations

import datetime as dt
import threading

import pytest
import time_machine
from django.core import mail
from django.db import connection

from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.models import AuditEntry
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.reception import selectors, services
from gongkai.reception.models import ReceptionBooking, ReceptionSession
from gongkai.reception.statistics import year_statistics
from gongkai.reception.tests.factories import (
    ReceptionBookingFactory,
    ReceptionScheduleFactory,
    ReceptionSessionFactory,
    ReceptionSlotFactory,
)

pytestmark = pytest.mark.django_db

# A Monday; the factories' slots fall a week later, on a working Monday too.
TODAY = dt.date(2025, 3, 3)
frozen_clock = frozen_clock_at(dt.datetime(2025, 3, 3, 10, tzinfo=SHANGHAI))


def _book(slot_id: int, **overrides: str) -> ReceptionBooking:
    values = {"name": "陈先生", "phone": "13800138000", "question": "环评需要什么材料？"}
    values.update(overrides)
    return services.reception_booking_create(slot_id=slot_id, **values)


def test_booking_confirms_by_email_and_is_audited(django_capture_on_commit_callbacks) -> None:
    slot = ReceptionSlotFactory(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        booking = _book(slot.pk, email="chen@example.com", company="某某公司")
    assert booking.status == ReceptionBooking.Status.BOOKED
    assert len(booking.reference) == 16
    assert len(mail.outbox) == 1 and booking.reference in mail.outbox[0].subject
    assert AuditEntry.objects.filter(action="reception.booking.created").count() == 1


def test_booking_on_a_full_slot_is_refused_and_changes_nothing() -> None:
    slot = ReceptionSlotFactory(capacity=1)
    _book(slot.pk)
    audit_before = AuditEntry.objects.count()
    with pytest.raises(ApplicationError, match="已约满"):
        _book(slot.pk, phone="13900139000")
    assert slot.bookings.count() == 1
    assert AuditEntry.objects.count() == audit_before


def test_a_cancelled_booking_frees_its_place() -> None:
    slot = ReceptionSlotFactory(capacity=1)
    coordinator = staff_with_role(Role.COORDINATOR, slot.schedule.organisation)
    services.reception_booking_cancel(actor=coordinator, booking=_book(slot.pk))
    assert _book(slot.pk).status == ReceptionBooking.Status.BOOKED


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"phone": "12345"}, "电话号码"),
        ({"name": " "}, "姓名"),
        ({"question": ""}, "咨询问题"),
        ({"email": "not-an-email"}, "电子邮箱"),
    ],
)
def test_bad_booking_input_is_refused(overrides: dict[str, str], message: str) -> None:
    slot = ReceptionSlotFactory()
    with pytest.raises(ApplicationError, match=message):
        _book(slot.pk, **overrides)
    assert not ReceptionBooking.objects.exists()


def test_past_and_unpublished_slots_cannot_be_booked() -> None:
    past = ReceptionSlotFactory(date=TODAY - dt.timedelta(days=1))
    with pytest.raises(ApplicationError, match="已过"):
        _book(past.pk)
    hidden = ReceptionSlotFactory(schedule=ReceptionScheduleFactory(is_published=False))
    with pytest.raises(ApplicationError, match="没有找到"):
        _book(hidden.pk)


@pytest.mark.django_db(transaction=True)
def test_concurrent_bookings_never_exceed_the_cap() -> None:
    slot = ReceptionSlotFactory(capacity=2)
    outcomes: list[str] = []

    def attempt(index: int) -> None:
        try:
            _book(slot.pk, phone=f"1380013800{index}")
            outcomes.append("ok")
        except ApplicationError:
            outcomes.append("full")
        except Exception as error:  # database busy on SQLite counts as a refusal
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert ReceptionBooking.objects.filter(slot=slot).count() <= 2
    assert outcomes.count("ok") == ReceptionBooking.objects.filter(slot=slot).count()


def test_schedule_and_slot_rules() -> None:
    organisation = OrganisationFactory()
    handler = staff_with_role(Role.HANDLER, organisation)
    schedule = services.reception_schedule_create(
        actor=handler,
        organisation=organisation,
        data={
            "stationed_department_name": "市规划局",
            "month": dt.date(2026, 5, 17),
            "receiver_name": "黄海",
        },
    )
    assert schedule.month == dt.date(2026, 5, 1)
    with pytest.raises(ApplicationError, match="不在该安排的月份"):
        services.reception_slot_create(
            actor=handler, schedule=schedule, date=dt.date(2026, 6, 1),
            start_time=dt.time(9), end_time=dt.time(11), place="接访室", capacity=3,
        )  # fmt: skip
    with pytest.raises(ApplicationError, match="至少为 1"):
        services.reception_slot_create(
            actor=handler, schedule=schedule, date=dt.date(2026, 5, 20),
            start_time=dt.time(9), end_time=dt.time(11), place="接访室", capacity=0,
        )  # fmt: skip
    auditor = staff_with_role(Role.AUDITOR, organisation)
    with pytest.raises(PermissionDeniedError):
        services.reception_schedule_update(actor=auditor, schedule=schedule, data={})


def test_session_with_negative_figures_is_refused() -> None:
    organisation = OrganisationFactory()
    handler = staff_with_role(Role.HANDLER, organisation)
    data = {
        "stationed_department_name": "市工商局",
        "held_on": dt.date(2009, 5, 12),
        "staff_dispatched": -1,
        "visitors_received": 4,
        "questions_answered_on_spot": 4,
    }
    with pytest.raises(ApplicationError, match="派出接访人次"):
        services.reception_session_create(actor=handler, organisation=organisation, data=data)
    assert not ReceptionSession.objects.exists()
    data["staff_dispatched"] = 2
    session = services.reception_session_create(actor=handler, organisation=organisation, data=data)
    assert session.recorded_by == handler


def test_statistics_sum_the_sessions_of_the_year_and_organisations() -> None:
    organisation = OrganisationFactory()
    other = OrganisationFactory()
    ReceptionSessionFactory(organisation=organisation, staff_dispatched=2, visitors_received=7,
                            questions_answered_on_spot=6)  # fmt: skip
    ReceptionSessionFactory(organisation=organisation, staff_dispatched=3, visitors_received=1,
                            questions_answered_on_spot=1)  # fmt: skip
    ReceptionSessionFactory(organisation=organisation, held_on=dt.date(2010, 1, 5))
    ReceptionSessionFactory(organisation=other)
    ReceptionBookingFactory(
        slot=ReceptionSlotFactory(
            schedule=ReceptionScheduleFactory(organisation=organisation, month=dt.date(2009, 6, 1)),
            date=dt.date(2009, 6, 10),
        )
    )
    assert year_statistics(organisation_ids=[organisation.pk], year=2009) == {
        "reception.sessions": 2,
        "reception.staff_attendances": 5,
        "reception.visitors": 8,
        "reception.questions_answered": 7,
        "reception.bookings": 1,
    }
    assert year_statistics(organisation_ids=[], year=2009)["reception.sessions"] == 0


# --- only days certainly worked: 2027-01-01 was bookable --------------------------------------


@pytest.fixture
def december_2026():
    with time_machine.travel(dt.datetime(2026, 12, 6, 10, tzinfo=SHANGHAI), tick=False):
        yield


@pytest.mark.usefixtures("december_2026")
@pytest.mark.parametrize(
    ("day", "message"),
    [
        (dt.date(2027, 1, 1), "2027-01-01 是元旦假期，不是工作日，不能安排接访。"),
        # Provisional 2027: a weekend next to 元旦 may become a make-up workday, or not.
        (dt.date(2027, 1, 2), "2027-01-02（星期六）可能调休上班，但2027年的放假安排尚未公布"),
        (dt.date(2027, 1, 16), "2027-01-16 是星期六，不是工作日，不能安排接访。"),
    ],
)
def test_staff_cannot_offer_a_slot_on_a_day_off(day: dt.date, message: str) -> None:
    schedule = ReceptionScheduleFactory(month=dt.date(2027, 1, 1))
    coordinator = staff_with_role(Role.COORDINATOR, schedule.organisation)
    with pytest.raises(ApplicationError, match=message):
        services.reception_slot_create(
            actor=coordinator, schedule=schedule, date=day, start_time=dt.time(9),
            end_time=dt.time(11), place="一楼接访室", capacity=3,
        )  # fmt: skip
    assert not schedule.slots.exists()
    slot = services.reception_slot_create(
        actor=coordinator, schedule=schedule, date=dt.date(2027, 1, 4), start_time=dt.time(9),
        end_time=dt.time(11), place="一楼接访室", capacity=3,
    )  # fmt: skip
    assert slot.date == dt.date(2027, 1, 4)


@pytest.mark.usefixtures("december_2026")
def test_a_slot_on_a_holiday_is_neither_offered_nor_bookable() -> None:
    schedule = ReceptionScheduleFactory(month=dt.date(2027, 1, 1))
    holiday = ReceptionSlotFactory(schedule=schedule, date=dt.date(2027, 1, 1))
    working = ReceptionSlotFactory(schedule=schedule, date=dt.date(2027, 1, 4))
    assert list(selectors.slot_list_public()) == [working]
    assert selectors.slot_get_public(pk=holiday.pk) is None
    with pytest.raises(ApplicationError, match="2027-01-01 不是工作日，该接访时段不接受预约"):
        _book(holiday.pk)
    assert not ReceptionBooking.objects.exists()
    assert _book(working.pk).status == ReceptionBooking.Status.BOOKED
