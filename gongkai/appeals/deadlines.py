"""Statutory time limits of a case, computed from the StatutoryDeadline rows in force.

Periods count like the procedural laws say (《民事诉讼法》期间 rules, which 行政复议法 and
行政诉讼法 apply): the starting day is not counted; a period in months ends on the same day
of the later month (or that month's last day); a period whose last day is a 法定休假日 ends on
the first working day after it. Working days come from the working-day calendar; in a year
whose holiday notice is not entered yet, the roll-over follows the provisional calendar
(docs/calendar.md) and the date is marked 暂定 (``provisional_years``).
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from dataclasses import dataclass

from gongkai.appeals.models import StatutoryDeadline
from gongkai.workdays.calendar import (
    HasProvisionalYears,
    is_working_day,
    provisional_years_between,
)


@dataclass(frozen=True)
class ComputedDeadline(HasProvisionalYears):
    rule: StatutoryDeadline
    start: dt.date
    due_on: dt.date
    latest_with_extension: dt.date | None
    # Years of the last days whose holiday notice is not entered: the roll-over is 暂定.
    provisional_years: tuple[int, ...] = ()

    @property
    def basis(self) -> str:
        # Stored with the case (decision_due_basis): the 暂定 mark is shown apart, since it
        # lapses when the notice is entered.
        return (
            f"{self.rule.citation}：自{self.rule.starts_from}起"
            f"{self.rule.amount}{self.rule.get_unit_display()}"
        )


def _add_months(start: dt.date, months: int) -> dt.date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, month_calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def _roll_past_holidays(day: dt.date) -> tuple[dt.date, tuple[int, ...]]:
    start = day
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day, provisional_years_between(start, day)


def period_end_with_provisional_years(
    start: dt.date, amount: int, unit: str
) -> tuple[dt.date, tuple[int, ...]]:
    """The last day of the period, and the years its roll-over counted provisionally."""
    if unit == StatutoryDeadline.Unit.MONTHS:
        end = _add_months(start, amount)
    else:
        end = start + dt.timedelta(days=amount)
    return _roll_past_holidays(end)


def period_end(start: dt.date, amount: int, unit: str) -> dt.date:
    return period_end_with_provisional_years(start, amount, unit)[0]


def rule_in_force(kind: str, milestone: str, on: dt.date) -> StatutoryDeadline | None:
    return (
        StatutoryDeadline.objects.filter(kind=kind, milestone=milestone, effective_from__lte=on)
        .exclude(effective_until__lt=on)
        .order_by("-effective_from")
        .first()
    )


def decision_deadline(kind: str, accepted_on: dt.date) -> ComputedDeadline | None:
    """When the 复议机关 or court must decide a case accepted on `accepted_on`; None if the law
    sets no limit (申诉)."""
    rule = rule_in_force(kind, StatutoryDeadline.Milestone.DECISION, accepted_on)
    if rule is None:
        return None
    due_on, provisional = period_end_with_provisional_years(accepted_on, rule.amount, rule.unit)
    extended = None
    if rule.extension_amount:
        # The extension lengthens the ordinary period (60 + 30 days), counted from the start.
        extended, extension_provisional = period_end_with_provisional_years(
            accepted_on, rule.amount + rule.extension_amount, rule.unit
        )
        provisional = tuple(sorted(set(provisional) | set(extension_provisional)))
    return ComputedDeadline(rule, accepted_on, due_on, extended, provisional)


def filing_limit(kind: str, on: dt.date) -> StatutoryDeadline | None:
    """How long the applicant had to bring a case of `kind` (shown for information)."""
    return rule_in_force(kind, StatutoryDeadline.Milestone.FILING, on)
