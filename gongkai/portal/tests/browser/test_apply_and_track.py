"""An applicant applies on the portal, the organisation handles the application in the back
office, and the applicant tracks it, all in a real browser.

Same Chromium as test_search_and_open_item (Debian's /usr/bin/chromium through Playwright).
The clock is pinned to a working Monday inside the seeded calendar, so every date the pages
default to (today) is one the ledger can count from.
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
import time_machine

from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.disclosure_requests.tests.factories import valid_id_number
from gongkai.organisations.models import Organisation, Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.portal.tests.browser.staff import sign_in

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Monday 2025-03-03, 09:00 in Beijing; time moves on from there.
START = "2025-03-03 09:00:00+08:00"


def _step(page: Any, name: str, fields: dict[str, str] | None = None) -> None:
    """Fill the step's form on the application page and submit it; expect the success note."""
    form = page.locator(f"#step-{name}")
    for label, value in (fields or {}).items():
        field = form.get_by_label(label)
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    form.get_by_role("button").click()
    page.wait_for_load_state()
    from playwright.sync_api import expect

    expect(page.locator(".message-error")).to_have_count(0)
    expect(page.locator(".message-success")).to_have_count(1)


@pytest.mark.slow(
    reason="a whole application through a browser, as three people: apply, confirm, assign, "
    "answer, letter, delivery and public tracking"
)
def test_apply_handle_and_track(live_server: Any, new_page: Any) -> None:
    from playwright.sync_api import expect

    with time_machine.travel(START, tick=True):
        parent = OrganisationFactory(name="示范市人民政府", kind=Organisation.Kind.GOVERNMENT)
        organisation = OrganisationFactory(name="示范市生态环境局", parent=parent)
        staff_with_role(Role.COORDINATOR, organisation, username="gkb", full_name="公开办小林")
        handler = staff_with_role(
            Role.HANDLER, organisation, username="chengban", full_name="承办人小王"
        )
        staff_with_role(Role.APPROVER, organisation, username="fuzeren", full_name="负责人老张")
        base = live_server.url

        # 1. The applicant applies on the portal.
        applicant = new_page()
        applicant.goto(f"{base}/")
        applicant.get_by_role("navigation", name="主导航").get_by_role(
            "link", name="依申请公开"
        ).click()
        expect(applicant.get_by_role("heading", level=1)).to_have_text("申请政府信息公开")
        applicant.get_by_role("combobox", name="受理机关").select_option(label=organisation.name)
        applicant.get_by_label("申请人类型").select_option("natural_person")
        applicant.get_by_label("申请人姓名或名称").fill("陈小明")
        applicant.get_by_label("身份证件类型").select_option("resident_id")
        applicant.get_by_label("身份证件号码").fill(valid_id_number(21))
        applicant.get_by_label("联系电话").fill("13800138000")
        applicant.get_by_label("电子邮箱").fill("chen@example.com")
        applicant.get_by_label("通信地址").fill("示范市中山路1号")
        applicant.get_by_label("所需政府信息的名称").fill("示范化工园区环评批复")
        applicant.get_by_label("所需信息的内容描述").fill("2024年园区扩建项目的环评批复全文")
        applicant.get_by_label("电子", exact=True).check()
        applicant.get_by_label("电子邮件", exact=True).check()
        applicant.get_by_role("button", name="提交申请").click()

        expect(applicant.get_by_role("heading", level=1)).to_have_text("申请回执")
        tracking_number = applicant.locator(".tracking-number").inner_text().strip()
        access_code = applicant.locator(".access-code").inner_text().strip()
        assert re.fullmatch(r"[0-9A-Z]+-2025-\d{5}", tracking_number)
        assert len(access_code) == 8
        with applicant.expect_download() as download_info:
            applicant.get_by_role("link", name=re.compile("下载回执")).click()
        assert download_info.value.suggested_filename.endswith(".pdf")
        disclosure_request = DisclosureRequest.objects.get(tracking_number=tracking_number)
        detail_url = f"{base}/staff/requests/{disclosure_request.pk}/"

        # 2. The 公开办 confirms receipt and assigns a handler.
        coordinator = new_page()
        sign_in(coordinator, base, "gkb")
        coordinator.get_by_role("link", name="依申请公开").first.click()
        coordinator.get_by_role("link", name="待确认的网上申请").click()
        coordinator.get_by_role("link", name=tracking_number).click()
        expect(coordinator.locator("#request-status")).to_have_text("待确认")
        _step(coordinator, "confirm")
        expect(coordinator.locator("#request-status")).to_have_text("办理中")
        _step(coordinator, "assign", {"承办人": str(handler.pk)})
        expect(coordinator.locator("#request-handler")).to_have_text("承办人小王")

        # 3. The handler asks for a correction once and records the corrected application.
        handler_page = new_page()
        sign_in(handler_page, base, "chengban")
        handler_page.goto(detail_url)
        _step(
            handler_page,
            "correction_request",
            {"需要补正的事项": "请写明所需批复的文号或作出日期", "补正期限": "2025-03-17"},
        )
        expect(handler_page.locator("#request-status")).to_have_text("待补正")
        _step(handler_page, "correction_receive")
        expect(handler_page.locator("#request-status")).to_have_text("办理中")

        # 4. The approver extends the time limit.
        approver = new_page()
        sign_in(approver, base, "fuzeren")
        approver.goto(detail_url)
        due_before = approver.locator("#request-due-on").inner_text()
        _step(approver, "extend", {"延长工作日数": "20", "延期理由": "需调取园区历史档案"})
        due_after = approver.locator("#request-due-on").inner_text()
        assert due_after > due_before
        expect(approver.locator("#ledger")).to_contain_text("批准延期")
        expect(approver.locator("#deadline")).to_contain_text("延长")

        # 5. The handler drafts the answer; the approver approves it.
        handler_page.goto(detail_url)
        _step(
            handler_page,
            "decision_draft",
            {
                "处理结果": "disclose",
                "法律依据": "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
            },
        )
        expect(handler_page.locator("#request-status")).to_have_text("待审批")
        approver.goto(detail_url)
        _step(approver, "decision_approve")
        expect(approver.locator("#request-status")).to_have_text("已答复待送达")

        # 6. The handler generates the letter and records its delivery.
        handler_page.goto(detail_url)
        _step(handler_page, "letter_generate", {"文书类型": "decision"})
        letters = handler_page.locator("#letters table")
        expect(letters).to_contain_text("政府信息公开申请答复书")
        with handler_page.expect_download() as letter_download:
            letters.get_by_role("link", name="DOCX").first.click()
        assert letter_download.value.suggested_filename.endswith(".docx")
        _step(handler_page, "delivery", {"送达凭证": "电子邮件已发送至申请人邮箱"})
        expect(handler_page.locator("#request-status")).to_have_text("已办结")

        # 7. The applicant tracks the application and opens the answer.
        tracker = new_page()
        tracker.goto(f"{base}/track/")
        tracker.get_by_role("textbox", name="申请编号").fill(tracking_number)
        tracker.locator("input[name=access_code]").fill("WRONG000")
        tracker.get_by_role("button", name="查询").click()
        expect(tracker.get_by_role("alert")).to_contain_text("申请编号或查询码不正确")
        tracker.locator("input[name=access_code]").fill(access_code)
        tracker.get_by_role("button", name="查询").click()
        expect(tracker.locator(".track-status")).to_have_text("已办结")
        expect(tracker.locator(".track-due")).not_to_have_text("—")
        expect(tracker.locator(".track-letters")).to_contain_text("政府信息公开申请答复书")
        expect(tracker.locator(".track-deliveries")).to_contain_text("电子邮件")
        expect(tracker.get_by_text(valid_id_number(21))).to_have_count(0)
        with tracker.expect_download() as answer:
            tracker.locator(".track-letters").get_by_role("link", name="PDF").first.click()
        assert answer.value.suggested_filename.endswith(".pdf")
