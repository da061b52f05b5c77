"""`gongkai send_report_reminders`: coordinators of bodies approaching or past the deadline."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from gongkai.core.models import AuditEntry
from gongkai.organisations.models import Organisation, Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.reports.models import AnnualReport
from gongkai.reports.reminders import REMINDED

pytestmark = pytest.mark.django_db


@pytest.fixture
def bodies():
    government = OrganisationFactory(name="测试市人民政府", kind=Organisation.Kind.GOVERNMENT)
    department = OrganisationFactory(
        name="测试市测试局", parent=government, kind=Organisation.Kind.DEPARTMENT
    )
    published = OrganisationFactory(
        name="测试市已发布局", parent=government, kind=Organisation.Kind.DEPARTMENT
    )
    AnnualReport.objects.create(
        organisation=published, year=2023, format_code="national-2021", status="published"
    )
    staff_with_role(Role.COORDINATOR, government, email="city@example.com")
    staff_with_role(Role.COORDINATOR, department, email="dept@example.com")
    staff_with_role(Role.COORDINATOR, published, email="done@example.com")
    staff_with_role(Role.HANDLER, department, email="handler@example.com")
    return {"government": government, "department": department}


def _run(*args: str) -> str:
    out = StringIO()
    call_command("send_report_reminders", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_departments_are_reminded_before_31_january_governments_later(bodies):
    with time_machine.travel(dt.datetime(2024, 1, 20, 9, 0), tick=False):
        output = _run()
    assert [message.to for message in mail.outbox] == [["dept@example.com"]]
    message = mail.outbox[0]
    assert "2024年01月31日前公布" in message.subject and "测试市测试局" in message.subject
    assert "第四十九条" in message.body and "未编制" in message.body
    assert "提醒已发送1封" in output


def test_a_second_run_the_same_day_sends_nothing_and_the_next_day_again(bodies):
    with time_machine.travel(dt.datetime(2024, 1, 20, 9, 0), tick=False):
        _run()
        output = _run()
    assert len(mail.outbox) == 1
    assert "今日已提醒过1个机关" in output
    with time_machine.travel(dt.datetime(2024, 1, 21, 9, 0), tick=False):
        _run()
    assert len(mail.outbox) == 2
    entries = AuditEntry.objects.filter(action=REMINDED)
    assert sorted(entries.values_list("data__on", flat=True)) == ["2024-01-20", "2024-01-21"]


def test_past_the_deadline_and_governments_in_march(bodies):
    with time_machine.travel(dt.datetime(2024, 3, 25, 9, 0), tick=False):
        _run()
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["city@example.com", "dept@example.com"]
    overdue = next(m for m in mail.outbox if m.to == ["dept@example.com"])
    assert "已超过法定公布期限54日" in overdue.subject


def test_years_under_the_2007_regulation_are_all_due_31_march(bodies):
    # On 20 January 2018 the report on 2017 (2007 Regulation, 31 March) is not yet close.
    with time_machine.travel(dt.datetime(2018, 1, 20, 9, 0), tick=False):
        _run()
    assert mail.outbox == []
    with time_machine.travel(dt.datetime(2018, 3, 20, 9, 0), tick=False):
        _run()
    # Every body is due on 31 March, and none has published its report on 2017.
    assert sorted(m.to[0] for m in mail.outbox) == [
        "city@example.com",
        "dept@example.com",
        "done@example.com",
    ]
    assert all("第三十一条" in m.body for m in mail.outbox)


def test_dry_run_and_bad_arguments(bodies):
    output = _run("--date", "2024-01-25", "--dry-run")
    assert "dept@example.com: 测试市测试局" in output and "将发送1封" in output
    assert mail.outbox == [] and not AuditEntry.objects.filter(action=REMINDED).exists()
    with pytest.raises(CommandError, match="格式不正确"):
        _run("--date", "25/01/2024")
    with pytest.raises(CommandError, match="不能为负数"):
        _run("--days", "-1")


def test_the_celery_task_runs_the_command(bodies):
    from gongkai.reports.tasks import send_report_reminders

    with time_machine.travel(dt.datetime(2024, 1, 20, 9, 0), tick=False):
        send_report_reminders.delay()
    assert len(mail.outbox) == 1
