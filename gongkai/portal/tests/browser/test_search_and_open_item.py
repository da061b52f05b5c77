"""A member of the public searches the portal in a real browser and opens an item.

Drives Debian's Chromium (/usr/bin/chromium) through Playwright; never a downloaded browser.
CI installs it (`apt-get install chromium chromium-driver fonts-noto-cjk`), so a missing
browser is a failure, not a skip.
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest

from gongkai.catalogue.tests.factories import InformationItemFactory
from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.search.engine import get_backend

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# body are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_two_characters_and_open_the_item(live_server: Any, page: Any) -> None:
    from playwright.sync_api import expect

    organisation = OrganisationFactory(name="广州市环境保护局")
    wanted = InformationItemFactory(
        published=True,
        organisation=organisation,
        title="关于建设项目环保审批信息公开的通知",
        summary="规范建设项目环境影响评价文件审批信息的公开。",
        body="<p>各区环境保护部门：现将建设项目环保审批信息公开有关事项通知如下。</p>",
        body_text="各区环境保护部门：现将建设项目环保审批信息公开有关事项通知如下。",
    )
    InformationItemFactory(
        published=True,
        organisation=organisation,
        title="关于做好道路运输许可工作的通知",
        summary="道路运输许可的办理要求。",
        body="<p>道路运输许可事项的办理要求。</p>",
        body_text="道路运输许可事项的办理要求。",
    )
    InformationItemFactory(
        organisation=organisation,
        title="环保督察整改情况（草稿，不应出现在检索结果中）",
    )
    get_backend().rebuild()

    page.goto(f"{live_server.url}/")
    search_box = page.get_by_role("main").get_by_role("searchbox")
    search_box.fill("环保")
    search_box.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?(.*&)?q=%E7%8E%AF%E4%BF%9D"))
    results = page.locator("ol.results > li")
    expect(results).to_have_count(1)
    link = results.first.get_by_role("link", name=wanted.title)
    expect(link.locator("mark").first).to_have_text("环保")
    expect(page.get_by_text("草稿，不应出现")).to_have_count(0)

    link.click()

    expect(page).to_have_url(re.compile(rf"/catalogue/items/{wanted.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(wanted.title)
    index_label = page.locator("dt", has_text="索引号")
    expect(index_label).to_be_visible()
    expect(index_label.locator("xpath=following-sibling::dd[1]")).to_have_text(wanted.index_number)
