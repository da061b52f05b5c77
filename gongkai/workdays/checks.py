"""System check: from 1 November, next year's holiday notice should be entered.

The check reads the database, so like Django's own database checks it runs only when a
database is named: ``gongkai check --database default`` (``--tag calendar`` runs it alone).
``gongkai migrate`` names its database too; on a database without the calendar table (not yet
migrated) the check says nothing. Plain ``gongkai check`` and ``check --deploy`` never read the
database, so they do not depend on the date they run on.
"""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.db import DatabaseError, connections
from django.utils import timezone

TAG = "calendar"


@checks.register(TAG, checks.Tags.database)
def check_next_year_entered(
    app_configs: Any = None, databases: Any = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    if not databases:
        return []
    from gongkai.workdays import selectors
    from gongkai.workdays.models import CalendarYear

    messages: list[checks.CheckMessage] = []
    for alias in databases:
        connection = connections[alias]
        try:
            if CalendarYear._meta.db_table not in connection.introspection.table_names():
                continue
            missing = selectors.calendar_next_year_missing(timezone.localdate(), using=alias)
        except DatabaseError:
            continue  # an unreachable database is reported by the command itself
        if missing is not None:
            messages.append(
                checks.Warning(
                    f"{missing}年的节假日安排尚未录入：涉及{missing}年的期限按暂定日历计算。",
                    hint=(
                        f"国务院办公厅发布{missing}年部分节假日安排的通知后，请在后台"
                        f"“工作日历”（/staff/calendar/{missing}/）录入。"
                    ),
                    id="workdays.W001",
                )
            )
    return messages
