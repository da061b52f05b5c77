"""The statutory holidays as data, checked against every published year, and the backtest."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.disclosure_requests.rules.regimes import REGIMES
from gongkai.workdays import backtest, statutory
from gongkai.workdays.models import CalendarDay

pytestmark = pytest.mark.django_db


def test_2027_statutory_holidays_under_the_2024_revision():
    assert statutory.statutory_holidays(2027) == {
        date(2027, 1, 1): "元旦",
        # 春节 four days from 除夕 (正月初一 is 2/6).
        date(2027, 2, 5): "春节",
        date(2027, 2, 6): "春节",
        date(2027, 2, 7): "春节",
        date(2027, 2, 8): "春节",
        date(2027, 4, 5): "清明节",
        date(2027, 5, 1): "劳动节",
        date(2027, 5, 2): "劳动节",
        date(2027, 6, 9): "端午节",
        date(2027, 9, 15): "中秋节",
        date(2027, 10, 1): "国庆节",
        date(2027, 10, 2): "国庆节",
        date(2027, 10, 3): "国庆节",
    }


@pytest.mark.parametrize(
    ("year", "spring_festival"),
    [
        (2013, [date(2013, 2, 9), date(2013, 2, 10), date(2013, 2, 11)]),  # 除夕 to 初二
        (2014, [date(2014, 1, 31), date(2014, 2, 1), date(2014, 2, 2)]),  # 初一 to 初三
        (2025, [date(2025, 1, 28), date(2025, 1, 29), date(2025, 1, 30), date(2025, 1, 31)]),
    ],
)
def test_each_revision_applies_from_its_year(year, spring_festival):
    days = statutory.statutory_holidays(year)
    assert sorted(d for d, name in days.items() if name == "春节") == spring_festival


def test_every_statutory_weekday_of_2008_to_2026_is_off_in_the_published_notice():
    """The lunar and solar-term dates and the revisions, checked against 19 real notices."""
    off = set(
        CalendarDay.objects.filter(kind=CalendarDay.Kind.HOLIDAY).values_list("date", flat=True)
    )
    for year in range(2008, 2027):
        for day, name in statutory.statutory_holidays(year).items():
            if day.weekday() < 5:
                assert day in off, (day, name)


def test_possible_makeup_workdays_are_weekends_near_a_holiday():
    possible = statutory.possible_makeup_workdays(2027)
    assert all(day.weekday() >= 5 for day in possible)
    assert date(2027, 1, 9) in possible  # 8 days after 元旦
    assert date(2027, 7, 17) not in possible  # no holiday near
    assert date(2027, 2, 6) not in possible  # itself a statutory holiday
    # The window reaches into the next year's 元旦.
    assert date(2027, 12, 25) in possible


def test_years_before_the_first_revision_have_no_rules():
    assert statutory.revision_for(1999) is None
    assert statutory.statutory_holidays(1999) == {}


def test_backtest_never_acts_later_than_the_published_notice():
    periods = {regime.code: regime.response_days for regime in REGIMES}
    results = backtest.run_backtest(range(2008, 2027), periods)
    for result in results.values():
        assert result.later == 0, result.later_cases[:5]
        assert result.total > 6900  # every receipt day whose published date is known
    # The naive calendar (statutory days only) would have been late: the window is needed.
    naive = backtest.run_backtest(range(2008, 2027), periods, backtest.statutory_only_is_working)
    assert all(result.later > 0 for result in naive.values())
