"""workdays.W001: from 1 November, next year's notice should be entered. The check reads the
database only when a database is named, never under `check --deploy`, and never fails on a
database that is not migrated."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import zoneinfo
from pathlib import Path

import pytest
import time_machine
from django.core import checks

from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.workdays.services import calendar_year_save_from_notice

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
REPO = Path(__file__).resolve().parents[3]


def _ids(**options) -> list[str]:
    return [message.id for message in checks.run_checks(**options)]


def _at(day: dt.date):
    return time_machine.travel(dt.datetime.combine(day, dt.time(10), SHANGHAI), tick=False)


def test_from_november_a_missing_next_year_is_a_warning():
    with _at(dt.date(2026, 10, 31)):
        assert "workdays.W001" not in _ids(databases=["default"], tags=["calendar"])
    with _at(dt.date(2026, 12, 6)):
        messages = checks.run_checks(databases=["default"], tags=["calendar"])
    assert [message.id for message in messages] == ["workdays.W001"]
    assert messages[0].level == checks.WARNING
    assert "2027年的节假日安排尚未录入" in messages[0].msg
    assert "/staff/calendar/2027/" in (messages[0].hint or "")


def test_no_warning_once_the_year_is_entered():
    admin = staff_with_role(Role.ORG_ADMIN, OrganisationFactory())
    with _at(dt.date(2026, 12, 6)):
        calendar_year_save_from_notice(
            actor=admin, year=2027, holidays=[dt.date(2027, 1, 1)], makeup_workdays=[]
        )
        assert "workdays.W001" not in _ids(databases=["default"])


def test_plain_and_deploy_checks_never_read_the_calendar():
    # `check --deploy --fail-level WARNING` runs in CI on a fresh database on the real date.
    with _at(dt.date(2026, 12, 6)):
        assert "workdays.W001" not in _ids()
        assert "workdays.W001" not in _ids(include_deployment_checks=True)


def _gongkai(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{empty}",
    }
    return subprocess.run(
        [sys.executable, "-m", "gongkai", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_check_says_nothing_on_a_database_that_is_not_migrated(tmp_path):
    result = _gongkai(tmp_path, "check", "--database", "default", "--tag", "calendar")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "workdays.W001" not in result.stdout + result.stderr
