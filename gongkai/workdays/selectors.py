"""Reads of the working-day calendar. The calendar is public, so nothing is actor-scoped."""

from __future__ import annotations

import calendar as std_calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet

from gongkai.core.models import AuditEntry
from gongkai.workdays import calendar, statutory
from gongkai.workdays.calendar import DayInfo
from gongkai.workdays.models import CalendarDay, CalendarYear
from gongkai.workdays.notice import format_days


@dataclass(frozen=True)
class MonthGrid:
    year: int
    month: int
    weeks: list[list[DayInfo | None]]  # Monday first; None pads days of other months
    holidays: list[DayInfo]
    makeup_workdays: list[DayInfo]
    working_day_count: int
    possible_makeup_workdays: list[DayInfo] = field(default_factory=list)


def calendar_year_list() -> QuerySet[CalendarYear]:
    return CalendarYear.objects.annotate(
        holiday_count=Count("days", filter=Q(days__kind=CalendarDay.Kind.HOLIDAY)),
        makeup_workday_count=Count("days", filter=Q(days__kind=CalendarDay.Kind.MAKEUP_WORKDAY)),
    ).order_by("year")


def calendar_year_get(year: int) -> CalendarYear | None:
    return CalendarYear.objects.filter(year=year).first()


def calendar_known_years() -> list[int]:
    return calendar.known_years()


def entered_years() -> frozenset[int]:
    """The years whose notice is entered: read once, then ask `stored_date_is_provisional`."""
    return frozenset(calendar.known_years())


def stored_date_is_provisional(day: date | None, entered: frozenset[int]) -> bool:
    """Whether a stored deadline (due_on, publication_due_on, …) is 暂定.

    Stored deadlines are counted forward from an earlier day, and the entered years run without
    gaps up to the latest notice, so a date is provisional exactly when its own year is not
    entered. `entered` comes from `entered_years()`, read once per page or response.
    """
    return day is not None and day.year not in entered


def stored_date_provisional_note(day: date | None, entered: frozenset[int]) -> str:
    if not stored_date_is_provisional(day, entered):
        return ""
    assert day is not None
    return calendar.provisional_note((day.year,))


SAVED_ACTION = "workdays.calendar_year.saved"

# The notice for year Y is usually out in November or December of Y - 1; from 1 November on,
# those who may enter it are asked to.
NOTICE_EXPECTED_FROM = (11, 1)
# Open deadlines fall within about this many days: 20 + 20 working days of 第三十三条, the 90
# days of an administrative review. A provisional year among them is worth a note.
DEADLINE_HORIZON_DAYS = 90


def calendar_next_year_missing(today: date, *, using: str = "default") -> int | None:
    """Next year, if from 1 November on its notice is still not entered; else None."""
    if (today.month, today.day) < NOTICE_EXPECTED_FROM:
        return None
    next_year = today.year + 1
    entered = CalendarYear.objects.using(using).filter(year=next_year).exists()
    return None if entered else next_year


def calendar_provisional_years_ahead(today: date) -> tuple[int, ...]:
    """Years without an entered notice in which open deadlines may fall."""
    return calendar.provisional_years_between(today, today + timedelta(days=DEADLINE_HORIZON_DAYS))


def calendar_year_last_recomputed(calendar_year: CalendarYear) -> dict[str, Any]:
    """What the year's last save recomputed: {"count", "changes", "truncated"} (see services)."""
    entry = (
        AuditEntry.objects.filter(
            action=SAVED_ACTION,
            object_type="workdays.calendaryear",
            object_id=str(calendar_year.pk),
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    recomputed = entry.data.get("recomputed") if entry else None
    return recomputed or {"count": 0, "changes": [], "truncated": False}


def calendar_month_grid(year: int) -> list[MonthGrid]:
    """Twelve month grids of `year`, provisional if its notice is not entered; raises
    UnknownCalendarYearError for a year outside 2000–2100."""
    days = {info.date: info for info in calendar.describe_year(year)}
    grids = []
    for month in range(1, 13):
        weeks: list[list[DayInfo | None]] = [
            [days[d] if d.month == month else None for d in week]
            for week in std_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        ]
        month_days = [info for d, info in days.items() if d.month == month]
        grids.append(
            MonthGrid(
                year=year,
                month=month,
                weeks=weeks,
                holidays=[i for i in month_days if i.kind == "holiday"],
                makeup_workdays=[i for i in month_days if i.kind == "makeup_workday"],
                working_day_count=sum(1 for i in month_days if i.is_working),
                possible_makeup_workdays=[
                    i for i in month_days if i.kind == "possible_makeup_workday"
                ],
            )
        )
    return grids


def provisional_year_days(year: int) -> list[DayInfo]:
    """A year not entered: its statutory holidays and the weekend days that may become make-up
    workdays, in date order. Raises UnknownCalendarYearError outside 2000–2100."""
    return [
        info
        for info in calendar.describe_year(year)
        if info.kind in ("holiday", "possible_makeup_workday")
    ]


def calendar_year_days(year: int) -> list[CalendarDay]:
    """The stored exceptions of `year` (holidays and make-up workdays), in date order."""
    return list(CalendarDay.objects.filter(calendar_year__year=year).order_by("date"))


def calendar_year_form_text(year: int) -> tuple[str, str]:
    """The year's holidays and make-up workdays as editable text, one range per line."""
    holidays: dict[date, str] = {}
    makeup: dict[date, str] = {}
    for day in calendar_year_days(year):
        target = makeup if day.kind == CalendarDay.Kind.MAKEUP_WORKDAY else holidays
        target[day.date] = day.name
    return format_days(holidays), format_days(makeup)


@dataclass(frozen=True)
class HolidaySummary:
    name: str
    holidays: list[date]
    makeup_workdays: list[date]  # in a provisional year: the possible make-up workdays

    @property
    def ranges(self) -> list[tuple[date, date]]:
        """Runs of consecutive days off, e.g. [(2/15, 2/23)]."""
        runs: list[tuple[date, date]] = []
        for day in self.holidays:
            if runs and (day - runs[-1][1]).days == 1:
                runs[-1] = (runs[-1][0], day)
            else:
                runs.append((day, day))
        return runs


def calendar_year_summary(year: int) -> list[HolidaySummary]:
    """The year's holidays grouped by name, in date order, with their make-up workdays."""
    groups: dict[str, tuple[list[date], list[date]]] = {}
    for day in calendar_year_days(year):
        holidays, makeup = groups.setdefault(day.name, ([], []))
        (makeup if day.kind == CalendarDay.Kind.MAKEUP_WORKDAY else holidays).append(day.date)
    summaries = [HolidaySummary(name, h, m) for name, (h, m) in groups.items()]
    return sorted(summaries, key=lambda s: min(s.holidays or s.makeup_workdays))


def provisional_year_summary(year: int) -> list[HolidaySummary]:
    """A year not entered: its statutory holidays by festival, each with the weekend days near
    it that the notice may make make-up workdays (gongkai.workdays.statutory)."""
    calendar.describe_day(date(year, 1, 1))  # UnknownCalendarYearError outside 2000–2100
    groups: dict[str, tuple[list[date], list[date]]] = {}
    holidays = statutory.statutory_holidays(year)
    for day, name in sorted(holidays.items()):
        groups.setdefault(name, ([], []))[0].append(day)
    window = statutory.POSSIBLE_MAKEUP_WINDOW_DAYS
    for day, name in sorted(statutory.possible_makeup_workdays(year).items()):
        near = any(
            abs((holiday - day).days) <= window
            for holiday, holiday_name in holidays.items()
            if holiday_name == name
        )
        # Late-December weekends serve the next year's 元旦: a row of their own.
        key = name if near else f"{name}（{year + 1}年）"
        groups.setdefault(key, ([], []))[1].append(day)
    summaries = [HolidaySummary(name, h, m) for name, (h, m) in groups.items()]
    return sorted(summaries, key=lambda s: min(s.holidays or s.makeup_workdays))
