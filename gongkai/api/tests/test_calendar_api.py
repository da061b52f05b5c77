"""Calendar API: a year's holidays and the deadline calculation, errors as JSON."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at

pytestmark = pytest.mark.django_db

# 2026 is the last year entered; 2027 is counted provisionally.
frozen_clock = frozen_clock_at(dt.datetime(2026, 12, 6, 10, tzinfo=SHANGHAI))

UNKNOWN_2027 = "2027年的节假日安排尚未录入，请先在“工作日历”中录入国务院办公厅通知。"


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


def test_days_of_an_unknown_year_is_a_400_with_a_message(client):
    response = client.get(reverse("api:calendar_days"), {"year": 2027})
    assert response.status_code == 400
    assert response.json() == {"message": UNKNOWN_2027, "year": 2027}


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


def test_working_days_into_an_unknown_year_is_a_400(client):
    response = client.get(reverse("api:calendar_working_days"), {"start": "2026-12-20", "days": 20})
    assert response.status_code == 400
    assert response.json()["message"] == UNKNOWN_2027


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
