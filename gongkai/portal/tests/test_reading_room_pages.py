from __future__ import annotations

import re

import pytest
from django.test import Client

from gongkai.reading_room.tests.factories import CurrentDocumentFactory, ExternalDatabaseFactory

pytestmark = pytest.mark.django_db


def test_library_search_list_and_detail(client: Client) -> None:
    wanted = CurrentDocumentFactory(
        title="关于进一步加强政务公开工作的意见", document_number="穗府〔2009〕5号"
    )
    CurrentDocumentFactory(title="关于做好防汛工作的通知")
    response = client.get("/library/", {"q": "政务公开"})
    assert response.status_code == 200
    content = response.content.decode()
    assert str(wanted.title) in content and "防汛" not in content
    detail = client.get(f"/library/{wanted.pk}/")
    assert detail.status_code == 200 and "穗府〔2009〕5号" in detail.content.decode()
    assert client.get("/library/999999/").status_code == 404


def test_library_bad_year_is_a_message_not_an_error(client: Client) -> None:
    CurrentDocumentFactory()
    response = client.get("/library/", {"year": "1800"})
    assert response.status_code == 200
    assert "查询条件有误" in response.content.decode()


def test_database_directory_groups_by_department(client: Client) -> None:
    ExternalDatabaseFactory(department="广州市统计局", name="统计年鉴数据库")
    ExternalDatabaseFactory(department="广州市工商行政管理局", name="企业登记信息查询库")
    content = client.get("/library/databases/").content.decode()
    assert "2 个部门的 2 个" in content
    assert "统计年鉴数据库" in content and "企业登记信息查询库" in content


@pytest.mark.parametrize(
    "url",
    ["/kiosk/", "/kiosk/catalogue/", "/kiosk/search/?q=公开", "/kiosk/library/", "/kiosk/guides/"],
)
def test_kiosk_pages_never_link_out_of_the_kiosk(client: Client, url: str) -> None:
    CurrentDocumentFactory()
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    hrefs = re.findall(r'href="([^"]+)"', content)
    assert hrefs, "a kiosk page offers on-screen navigation"
    for href in hrefs:
        if href.startswith("/static/"):
            continue
        assert href.startswith(("/kiosk/", "?")), href
    assert 'data-idle-seconds="' in content
    assert "工作人员登录" not in content


def test_kiosk_document_detail(client: Client) -> None:
    document = CurrentDocumentFactory(body_text="第一条 为了规范管理。")
    response = client.get(f"/kiosk/library/{document.pk}/")
    assert response.status_code == 200
    assert "第一条 为了规范管理。" in response.content.decode()
    assert client.get("/kiosk/library/999999/").status_code == 404
    assert client.get("/kiosk/guides/999999/").status_code == 404
