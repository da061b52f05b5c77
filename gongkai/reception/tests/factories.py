import datetime as dt
import secrets

import factory
from django.utils import timezone

from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.reception.models import (
    ReceptionBooking,
    ReceptionSchedule,
    ReceptionSession,
    ReceptionSlot,
)
from gongkai.workdays import calendar


def next_certain_working_day(day: dt.date) -> dt.date:
    """`day`, or the first day after it that is certainly worked: slots are offered only then."""
    while not calendar.describe_day(day).is_certainly_working:
        day += dt.timedelta(days=1)
    return day


class ReceptionScheduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReceptionSchedule

    organisation = factory.SubFactory(OrganisationFactory)
    stationed_department_name = "市环保局"
    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    receiver_name = "吴静"
    receiver_title = "环评处处长"


class ReceptionSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReceptionSlot

    date = factory.LazyFunction(
        lambda: next_certain_working_day(timezone.localdate() + dt.timedelta(days=7))
    )
    # The slot's month, not today's: a week ahead is already next month at a month's end.
    schedule = factory.SubFactory(
        ReceptionScheduleFactory,
        month=factory.LazyAttribute(lambda schedule: schedule.factory_parent.date.replace(day=1)),
    )
    start_time = dt.time(9, 30)
    end_time = dt.time(11, 30)
    place = "一楼接访室"
    capacity = 3


class ReceptionBookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReceptionBooking

    slot = factory.SubFactory(ReceptionSlotFactory)
    reference = factory.LazyFunction(lambda: secrets.token_hex(8).upper())
    name = "陈先生"
    phone = "13800138000"
    question = "环评审批需要哪些材料？"


class ReceptionSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReceptionSession

    organisation = factory.SubFactory(OrganisationFactory)
    stationed_department_name = "市环保局"
    held_on = dt.date(2009, 6, 10)
    staff_dispatched = 3
    visitors_received = 5
    questions_answered_on_spot = 5
