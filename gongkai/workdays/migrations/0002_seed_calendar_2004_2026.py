"""Seed the working-day calendar for 2004–2026 from the chinesecalendar package.

The data is copied into the database now, so later package upgrades never change dates that
deadlines were already computed from. Every non-working holiday day (including the weekend days
inside a holiday block, so that they show their festival name) is stored as HOLIDAY; every
调休上班 weekend day from ``constants.workdays`` is stored as MAKEUP_WORKDAY.
``constants.in_lieu_days`` is deliberately not used: it lists swapped rest days, not the
make-up workdays.
"""

from collections import defaultdict

from django.db import migrations

FIRST_YEAR = 2004
LAST_YEAR = 2026
NOTE = "由 chinesecalendar 数据包初始化（2004–2026 年，含 2020 年春节延长）。"


def _chinese_names():
    from chinese_calendar.constants import Holiday

    return {holiday.value: holiday.chinese for holiday in Holiday}


def seed(apps, schema_editor):
    from chinese_calendar import constants

    CalendarYear = apps.get_model("workdays", "CalendarYear")
    CalendarDay = apps.get_model("workdays", "CalendarDay")
    names = _chinese_names()

    by_year = defaultdict(list)
    for day, name in constants.holidays.items():
        by_year[day.year].append((day, "holiday", names.get(name, name)))
    for day, name in constants.workdays.items():
        by_year[day.year].append((day, "makeup_workday", names.get(name, name)))

    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        if CalendarYear.objects.filter(year=year).exists():
            continue
        calendar_year = CalendarYear.objects.create(year=year, source="package", notice=NOTE)
        CalendarDay.objects.bulk_create(
            CalendarDay(calendar_year=calendar_year, date=day, kind=kind, name=name[:50])
            for day, kind, name in sorted(by_year.get(year, []))
        )


def unseed(apps, schema_editor):
    CalendarYear = apps.get_model("workdays", "CalendarYear")
    CalendarYear.objects.filter(
        year__gte=FIRST_YEAR, year__lte=LAST_YEAR, source="package"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_create_calendar")]

    operations = [migrations.RunPython(seed, unseed)]
