"""Check the links of the external databases directory and record each result."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gongkai.reading_room import selectors, services
from gongkai.reading_room.models import ExternalDatabase


class Command(BaseCommand):
    help = "检查外部数据库目录中每个链接是否可以访问，并记录结果。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--timeout", type=float, default=services.CHECK_TIMEOUT_SECONDS)
        parser.add_argument(
            "--organisation", type=int, action="append", help="只检查这些机构（编号）的链接"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        checked = unavailable = 0
        for database in selectors.external_database_list_for_check(
            organisation_ids=options["organisation"]
        ):
            # The command runs as the system (no actor); the audit entry records it so.
            result = services.external_database_check(
                actor=None, external_database=database, timeout=options["timeout"]
            )
            checked += 1
            if result.last_status != ExternalDatabase.Status.AVAILABLE:
                unavailable += 1
                self.stdout.write(
                    f"无法访问：{database.name} {database.url}（{result.last_error}）"
                )
        self.stdout.write(f"已检查 {checked} 个链接，{unavailable} 个无法访问。")
