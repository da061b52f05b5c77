"""Writes to the working-day calendar.

Entering or correcting a year's schedule moves every stored date counted in working days
across that year: in the same transaction, each recomputer of DEADLINE_RECOMPUTERS recomputes
its open records with the new schedule and audits each date that moved. The recomputers are
named by dotted path and resolved only when a year is saved, so this app never imports the
apps whose deadlines depend on it. Stored dates that are not counted in working days (annual
reports: calendar dates of 第四十九条; reminders: read `due_on` when they run) need nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import models, transaction
from django.utils.module_loading import import_string

from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.organisations import permissions
from gongkai.workdays import calendar
from gongkai.workdays.calendar import WEEKDAY_NAMES
from gongkai.workdays.models import CalendarDay, CalendarYear
from gongkai.workdays.notice import parse_dates, parse_notice
from gongkai.workdays.selectors import SAVED_ACTION

MIN_YEAR = 2000
MAX_YEAR = 2100
# No holiday block of 《全国年节及纪念日放假办法》 comes near a month: a longer run is a mistake.
MAX_CONSECUTIVE_HOLIDAYS = 31

DatesInput = str | Mapping[date, str] | Iterable[date]

# Each `<entity>_recompute_deadlines(*, actor, years) -> list[DeadlineChange]`: recompute the
# open records whose stored due date was counted across `years`, save and audit (with
# `deadline_change_record`) those whose date moved, and tell whom it concerns after the commit.
DEADLINE_RECOMPUTERS: tuple[str, ...] = (
    "gongkai.disclosure_requests.services.disclosure_request_recompute_deadlines",
    "gongkai.catalogue.services.information_item_recompute_deadlines",
    "gongkai.complaints.services.complaint_recompute_deadlines",
    "gongkai.appeals.services.appeal_case_recompute_deadlines",
)
# How many moved dates the calendar's own audit entry lists (each record has its own entry).
SUMMARY_LIMIT = 200


@dataclass(frozen=True)
class DeadlineChange:
    """A stored due date that a newly entered or corrected schedule moved."""

    object_type: str  # "app_label.model_name", as in the audit trail
    object_id: str
    label: str  # what staff call the record, e.g. its tracking number
    field: str
    field_label: str
    old: date | None
    new: date | None

    def as_data(self) -> dict[str, Any]:
        return {
            "object_type": self.object_type,
            "object_id": self.object_id,
            "label": self.label,
            "field": self.field,
            "field_label": self.field_label,
            "old": self.old.isoformat() if self.old else None,
            "new": self.new.isoformat() if self.new else None,
        }


def deadline_change_record(
    obj: models.Model,
    *,
    actor: Any,
    action: str,
    years: Sequence[int],
    field: str,
    field_label: str,
    old: date | None,
    new: date | None,
    label: str = "",
    organisation: Any = None,
) -> DeadlineChange:
    """Audit one moved date (old and new, the years entered); for the recomputers."""
    change = DeadlineChange(
        object_type=f"{obj._meta.app_label}.{obj._meta.model_name}",
        object_id=str(obj.pk),
        label=label or str(obj),
        field=field,
        field_label=field_label,
        old=old,
        new=new,
    )
    audit.log(
        obj,
        action,
        actor=actor,
        organisation=organisation,
        data={**change.as_data(), "calendar_years": sorted(years)},
    )
    return change


def deadline_recomputers() -> list[Callable[..., list[DeadlineChange]]]:
    return [import_string(path) for path in DEADLINE_RECOMPUTERS]


def recompute_deadlines(*, actor: Any, years: Sequence[int]) -> list[DeadlineChange]:
    """Run every recomputer for `years`; must run inside the calendar save's transaction."""
    changes: list[DeadlineChange] = []
    for recompute in deadline_recomputers():
        changes.extend(recompute(actor=actor, years=tuple(years)))
    return changes


def _read_dates(
    value: DatesInput, *, year: int, label: str, problems: list[str]
) -> dict[date, str]:
    if isinstance(value, str):
        parsed = parse_dates(value, year=year)
        problems.extend(f"{label}：{problem}" for problem in parsed.problems)
        return parsed.days
    if isinstance(value, Mapping):
        return {day: str(name) for day, name in value.items()}
    days: dict[date, str] = {}
    for day in value:
        if day in days:
            problems.append(f"{label}：{day.isoformat()} 重复列出")
        days[day] = ""
    return days


def _is_blank(value: DatesInput) -> bool:
    return isinstance(value, str) and not value.strip()


@transaction.atomic
def calendar_year_save_from_notice(
    *,
    actor: Any,
    year: int,
    holidays: DatesInput,
    makeup_workdays: DatesInput,
    notice: str = "",
) -> CalendarYear:
    """Replace `year`'s holidays and make-up workdays with the ones of its State Council notice.

    `holidays` and `makeup_workdays` are dates (a list, or a mapping date → holiday name) or
    pasted text (see gongkai.workdays.notice). When both are blank text, they are read from the
    notice itself. All problems are reported together; nothing is saved unless all is valid.
    """
    if not permissions.can_manage_calendar(actor):
        raise PermissionDeniedError("您没有管理工作日历的权限。")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ApplicationError(f"年份须在{MIN_YEAR}年至{MAX_YEAR}年之间。")

    problems: list[str] = []
    if _is_blank(holidays) and _is_blank(makeup_workdays) and notice.strip():
        from_notice = parse_notice(notice, year=year)
        problems.extend(f"通知原文：{problem}" for problem in from_notice.problems)
        holiday_days, makeup_days = from_notice.holidays, from_notice.makeup_workdays
    else:
        holiday_days = _read_dates(holidays, year=year, label="放假日期", problems=problems)
        makeup_days = _read_dates(
            makeup_workdays, year=year, label="调休上班日期", problems=problems
        )

    problems.extend(_validate(year, holiday_days, makeup_days))
    if problems:
        raise ApplicationError(
            f"{year}年的节假日安排未保存：" + "；".join(problems), extra={"errors": problems}
        )

    calendar_year = CalendarYear.objects.select_for_update().filter(year=year).first()
    previous: dict[str, Any] = {}
    if calendar_year is None:
        calendar_year = CalendarYear(year=year)
        action = "created"
    else:
        # A year already entered (or seeded) is corrected: the audit keeps what it replaces.
        previous = {
            "holidays": _iso(calendar_year.days.filter(kind=CalendarDay.Kind.HOLIDAY)),
            "makeup_workdays": _iso(
                calendar_year.days.filter(kind=CalendarDay.Kind.MAKEUP_WORKDAY)
            ),
            "source": calendar_year.source,
        }
        calendar_year.days.all().delete()
        action = "corrected"
    calendar_year.source = CalendarYear.Source.NOTICE
    calendar_year.notice = notice
    calendar_year.save()  # also moves updated_at, which invalidates every process's cache
    CalendarDay.objects.bulk_create(
        [
            CalendarDay(calendar_year=calendar_year, date=day, kind=kind, name=name[:50])
            for kind, days in (
                (CalendarDay.Kind.HOLIDAY, holiday_days),
                (CalendarDay.Kind.MAKEUP_WORKDAY, makeup_days),
            )
            for day, name in sorted(days.items())
        ]
    )
    # Count with the new schedule from here on, also where the clock has not moved since the
    # last save (the cache is keyed by updated_at); other processes follow through that key.
    calendar.clear_cache()
    changes = recompute_deadlines(actor=actor, years=[year])
    audit.log(
        calendar_year,
        SAVED_ACTION,
        actor=actor,
        data={
            "year": year,
            "mode": action,
            "holidays": sorted(d.isoformat() for d in holiday_days),
            "makeup_workdays": sorted(d.isoformat() for d in makeup_days),
            "previous": previous,
            "recomputed": {
                "count": len(changes),
                "changes": [change.as_data() for change in changes[:SUMMARY_LIMIT]],
                "truncated": len(changes) > SUMMARY_LIMIT,
            },
        },
    )
    transaction.on_commit(calendar.clear_cache)
    return calendar_year


def _iso(days: Any) -> list[str]:
    return [d.isoformat() for d in days.values_list("date", flat=True)]


def _validate(year: int, holidays: dict[date, str], makeup_workdays: dict[date, str]) -> list[str]:
    problems: list[str] = []
    if not holidays:
        problems.append("请至少录入一个放假日期")
    for day in sorted({*holidays, *makeup_workdays}):
        if day.year != year:
            problems.append(f"{day.isoformat()} 不在{year}年内，请在该日期所在年度录入")
    for day in sorted(makeup_workdays):
        if day.weekday() < 5:
            problems.append(
                f"调休上班日 {day.isoformat()} 是{WEEKDAY_NAMES[day.weekday()]}，"
                "调休上班日应为星期六或星期日"
            )
    for day in sorted(set(holidays) & set(makeup_workdays)):
        problems.append(f"{day.isoformat()} 不能既是放假日又是调休上班日")
    for first, last in _runs(holidays):
        if (last - first).days + 1 > MAX_CONSECUTIVE_HOLIDAYS:
            problems.append(
                f"{first.isoformat()} 至 {last.isoformat()} 连续放假{(last - first).days + 1}天，"
                f"超过{MAX_CONSECUTIVE_HOLIDAYS}天，请核对"
            )
    return problems


def _runs(days: Iterable[date]) -> list[tuple[date, date]]:
    """Runs of consecutive days, as (first, last)."""
    runs: list[tuple[date, date]] = []
    for day in sorted(days):
        if runs and day - runs[-1][1] == timedelta(days=1):
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    return runs
