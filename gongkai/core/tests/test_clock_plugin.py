"""The ``--clock`` option: every test runs on the given date, and a test's own freeze wins."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import time_machine
from django.utils import timezone

from gongkai.core.testing.clock_plugin import LOCAL_ZONE, clock_date

INNER_TESTS = textwrap.dedent(
    """
    import datetime as dt
    from zoneinfo import ZoneInfo

    import pytest
    import time_machine

    SHANGHAI = ZoneInfo("Asia/Shanghai")
    TARGET = dt.date.fromisoformat("{target}")
    COLLECTED_ON = dt.date.today()


    @pytest.fixture(scope="session")
    def session_day():
        return dt.datetime.now(SHANGHAI).date()


    def test_today_is_the_option_date(session_day):
        assert COLLECTED_ON == session_day == dt.datetime.now(SHANGHAI).date() == TARGET


    def test_it_starts_at_ten_shanghai_and_ticks():
        first = dt.datetime.now(SHANGHAI)
        assert (first.hour, first.minute) == (10, 0)
        second = dt.datetime.now(SHANGHAI)
        assert second > first


    def test_a_test_that_freezes_the_clock_wins():
        with time_machine.travel(dt.datetime(2009, 6, 3, 9, tzinfo=SHANGHAI), tick=False):
            assert dt.datetime.now(SHANGHAI) == dt.datetime(2009, 6, 3, 9, tzinfo=SHANGHAI)
        assert dt.datetime.now(SHANGHAI).date() == TARGET


    def test_the_time_machine_fixture_wins(time_machine):
        time_machine.move_to(dt.datetime(2024, 9, 20, 9, tzinfo=SHANGHAI), tick=False)
        assert dt.datetime.now(SHANGHAI).date() == dt.date(2024, 9, 20)
    """
)


def _run_inner(tmp_path: Path, day: str) -> subprocess.CompletedProcess[str]:
    # A separate process with only this plugin: the inner run must not share the outer one's
    # clock, Django settings or test database.
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (tmp_path / "test_inner.py").write_text(INNER_TESTS.format(target=day), encoding="utf-8")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:django",
            "-p",
            "no:cacheprovider",
            "-p",
            "gongkai.core.testing.clock_plugin",
            "--rootdir",
            str(tmp_path),
            "-c",
            str(tmp_path / "pytest.ini"),
            f"--clock={day}",
            str(tmp_path / "test_inner.py"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )


@pytest.mark.parametrize("day", [dt.date(2028, 2, 29), dt.date(2031, 12, 30)])
def test_the_option_runs_collection_fixtures_and_tests_on_that_date(tmp_path, day):
    result = _run_inner(tmp_path, day.isoformat())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout


def test_a_date_that_is_not_a_date_is_a_usage_error(tmp_path):
    result = _run_inner(tmp_path, "2027-02-30")

    assert result.returncode == pytest.ExitCode.USAGE_ERROR
    assert "--clock expects a date as YYYY-MM-DD" in result.stderr


def test_django_sees_the_option_date(request):
    day = clock_date(request.config)
    if day is None:
        pytest.skip("runs only with --clock")

    assert timezone.localdate() == day


@time_machine.travel(dt.datetime(2009, 6, 3, 9, tzinfo=LOCAL_ZONE), tick=False)
def test_a_frozen_test_keeps_its_own_date_under_the_option():
    assert timezone.localdate() == dt.date(2009, 6, 3)
