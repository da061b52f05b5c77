"""Working days (工作日) for every time limit of the 条例.

Counting rule, used by every deadline in gongkai:

* A working day is a Monday–Friday that is not a holiday (节假日), or a Saturday/Sunday that the
  State Council notice turns into a working day (调休上班, "make-up workday").
* The start day itself is **not** counted: "自收到申请之日起20个工作日内" (第三十一条 fixes the
  day of receipt, 第三十三条 the 20 working days) means the 20th working day strictly after the
  day of receipt. That day is the due date. The same applies to 第二十六条 (20 working days from
  形成或者变更), 第三十条 (7) and 第三十二条/第三十四条 (15).
* Make-up workdays count like any other working day.
* This is NOT ``chinese_calendar.find_workday``: that first moves to the next working day on or
  after the start, so a start on a non-working day comes out one working day late
  (regulation-facts.md §4.3; receipt Sat 2026-03-07 + 20 is 2026-04-03, not 2026-04-07).

Holidays and make-up workdays live in the database (CalendarYear/CalendarDay), seeded for
2004–2026 and extended by staff from each year's 国务院办公厅 notice. A date in a year without a
CalendarYear row raises UnknownCalendarYearError: a deadline is never guessed.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from gongkai.core.exceptions import ApplicationError
from gongkai.workdays.models import CalendarDay, CalendarYear

ONE_DAY = timedelta(days=1)
WEEKDAY_NAMES = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")

DayKind = Literal["workday", "weekend", "holiday", "makeup_workday"]


class UnknownCalendarYearError(ApplicationError):
    """The holiday schedule of `year` has not been entered, so no working day can be counted."""

    def __init__(self, year: int) -> None:
        super().__init__(
            f"{year}年的节假日安排尚未录入，请先在“工作日历”中录入国务院办公厅通知。",
            extra={"year": year},
        )
        self.year = year


@dataclass(frozen=True)
class SkippedDay:
    date: date
    reason_code: Literal["weekend", "holiday"]
    name: str  # the holiday's name (春节), or the weekday (星期六) for an ordinary weekend


@dataclass(frozen=True)
class WorkingDayExplanation:
    start: date
    days: int
    due: date
    skipped: list[SkippedDay] = field(default_factory=list)
    makeup_workdays: list[date] = field(default_factory=list)


@dataclass(frozen=True)
class DayInfo:
    date: date
    kind: DayKind
    name: str

    @property
    def is_working(self) -> bool:
        return self.kind in ("workday", "makeup_workday")


# --- the per-process cache ------------------------------------------------------------------
#
# Each year's exceptions are cached as dicts keyed by date. A cached year is valid while its
# CalendarYear row has the same (id, updated_at): every public call first reads that version
# list (one query over a few dozen rows) and reloads only the years that changed. This stays
# correct with several application processes, where an in-process invalidation alone would
# leave the other processes stale; the save service also clears this process's cache on commit.


@dataclass(frozen=True)
class _Year:
    version: tuple[int, datetime]
    holidays: dict[date, str]
    makeup_workdays: dict[date, str]
    # Ordinals of the year's working days, ascending: counting becomes a bisection.
    working_ordinals: tuple[int, ...] = ()


_cache: dict[int, _Year] = {}


def clear_cache() -> None:
    _cache.clear()


class _Snapshot:
    """The calendar as of one call: versions read once, years loaded on first use."""

    def __init__(self) -> None:
        self.versions: dict[int, tuple[int, datetime]] = {
            year: (pk, updated_at)
            for year, pk, updated_at in CalendarYear.objects.values_list("year", "pk", "updated_at")
        }

    def year(self, year: int) -> _Year:
        version = self.versions.get(year)
        if version is None:
            raise UnknownCalendarYearError(year)
        cached = _cache.get(year)
        if cached is not None and cached.version == version:
            return cached
        holidays: dict[date, str] = {}
        makeup: dict[date, str] = {}
        for day, kind, name in CalendarDay.objects.filter(calendar_year_id=version[0]).values_list(
            "date", "kind", "name"
        ):
            target = makeup if kind == CalendarDay.Kind.MAKEUP_WORKDAY else holidays
            target[day] = name
        first = date(year, 1, 1).toordinal()
        last = date(year, 12, 31).toordinal()
        working = tuple(
            ordinal
            for ordinal in range(first, last + 1)
            if (day := date.fromordinal(ordinal)) in makeup
            or (day.weekday() < 5 and day not in holidays)
        )
        loaded = _Year(
            version=version, holidays=holidays, makeup_workdays=makeup, working_ordinals=working
        )
        _cache[year] = loaded
        return loaded

    def info(self, day: date) -> DayInfo:
        data = self.year(day.year)
        if day in data.makeup_workdays:
            return DayInfo(day, "makeup_workday", data.makeup_workdays[day])
        if day in data.holidays:
            return DayInfo(day, "holiday", data.holidays[day])
        if day.weekday() >= 5:
            return DayInfo(day, "weekend", WEEKDAY_NAMES[day.weekday()])
        return DayInfo(day, "workday", "")

    def is_working(self, day: date) -> bool:
        data = self.year(day.year)
        if day in data.makeup_workdays:
            return True
        return day.weekday() < 5 and day not in data.holidays

    def add(self, start: date, days: int) -> date:
        """The `days`-th working day strictly after `start`, year by year by bisection."""
        year = start.year
        ordinals = self.year(year).working_ordinals
        index = bisect_right(ordinals, start.toordinal())
        while days:
            available = len(ordinals) - index
            if days <= available:
                return date.fromordinal(ordinals[index + days - 1])
            days -= available
            year += 1
            ordinals = self.year(year).working_ordinals  # an unknown year is refused here
            index = 0
        return start

    def count_between(self, start: date, end: date) -> int:
        """Working days in (start, end] for start <= end; both years must be known."""
        total = 0
        for year in range(start.year, end.year + 1):
            ordinals = self.year(year).working_ordinals
            total += bisect_right(ordinals, end.toordinal()) - bisect_right(
                ordinals, start.toordinal()
            )
        return total


# --- public API ------------------------------------------------------------------------------


def known_years() -> list[int]:
    return sorted(_Snapshot().versions)


def describe_day(day: date) -> DayInfo:
    return _Snapshot().info(day)


def describe_year(year: int) -> list[DayInfo]:
    """Every day of `year` with its kind, for calendar pages."""
    snapshot = _Snapshot()
    snapshot.year(year)
    day = date(year, 1, 1)
    result = []
    while day.year == year:
        result.append(snapshot.info(day))
        day += ONE_DAY
    return result


def is_working_day(day: date) -> bool:
    return _Snapshot().is_working(day)


def _check_days(days: int) -> None:
    if days < 0:
        raise ApplicationError("工作日数不能为负数。")


def add_working_days(start: date, days: int) -> date:
    """The `days`-th working day strictly after `start` (the start day is not counted).

    `days == 0` returns `start` itself.
    """
    _check_days(days)
    # A start in an unknown year is refused too, never guessed.
    return _Snapshot().add(start, days)


def explain_working_days(start: date, days: int) -> WorkingDayExplanation:
    """`add_working_days`, with every non-working day skipped and every make-up day counted."""
    _check_days(days)
    snapshot = _Snapshot()
    snapshot.year(start.year)
    skipped: list[SkippedDay] = []
    makeup: list[date] = []
    day = start
    remaining = days
    while remaining:
        day += ONE_DAY
        info = snapshot.info(day)
        if info.is_working:
            remaining -= 1
            if info.kind == "makeup_workday":
                makeup.append(day)
        else:
            reason: Literal["weekend", "holiday"] = (
                "holiday" if info.kind == "holiday" else "weekend"
            )
            skipped.append(SkippedDay(day, reason, info.name))
    return WorkingDayExplanation(
        start=start, days=days, due=day, skipped=skipped, makeup_workdays=makeup
    )


def working_days_between(start: date, end: date) -> int:
    """Working days in (start, end]: so `working_days_between(s, add_working_days(s, n)) == n`.

    Negative when `end` is before `start` (how many working days `end` lies before `start`).
    """
    if end < start:
        return -working_days_between(end, start)
    # The start year must be known as well, as in add_working_days.
    return _Snapshot().count_between(start, end)
