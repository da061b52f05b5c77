"""Replay published years as if their notice were unknown: is the provisional date ever late?

For each year Y and each receipt day of Y, the due date N working days later is counted twice:
with the published schedule (the entered calendar), and with the years from Y on counted in
the provisional calendar of gongkai.workdays.statutory (the years before Y as published, as
they would have been in the office at the time). The provisional date is what the office acts
on until the notice is entered, so it must never be later than the published one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from gongkai.workdays import statutory
from gongkai.workdays.models import CalendarDay, CalendarYear

ONE_DAY = timedelta(days=1)


@dataclass
class PeriodResult:
    """One period (e.g. the 2019 regime's 20 working days) over every replayed receipt day."""

    label: str
    working_days: int
    earlier: int = 0
    equal: int = 0
    later: int = 0
    # Receipt days near the end of the last entered year whose published date is not known.
    not_comparable: int = 0
    # Calendar days the provisional date lies before the published one → how often.
    days_earlier: Counter[int] = field(default_factory=Counter)
    later_cases: list[tuple[date, date, date]] = field(default_factory=list)  # receipt, prov, real
    by_year: dict[int, Counter[str]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.earlier + self.equal + self.later

    def as_dict(self) -> dict[str, object]:
        return {
            "label": self.label,
            "working_days": self.working_days,
            "receipt_days": self.total,
            "earlier": self.earlier,
            "equal": self.equal,
            "later": self.later,
            "not_comparable": self.not_comparable,
            "days_earlier": {str(k): v for k, v in sorted(self.days_earlier.items())},
            "later_cases": [[d.isoformat() for d in case] for case in self.later_cases],
            "by_year": {str(y): dict(c) for y, c in sorted(self.by_year.items())},
        }


class _Published:
    """The entered calendar, read once, as plain sets."""

    def __init__(self) -> None:
        self.years = set(CalendarYear.objects.values_list("year", flat=True))
        self.holidays: set[date] = set()
        self.makeup: set[date] = set()
        for day, kind in CalendarDay.objects.values_list("date", "kind"):
            (self.makeup if kind == CalendarDay.Kind.MAKEUP_WORKDAY else self.holidays).add(day)

    def is_working(self, day: date) -> bool:
        if day in self.makeup:
            return True
        return day.weekday() < 5 and day not in self.holidays


def provisional_is_working(day: date) -> bool:
    """The provisional calendar gongkai counts in (gongkai.workdays.statutory)."""
    if day in statutory.statutory_holidays(day.year):
        return False
    if day in statutory.possible_makeup_workdays(day.year):
        return True
    return day.weekday() < 5


def statutory_only_is_working(day: date) -> bool:
    """The naive baseline: statutory holidays off, no possible make-up workdays."""
    return day.weekday() < 5 and day not in statutory.statutory_holidays(day.year)


def _add(start: date, days: int, is_working: Callable[[date], bool]) -> date:
    day = start
    while days:
        day += ONE_DAY
        if is_working(day):
            days -= 1
    return day


def run_backtest(
    years: Iterable[int],
    periods: Mapping[str, int],
    provisional: Callable[[date], bool] = provisional_is_working,
) -> dict[str, PeriodResult]:
    """Replay `years` (each must be entered) for each period, counting with `provisional`."""
    published = _Published()
    results = {label: PeriodResult(label, days) for label, days in periods.items()}
    for year in years:
        if year not in published.years:
            raise ValueError(f"{year}年的放假安排未录入，无法回测。")

        def replayed(day: date, year: int = year) -> bool:
            return published.is_working(day) if day.year < year else provisional(day)

        receipt = date(year, 1, 1)
        while receipt.year == year:
            for result in results.values():
                real = _add(receipt, result.working_days, published.is_working)
                if real.year not in published.years:
                    result.not_comparable += 1
                    continue
                provisional_due = _add(receipt, result.working_days, replayed)
                counts = result.by_year.setdefault(year, Counter())
                if provisional_due < real:
                    result.earlier += 1
                    result.days_earlier[(real - provisional_due).days] += 1
                    counts["earlier"] += 1
                elif provisional_due == real:
                    result.equal += 1
                    counts["equal"] += 1
                else:
                    result.later += 1
                    result.later_cases.append((receipt, provisional_due, real))
                    counts["later"] += 1
            receipt += ONE_DAY
    return results
