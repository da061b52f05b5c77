"""Applicant mails and staff reminders mark a deadline in a year not entered as 暂定."""

from __future__ import annotations

import datetime as dt
from typing import cast

import pytest

from gongkai.disclosure_requests import notifications
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.disclosure_requests.tests.factories import DisclosureRequestFactory

pytestmark = pytest.mark.django_db

NOTE_START = "暂定：2027年的放假安排尚未公布"


def test_an_applicant_mail_marks_a_provisional_due_date_and_says_why(
    mailoutbox, django_capture_on_commit_callbacks
):
    disclosure_request = DisclosureRequestFactory(
        received_on=dt.date(2026, 12, 18), due_on=dt.date(2027, 1, 12)
    )
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify_applicant(
            disclosure_request,
            "received",
            received_on=disclosure_request.received_on,
            due_on=disclosure_request.due_on,
        )
    body = mailoutbox[0].body
    assert "答复期限为2027年1月12日（暂定）。" in body
    assert NOTE_START in body
    assert "录入" not in body


def test_an_applicant_mail_in_entered_years_has_no_mark(
    mailoutbox, django_capture_on_commit_callbacks
):
    disclosure_request = DisclosureRequestFactory(
        received_on=dt.date(2026, 3, 2), due_on=dt.date(2026, 3, 30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        notifications.notify_applicant(
            disclosure_request,
            "received",
            received_on=dt.date(2026, 3, 2),
            due_on=dt.date(2026, 3, 30),
        )
    assert "答复期限为2026年3月30日。" in mailoutbox[0].body
    assert "暂定" not in mailoutbox[0].body


def test_a_staff_reminder_marks_provisional_due_dates(mailoutbox):
    entered = cast(
        DisclosureRequest,
        DisclosureRequestFactory(received_on=dt.date(2026, 11, 2), due_on=dt.date(2026, 11, 30)),
    )
    provisional = cast(
        DisclosureRequest,
        DisclosureRequestFactory(received_on=dt.date(2026, 12, 18), due_on=dt.date(2027, 1, 12)),
    )
    notifications.send_staff_reminder(
        email="handler@example.com", name="承办人", overdue=[entered], due_soon=[provisional]
    )
    body = mailoutbox[0].body
    assert "期限 2026-11-30  " in body
    assert "期限 2027-01-12（暂定）" in body
    assert NOTE_START in body
