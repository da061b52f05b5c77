"""`gongkai deadline` on a database that has not been migrated: a clear message, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gongkai.disclosure_requests.management.commands.deadline import NO_DATABASE

REPO = Path(__file__).resolve().parents[3]


def test_an_unmigrated_database_is_named_not_a_traceback(tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    result = subprocess.run(
        [sys.executable, "-m", "gongkai", "deadline", "--received", "2026-12-07"],
        cwd=REPO,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": f"sqlite:///{empty}",
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == NO_DATABASE
    assert "Traceback" not in result.stderr
    assert "数据库尚未初始化或无法访问" in result.stderr
    assert "请先运行 gongkai migrate" in result.stderr
    assert result.stdout == ""
