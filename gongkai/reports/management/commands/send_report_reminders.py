"""``gongkai send_report_reminders``: email the coordinators of bodies whose annual report on
last year is due within --days days or overdue. Run it daily from cron or Celery beat
(task "reports.send_report_reminders"); a second run on the same day sends nothing again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from gongkai.reports.reminders import DEFAULT_DAYS, send_report_reminders


class Command(BaseCommand):
    help = "提醒尚未公布上一年度政府信息公开工作年度报告的机关（临近或已过法定期限）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help=f"期限前多少天开始提醒（默认{DEFAULT_DAYS}天）",
        )
        parser.add_argument("--date", help="按该日期计算（YYYY-MM-DD，默认今天）")
        parser.add_argument("--dry-run", action="store_true", help="只列出，不发送")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = dt.date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError:
            raise CommandError(f"日期“{options['date']}”格式不正确，应为YYYY-MM-DD。") from None
        if options["days"] < 0:
            raise CommandError("--days 不能为负数。")
        run = send_report_reminders(
            today=today or timezone.localdate(), days=options["days"], dry_run=options["dry_run"]
        )
        for email, name in run.sent:
            self.stdout.write(f"{email}: {name}")
        for name in run.without_coordinator:
            self.stderr.write(f"{name}：没有可接收提醒的公开工作负责人（请设置邮箱）。")
        verb = "将发送" if options["dry_run"] else "已发送"
        self.stdout.write(
            f"{run.on.isoformat()}：{run.year}年度报告提醒{verb}{len(run.sent)}封，"
            f"今日已提醒过{run.skipped_already}个机关。"
        )
