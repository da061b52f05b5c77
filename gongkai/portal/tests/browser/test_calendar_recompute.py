"""In December, with next year's holiday notice not yet out, a coordinator confirms an
application whose due date falls in the provisional 2027; entering the notice through the
back-office calendar page recomputes it, the audit trail records it, and the handler is told
on the dashboard and by mail. In a real browser (see test_apply_and_track)."""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
import time_machine
from django.core import mail

from gongkai.disclosure_requests import services
from gongkai.disclosure_requests.tests.test_services import person_data
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.portal.tests.browser.staff import sign_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Sunday 2026-12-06, 10:00 in Beijing; time moves on from there. 2027 is not entered.
START = "2026-12-06 10:00:00+08:00"
# 元旦 without a make-up day; 春节 with a make-up Saturday.
NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（周五）至11日（周四）放假调休，共7天。2月20日（周六）上班。
"""
# Confirmed on Sunday 12/6: 19 working days in December, 1/1 off, and Saturday 1/2 counted as
# a possible make-up workday until the notice is entered; the notice makes it a day off.
PROVISIONAL_DUE = "2027-01-02"
DUE = "2027-01-04"


def test_entering_the_notice_recomputes_a_provisional_due_date(
    live_server: Any, new_page: Any
) -> None:
    from playwright.sync_api import expect

    with time_machine.travel(START, tick=True):
        organisation = OrganisationFactory(name="示范市生态环境局")
        staff_with_role(Role.COORDINATOR, organisation, username="gkb", full_name="公开办小林")
        handler = staff_with_role(
            Role.HANDLER, organisation, username="chengban", full_name="承办人小王",
            email="wang@example.gov.cn",
        )  # fmt: skip
        disclosure_request, _code = services.disclosure_request_submit_online(
            data={**person_data(), "organisation": organisation}
        )
        tracking_number = disclosure_request.tracking_number
        base = live_server.url
        detail_url = f"{base}/staff/requests/{disclosure_request.pk}/"

        # 1. The coordinator confirms the application and assigns it: due provisionally 1/2.
        coordinator = new_page()
        sign_in(coordinator, base, "gkb")
        coordinator.goto(detail_url)
        coordinator.locator("#step-confirm").get_by_role("button").click()
        expect(coordinator.locator("#request-status")).to_have_text("办理中")
        assign = coordinator.locator("#step-assign")
        assign.get_by_label("承办人").select_option(str(handler.pk))
        assign.get_by_role("button").click()
        expect(coordinator.locator("#request-handler")).to_have_text("承办人小王")
        expect(coordinator.locator("#request-due-on")).to_contain_text(PROVISIONAL_DUE)
        expect(coordinator.locator("#request-due-on")).to_contain_text("暂定")

        # 2. The dashboard asks the coordinator for the 2027 notice; they enter it.
        coordinator.goto(f"{base}/staff/")
        warning = coordinator.locator("#calendar-missing-year")
        expect(warning).to_contain_text("2027年的节假日安排尚未录入")
        warning.get_by_role("link").click()
        expect(coordinator.get_by_role("heading", level=1)).to_have_text("2027年节假日安排")
        coordinator.get_by_label("国务院办公厅通知原文").fill(NOTICE_2027)
        coordinator.get_by_role("button", name="识别通知").click()
        expect(coordinator.get_by_label("调休上班日期")).to_have_value("春节：2027-02-20")
        coordinator.get_by_role("button", name="保存").click()
        expect(coordinator.locator(".message-success")).to_contain_text(
            "2027年的节假日安排已保存，1项期限已按新的安排重新计算。"
        )
        recomputed = coordinator.locator("#calendar-recomputed")
        expect(recomputed).to_contain_text(tracking_number)
        expect(recomputed).to_contain_text(PROVISIONAL_DUE)
        expect(recomputed).to_contain_text(DUE)
        coordinator.goto(f"{base}/staff/")
        expect(coordinator.locator("#calendar-missing-year")).to_have_count(0)

        # 3. The application's due date is recomputed, and its audit trail says so.
        coordinator.goto(detail_url)
        expect(coordinator.locator("#request-due-on")).to_contain_text(DUE)
        expect(coordinator.locator("#request-due-on")).not_to_contain_text("暂定")
        audit_log = coordinator.locator(".audit-log")
        expect(audit_log).to_contain_text("disclosure_requests.request.deadline_recomputed")
        expect(audit_log).to_contain_text(f"'old': '{PROVISIONAL_DUE}'")
        expect(audit_log).to_contain_text(f"'new': '{DUE}'")

        # 4. The handler sees the change on the dashboard and has a mail about it.
        handler_page = new_page()
        sign_in(handler_page, base, "chengban")
        changes = handler_page.locator("#calendar-recomputed")
        expect(changes).to_contain_text(tracking_number)
        expect(changes).to_contain_text(re.compile(rf"{PROVISIONAL_DUE}\s*{DUE}"))
        handler_mails = [message for message in mail.outbox if message.to == [handler.email]]
        assert len(handler_mails) == 1
        assert f"{PROVISIONAL_DUE} → {DUE}" in handler_mails[0].body
