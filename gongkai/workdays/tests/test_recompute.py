"""Entering or correcting a year's schedule recomputes every stored date that depended on it,
in the same transaction, with an audit entry per moved date and a summary on the calendar's."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.core import mail

from gongkai.appeals import services as appeal_services
from gongkai.appeals.models import CaseKind
from gongkai.catalogue.models import InformationItem
from gongkai.catalogue.services import publication_due_on
from gongkai.catalogue.tests.factories import InformationItemFactory
from gongkai.complaints import services as complaint_services
from gongkai.core.exceptions import ApplicationError
from gongkai.core.models import AuditEntry
from gongkai.disclosure_requests import services as request_services
from gongkai.disclosure_requests.tests.test_services import person_data
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.workdays import services
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.services import calendar_year_save_from_notice

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
# Sunday 2026-12-06: 2027 is not entered, so dates reaching into it are provisional.
TODAY = dt.date(2026, 12, 6)
# 元旦 2027 without a make-up day near it: Saturday 1/2, counted as a possible make-up
# workday until the notice is entered, is a day off.
HOLIDAYS_2027 = [dt.date(2027, 1, 1), dt.date(2027, 1, 2), dt.date(2027, 1, 3)]
NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（周五）至11日（周四）放假调休，共7天。1月31日（周日）、2月20日（周六）上班。
"""


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel(dt.datetime(2026, 12, 6, 10, tzinfo=SHANGHAI), tick=False):
        yield


@pytest.fixture
def organisation():
    return OrganisationFactory(name="示范市生态环境局")


@pytest.fixture
def coordinator(organisation):
    return staff_with_role(Role.COORDINATOR, organisation, email="gkb@example.gov.cn")


@pytest.fixture
def handler(organisation):
    return staff_with_role(Role.HANDLER, organisation, email="wang@example.gov.cn")


def _received(organisation, coordinator, handler, on):
    disclosure_request = request_services.disclosure_request_register(
        actor=coordinator, organisation=organisation, channel="in_person", received_on=on,
        data=person_data(),
    )  # fmt: skip
    request_services.disclosure_request_assign(
        actor=coordinator, disclosure_request=disclosure_request, handler=handler
    )
    disclosure_request.refresh_from_db()
    return disclosure_request


def test_entering_the_year_moves_the_dates_that_depended_on_it(
    organisation, coordinator, handler, django_capture_on_commit_callbacks
):
    # Received Sunday 12/6: 19 working days in December, then 1/1 off and Saturday 1/2 a
    # possible make-up day: provisionally due 1/2; with the notice, Monday 1/4.
    moving = _received(organisation, coordinator, handler, TODAY)
    assert moving.due_on == dt.date(2027, 1, 2)
    # Received 11/2: due 11/30, before 2027: not recomputed, not audited.
    settled = _received(organisation, coordinator, handler, dt.date(2026, 11, 2))
    assert settled.due_on == dt.date(2026, 11, 30)
    # 20 working days from Friday 12/4, as set when it was received: 1/2 provisionally, 1/4
    # with the notice, even though the setting is 15 days (due 12/25) by then.
    complaint_services.complaint_settings_update(
        actor=coordinator, organisation=organisation, answer_working_days=20
    )
    complaint, _code = complaint_services.complaint_submit(
        actor=coordinator, organisation=organisation, kind="complaint", subject="办事排队太久",
        content="窗口排队超过一小时。", channel="phone", received_on=dt.date(2026, 12, 4),
    )  # fmt: skip
    complaint_services.complaint_settings_update(
        actor=coordinator, organisation=organisation, answer_working_days=15
    )
    item = InformationItemFactory(organisation=organisation, generated_on=dt.date(2026, 12, 4))
    InformationItem.objects.filter(pk=item.pk).update(publication_due_on=publication_due_on(item))
    item.refresh_from_db()
    case = appeal_services.appeal_case_create(
        actor=coordinator, organisation=organisation, kind=CaseKind.ADMINISTRATIVE_REVIEW,
        handling_body="示范市人民政府", filed_on=dt.date(2026, 11, 2),
        accepted_on=dt.date(2026, 11, 2),
    )  # fmt: skip
    olds = (complaint.due_on, item.publication_due_on, case.decision_due_on)
    audit_before = AuditEntry.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        calendar_year_save_from_notice(
            actor=coordinator, year=2027, holidays=HOLIDAYS_2027, makeup_workdays=[]
        )

    moving.refresh_from_db()
    settled.refresh_from_db()
    complaint.refresh_from_db()
    item.refresh_from_db()
    case.refresh_from_db()
    assert moving.due_on == dt.date(2027, 1, 4)
    assert settled.due_on == dt.date(2026, 11, 30)
    assert complaint.due_on == dt.date(2027, 1, 4) and olds[0] == dt.date(2027, 1, 2)
    assert item.publication_due_on == dt.date(2027, 1, 4) and olds[1] == dt.date(2027, 1, 2)
    assert case.decision_due_on == dt.date(2027, 1, 4) and olds[2] == dt.date(2027, 1, 2)

    entry = AuditEntry.objects.get(
        action="disclosure_requests.request.deadline_recomputed", object_id=str(moving.pk)
    )
    assert entry.actor == coordinator
    assert entry.data["old"] == "2027-01-02" and entry.data["new"] == "2027-01-04"
    assert entry.data["calendar_years"] == [2027]
    assert not AuditEntry.objects.filter(
        action="disclosure_requests.request.deadline_recomputed", object_id=str(settled.pk)
    ).exists()
    for action in (
        "complaints.complaint.deadline_recomputed",
        "catalogue.item.deadline_recomputed",
        "appeals.case.deadline_recomputed",
    ):
        assert AuditEntry.objects.filter(action=action).count() == 1
    summary = AuditEntry.objects.get(action="workdays.calendar_year.saved").data["recomputed"]
    assert summary["count"] == 4
    assert {"label": moving.tracking_number, "old": "2027-01-02", "new": "2027-01-04"}.items() <= (
        next(c for c in summary["changes"] if c["label"] == moving.tracking_number).items()
    )
    # One entry per moved date, plus the calendar's own.
    assert AuditEntry.objects.count() == audit_before + 5

    # The handler is told by mail, after the commit.
    assert [message.to for message in mail.outbox] == [["wang@example.gov.cn"]]
    assert moving.tracking_number in mail.outbox[0].body
    assert "2027-01-02 → 2027-01-04" in mail.outbox[0].body


def test_a_failing_recomputer_leaves_calendar_and_dates_as_they_were(
    organisation, coordinator, handler, monkeypatch
):
    disclosure_request = _received(organisation, coordinator, handler, TODAY)

    def broken(*, actor, years):
        raise ApplicationError("重新计算失败")

    monkeypatch.setattr(
        services, "DEADLINE_RECOMPUTERS", (*services.DEADLINE_RECOMPUTERS, f"{__name__}.broken")
    )
    globals()["broken"] = broken
    with pytest.raises(ApplicationError, match="重新计算失败"):
        calendar_year_save_from_notice(
            actor=coordinator, year=2027, holidays=HOLIDAYS_2027, makeup_workdays=[]
        )
    disclosure_request.refresh_from_db()
    assert disclosure_request.due_on == dt.date(2027, 1, 2)
    assert not CalendarYear.objects.filter(year=2027).exists()
    assert not AuditEntry.objects.filter(action__endswith="deadline_recomputed").exists()


def test_a_correction_is_audited_with_the_previous_schedule_and_recomputes(
    organisation, coordinator, handler
):
    disclosure_request = _received(organisation, coordinator, handler, TODAY)
    calendar_year_save_from_notice(
        actor=coordinator, year=2027, holidays="", makeup_workdays="", notice=NOTICE_2027
    )
    disclosure_request.refresh_from_db()
    assert disclosure_request.due_on == dt.date(2027, 1, 4)

    # The notice is corrected: 1/2 is a make-up workday after all.
    calendar_year_save_from_notice(
        actor=coordinator,
        year=2027,
        holidays=[dt.date(2027, 1, 1)],
        makeup_workdays=[dt.date(2027, 1, 2)],
    )
    disclosure_request.refresh_from_db()
    assert disclosure_request.due_on == dt.date(2027, 1, 2)
    last = AuditEntry.objects.filter(action="workdays.calendar_year.saved").latest("pk")
    assert last.data["mode"] == "corrected"
    assert last.data["previous"]["holidays"][:3] == ["2027-01-01", "2027-01-02", "2027-01-03"]
    assert last.data["previous"]["makeup_workdays"] == ["2027-01-31", "2027-02-20"]
    assert last.data["recomputed"]["count"] == 1
    moves = AuditEntry.objects.filter(
        action="disclosure_requests.request.deadline_recomputed",
        object_id=str(disclosure_request.pk),
    ).order_by("pk")
    assert [(e.data["old"], e.data["new"]) for e in moves] == [
        ("2027-01-02", "2027-01-04"),
        ("2027-01-04", "2027-01-02"),
    ]


def test_saving_the_same_schedule_again_moves_nothing(organisation, coordinator, handler):
    _received(organisation, coordinator, handler, TODAY)
    for _ in range(2):
        calendar_year_save_from_notice(
            actor=coordinator, year=2027, holidays=HOLIDAYS_2027, makeup_workdays=[]
        )
    last = AuditEntry.objects.filter(action="workdays.calendar_year.saved").latest("pk")
    assert last.data["mode"] == "corrected"
    assert last.data["recomputed"] == {"count": 0, "changes": [], "truncated": False}
    assert AuditEntry.objects.filter(action__endswith="deadline_recomputed").count() == 1


@pytest.mark.parametrize(
    ("holidays", "makeup", "notice", "expected"),
    [
        # A day listed twice, in pasted text, in a list, and in a notice.
        ("元旦：2027-01-01\n2027-01-01", "", "", "2027-01-01 重复列出"),
        ([dt.date(2027, 1, 1), dt.date(2027, 1, 1)], [], "", "2027-01-01 重复列出"),
        (
            "",
            "",
            "一、元旦：1月1日至3日放假。\n二、元旦：1月3日放假。",
            "2027-01-03 重复列出",
        ),
        # A holiday range over 31 days.
        ("春节：2027-02-01 至 2027-03-05", "", "", "日期范围超过31天"),
        (
            [dt.date(2027, 1, 1) + dt.timedelta(days=n) for n in range(32)],
            [],
            "",
            "连续放假32天，超过31天",
        ),
        # A make-up day on a weekday.
        ("2027-01-01", "2027-02-10", "", "调休上班日 2027-02-10 是星期三"),
        ("", "", "元旦：1月1日放假。1月4日（周一）上班。", "调休上班日 2027-01-04 是星期一"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_changes_nothing(
    organisation, coordinator, handler, holidays, makeup, notice, expected
):
    disclosure_request = _received(organisation, coordinator, handler, TODAY)
    with pytest.raises(ApplicationError) as error:
        calendar_year_save_from_notice(
            actor=coordinator, year=2027, holidays=holidays, makeup_workdays=makeup, notice=notice
        )
    assert any(expected in problem for problem in error.value.extra["errors"]), error.value
    assert not CalendarYear.objects.filter(year=2027).exists()
    disclosure_request.refresh_from_db()
    assert disclosure_request.due_on == dt.date(2027, 1, 2)
    assert not AuditEntry.objects.filter(action="workdays.calendar_year.saved").exists()


def test_an_unpaid_fees_payment_date_moves_too(organisation, coordinator, handler):
    disclosure_request = _received(organisation, coordinator, handler, dt.date(2026, 11, 30))
    fee_notice = request_services.disclosure_request_issue_fee_notice(
        actor=handler, disclosure_request=disclosure_request, method="per_page", pages=150,
        sent_on=dt.date(2026, 12, 4),
    )  # fmt: skip
    assert fee_notice.due_on == dt.date(2027, 1, 2)
    calendar_year_save_from_notice(
        actor=coordinator, year=2027, holidays=HOLIDAYS_2027, makeup_workdays=[]
    )
    fee_notice.refresh_from_db()
    assert fee_notice.due_on == dt.date(2027, 1, 4)
    moves = AuditEntry.objects.filter(action="disclosure_requests.request.deadline_recomputed")
    assert {(e.data["field"], e.data["old"], e.data["new"]) for e in moves} >= {
        ("fee_due_on", "2027-01-02", "2027-01-04")
    }
