"""Entering a year's holiday schedule."""

from __future__ import annotations

import datetime as dt
from datetime import date

import pytest

from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.models import AuditEntry
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.workdays.calendar import (
    add_working_days,
    is_provisional,
    is_working_day,
)
from gongkai.workdays.models import CalendarDay, CalendarYear
from gongkai.workdays.services import calendar_year_save_from_notice
from gongkai.workdays.tests.test_notice import NOTICE_2026

pytestmark = pytest.mark.django_db

# 2026 is the last year entered; the notice for 2027 is being entered in December. Ticking:
# other processes see a saved year by its moved updated_at, and so do these tests.
frozen_clock = frozen_clock_at(dt.datetime(2026, 12, 6, 10, tzinfo=SHANGHAI), tick=True)

HOLIDAYS_2027 = """元旦：2027年1月1日至3日
春节：2月6日（星期六）至2月12日（星期五）
"""
MAKEUP_2027 = "春节：2月13日（星期六）、2月14日（星期日）"


@pytest.fixture
def calendar_admin():
    return staff_with_role(Role.ORG_ADMIN, OrganisationFactory())


def test_saving_a_new_year_makes_it_countable(calendar_admin):
    # Provisional before the notice: 春节 is 2/5 (除夕)–2/8, so Tue 2/9; never later than the
    # notice's answer (2/13 below).
    assert add_working_days(date(2027, 2, 5), 1) == date(2027, 2, 9)
    assert is_provisional(date(2027, 2, 9))

    calendar_year = calendar_year_save_from_notice(
        actor=calendar_admin,
        year=2027,
        holidays=HOLIDAYS_2027,
        makeup_workdays=MAKEUP_2027,
        notice="国办发明电〔2026〕X号",
    )

    assert calendar_year.source == CalendarYear.Source.NOTICE
    assert calendar_year.days.filter(kind=CalendarDay.Kind.HOLIDAY).count() == 10
    assert CalendarDay.objects.get(date=date(2027, 2, 13)).name == "春节"
    # Fri 2/5 + 1: 2/6–2/12 off, Sat 2/13 is a make-up workday.
    assert add_working_days(date(2027, 2, 5), 1) == date(2027, 2, 13)
    assert not is_working_day(date(2027, 2, 8))
    entry = AuditEntry.objects.get(action="workdays.calendar_year.saved")
    assert entry.actor == calendar_admin
    assert entry.object_id == str(calendar_year.pk)
    assert entry.data["mode"] == "created"
    assert entry.data["makeup_workdays"] == ["2027-02-13", "2027-02-14"]


def test_saving_replaces_the_existing_rows_and_records_them(calendar_admin):
    calendar_year_save_from_notice(
        actor=calendar_admin, year=2026, holidays="", makeup_workdays="", notice=NOTICE_2026
    )
    assert CalendarYear.objects.get(year=2026).source == CalendarYear.Source.NOTICE
    assert add_working_days(date(2026, 3, 7), 20) == date(2026, 4, 3)

    calendar_year_save_from_notice(
        actor=calendar_admin,
        year=2026,
        holidays=[date(2026, 1, 1), date(2026, 3, 30)],
        makeup_workdays=[],
    )
    days = CalendarDay.objects.filter(calendar_year__year=2026)
    assert sorted(d.date for d in days) == [date(2026, 1, 1), date(2026, 3, 30)]
    # The change is seen at once: Monday 3/30 is now off and Qingming is a normal weekday.
    assert add_working_days(date(2026, 3, 7), 20) == date(2026, 4, 6)
    last = AuditEntry.objects.filter(action="workdays.calendar_year.saved").latest("pk")
    assert last.data["mode"] == "corrected"
    assert "2026-02-14" in last.data["previous"]["makeup_workdays"]


def test_mapping_input_keeps_names(calendar_admin):
    calendar_year_save_from_notice(
        actor=calendar_admin,
        year=2027,
        holidays={date(2027, 1, 1): "元旦"},
        makeup_workdays={},
    )
    assert CalendarDay.objects.get(date=date(2027, 1, 1)).name == "元旦"


@pytest.mark.parametrize(
    ("holidays", "makeup", "expected"),
    [
        (
            "2027-01-01",
            "2027-02-10",
            "调休上班日 2027-02-10 是星期三，调休上班日应为星期六或星期日",
        ),
        ("2027-02-13", "2027-02-13", "2027-02-13 不能既是放假日又是调休上班日"),
        ("2026-12-31\n2027-01-01", "", "2026-12-31 不在2027年内，请在该日期所在年度录入"),
        ("", "2027-02-13", "请至少录入一个放假日期"),
        ("2027-01-01\n1月32日", "", "放假日期：日期不存在：「1月32日」（1月32日）"),
        ("2027-01-01", "foo 13", "调休上班日期：无法识别的日期：「foo 13」"),
    ],
)
def test_invalid_input_is_refused_with_a_clear_message(calendar_admin, holidays, makeup, expected):
    with pytest.raises(ApplicationError) as error:
        calendar_year_save_from_notice(
            actor=calendar_admin, year=2027, holidays=holidays, makeup_workdays=makeup
        )
    assert expected in error.value.extra["errors"]
    assert error.value.message.startswith("2027年的节假日安排未保存：")
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert not AuditEntry.objects.filter(action="workdays.calendar_year.saved").exists()


def test_a_refused_replacement_leaves_the_year_untouched(calendar_admin):
    before = list(CalendarDay.objects.filter(calendar_year__year=2026).values_list("date", "kind"))
    with pytest.raises(ApplicationError):
        calendar_year_save_from_notice(
            actor=calendar_admin, year=2026, holidays="2026-01-01", makeup_workdays="2026-01-05"
        )
    after = list(CalendarDay.objects.filter(calendar_year__year=2026).values_list("date", "kind"))
    assert after == before
    assert CalendarYear.objects.get(year=2026).source == CalendarYear.Source.PACKAGE


def test_year_out_of_range_is_refused(calendar_admin):
    with pytest.raises(ApplicationError, match="年份须在"):
        calendar_year_save_from_notice(
            actor=calendar_admin, year=1999, holidays="1999-01-01", makeup_workdays=""
        )


@pytest.mark.parametrize("role", [Role.HANDLER, Role.APPROVER, Role.PUBLISHER, Role.AUDITOR])
def test_only_calendar_managers_may_save(role):
    user = staff_with_role(role, OrganisationFactory())
    with pytest.raises(PermissionDeniedError):
        calendar_year_save_from_notice(
            actor=user, year=2027, holidays="2027-01-01", makeup_workdays=""
        )
    assert not CalendarYear.objects.filter(year=2027).exists()
