"""The statutory holidays of 《全国年节及纪念日放假办法》, as data, for years not yet published.

Each year the 国务院办公厅 publishes a notice that fixes the year's days off and make-up
workdays (调休上班). Until it is out (usually November of the year before, sometimes later),
gongkai counts working days in a **provisional** (暂定) calendar built from the 办法 alone:

* the statutory holidays (全体公民放假的节日) of the revision in force on 1 January of the year,
  with the lunar dates (春节、端午、中秋) and the solar term (清明) from ``lunar_python``;
* weekends off;
* every Saturday or Sunday within ``POSSIBLE_MAKEUP_WINDOW_DAYS`` of a statutory holiday counted
  as a **possible make-up workday**. A notice only ever adds days off (bridges, 补休) and turns
  weekend days near a holiday into working days; the first pushes the real due date later, the
  second can pull it earlier. Counting every such weekend day as worked means the provisional
  due date is never later than the one the published notice will give, so nothing is ever late
  because the notice came late. The backtest over 2008–2026 (``make bench``; docs/calendar.md)
  finds no receipt day of either regime for which it is later.

The revisions are named data, so a future revision is one entry more, not code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from lunar_python import Lunar, Solar

# Make-up workdays of 2008–2026 fell between 8 days before and 10 days after the statutory
# holiday they served; 10 either side keeps a margin (docs/calendar.md, "Backtest").
POSSIBLE_MAKEUP_WINDOW_DAYS = 10


@dataclass(frozen=True)
class Festival:
    """One holiday of the 办法: `length` days off starting `offset` days from its anchor day."""

    name: str
    calendar: Literal["solar", "lunar", "solar_term"]
    month: int = 0  # solar or lunar month
    day: int = 0  # solar or lunar day
    term: str = ""  # the solar term's name, for calendar == "solar_term"
    length: int = 1
    offset: int = (
        0  # 春节 from 除夕: -1 (the day before 正月初一, whatever the 12th month's length)
    )


@dataclass(frozen=True)
class HolidayRevision:
    effective_from: date
    citation: str
    festivals: tuple[Festival, ...]


NEW_YEAR = Festival("元旦", "solar", 1, 1)
QINGMING = Festival("清明节", "solar_term", term="清明")
DRAGON_BOAT = Festival("端午节", "lunar", 5, 5)
MID_AUTUMN = Festival("中秋节", "lunar", 8, 15)
NATIONAL_DAY = Festival("国庆节", "solar", 10, 1, length=3)

# 第二条 of each revision: the holidays on which all citizens have the day off.
HOLIDAY_REVISIONS: tuple[HolidayRevision, ...] = (
    HolidayRevision(
        date(1999, 9, 18),
        "《全国年节及纪念日放假办法》（1999年国务院令第270号）第二条",
        (
            NEW_YEAR,
            Festival("春节", "lunar", 1, 1, length=3),
            Festival("劳动节", "solar", 5, 1, length=3),
            NATIONAL_DAY,
        ),
    ),
    HolidayRevision(
        date(2008, 1, 1),
        "《全国年节及纪念日放假办法》（2007年国务院令第513号修订）第二条",
        (
            NEW_YEAR,
            Festival("春节", "lunar", 1, 1, length=3, offset=-1),
            QINGMING,
            Festival("劳动节", "solar", 5, 1),
            DRAGON_BOAT,
            MID_AUTUMN,
            NATIONAL_DAY,
        ),
    ),
    HolidayRevision(
        date(2014, 1, 1),
        "《全国年节及纪念日放假办法》（2013年国务院令第644号修订）第二条",
        (
            NEW_YEAR,
            Festival("春节", "lunar", 1, 1, length=3),
            QINGMING,
            Festival("劳动节", "solar", 5, 1),
            DRAGON_BOAT,
            MID_AUTUMN,
            NATIONAL_DAY,
        ),
    ),
    HolidayRevision(
        date(2025, 1, 1),
        "《全国年节及纪念日放假办法》（2024年国务院令第795号修订）第二条",
        (
            NEW_YEAR,
            Festival("春节", "lunar", 1, 1, length=4, offset=-1),
            QINGMING,
            Festival("劳动节", "solar", 5, 1, length=2),
            DRAGON_BOAT,
            MID_AUTUMN,
            NATIONAL_DAY,
        ),
    ),
)

FIRST_PROVISIONAL_YEAR = 2000  # the first whole year under a revision listed above


def revision_for(year: int) -> HolidayRevision | None:
    """The revision in force on 1 January of `year`, or None before the first one listed."""
    in_force = [r for r in HOLIDAY_REVISIONS if r.effective_from <= date(year, 1, 1)]
    return in_force[-1] if in_force else None


def _anchor(festival: Festival, year: int) -> date:
    if festival.calendar == "solar":
        return date(year, festival.month, festival.day)
    if festival.calendar == "lunar":
        # The lunar year that starts in January/February of `year`: its 正月, 五月, 八月 all
        # fall in the solar year `year`.
        solar = Lunar.fromYmd(year, festival.month, festival.day).getSolar()
    else:
        # The term table of the lunar year around mid-year holds that solar year's 清明.
        solar = Solar.fromYmd(year, 6, 1).getLunar().getJieQiTable()[festival.term]
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


@lru_cache(maxsize=256)
def statutory_holidays(year: int) -> dict[date, str]:
    """Every statutory holiday of `year` (weekend ones too), date → festival name."""
    revision = revision_for(year)
    if revision is None:
        return {}
    days: dict[date, str] = {}
    for festival in revision.festivals:
        start = _anchor(festival, year) + timedelta(days=festival.offset)
        for n in range(festival.length):
            day = start + timedelta(days=n)
            days.setdefault(day, festival.name)
    return days


@lru_cache(maxsize=256)
def possible_makeup_workdays(year: int) -> dict[date, str]:
    """Weekend days of `year` that a notice might turn into make-up workdays, → festival name.

    The window reaches into the neighbouring years' holidays: the last weekends of December
    are near the next 元旦, and a 春节 in late January reaches back.
    """
    holidays = {**statutory_holidays(year - 1), **statutory_holidays(year)}
    holidays.update(statutory_holidays(year + 1))
    window = timedelta(days=POSSIBLE_MAKEUP_WINDOW_DAYS)
    candidates: dict[date, str] = {}
    for holiday, name in sorted(holidays.items()):
        day = max(holiday - window, date(year, 1, 1))
        last = min(holiday + window, date(year, 12, 31))
        while day <= last:
            if day.weekday() >= 5 and day not in holidays:
                candidates.setdefault(day, name)
            day += timedelta(days=1)
    return candidates
