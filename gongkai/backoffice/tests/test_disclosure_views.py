"""Back-office pages of 依申请公开: queues, staff entry, privacy of the applicant block, the
deadline explanation, steps and their refusals, letters and the dashboard panel."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.backoffice.tests.world import World, build_world
from gongkai.core.models import AuditEntry
from gongkai.disclosure_requests.models import ClockEvent, DisclosureRequest
from gongkai.disclosure_requests.tests.factories import (
    DisclosureRequestFactory,
    LetterFactory,
    valid_id_number,
)

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
Status = DisclosureRequest.Status
# 2025-09-30 (Tuesday) before the National Day and Mid-Autumn holiday (10-01 … 10-08).
RECEIVED_ON = dt.date(2025, 9, 30)


@pytest.fixture
def world() -> World:
    return build_world()


def _client(world: World, key: str) -> Client:
    client = Client()
    client.force_login(world.user(key))
    return client


def _request(world: World, **kwargs: Any) -> Any:
    kwargs.setdefault("received_on", RECEIVED_ON)
    kwargs.setdefault("handler", world.user("org1:handler"))
    return DisclosureRequestFactory(organisation=world.org1, **kwargs)


def _messages(response: Any) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_applicant_block_is_masked_and_revealing_is_audited(world: World) -> None:
    disclosure_request = _request(world, id_number=valid_id_number(42), phone="13912345678")
    auditor = _client(world, "org1:auditor")
    page = auditor.get(reverse("backoffice:request_detail", args=[disclosure_request.pk]))
    content = page.content.decode()
    assert page.status_code == 200
    assert disclosure_request.id_number not in content
    assert "139****5678" in content
    assert reverse("backoffice:request_applicant", args=[disclosure_request.pk]) not in content
    assert (
        auditor.get(
            reverse("backoffice:request_applicant", args=[disclosure_request.pk])
        ).status_code
        == 403
    )

    handler = _client(world, "org1:handler")
    masked = handler.get(reverse("backoffice:request_detail", args=[disclosure_request.pk]))
    assert disclosure_request.id_number not in masked.content.decode()
    assert not AuditEntry.objects.filter(action__endswith="personal_data_viewed").exists()
    revealed = handler.get(reverse("backoffice:request_applicant", args=[disclosure_request.pk]))
    assert revealed.status_code == 200
    assert disclosure_request.id_number in revealed.content.decode()
    assert "13912345678" in revealed.content.decode()
    entry = AuditEntry.objects.get(action="disclosure_requests.request.personal_data_viewed")
    assert entry.actor == world.user("org1:handler")


def test_detail_explains_the_due_date_with_skipped_holidays(world: World) -> None:
    disclosure_request = _request(world)
    page = _client(world, "org1:coordinator").get(
        reverse("backoffice:request_detail", args=[disclosure_request.pk])
    )
    content = page.content.decode()
    explanation = page.context["explanation"]
    assert explanation.due_on is not None
    # National Day and Mid-Autumn days are skipped; the due date is after the holiday.
    assert explanation.due_on > dt.date(2025, 10, 8)
    assert "2025-10-01" in content and "国庆" in content
    assert explanation.steps and explanation.steps[0] in content
    assert "收到申请" in content  # the ledger table's received event


def test_queue_filters_overdue_and_to_confirm(world: World) -> None:
    overdue = _request(world, due_on=dt.date(2025, 10, 28), information_title="逾期的申请")
    on_time = _request(
        world,
        received_on=dt.date(2099, 1, 5),
        due_on=dt.date(2099, 2, 2),
        information_title="未到期的申请",
    )
    pending = DisclosureRequestFactory(
        organisation=world.org1, pending=True, information_title="待确认的申请"
    )
    coordinator = _client(world, "org1:coordinator")
    listed = coordinator.get(reverse("backoffice:request_list") + "?overdue=on")
    numbers = [r.tracking_number for r in listed.context["disclosure_requests"]]
    assert numbers == [overdue.tracking_number]
    queue = coordinator.get(reverse("backoffice:request_to_confirm"))
    assert [r.pk for r in queue.context["disclosure_requests"]] == [pending.pk]
    everything = coordinator.get(reverse("backoffice:request_list"))
    assert {r.pk for r in everything.context["disclosure_requests"]} == {
        overdue.pk,
        on_time.pk,
        pending.pk,
    }
    # Org 2 sees none of org 1's applications.
    assert (
        not _client(world, "org2:coordinator")
        .get(reverse("backoffice:request_list"))
        .context["disclosure_requests"]
    )


def test_staff_entry_applies_the_receipt_date_rule(world: World) -> None:
    coordinator = _client(world, "org1:coordinator")
    data = {
        "organisation": world.org1.pk,
        "channel": "post_signed",
        "received_on": "2025-09-30",
        "applicant_type": "natural_person",
        "applicant_name": "周八",
        "id_type": "resident_id",
        "id_number": valid_id_number(8),
        "address": "北京市朝阳区建国路1号",
        "information_title": "道路改造工程批复",
        "form_wanted": "paper",
        "delivery_method": "post",
    }
    response = coordinator.post(reverse("backoffice:request_register"), data, follow=True)
    disclosure_request = DisclosureRequest.objects.get()
    assert disclosure_request.received_on == dt.date(2025, 9, 30)
    assert disclosure_request.channel == "post_signed"
    assert disclosure_request.status == Status.IN_PROGRESS
    assert disclosure_request.due_on is not None
    assert any("查询码" in message for message in _messages(response))

    # An ordinary letter not yet confirmed waits in the to-confirm queue.
    response = coordinator.post(
        reverse("backoffice:request_register"),
        {**data, "channel": "post_ordinary", "received_on": "", "id_number": valid_id_number(9)},
    )
    assert response.status_code == 302
    waiting = DisclosureRequest.objects.get(channel="post_ordinary")
    assert waiting.status == Status.PENDING_CONFIRMATION and waiting.received_on is None

    bad = coordinator.post(
        reverse("backoffice:request_register"), {**data, "id_number": "110105198506150000"}
    )
    assert bad.status_code == 400
    assert "GB 11643" in " ".join(bad.context["form"].errors["id_number"])
    assert DisclosureRequest.objects.count() == 2


def test_refusals_come_back_as_messages_and_change_nothing(world: World) -> None:
    disclosure_request = _request(world)
    approver = _client(world, "org1:approver")
    url = reverse("backoffice:request_extend", args=[disclosure_request.pk])
    first = approver.post(
        url, {"days": 10, "reason": "需调取档案", "approved_on": "2025-10-10"}, follow=True
    )
    assert first.status_code == 200
    assert any("已批准延期" in message for message in _messages(first))
    second = approver.post(
        url, {"days": 5, "reason": "再次延期", "approved_on": "2025-10-13"}, follow=True
    )
    assert second.status_code == 200
    assert any("只能延长一次" in message for message in _messages(second))
    assert (
        disclosure_request.clock_events.filter(kind=ClockEvent.Kind.EXTENSION_APPROVED).count() == 1
    )

    handler = _client(world, "org1:handler")
    no_basis = handler.post(
        reverse("backoffice:request_decision_draft", args=[disclosure_request.pk]),
        {"outcome": "disclose", "legal_basis": ""},
        follow=True,
    )
    assert any("法律依据" in message for message in _messages(no_basis))
    disclosure_request.refresh_from_db()
    assert not hasattr(disclosure_request, "decision") or disclosure_request.decision is None


def test_handler_sees_steps_for_the_state_and_auditor_sees_none(world: World) -> None:
    disclosure_request = _request(world)
    handler_page = _client(world, "org1:handler").get(
        reverse("backoffice:request_detail", args=[disclosure_request.pk])
    )
    content = handler_page.content.decode()
    for step in ("correction_request", "consultation_start", "decision_draft", "split"):
        assert reverse(f"backoffice:request_{step}", args=[disclosure_request.pk]) in content
    assert reverse("backoffice:request_extend", args=[disclosure_request.pk]) not in content
    assert reverse("backoffice:request_delivery", args=[disclosure_request.pk]) not in content
    auditor_page = _client(world, "org1:auditor").get(
        reverse("backoffice:request_detail", args=[disclosure_request.pk])
    )
    assert 'action="/staff/requests/' not in auditor_page.content.decode()


def test_generated_letters_download(world: World) -> None:
    disclosure_request = _request(world)
    letter = LetterFactory(disclosure_request=disclosure_request)
    client = _client(world, "org1:auditor")
    response = client.get(
        reverse(
            "backoffice:request_letter_download", args=[disclosure_request.pk, letter.pk, "pdf"]
        )
    )
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    docx = client.get(
        reverse(
            "backoffice:request_letter_download", args=[disclosure_request.pk, letter.pk, "docx"]
        )
    )
    assert docx.content.startswith(b"PK")


def test_dashboard_lists_overdue_applications_for_request_staff(world: World) -> None:
    overdue = _request(world, due_on=dt.date(2025, 10, 28))
    content = _client(world, "org1:handler").get(reverse("backoffice:dashboard")).content.decode()
    assert "依申请公开" in content
    assert overdue.tracking_number in content
    publisher = _client(world, "org1:publisher").get(reverse("backoffice:dashboard"))
    assert overdue.tracking_number not in publisher.content.decode()
    assert reverse("backoffice:request_list") not in publisher.content.decode()


def test_ledger_table_shows_every_event_with_its_data(world: World) -> None:
    from gongkai.backoffice.tests.request_world import request_world

    awaiting = request_world(world).awaiting_correction
    page = _client(world, "org1:handler").get(
        reverse("backoffice:request_detail", args=[awaiting.pk])
    )
    assert page.status_code == 200
    ledger = page.content.decode()
    assert "告知补正" in ledger
    assert "items=请写明所需信息的文号" in ledger


@time_machine.travel(dt.datetime(2026, 12, 21, 10, tzinfo=SHANGHAI), tick=False)
def test_a_deadline_in_a_year_not_entered_is_marked_provisional_everywhere(world: World) -> None:
    # Received 2026-12-18: 20 working days reach into 2027, whose notice is not entered.
    disclosure_request = _request(
        world, received_on=dt.date(2026, 12, 18), due_on=dt.date(2027, 1, 12)
    )
    coordinator = _client(world, "org1:coordinator")
    page = coordinator.get(reverse("backoffice:request_detail", args=[disclosure_request.pk]))
    content = page.content.decode()
    explanation = page.context["explanation"]
    assert explanation.due_on == dt.date(2027, 1, 12) and explanation.due_on_provisional
    note = explanation.provisional_note
    assert note.startswith("暂定：2027年的放假安排尚未公布")
    # The stored due date: a badge with the note as its tooltip, and the note in words.
    due_cell = content.split('id="request-due-on">')[1].split("</dd>")[0]
    assert f'<span class="provisional-badge" title="{note}">暂定</span>' in due_cell
    assert f'<span class="provisional-note">{note}</span>' in due_cell
    # The explanation: badge on the due date, none on the 2026 correction-notice date, the
    # note in words and as the last step.
    assert f'id="deadline-provisional"><span class="provisional-badge" title="{note}">' in content
    assert explanation.steps[-1].endswith(note) and explanation.steps[-1] in content
    assert not explanation.correction_notice_due_on_provisional
    assert "可能调休上班、暂计为工作日的周末" in content

    listed = coordinator.get(reverse("backoffice:request_list"))
    assert f'2027-01-12<span class="provisional-badge" title="{note}">暂定</span>' in (
        listed.content.decode()
    )


@time_machine.travel(dt.datetime(2026, 12, 21, 10, tzinfo=SHANGHAI), tick=False)
def test_the_list_reads_the_entered_years_once_for_all_rows(world: World) -> None:
    for day in (5, 6, 7, 8):
        _request(world, received_on=dt.date(2026, 12, day), due_on=dt.date(2027, 1, day))
    coordinator = _client(world, "org1:coordinator")
    with CaptureQueriesContext(connection) as queries:
        listed = coordinator.get(reverse("backoffice:request_list"))
    assert listed.content.decode().count('class="provisional-badge"') == 4
    calendar_reads = [q for q in queries.captured_queries if "workdays_calendaryear" in q["sql"]]
    assert len(calendar_reads) == 1


def test_an_entered_due_date_has_no_provisional_mark(world: World) -> None:
    disclosure_request = _request(world)
    page = _client(world, "org1:coordinator").get(
        reverse("backoffice:request_detail", args=[disclosure_request.pk])
    )
    assert "provisional-badge" not in page.content.decode()
    assert not page.context["explanation"].provisional
