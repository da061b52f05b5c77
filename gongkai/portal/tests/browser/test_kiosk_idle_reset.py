"""A self-service terminal in kiosk mode returns to its home screen when left alone.

Drives Debian's Chromium (/usr/bin/chromium) through Playwright, like the other browser tests.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gongkai.reading_room.tests.factories import CurrentDocumentFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
IDLE_SECONDS = 2

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's Chromium.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN", has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


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
