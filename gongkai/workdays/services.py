"""Writes to the working-day calendar."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.db import transaction

from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.organisations import permissions
from gongkai.workdays import calendar
from gongkai.workdays.calendar import WEEKDAY_NAMES
from gongkai.workdays.models import CalendarDay, CalendarYear
from gongkai.workdays.notice import parse_dates, parse_notice

MIN_YEAR = 2000
MAX_YEAR = 2100

DatesInput = str | Mapping[date, str] | Iterable[date]


def _read_dates(
    value: DatesInput, *, year: int, label: str, problems: list[str]
) -> dict[date, str]:
    if isinstance(value, str):
        parsed = parse_dates(value, year=year)
        problems.extend(f"{label}：{problem}" for problem in parsed.problems)
        return parsed.days
    if isinstance(value, Mapping):
        return {day: str(name) for day, name in value.items()}
    return dict.fromkeys(value, "")


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
        previous = {
            "holidays": _iso(calendar_year.days.filter(kind=CalendarDay.Kind.HOLIDAY)),
            "makeup_workdays": _iso(
                calendar_year.days.filter(kind=CalendarDay.Kind.MAKEUP_WORKDAY)
            ),
            "source": calendar_year.source,
        }
        calendar_year.days.all().delete()
        action = "replaced"
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
    audit.log(
        calendar_year,
        "workdays.calendar_year.saved",
        actor=actor,
        data={
            "year": year,
            "mode": action,
            "holidays": sorted(d.isoformat() for d in holiday_days),
            "makeup_workdays": sorted(d.isoformat() for d in makeup_days),
            "previous": previous,
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
    return problems
