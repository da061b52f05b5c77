"""Back-office and API behaviour of the reading-room registers beyond the permission matrices."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from rest_framework.test import APIClient

from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.organisations.models import Organisation, Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.reading_room.models import PeriodicalLoan, VisitorTally
from gongkai.reading_room.tests.factories import (
    PeriodicalFactory,
    PeriodicalLoanFactory,
    VisitingGroupFactory,
)

pytestmark = pytest.mark.django_db

# After every date the tests enter.
frozen_clock = frozen_clock_at(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI))


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory(name="广州市人民政府政务管理办公室")


@pytest.fixture
def handler(organisation: Organisation):  # type: ignore[no-untyped-def]
    return staff_with_role(Role.HANDLER, organisation, username="reading_desk")


def test_lending_a_lent_copy_in_the_back_office_shows_the_reason(organisation, handler) -> None:  # type: ignore[no-untyped-def]
    loan = PeriodicalLoanFactory(periodical__organisation=organisation, reader_name="李静")
    client = Client()
    client.force_login(handler)
    # The form only offers copies on the shelf, so a lent copy is refused as a choice.
    response = client.post(
        "/staff/reading-room/loans/new/",
        {
            "periodical": loan.periodical.pk,
            "reader_name": "王强",
            "reader_card_number": "ZX9",
            "lent_on": "2009-06-03",
        },
    )
    assert response.status_code == 400
    assert PeriodicalLoan.objects.count() == 1


def test_lending_a_lent_copy_through_the_api_is_a_clear_400(organisation, handler) -> None:  # type: ignore[no-untyped-def]
    loan = PeriodicalLoanFactory(periodical__organisation=organisation, reader_name="李静")
    client = APIClient()
    client.force_authenticate(handler)
    response = client.post(
        "/api/v1/staff/reading-room/loans/",
        {
            "periodical": loan.periodical.pk,
            "reader_name": "王强",
            "reader_card_number": "ZX9",
            "lent_on": "2009-06-03",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "尚未归还，不能再次借出" in response.json()["message"]
    assert PeriodicalLoan.objects.count() == 1


def test_negative_visitor_tally_is_refused_everywhere(organisation, handler) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(handler)
    response = client.post(
        "/staff/reading-room/visitors/new/",
        {"organisation": organisation.pk, "date": "2009-06-03", "count": "-5"},
    )
    assert response.status_code == 400
    assert "浏览人次必须是大于0的整数" in response.content.decode()
    api = APIClient()
    api.force_authenticate(handler)
    api_response = api.post(
        "/api/v1/staff/reading-room/visitor-tallies/",
        {"organisation": organisation.pk, "date": "2009-06-03", "count": 0},
        format="json",
    )
    assert api_response.status_code == 400
    assert VisitorTally.objects.count() == 0


def test_lend_and_return_in_the_back_office(organisation, handler) -> None:  # type: ignore[no-untyped-def]
    periodical = PeriodicalFactory(organisation=organisation)
    client = Client()
    client.force_login(handler)
    response = client.post(
        "/staff/reading-room/loans/new/",
        {
            "periodical": periodical.pk,
            "reader_name": "王强",
            "reader_card_number": "ZX9",
            "lent_on": "2009-06-03",
        },
    )
    assert response.status_code == 302
    loan = PeriodicalLoan.objects.get()
    assert loan.due_on == dt.date(2009, 6, 17)
    detail = client.get(f"/staff/reading-room/loans/{loan.pk}/").content.decode()
    assert "reading_room.periodical_loan.lent" in detail
    client.post(f"/staff/reading-room/loans/{loan.pk}/return/", {"returned_on": "2009-06-10"})
    loan.refresh_from_db()
    assert loan.returned_on == dt.date(2009, 6, 10)


def test_list_filters_and_exports(organisation, handler) -> None:  # type: ignore[no-untyped-def]
    VisitingGroupFactory(
        organisation=organisation, group_name="高校师生", visited_on=dt.date(2009, 3, 2)
    )
    VisitingGroupFactory(
        organisation=organisation, group_name="人大代表视察组", visited_on=dt.date(2009, 9, 1)
    )
    VisitingGroupFactory(group_name="别的机构的团体")
    client = Client()
    client.force_login(handler)
    page = client.get("/staff/reading-room/groups/", {"date_from": "2009-06-01"}).content.decode()
    assert "人大代表视察组" in page and "高校师生" not in page and "别的机构" not in page
    csv = client.get("/staff/reading-room/groups/", {"q": "高校", "export": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "参观日期,参观团体,人数,机构"
    assert "高校师生" in text and "人大代表" not in text
    xlsx = client.get("/staff/reading-room/groups/", {"export": "xlsx"})
    assert xlsx.content[:2] == b"PK"


def test_overdue_page_and_page_views_page(organisation, handler) -> None:  # type: ignore[no-untyped-def]
    PeriodicalLoanFactory(
        periodical__organisation=organisation, reader_name="逾期读者", due_on=dt.date(2009, 6, 5)
    )
    client = Client()
    client.force_login(handler)
    assert "逾期读者" in client.get("/staff/reading-room/loans/overdue/").content.decode()
    response = client.get(
        "/staff/page-views/", {"date_from": "2009-01-01", "date_to": "2009-12-31"}
    )
    assert response.status_code == 200
    assert "不设置Cookie" in response.content.decode()


def test_openapi_schema_lists_the_endpoints() -> None:
    response = APIClient().get("/api/v1/schema/")
    assert response.status_code == 200
    body = response.content.decode()
    for path in (
        "/api/v1/library/documents/",
        "/api/v1/staff/reading-room/loans/",
        "/api/v1/staff/page-views/",
    ):
        assert path in body
