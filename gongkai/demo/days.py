"""A year's working days for the demo's generated dates, read from the calendar once.

`is_working_day` reads the calendar's version list on every call (so that a holiday entered
by another process is seen at once); asking it about each day of a year, inside loops that
draw hundreds of dates, made the demo loader quadratic. One `describe_year` gives the same
answer for every day of the year from a single read.
"""

from __future__ import annotations

import datetime as dt

from gongkai.workdays.calendar import UnknownCalendarYearError, describe_year


def working_days(year: int, *, weekdays_if_unknown: bool = False) -> list[dt.date]:
    """Every working day of `year`, ascending; Monday to Friday when `weekdays_if_unknown` and
    the year's holidays were never entered (otherwise that is an error, as for deadlines)."""
    try:
        return [day.date for day in describe_year(year) if day.is_working]
    except UnknownCalendarYearError:
        if not weekdays_if_unknown:
            raise
    first = dt.date(year, 1, 1)
    every_day = (first + dt.timedelta(days=n) for n in range(366))
    return [day for day in every_day if day.year == year and day.weekday() < 5]
