from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client, override_settings

from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.web_analytics import selectors, services, statistics
from gongkai.web_analytics.models import PageViewDaily

pytestmark = pytest.mark.django_db

MIDDLEWARE_LINE = "gongkai.web_analytics.middleware.PageViewCounterMiddleware"


@pytest.fixture(autouse=True)
def counting(settings):  # type: ignore[no-untyped-def]
    if MIDDLEWARE_LINE not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, MIDDLEWARE_LINE]


def test_counts_by_page_name_not_address_and_stores_nothing_personal() -> None:
    organisation = OrganisationFactory()
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 Firefox/128.0", REMOTE_ADDR="203.0.113.9")
    with time_machine.travel(dt.datetime(2009, 6, 3, 10, tzinfo=dt.UTC)):
        client.get("/")
        client.get("/?q=secret-query")
        response = client.get(f"/organisations/{organisation.pk}/")
    assert response.status_code == 200
    assert not response.cookies or "sessionid" not in response.cookies
    rows = {(row.path, row.organisation_id): row.views for row in PageViewDaily.objects.all()}
    assert rows == {
        ("portal:home", None): 2,
        ("portal:organisation_detail", organisation.pk): 1,
    }
    stored = " ".join(
        str(value) for row in PageViewDaily.objects.values() for value in row.values()
    )
    assert "203.0.113.9" not in stored and "Firefox" not in stored and "secret" not in stored
    assert PageViewDaily.objects.first().date == dt.date(2009, 6, 3)  # type: ignore[union-attr]


def test_bots_staff_api_static_and_errors_are_not_counted() -> None:
    Client(HTTP_USER_AGENT="Mozilla/5.0 (compatible; Baiduspider/2.0)").get("/")
    client = Client()
    client.get("/staff/login/")
    client.get("/api/v1/items/")
    client.get("/static/gongkai/portal.js")
    client.get("/catalogue/items/999999/")  # 404
    client.post("/search/")
    assert PageViewDaily.objects.count() == 0


def test_record_increments_one_counter_per_day() -> None:
    day = dt.date(2009, 6, 3)
    for _ in range(3):
        services.page_view_record(date=day, path="portal:search")
    services.page_view_record(date=day + dt.timedelta(days=1), path="portal:search", views=5)
    assert list(PageViewDaily.objects.order_by("date").values_list("views", flat=True)) == [3, 5]


def test_daily_monthly_and_year_figures() -> None:
    organisation = OrganisationFactory()
    other = OrganisationFactory()
    services.page_view_record(
        date=dt.date(2009, 1, 31),
        path="portal:organisation_detail",
        organisation_id=organisation.pk,
        views=4,
    )
    services.page_view_record(
        date=dt.date(2009, 2, 1),
        path="portal:organisation_detail",
        organisation_id=organisation.pk,
        views=6,
    )
    services.page_view_record(
        date=dt.date(2009, 2, 1),
        path="portal:organisation_detail",
        organisation_id=other.pk,
        views=100,
    )
    services.page_view_record(date=dt.date(2010, 1, 1), path="portal:home", views=9)
    monthly = selectors.page_views_monthly(
        date_from=dt.date(2009, 1, 1), date_to=dt.date(2009, 12, 31)
    )
    assert [(row["month"], row["views"]) for row in monthly] == [
        (dt.date(2009, 1, 1), 4),
        (dt.date(2009, 2, 1), 106),
    ]
    daily = selectors.page_views_daily(date_from=dt.date(2009, 2, 1), date_to=dt.date(2009, 2, 1))
    assert daily == [{"date": dt.date(2009, 2, 1), "views": 106}]
    assert statistics.year_statistics(organisation_ids=[organisation.pk], year=2009) == {
        "web.page_views": 10
    }


@override_settings(MIDDLEWARE=[MIDDLEWARE_LINE])
def test_a_failing_counter_never_costs_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.db import DatabaseError

    def broken(**kwargs: object) -> None:
        raise DatabaseError("disk full")

    monkeypatch.setattr(services, "page_view_record", broken)
    assert Client().get("/").status_code == 200
