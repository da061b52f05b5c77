"""Celery tasks: thin wrappers; without a broker they run inline (CELERY_TASK_ALWAYS_EAGER)."""

from __future__ import annotations

from celery import shared_task
from django.core.management import call_command

from gongkai.disclosure_requests import notifications


@shared_task(name="disclosure_requests.send_applicant_notification")
def send_applicant_notification(
    disclosure_request_id: int, step: str, context: dict[str, str]
) -> bool:
    return notifications.send_applicant_notification(disclosure_request_id, step, context)


@shared_task(name="disclosure_requests.send_deadline_reminders")
def send_deadline_reminders() -> None:
    # For Celery beat; cron can run `gongkai send_deadline_reminders` instead.
    call_command("send_deadline_reminders")
