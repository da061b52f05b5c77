"""The daily reminder: one digest per handler or coordinator, and once per day only."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.disclosure_requests import tasks
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.disclosure_requests.tests.factories import DisclosureRequestFactory
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db

# The day the reminders are sent for, so the applications are received before they fall due.
frozen_clock = frozen_clock_at(dt.datetime(2024, 9, 20, 9, tzinfo=SHANGHAI))

TODAY = dt.date(2024, 9, 20)


def run(*args: str) -> str:
    out = StringIO()
    call_command("send_deadline_reminders", "--date", TODAY.isoformat(), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def people():
    organisation = OrganisationFactory()
    department = OrganisationFactory(parent=organisation)
    coordinator = staff_with_role(Role.COORDINATOR, organisation, email="gkb@example.gov.cn")
    handler = staff_with_role(Role.HANDLER, department, email="cb@example.gov.cn")
    staff_with_role(Role.HANDLER, organisation, email="idle@example.gov.cn")
    overdue = DisclosureRequestFactory(
        organisation=organisation, department=department, handler=handler,
        due_on=TODAY - dt.timedelta(days=2),
    )  # fmt: skip
    due_soon = DisclosureRequestFactory(
        organisation=organisation, handler=handler, due_on=TODAY + dt.timedelta(days=3)
    )
    DisclosureRequestFactory(organisation=organisation, due_on=TODAY + dt.timedelta(days=30))
    DisclosureRequestFactory(
        organisation=organisation, due_on=TODAY - dt.timedelta(days=9),
        status=DisclosureRequest.Status.CLOSED,
    )  # fmt: skip
    return coordinator, handler, overdue, due_soon


def test_handler_and_coordinator_get_one_digest_each(people, mailoutbox):
    coordinator, handler, overdue, due_soon = people
    output = run()
    assert sorted(mail.to[0] for mail in mailoutbox) == [handler.email, coordinator.email]
    for mail in mailoutbox:
        assert "逾期1件，即将到期1件" in mail.subject
        assert overdue.tracking_number in mail.body and due_soon.tracking_number in mail.body
        assert mail.body.index(overdue.tracking_number) < mail.body.index(due_soon.tracking_number)
    assert "提醒邮件2封" in output


def test_a_second_run_the_same_day_sends_nothing(people, mailoutbox):
    run()
    mailoutbox.clear()
    output = run()
    assert mailoutbox == []
    assert "提醒邮件0封" in output
    # The next day reminds again.
    out = StringIO()
    call_command("send_deadline_reminders", "--date", "2024-09-21", stdout=out)
    assert len(mailoutbox) == 2


def test_dry_run_lists_without_sending(people, mailoutbox):
    output = run("--dry-run")
    assert mailoutbox == []
    assert "gkb@example.gov.cn: 逾期1件，即将到期1件" in output


def test_bad_date_is_refused():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_deadline_reminders", "--date", "2024-02-30")


def test_the_celery_task_runs_inline_without_a_broker(people, mailoutbox, time_machine):
    time_machine.move_to(dt.datetime(2024, 9, 20, 9, 0), tick=False)
    tasks.send_deadline_reminders.delay()
    assert len(mailoutbox) == 2
