"""Celery tasks: thin wrappers; without a broker they run inline (CELERY_TASK_ALWAYS_EAGER)."""

from __future__ import annotations

from celery import shared_task
from django.core.management import call_command


@shared_task(name="reports.send_report_reminders")
def send_report_reminders() -> None:
    # For Celery beat; cron can run `gongkai send_report_reminders` instead.
    call_command("send_report_reminders")
