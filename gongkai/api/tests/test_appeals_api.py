"""The review and litigation API: register, refuse bad input, decide, table 四 figures."""

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from gongkai.appeals.models import AppealCase, CaseKind
from gongkai.appeals.tests.factories import AppealCaseFactory
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.disclosure_requests.tests.factories import DisclosureRequestFactory
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db

# After every date the tests enter.
frozen_clock = frozen_clock_at(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI))


@pytest.fixture
def organisation():
    return OrganisationFactory(name="测试市甲局")


@pytest.fixture
def api(organisation) -> APIClient:
    user = staff_with_role(Role.COORDINATOR, organisation, username="coord")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_register_linked_to_an_application_then_decide(organisation, api) -> None:
    disclosure_request = DisclosureRequestFactory(
        organisation=organisation, received_on=dt.date(2025, 1, 6)
    )
    response = api.post(
        reverse("api:staff_appeal_list"),
        {
            "organisation": organisation.pk,
            "kind": CaseKind.ADMINISTRATIVE_REVIEW,
            "handling_body": "测试市人民政府",
            "filed_on": "2025-03-03",
            "accepted_on": "2025-03-05",
            "disclosure_request": disclosure_request.pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["result_label"] == "尚未审结" and body["decision_due_on"] == "2025-05-06"
    assert body["disclosure_request_tracking_number"] == disclosure_request.tracking_number
    decided = api.post(
        reverse("api:staff_appeal_decision", args=[body["id"]]),
        {"decided_on": "2025-04-28", "result": "upheld"},
        format="json",
    )
    assert decided.status_code == 200 and decided.json()["result_label"] == "结果维持"
    again = api.post(
        reverse("api:staff_appeal_decision", args=[body["id"]]),
        {"decided_on": "2025-04-29", "result": "other"},
        format="json",
    )
    assert again.status_code == 400 and "不能重复记录结果" in again.json()["message"]


@pytest.mark.parametrize(
    ("changes", "status", "text"),
    [
        ({"kind": "appeal"}, 400, ""),
        ({"filed_on": "2025-02-30"}, 400, ""),
        ({"accepted_on": "2025-03-01"}, 400, "不能早于提出日期"),
        ({"disclosure_request": 999999}, 400, "没有找到该申请"),
    ],
)
def test_bad_input_is_a_json_message_and_nothing_changes(
    organisation, api, changes, status, text
) -> None:
    data = {
        "organisation": organisation.pk,
        "kind": CaseKind.LITIGATION_DIRECT,
        "handling_body": "测试市中级人民法院",
        "filed_on": "2025-03-03",
        **changes,
    }
    response = api.post(reverse("api:staff_appeal_list"), data, format="json")
    assert response.status_code == status
    assert response.json()["message"]
    assert text in str(response.json())
    assert not AppealCase.objects.exists()


def test_statistics_endpoint(organisation, api) -> None:
    AppealCaseFactory(organisation=organisation, filed_on=dt.date(2024, 11, 4), decided=True)
    AppealCaseFactory(
        organisation=organisation,
        kind=CaseKind.LITIGATION_AFTER_REVIEW,
        filed_on=dt.date(2024, 6, 3),
    )
    response = api.get(
        reverse("api:staff_appeal_statistics"), {"year": 2024, "organisation": organisation.pk}
    )
    assert response.status_code == 200
    body = response.json()
    # 4 November + 50 days = 24 December 2024: decided within the year, 维持.
    assert body["table_four"] == [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
    assert body["figures"]["appeals.complaints"] == 0
    missing_year = api.get(
        reverse("api:staff_appeal_statistics"), {"organisation": organisation.pk}
    )
    assert missing_year.status_code == 400
