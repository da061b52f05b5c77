from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_chinese_is_the_default(client):
    html = client.get(reverse("portal:home")).content.decode()

    assert '<html lang="zh-Hans">' in html
    assert ">政府信息公开目录</a>" in html


def test_english_switch_translates_the_navigation(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    html = client.get(reverse("portal:home")).content.decode()

    assert '<html lang="en">' in html
    assert ">Home</a>" in html
    assert "Disclosure Catalogue" in html
    assert ">首页</a>" not in html


def test_language_switch_sets_the_language(client):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("portal:search")}
    )

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
