"""Calendar API: a year's holidays and the deadline calculation, errors as JSON."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at

pytestmark = pytest.mark.django_db

OUT_OF_RANGE_2101 = "2101年不在可计算工作日的范围内（2000年至2100年）。"
# 2026 is the last year entered; 2027 is counted provisionally.
frozen_clock = frozen_clock_at(dt.datetime(2026, 12, 6, 10, tzinfo=SHANGHAI))


def test_days_of_a_year(client):
    response = client.get(reverse("api:calendar_days"), {"year": 2026})
    assert response.status_code == 200
    body = response.json()
    assert body["year"] == 2026
    assert body["source"] == "package"
    days = {d["date"]: d for d in body["days"]}
    assert days["2026-02-14"] == {"date": "2026-02-14", "kind": "makeup_workday", "name": "春节"}
    assert days["2026-10-01"]["kind"] == "holiday"
    assert sum(d["kind"] == "makeup_workday" for d in body["days"]) == 6


def test_days_of_an_entered_year_are_not_provisional(client):
    body = client.get(reverse("api:calendar_days"), {"year": 2026}).json()
    assert (body["provisional"], body["provisional_years"], body["provisional_note"]) == (
        False,
        [],
        "",
    )


def test_days_of_a_year_not_entered_are_the_provisional_calendar(client):
    response = client.get(reverse("api:calendar_days"), {"year": 2027})
    assert response.status_code == 200
    body = response.json()
    assert body["source"] == "provisional"
    assert body["updated_at"] is None
    assert body["provisional"] is True
    assert body["provisional_years"] == [2027]
    assert body["provisional_note"].startswith("暂定：2027年的放假安排尚未公布")
    days = {d["date"]: d for d in body["days"]}
    assert days["2027-01-01"] == {"date": "2027-01-01", "kind": "holiday", "name": "元旦"}
    assert days["2027-10-01"]["kind"] == "holiday"
    # 春节 2027: 2月5日 (除夕) to 2月8日 under the 2025 revision; the weekends near it may be
    # make-up workdays, and are listed as such, never as certain ones.
    assert [d for d in days if days[d]["name"] == "春节" and days[d]["kind"] == "holiday"] == [
        "2027-02-05",
        "2027-02-06",
        "2027-02-07",
        "2027-02-08",
    ]
    assert days["2027-01-30"]["kind"] == "possible_makeup_workday"
    assert "春节" in days["2027-01-30"]["name"]
    assert not any(d["kind"] == "makeup_workday" for d in body["days"])


@pytest.mark.parametrize("year", [1999, 2101])
def test_days_of_a_year_outside_every_calendar_is_a_400_with_a_message(client, year):
    response = client.get(reverse("api:calendar_days"), {"year": year})
    assert response.status_code == 400
    assert response.json() == {
        "message": f"{year}年不在可计算工作日的范围内（2000年至2100年）。",
        "year": year,
    }


@pytest.mark.parametrize("params", [{}, {"year": "abc"}, {"year": "99999"}])
def test_days_with_bad_year_parameter(client, params):
    response = client.get(reverse("api:calendar_days"), params)
    assert response.status_code == 400
    assert response.json()["message"].startswith("查询参数有误：year：")


def test_working_days_returns_due_date_and_skipped_days(client):
    response = client.get(reverse("api:calendar_working_days"), {"start": "2023-09-28", "days": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["due"] == "2023-10-09"
    assert body["makeup_workdays"] == ["2023-10-07", "2023-10-08"]
    assert [s["date"] for s in body["skipped"]][:2] == ["2023-09-29", "2023-09-30"]
    assert {s["reason"] for s in body["skipped"]} == {"holiday"}
    assert len(body["skipped"]) == 8
    assert "第三十三条" in body["rule"]


def test_working_days_default_to_twenty(client):
    response = client.get(reverse("api:calendar_working_days"), {"start": "2026-03-07"})
    assert response.json()["days"] == 20
    assert response.json()["due"] == "2026-04-03"


def test_working_days_into_a_year_not_entered_are_provisional(client):
    response = client.get(reverse("api:calendar_working_days"), {"start": "2026-12-20", "days": 20})
    assert response.status_code == 200
    body = response.json()
    assert body["provisional"] is True
    assert body["provisional_years"] == [2027]
    assert "2027年的放假安排尚未公布" in body["provisional_note"]
    # 12/21–31 (9), 元旦 off, then the possible make-up weekends count: 1/2–3, 1/9–10.
    assert body["due"] == "2027-01-12"
    assert body["makeup_workdays"] == ["2027-01-02", "2027-01-03", "2027-01-09", "2027-01-10"]


def test_working_days_within_entered_years_are_not_provisional(client):
    body = client.get(reverse("api:calendar_working_days"), {"start": "2026-03-07"}).json()
    assert (body["provisional"], body["provisional_years"], body["provisional_note"]) == (
        False,
        [],
        "",
    )


def test_working_days_past_2100_is_a_400(client):
    response = client.get(reverse("api:calendar_working_days"), {"start": "2100-12-20", "days": 20})
    assert response.status_code == 400
    assert response.json()["message"] == OUT_OF_RANGE_2101


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "start"),
        ({"start": "2026-13-01"}, "start"),
        ({"start": "2026-03-07", "days": -2}, "days"),
    ],
)
def test_working_days_with_bad_parameters(client, params, field):
    response = client.get(reverse("api:calendar_working_days"), params)
    assert response.status_code == 400
    body = response.json()
    assert body["message"].startswith(f"查询参数有误：{field}：")
    assert field in body["errors"]


def test_calendar_endpoints_are_in_the_schema(client):
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/calendar/days/" in paths
    parameters = {p["name"] for p in paths["/api/v1/calendar/working-days/"]["get"]["parameters"]}
    assert parameters == {"start", "days"}
