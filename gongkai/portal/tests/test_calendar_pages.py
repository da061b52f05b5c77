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


def test_a_year_not_entered_shows_the_provisional_calendar(client):
    response = client.get(reverse("portal:calendar_year", args=[2027]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<table class="calendar-month">') == 12
    text = _text(response)
    assert "2027年工作日历 暂定" in text
    assert "暂定：2027年的放假安排尚未公布" in text
    # Statutory holidays, and the weekends near them marked as possible make-up days only.
    assert "春节" in text and "2月5日至2月8日" in text
    assert "可能调休上班的周末" in text
    assert "1月30日（星期六）" in text
    assert "可能调休上班（春节前后）" in text
    assert "day-possible_makeup_workday" in html
    assert "春节调休上班" not in text  # nothing is claimed as a certain make-up day
    assert reverse("portal:calendar_year", args=[2026]) in html


def test_the_entered_year_links_to_the_provisional_next_year(client):
    response = client.get(reverse("portal:calendar_year", args=[2026]))
    assert reverse("portal:calendar_year", args=[2027]) in response.content.decode()
    assert "暂定" not in _text(response)


@pytest.mark.parametrize("year", [1999, 2101])
def test_a_year_outside_every_calendar_is_a_message(client, year):
    response = client.get(reverse("portal:calendar_year", args=[year]))
    assert response.status_code == 404
    assert f"{year}年不在可计算工作日的范围内（2000年至2100年）" in _text(response)
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


def test_deadline_in_a_year_not_entered_is_provisional_with_a_plain_note(client):
    response = client.get(
        reverse("portal:deadline_calculator"), {"start": "2026-12-20", "days": "20"}
    )
    assert response.status_code == 200
    text = _text(response)
    assert "期限届满日为 2027年1月12日（星期二） 。 暂定" in text
    assert "暂定：2027年的放假安排尚未公布" in text
    assert "以下周末在放假安排公布后可能调休上班，暂计为工作日： 2027年1月2日（星期六）" in text
    assert "以下调休上班日计为工作日" not in text
    # A citizen is told why; never to do what only staff can.
    assert "录入" not in text
    assert 'role="alert"' not in response.content.decode()


def test_deadline_past_2100_shows_the_message_not_an_error_page(client):
    response = client.get(
        reverse("portal:deadline_calculator"), {"start": "2100-12-20", "days": "20"}
    )
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "2101年不在可计算工作日的范围内（2000年至2100年）。" in _text(response)
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
