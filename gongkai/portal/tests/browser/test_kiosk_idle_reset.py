"""A self-service terminal in kiosk mode returns to its home screen when left alone.

Drives Debian's Chromium (/usr/bin/chromium) through Playwright, like the other browser tests.
"""

from __future__ import annotations

import os
import time
from typing import Any

import pytest

from gongkai.reading_room.tests.factories import CurrentDocumentFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

IDLE_SECONDS = 2

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(new_page: Any) -> Any:
    return new_page(has_touch=True)


def test_idle_terminal_returns_to_the_kiosk_home(
    live_server: Any,
    page: Any,
    settings: Any,  # type: ignore[no-untyped-def]
) -> None:
    from playwright.sync_api import expect

    settings.GONGKAI_KIOSK_IDLE_SECONDS = IDLE_SECONDS
    document = CurrentDocumentFactory(title="关于规范政务服务中心窗口服务的通知")

    page.goto(f"{live_server.url}/kiosk/")
    expect(page.get_by_role("heading", name="政务资讯自助查询")).to_be_visible()
    page.get_by_role("link", name="现行文件查询").click()
    page.get_by_label("关键词").fill("窗口服务")
    page.get_by_role("button", name="查询").click()
    page.get_by_role("link", name=document.title).click()
    expect(page).to_have_url(f"{live_server.url}/kiosk/library/{document.pk}/")

    # Touches keep the page: shortly before the timeout, a tap restarts the count.
    time.sleep(IDLE_SECONDS * 0.6)
    page.mouse.click(5, 300)
    time.sleep(IDLE_SECONDS * 0.6)
    expect(page).to_have_url(f"{live_server.url}/kiosk/library/{document.pk}/")

    # Left alone, the terminal goes back to the kiosk home for the next visitor.
    expect(page).to_have_url(f"{live_server.url}/kiosk/", timeout=IDLE_SECONDS * 1000 + 5000)
    expect(page.get_by_role("heading", name="政务资讯自助查询")).to_be_visible()


def test_links_out_of_the_kiosk_do_nothing(live_server: Any, page: Any) -> None:
    page.goto(f"{live_server.url}/kiosk/")
    page.evaluate(
        "() => { const a = document.createElement('a'); a.href = 'https://example.org/';"
        " a.textContent = '外部'; a.id = 'out'; document.querySelector('main').append(a); }"
    )
    page.click("#out")
    page.wait_for_timeout(300)
    assert page.url == f"{live_server.url}/kiosk/"
