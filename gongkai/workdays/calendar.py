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
2004–2026 and extended by staff from each year's 国务院办公厅 notice. A year without a
CalendarYear row is counted in the **provisional** (暂定) calendar of gongkai.workdays.statutory:
its statutory holidays off, and the weekend days near them counted as possible make-up workdays,
so a provisional due date is never later than the one the notice will give. Work is never
refused because a notice is not out yet; every result says which years were provisional, and
entering the notice recomputes what depended on them (gongkai.workdays.services). Only a year
before 2000 or after 2100 raises UnknownCalendarYearError.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from gongkai.core.exceptions import ApplicationError
from gongkai.workdays import statutory
from gongkai.workdays.models import CalendarDay, CalendarYear

ONE_DAY = timedelta(days=1)
WEEKDAY_NAMES = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")

DayKind = Literal["workday", "weekend", "holiday", "makeup_workday", "possible_makeup_workday"]
WORKING_KINDS = frozenset({"workday", "makeup_workday", "possible_makeup_workday"})
LAST_YEAR = 2100


class UnknownCalendarYearError(ApplicationError):
    """`year` is outside every calendar gongkai can count in, entered or provisional."""

    def __init__(self, year: int) -> None:
        super().__init__(
            f"{year}年不在可计算工作日的范围内"
            f"（{statutory.FIRST_PROVISIONAL_YEAR}年至{LAST_YEAR}年）。",
            extra={"year": year},
        )
        self.year = year


def provisional_note(years: list[int] | tuple[int, ...]) -> str:
    """One line saying why a date is 暂定, for every place that shows one."""
    if not years:
        return ""
    named = "、".join(f"{year}年" for year in years)
    return (
        f"暂定：{named}的放假安排尚未公布，按《全国年节及纪念日放假办法》的法定节假日计算，"
        "节日前后可能调休上班的周末也计为工作日，所以公布后的日期不会早于此日期。"
    )


@dataclass(frozen=True)
class SkippedDay:
    date: date
    reason_code: Literal["weekend", "holiday"]
    name: str  # the holiday's name (春节), or the weekday (星期六) for an ordinary weekend


class HasProvisionalYears:
    """For results that name the years they counted without an entered notice."""

    provisional_years: tuple[int, ...]

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)

    @property
    def provisional_note(self) -> str:
        return provisional_note(self.provisional_years)


@dataclass(frozen=True)
class WorkingDayExplanation(HasProvisionalYears):
    start: date
    days: int
    due: date
    skipped: list[SkippedDay] = field(default_factory=list)
    makeup_workdays: list[date] = field(default_factory=list)
    provisional_years: tuple[int, ...] = ()


@dataclass(frozen=True)
class DayInfo:
    date: date
    kind: DayKind
    name: str
    provisional: bool = False  # the year's notice is not entered: see gongkai.workdays.statutory

    @property
    def is_working(self) -> bool:
        return self.kind in WORKING_KINDS

    @property
    def is_certainly_working(self) -> bool:
        """Working whatever the notice will say: no possible make-up day (for booking people)."""
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
    version: tuple[int, datetime] | None  # None: provisional, built from the statutory rules
    holidays: dict[date, str]
    makeup_workdays: dict[date, str]
    # Ordinals of the year's working days, ascending: counting becomes a bisection.
    working_ordinals: tuple[int, ...] = ()
    possible_makeup_workdays: dict[date, str] = field(default_factory=dict)

    @property
    def provisional(self) -> bool:
        return self.version is None


_cache: dict[int, _Year] = {}
_provisional_cache: dict[int, _Year] = {}  # depends on the rules only, never invalidated


def clear_cache() -> None:
    _cache.clear()


def _working_ordinals(year: int, holidays: dict[date, str], working_weekend: set[date]) -> tuple:
    first = date(year, 1, 1).toordinal()
    last = date(year, 12, 31).toordinal()
    return tuple(
        ordinal
        for ordinal in range(first, last + 1)
        if (day := date.fromordinal(ordinal)) in working_weekend
        or (day.weekday() < 5 and day not in holidays)
    )


def _provisional_year(year: int) -> _Year:
    cached = _provisional_cache.get(year)
    if cached is not None:
        return cached
    if not statutory.FIRST_PROVISIONAL_YEAR <= year <= LAST_YEAR:
        raise UnknownCalendarYearError(year)
    holidays = statutory.statutory_holidays(year)
    possible = {
        day: f"可能调休上班（{name}前后）"
        for day, name in statutory.possible_makeup_workdays(year).items()
    }
    loaded = _Year(
        version=None,
        holidays=holidays,
        makeup_workdays={},
        working_ordinals=_working_ordinals(year, holidays, set(possible)),
        possible_makeup_workdays=possible,
    )
    _provisional_cache[year] = loaded
    return loaded


class _Snapshot:
    """The calendar as of one call: versions read once, years loaded on first use."""

    def __init__(self) -> None:
        self.versions: dict[int, tuple[int, datetime]] = {
            year: (pk, updated_at)
            for year, pk, updated_at in CalendarYear.objects.values_list("year", "pk", "updated_at")
        }
        # Years this snapshot counted in the provisional calendar: a result that touched one
        # is 暂定.
        self.provisional_years: set[int] = set()

    def year(self, year: int) -> _Year:
        version = self.versions.get(year)
        if version is None:
            loaded_provisional = _provisional_year(year)
            self.provisional_years.add(year)
            return loaded_provisional
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
        loaded = _Year(
            version=version,
            holidays=holidays,
            makeup_workdays=makeup,
            working_ordinals=_working_ordinals(year, holidays, set(makeup)),
        )
        _cache[year] = loaded
        return loaded

    def info(self, day: date) -> DayInfo:
        data = self.year(day.year)
        provisional = data.provisional
        if day in data.makeup_workdays:
            return DayInfo(day, "makeup_workday", data.makeup_workdays[day], provisional)
        if day in data.holidays:
            return DayInfo(day, "holiday", data.holidays[day], provisional)
        if day in data.possible_makeup_workdays:
            name = data.possible_makeup_workdays[day]
            return DayInfo(day, "possible_makeup_workday", name, provisional)
        if day.weekday() >= 5:
            return DayInfo(day, "weekend", WEEKDAY_NAMES[day.weekday()], provisional)
        return DayInfo(day, "workday", "", provisional)

    def is_working(self, day: date) -> bool:
        data = self.year(day.year)
        if day in data.makeup_workdays or day in data.possible_makeup_workdays:
            return True
        return day.weekday() < 5 and day not in data.holidays

    def provisional_between(self, start: date, end: date) -> tuple[int, ...]:
        """The provisional years among those of [start, end]."""
        low, high = min(start, end), max(start, end)
        for year in range(low.year, high.year + 1):
            self.year(year)
        return tuple(y for y in range(low.year, high.year + 1) if y in self.provisional_years)

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
            ordinals = self.year(year).working_ordinals  # provisional if not entered
            index = 0
        return start

    def count_between(self, start: date, end: date) -> int:
        """Working days in (start, end] for start <= end."""
        total = 0
        for year in range(start.year, end.year + 1):
            ordinals = self.year(year).working_ordinals
            total += bisect_right(ordinals, end.toordinal()) - bisect_right(
                ordinals, start.toordinal()
            )
        return total


# --- public API ------------------------------------------------------------------------------


def known_years() -> list[int]:
    """The years whose notice is entered (the others are counted provisionally)."""
    return sorted(_Snapshot().versions)


def provisional_years_between(start: date, end: date) -> tuple[int, ...]:
    """Which years of [start, end] are counted provisionally: a date spanning them is 暂定."""
    return _Snapshot().provisional_between(start, end)


def is_provisional(day: date) -> bool:
    """Whether `day` lies in a year whose notice is not entered."""
    return bool(_Snapshot().provisional_between(day, day))


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
            if info.kind in ("makeup_workday", "possible_makeup_workday"):
                makeup.append(day)
        else:
            reason: Literal["weekend", "holiday"] = (
                "holiday" if info.kind == "holiday" else "weekend"
            )
            skipped.append(SkippedDay(day, reason, info.name))
    return WorkingDayExplanation(
        start=start,
        days=days,
        due=day,
        skipped=skipped,
        makeup_workdays=makeup,
        provisional_years=snapshot.provisional_between(start, day),
    )


def working_days_between(start: date, end: date) -> int:
    """Working days in (start, end]: so `working_days_between(s, add_working_days(s, n)) == n`.

    Negative when `end` is before `start` (how many working days `end` lies before `start`).
    """
    if end < start:
        return -working_days_between(end, start)
    return _Snapshot().count_between(start, end)
