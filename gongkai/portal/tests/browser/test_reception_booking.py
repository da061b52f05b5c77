"""A citizen books a reception slot on the portal; staff see the booking in the back office.

Same Chromium as test_search_and_open_item (Debian's /usr/bin/chromium through Playwright).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from typing import Any

import pytest

from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.portal.tests.browser.staff import PASSWORD
from gongkai.reception.models import ReceptionBooking
from gongkai.reception.tests.factories import ReceptionScheduleFactory, ReceptionSlotFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_book_a_slot_and_see_it_in_the_back_office(live_server: Any, new_page: Any) -> None:
    from playwright.sync_api import expect

    centre = OrganisationFactory(name="示范市政务服务中心")
    staff_with_role(Role.HANDLER, centre, username="jiefang", full_name="接访专员")
    schedule = ReceptionScheduleFactory(
        organisation=centre,
        stationed_department_name="示范市环保局",
        receiver_name="吴静",
        receiver_title="环评处处长",
    )
    slot = ReceptionSlotFactory(
        schedule=schedule, date=dt.date.today() + dt.timedelta(days=3), capacity=2
    )
    base = live_server.url

    # 1. The citizen finds the slot from the portal's menu and books it.
    citizen = new_page()
    citizen.goto(f"{base}/")
    citizen.get_by_role("navigation", name="主导航").get_by_role("link", name="接访预约").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text("审批处长接访预约")
    row = citizen.locator("table.reception-slots tbody tr", has_text="示范市环保局")
    expect(row.locator(".slot-remaining")).to_have_text("2 / 2")
    row.get_by_role("link", name=re.compile("预约 示范市环保局")).click()
    citizen.get_by_label("姓名").fill("陈小明")
    citizen.get_by_label("联系电话").fill("13800138000")
    citizen.get_by_label("电子邮箱").fill("chen@example.com")
    citizen.get_by_label("单位").fill("示范化工有限公司")
    citizen.get_by_label("咨询问题").fill("扩建项目环评报告书需要哪些附件？")
    citizen.get_by_role("button", name="提交预约").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text("接访预约成功")
    reference = citizen.locator(".booking-reference").inner_text()
    booking = ReceptionBooking.objects.get()
    assert reference == booking.reference and booking.slot_id == slot.pk

    # A wrong phone number is refused next to the field, and nothing is booked.
    citizen.goto(f"{base}/reception/slots/{slot.pk}/book/")
    citizen.get_by_label("姓名").fill("王")
    citizen.get_by_label("联系电话").fill("12345")
    citizen.get_by_label("咨询问题").fill("问题")
    citizen.get_by_role("button", name="提交预约").click()
    expect(citizen.locator(".field-error").first).to_contain_text("电话号码")
    assert ReceptionBooking.objects.count() == 1

    # 2. Staff sign in and find the booking in the back office.
    staff = new_page()
    staff.goto(f"{base}/staff/login/")
    staff.get_by_label("用户名").fill("jiefang")
    staff.get_by_label("密码").fill(PASSWORD)
    staff.get_by_role("button", name="登录").click()
    staff.wait_for_url(re.compile(r"/staff/$"))
    staff.get_by_role("navigation", name="工作台导航").get_by_role(
        "link", name="审批处长接访"
    ).click()
    staff.get_by_role("link", name="接访预约").click()
    expect(staff.get_by_role("heading", level=1)).to_have_text("接访预约")
    listing = staff.locator("table.bo-register tbody tr", has_text=reference)
    expect(listing).to_contain_text("陈小明")
    expect(listing).to_contain_text("示范化工有限公司")
    listing.get_by_role("link", name="查看").click()
    expect(staff.locator(".booking-row", has_text=reference)).to_contain_text("已预约")
