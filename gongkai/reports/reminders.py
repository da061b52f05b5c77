"""Reminders of the statutory deadline for publishing the annual report (第四十九条;
2007 Regulation 第三十一条): each coordinator of a body that has not published its report on
last year gets one email a day while the deadline approaches and once it has passed.

A second run on the same day sends nothing again: each (body, report year) is reminded at
most once per day, recorded in the audit trail.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet

from gongkai.core import audit
from gongkai.core.models import AuditEntry
from gongkai.organisations.models import Membership, Organisation, Role
from gongkai.reports.deadlines import BodyStatus, last_report_year, unpublished_bodies

REMINDED = "reports.deadline.reminder_sent"
DEFAULT_DAYS = 14


@dataclass
class ReminderRun:
    on: dt.date
    year: int
    sent: list[tuple[str, str]] = field(default_factory=list)  # (email, organisation name)
    skipped_already: int = 0
    without_coordinator: list[str] = field(default_factory=list)


def coordinators_of(organisation: Organisation) -> QuerySet[Membership]:
    """The body's own coordinators; failing those, the nearest ancestor's."""
    parts = [p for p in organisation.path.split("/") if p]
    for depth in range(len(parts), 0, -1):
        path = "/" + "/".join(parts[:depth]) + "/"
        memberships = Membership.objects.filter(
            role=Role.COORDINATOR, organisation__path=path, user__is_active=True
        ).select_related("user")
        if memberships.exists():
            return memberships
    return Membership.objects.none()


def _message(status: BodyStatus) -> tuple[str, str]:
    organisation = status.organisation
    deadline = status.deadline
    if status.overdue:
        subject = (
            f"{organisation.name}{deadline.year}年度政府信息公开工作年度报告已超过法定公布期限"
            f"{-status.days_left}日"
        )
    else:
        subject = (
            f"{organisation.name}{deadline.year}年度政府信息公开工作年度报告"
            f"应于{deadline.due_on:%Y年%m月%d日}前公布（还有{status.days_left}日）"
        )
    lines = [
        subject + "。",
        "",
        f"法定期限：{deadline.due_on.isoformat()}（{deadline.citation}：{deadline.rule.quote}）",
        f"当前进度：{status.stage}",
        "",
        f"请登录 {settings.GONGKAI_PUBLIC_BASE_URL.rstrip('/')}/staff/reports/ 编制、审核并发布。",
    ]
    return subject, "\n".join(lines)


def send_report_reminders(
    *, today: dt.date, days: int = DEFAULT_DAYS, dry_run: bool = False
) -> ReminderRun:
    year = last_report_year(today)
    run = ReminderRun(on=today, year=year)
    due = [s for s in unpublished_bodies(year=year, today=today) if s.days_left <= days]
    already = set(
        AuditEntry.objects.filter(
            action=REMINDED,
            object_type="organisations.organisation",
            data__on=today.isoformat(),
            data__year=year,
        ).values_list("object_id", flat=True)
    )
    for status in due:
        organisation = status.organisation
        if str(organisation.pk) in already:
            run.skipped_already += 1
            continue
        emails = sorted({m.user.email for m in coordinators_of(organisation) if m.user.email})
        if not emails:
            run.without_coordinator.append(organisation.name)
            continue
        if dry_run:
            run.sent += [(email, organisation.name) for email in emails]
            continue
        subject, body = _message(status)
        with transaction.atomic():
            # Recorded first, inside the transaction: a failed send rolls the record back.
            audit.log(
                organisation,
                REMINDED,
                actor=None,
                organisation=organisation,
                data={
                    "on": today.isoformat(),
                    "year": year,
                    "due_on": status.deadline.due_on.isoformat(),
                    "recipients": emails,
                },
            )
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, emails)
        run.sent += [(email, organisation.name) for email in emails]
    return run
