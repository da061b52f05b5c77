"""``--clock=YYYY-MM-DD``: run the suite as if today were that date.

Deadlines, reminders, report due dates, reception days and calendar pages all depend on today,
so the suite must pass on any date, not only on the day it was written. With the option set,
every test starts at 10:00 Asia/Shanghai on that date, with the clock ticking, from before its
fixtures (the test database included) until after its teardown; collection runs on that date
too. A test that freezes the clock itself still wins, because time_machine travels nest.

Loaded from the root conftest.py through ``pytest_plugins``; under pytest-xdist each worker
loads it and receives the option, so each worker travels on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from zoneinfo import ZoneInfo

import pytest
import time_machine

OPTION = "--clock"
# The zone of settings.TIME_ZONE; fixed here so the option means the same day before Django
# settings are loaded (collection) as after.
LOCAL_ZONE = ZoneInfo("Asia/Shanghai")
# Mid-morning: a ticking clock stays on the same local day for any realistic run.
TIME_OF_DAY = dt.time(10, 0)

_session_travel_key = pytest.StashKey[time_machine.travel]()


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise pytest.UsageError(f"{OPTION} expects a date as YYYY-MM-DD, got {value!r}") from error


def clock_date(config: pytest.Config) -> dt.date | None:
    """The date the option sets, or None when the suite runs on the real clock."""
    value = config.getoption("clock", default=None)
    return _parse_date(value) if value else None


def clock_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, TIME_OF_DAY, tzinfo=LOCAL_ZONE)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("gongkai").addoption(
        OPTION,
        action="store",
        default=None,
        metavar="YYYY-MM-DD",
        help="run every test as if today were this date (10:00 Asia/Shanghai, ticking); "
        "tests that freeze the clock themselves still win",
    )


def pytest_configure(config: pytest.Config) -> None:
    day = clock_date(config)
    if day is None:
        return
    # Covers collection and anything a session hook does before the first test starts.
    travel = time_machine.travel(clock_start(day), tick=True)
    travel.start()
    config.stash[_session_travel_key] = travel


def pytest_unconfigure(config: pytest.Config) -> None:
    travel = config.stash.get(_session_travel_key, None)
    if travel is not None:
        travel.stop()
        del config.stash[_session_travel_key]


def pytest_report_header(config: pytest.Config) -> str | None:
    day = clock_date(config)
    return f"clock: every test starts at {clock_start(day).isoformat()}" if day else None


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_protocol(
    item: pytest.Item, nextitem: pytest.Item | None
) -> Generator[None, object, object]:
    day = clock_date(item.config)
    if day is None:
        return (yield)
    # Restarted for each test, outside setup, call and teardown, so every test sees the same
    # start whatever ran before it, and session fixtures set up lazily by the first test
    # (pytest-django's test database) are created on that date too.
    with time_machine.travel(clock_start(day), tick=True):
        return (yield)
