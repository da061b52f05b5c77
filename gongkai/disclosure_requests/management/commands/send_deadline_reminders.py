"""``gongkai send_deadline_reminders``: email each handler and coordinator a digest of their
overdue and due-soon applications. Run it daily from cron or Celery beat
(gongkai.disclosure_requests.tasks.send_deadline_reminders); a second run on the same day
sends nothing again: each application is reminded about at most once per day."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.models import AuditEntry
from gongkai.disclosure_requests import notifications, selectors
from gongkai.disclosure_requests.models import DisclosureRequest

REMINDED = "disclosure_requests.request.reminder_sent"


class Command(BaseCommand):
    help = "发送依申请公开答复期限提醒邮件（逾期和即将到期），同一天重复运行不会重复发送。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=5, help="“即将到期”的天数（默认5天）")
        parser.add_argument("--date", help="按该日期计算（YYYY-MM-DD，默认今天）")
        parser.add_argument("--dry-run", action="store_true", help="只列出，不发送")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            today = dt.date.fromisoformat(options["date"]) if options["date"] else None
        except ValueError:
            raise CommandError(f"日期“{options['date']}”格式不正确，应为YYYY-MM-DD。") from None
        today = today or timezone.localdate()
        if options["days"] < 0:
            raise CommandError("--days 不能为负数。")
        overdue, due_soon = selectors.requests_needing_reminder(today=today, days=options["days"])
        already = set(
            AuditEntry.objects.filter(
                action=REMINDED,
                object_type="disclosure_requests.disclosurerequest",
                data__on=today.isoformat(),
            ).values_list("object_id", flat=True)
        )
        # recipient email -> (name, overdue list, due-soon list)
        digests: dict[str, tuple[str, list[DisclosureRequest], list[DisclosureRequest]]] = {}
        recipients_of: dict[int, list[str]] = defaultdict(list)
        for is_overdue, requests in ((True, overdue), (False, due_soon)):
            for disclosure_request in requests:
                if str(disclosure_request.pk) in already:
                    continue
                for user in self._recipients(disclosure_request):
                    name = user.get_full_name() or user.get_username()
                    digest = digests.setdefault(user.email, (name, [], []))
                    (digest[1] if is_overdue else digest[2]).append(disclosure_request)
                    recipients_of[disclosure_request.pk].append(user.email)
        if options["dry_run"]:
            for email, (_name, late, soon) in sorted(digests.items()):
                self.stdout.write(f"{email}: 逾期{len(late)}件，即将到期{len(soon)}件")
            return
        for email, (name, late, soon) in sorted(digests.items()):
            notifications.send_staff_reminder(email=email, name=name, overdue=late, due_soon=soon)
        with transaction.atomic():
            for disclosure_request in [*overdue, *due_soon]:
                if disclosure_request.pk in recipients_of:
                    audit.log(
                        disclosure_request,
                        REMINDED,
                        actor=None,
                        data={
                            "on": today.isoformat(),
                            "recipients": sorted(set(recipients_of[disclosure_request.pk])),
                        },
                    )
        self.stdout.write(
            f"{today.isoformat()}：提醒邮件{len(digests)}封，"
            f"涉及申请{len(recipients_of)}件（逾期{overdue.count()}件，"
            f"{options['days']}天内到期{due_soon.count()}件）。"
        )

    @staticmethod
    def _recipients(disclosure_request: DisclosureRequest) -> list[Any]:
        users = [
            membership.user
            for membership in selectors.coordinators_of(disclosure_request.organisation)
        ]
        if disclosure_request.handler is not None and disclosure_request.handler.is_active:
            users.insert(0, disclosure_request.handler)
        seen: set[int] = set()
        unique = []
        for user in users:
            if user.email and user.pk not in seen:
                seen.add(user.pk)
                unique.append(user)
        return unique
