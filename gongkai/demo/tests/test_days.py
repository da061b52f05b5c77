import datetime as dt

import pytest

from gongkai.demo.days import working_days
from gongkai.workdays.calendar import UnknownCalendarYearError, is_working_day

pytestmark = pytest.mark.django_db


def test_a_known_year_gives_exactly_the_days_the_calendar_counts() -> None:
    year = [dt.date(2009, 1, 1) + dt.timedelta(days=n) for n in range(365)]
    assert working_days(2009) == [day for day in year if is_working_day(day)]
    # 国庆 2009: 1–8 October off, Sunday 27 September and Saturday 10 October worked.
    assert dt.date(2009, 10, 5) not in working_days(2009)
    assert dt.date(2009, 9, 27) in working_days(2009)


def test_an_unknown_year_is_an_error_unless_weekdays_are_asked_for() -> None:
    with pytest.raises(UnknownCalendarYearError):
        working_days(1990)
    weekdays = working_days(1990, weekdays_if_unknown=True)
    assert len(weekdays) == 261
    assert {day.weekday() for day in weekdays} == {0, 1, 2, 3, 4}
    assert weekdays[0] == dt.date(1990, 1, 1) and weekdays[-1] == dt.date(1990, 12, 31)
