"""Public working-day calendar and deadline calculator pages."""

from __future__ import annotations

import re

import pytest
import time_machine
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    # Collapse markup so assertions read like what a visitor sees.
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_year_page_shows_twelve_accessible_month_grids(client):
    response = client.get(reverse("portal:calendar_year", args=[2026]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<table class="calendar-month">') == 12
    assert html.count("<caption>") >= 12
    assert '<th scope="col"><abbr title="星期一">一</abbr></th>' in html
    text = _text(response)
    assert "2026年共有248个工作日" in text
    assert "春节" in text and "2月15日至2月23日" in text
    assert "2月14日（星期六）、2月28日（星期六）" in text
    # Holidays and make-up days are marked in words, not only by colour.
    assert "春节，休息" in text
    assert "春节调休上班" in text
    # February: 20 weekdays − 6 weekday holidays + 2 make-up Saturdays.
    assert "2月（16个工作日）" in text


def test_calendar_root_shows_the_current_year(client):
    with time_machine.travel("2025-06-01 10:00 +0800", tick=False):
        response = client.get(reverse("portal:calendar_year"))
    assert response.status_code == 200
    assert "2025年工作日历" in _text(response)


def test_unknown_year_page_asks_for_the_calendar(client):
    response = client.get(reverse("portal:calendar_year", args=[2027]))
    assert response.status_code == 404
    text = _text(response)
    assert "2027年的节假日安排尚未录入" in text
    assert reverse("portal:calendar_year", args=[2026]) in response.content.decode()


def test_deadline_form_defaults_to_twenty_days(client):
    response = client.get(reverse("portal:deadline_calculator"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="days" value="20"' in html
    assert '<label for="id_start">' in html
    assert "第三十三条" in _text(response)


def test_deadline_lists_every_skipped_day(client):
    response = client.get(
        reverse("portal:deadline_calculator"), {"start": "2026-03-07", "days": "20"}
    )
    assert response.status_code == 200
    text = _text(response)
    assert "期限届满日为 2026年4月3日（星期五）" in text
    assert "跳过的非工作日（7天）" in text
    assert "2026年3月8日 星期日 周末" in text
    assert "2026年3月28日 星期六 周末" in text


def test_deadline_across_spring_festival_names_holidays_and_make_up_days(client):
    response = client.get(
        reverse("portal:deadline_calculator"), {"start": "2026-02-06", "days": "10"}
    )
    text = _text(response)
    assert "期限届满日为 2026年2月27日（星期五）" in text
    assert "2026年2月16日 星期一 法定节假日：春节" in text
    assert "以下调休上班日计为工作日： 2026年2月14日（星期六）" in text


def test_deadline_in_an_unknown_year_shows_the_message_not_an_error_page(client):
    response = client.get(
        reverse("portal:deadline_calculator"), {"start": "2026-12-20", "days": "20"}
    )
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "2027年的节假日安排尚未录入，请先在“工作日历”中录入国务院办公厅通知。" in _text(response)
    assert "期限届满日为" not in _text(response)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2026-02-30", "days": "20"}, "输入一个有效的日期"),
        ({"start": "2026-03-07", "days": "-1"}, "大于或等于0"),
        ({"start": "2026-03-07", "days": "abc"}, "输入整数"),
    ],
)
def test_bad_input_is_reported_on_the_form(client, params, message):
    response = client.get(reverse("portal:deadline_calculator"), params)
    assert response.status_code == 200
    assert message in _text(response)
    assert "期限届满日为" not in _text(response)


def test_chinese_date_input_is_accepted(client):
    response = client.get(
        reverse("portal:deadline_calculator"), {"start": "2023年9月28日", "days": "2"}
    )
    assert "期限届满日为 2023年10月8日（星期日）" in _text(response)
