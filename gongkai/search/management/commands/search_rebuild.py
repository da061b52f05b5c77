from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from gongkai.search.engine import get_backend


class Command(BaseCommand):
    help = "重建全文检索索引（只收录已发布的政府信息）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--backend",
            choices=["tantivy", "postgres"],
            help="默认使用 GONGKAI_SEARCH_BACKEND 设置。",
        )
        parser.add_argument("--no-progress", action="store_true", help="不显示进度条。")

    def handle(self, *args: Any, **options: Any) -> None:
        backend = get_backend(options.get("backend"))
        started = time.perf_counter()
        count = backend.rebuild(progress=not options["no_progress"])
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"已索引 {count} 条政府信息，用时 {elapsed:.1f} 秒。"))
