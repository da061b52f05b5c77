"""The counting rule, checked against dates worked out by hand from the State Council notices."""

from __future__ import annotations

from datetime import date

import pytest
from chinese_calendar import constants, find_workday

from gongkai.core.exceptions import ApplicationError
from gongkai.workdays.calendar import (
    UnknownCalendarYearError,
    add_working_days,
    describe_day,
    explain_working_days,
    is_working_day,
    working_days_between,
)
from gongkai.workdays.models import CalendarDay, CalendarYear

pytestmark = pytest.mark.django_db

# (start, working days, due date), each counted by hand on a paper calendar from the notice.
HAND_COUNTED = [
    # 2026 Qingming 4/4–4/6. Receipt on a Friday or on the Saturday after: same due date.
    (date(2026, 3, 6), 20, date(2026, 4, 3)),
    (date(2026, 3, 7), 20, date(2026, 4, 3)),
    (date(2026, 3, 8), 20, date(2026, 4, 3)),
    (date(2026, 3, 9), 20, date(2026, 4, 7)),
    # 2026 Spring Festival 2/15–2/23 off; Sat 2/14 and Sat 2/28 worked.
    (date(2026, 2, 6), 5, date(2026, 2, 13)),
    (date(2026, 2, 6), 6, date(2026, 2, 14)),
    (date(2026, 2, 6), 10, date(2026, 2, 27)),
    (date(2026, 2, 6), 11, date(2026, 2, 28)),
    (date(2026, 2, 14), 1, date(2026, 2, 24)),
    # 2019 Spring Festival 2/4–2/10 off; Sat 2/2 and Sun 2/3 worked.
    (date(2019, 2, 1), 1, date(2019, 2, 2)),
    (date(2019, 2, 1), 2, date(2019, 2, 3)),
    (date(2019, 2, 1), 3, date(2019, 2, 11)),
    # 2020 Spring Festival, extended to Sun 2/2 (国办发明电〔2020〕1号); Sun 1/19 was worked.
    (date(2020, 1, 17), 1, date(2020, 1, 19)),
    (date(2020, 1, 17), 5, date(2020, 1, 23)),
    (date(2020, 1, 17), 6, date(2020, 2, 3)),
    # Across New Year 2020 (1/1 off) and the extended Spring Festival.
    (date(2019, 12, 31), 20, date(2020, 2, 5)),
    # 2023 Mid-autumn + National Day 9/29–10/6 off; Sat 10/7 and Sun 10/8 worked.
    (date(2023, 9, 28), 1, date(2023, 10, 7)),
    (date(2023, 9, 28), 2, date(2023, 10, 8)),
    (date(2023, 9, 28), 3, date(2023, 10, 9)),
    (date(2023, 9, 28), 20, date(2023, 11, 1)),
    (date(2023, 10, 8), 20, date(2023, 11, 3)),  # receipt on a make-up Sunday
    # 2009 National Day + Mid-autumn 10/1–10/8 off; Sun 9/27 and Sat 10/10 worked.
    (date(2009, 9, 25), 1, date(2009, 9, 27)),
    (date(2009, 9, 25), 5, date(2009, 10, 9)),
    (date(2009, 9, 25), 6, date(2009, 10, 10)),
    (date(2009, 9, 25), 20, date(2009, 10, 29)),
    # Zero days: the start itself.
    (date(2026, 2, 15), 0, date(2026, 2, 15)),
]


@pytest.mark.parametrize(("start", "days", "due"), HAND_COUNTED)
def test_add_working_days_matches_hand_count(start, days, due):
    assert add_working_days(start, days) == due


@pytest.mark.parametrize(("start", "days", "due"), [c for c in HAND_COUNTED if c[1]])
def test_working_days_between_inverts_the_hand_count(start, days, due):
    assert working_days_between(start, due) == days
    assert working_days_between(due, start) == -days


def test_find_workday_pitfall_is_avoided():
    # chinese_calendar.find_workday first moves to the next working day, so a Saturday
    # receipt comes out one working day late (regulation-facts.md §4.3).
    assert find_workday(20, date(2026, 3, 7)) == date(2026, 4, 7)
    assert add_working_days(date(2026, 3, 7), 20) == date(2026, 4, 3)


def test_is_working_day_on_make_up_days_holidays_and_weekends():
    assert is_working_day(date(2026, 2, 14))  # Saturday, 春节 make-up
    assert is_working_day(date(2023, 10, 8))  # Sunday, 国庆 make-up
    assert is_working_day(date(2009, 9, 27))  # Sunday, 国庆 make-up
    assert is_working_day(date(2026, 3, 6))  # ordinary Friday
    assert not is_working_day(date(2026, 2, 16))  # Monday in 春节
    assert not is_working_day(date(2020, 1, 31))  # Friday, 2020 extension
    assert not is_working_day(date(2026, 3, 7))  # ordinary Saturday
    assert not is_working_day(date(2015, 9, 3))  # 抗战胜利70周年纪念日


def test_working_days_in_the_whole_of_2026():
    # 261 weekdays − 19 weekday holidays + 6 make-up weekend days.
    assert working_days_between(date(2025, 12, 31), date(2026, 12, 31)) == 248
    assert working_days_between(date(2026, 5, 1), date(2026, 5, 1)) == 0


def test_explanation_lists_every_skipped_day_with_its_reason():
    explanation = explain_working_days(date(2026, 2, 6), 10)
    assert explanation.due == date(2026, 2, 27)
    assert explanation.makeup_workdays == [date(2026, 2, 14)]
    assert [(s.date.day, s.reason_code, s.name) for s in explanation.skipped] == [
        (7, "weekend", "星期六"),
        (8, "weekend", "星期日"),
        *[(d, "holiday", "春节") for d in range(15, 24)],
    ]


def test_describe_day_names_the_holiday():
    assert describe_day(date(2026, 10, 1)).name == "国庆节"
    assert describe_day(date(2026, 10, 10)).kind == "makeup_workday"
    assert describe_day(date(2026, 10, 12)).kind == "workday"


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        # 2027 is not entered: counted provisionally, never refused.
        (lambda: add_working_days(date(2026, 12, 31), 1), date(2027, 1, 2)),
        (lambda: is_working_day(date(2027, 1, 4)), True),
        (lambda: is_working_day(date(2027, 1, 1)), False),
        (lambda: add_working_days(date(2027, 3, 1), 0), date(2027, 3, 1)),
    ],
)
def test_a_year_not_entered_is_counted_provisionally(call, expected):
    assert call() == expected


def test_a_provisional_explanation_names_its_years():
    explanation = explain_working_days(date(2026, 12, 20), 20)
    assert explanation.provisional_years == (2027,)
    assert "2027年的放假安排尚未公布" in explanation.provisional_note
    entered = explain_working_days(date(2026, 3, 6), 20)
    assert not entered.provisional and entered.provisional_note == ""
    assert describe_day(date(2027, 1, 1)).provisional
    assert describe_day(date(2027, 1, 1)).kind == "holiday"


@pytest.mark.parametrize("year", [1999, 2101])
def test_a_year_outside_every_calendar_is_an_error(year):
    with pytest.raises(UnknownCalendarYearError) as error:
        is_working_day(date(year, 6, 1))
    assert error.value.year == year
    assert "不在可计算工作日的范围内" in error.value.message


def test_negative_days_are_refused():
    with pytest.raises(ApplicationError, match="不能为负数"):
        add_working_days(date(2026, 3, 6), -1)


def test_seed_copies_the_package_data():
    assert list(CalendarYear.objects.values_list("year", flat=True)) == list(range(2004, 2027))
    stored = {(d.date, d.kind) for d in CalendarDay.objects.filter(calendar_year__source="package")}
    expected = {(d, "holiday") for d in constants.holidays} | {
        (d, "makeup_workday") for d in constants.workdays
    }
    assert stored == expected
    # in_lieu_days (swapped rest days) must not have been taken for make-up workdays.
    assert not CalendarDay.objects.filter(
        date__in=list(constants.in_lieu_days), kind="makeup_workday"
    ).exists()
    assert CalendarDay.objects.get(date=date(2026, 2, 14)).name == "春节"


def test_cache_follows_changes_made_by_another_process():
    assert add_working_days(date(2026, 3, 6), 20) == date(2026, 4, 3)
    # Another process declares Monday 3/30 a holiday: no in-process invalidation happens
    # here, only the database changes (the row's updated_at moves on save).
    calendar_year = CalendarYear.objects.get(year=2026)
    CalendarDay.objects.create(
        calendar_year=calendar_year, date=date(2026, 3, 30), kind="holiday", name="测试"
    )
    calendar_year.save()
    assert add_working_days(date(2026, 3, 6), 20) == date(2026, 4, 7)


def test_cache_drops_a_deleted_year():
    # Sat 2025-01-26 was a make-up workday of the notice; without the notice it is only a
    # possible one (counted, but provisional).
    assert describe_day(date(2025, 1, 26)).kind == "makeup_workday"
    CalendarYear.objects.filter(year=2025).delete()
    info = describe_day(date(2025, 1, 26))
    assert info.provisional and info.kind == "possible_makeup_workday"


def test_repeated_calls_use_one_query(django_assert_num_queries):
    add_working_days(date(2024, 9, 20), 20)  # warm the cache
    with django_assert_num_queries(1):
        add_working_days(date(2024, 9, 20), 20)
