from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.consultations.models import ConsultationTally
from gongkai.consultations.tests.factories import ConsultationTallyFactory, FaqEntryFactory
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(name="测试市政务管理办公室")


@pytest.fixture
def handler_client(organisation):
    client = APIClient()
    client.force_authenticate(staff_with_role(Role.HANDLER, organisation))
    return client


@pytest.mark.parametrize(
    ("count", "message"),
    [
        (-3, "人次不能为负数（填写的是 -3）。"),
        (0, "人次须大于零；当天没有该方式的咨询时不必登记。"),
    ],
)
def test_a_tally_with_a_negative_or_zero_count_answers_400_and_writes_nothing(
    organisation, handler_client, count, message
):
    response = handler_client.post(
        reverse("api:staff_consultation_tally_list"),
        {"organisation": organisation.pk, "date": "2025-03-03", "channel": "phone", "count": count},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"message": message}
    assert not ConsultationTally.objects.exists()


def test_yearly_figures_add_tallies_and_records(organisation, handler_client):
    ConsultationTallyFactory(organisation=organisation, count=20)
    response = handler_client.post(
        reverse("api:staff_consultation_list"),
        {"organisation": organisation.pk, "channel": "phone", "question": "问办事指南",
         "occurred_at": "2025-03-03T10:00:00+08:00"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201
    figures = handler_client.get(
        reverse("api:staff_consultation_statistics"), {"year": 2025}
    ).json()
    assert figures["consultations.phone"] == 21
    assert figures["consultations.total"] == 21
    assert figures["consultations.by_topic.none"] == 21


def test_the_public_faq_search(organisation):
    FaqEntryFactory(organisation=organisation, question="便民服务卡在哪里领取？")
    client = APIClient()
    found = client.get(reverse("api:faq_list"), {"q": "便民 服务卡"}).json()
    assert [row["question"] for row in found["results"]] == ["便民服务卡在哪里领取？"]
    assert client.get(reverse("api:faq_list"), {"q": "年报"}).json()["count"] == 0


def test_the_schema_documents_the_consultation_endpoints():
    schema = APIClient().get(reverse("api:schema"), {"format": "json"}).json()
    assert "/api/v1/staff/consultation-tallies/" in schema["paths"]
    assert "/api/v1/faq/" in schema["paths"]


def test_the_answering_department_is_set_and_checked(organisation, handler_client):
    department = OrganisationFactory(name="测试市政务管理办公室政务服务处", parent=organisation)
    elsewhere = OrganisationFactory(name="测试市交通委员会")
    record = {"organisation": organisation.pk, "channel": "on_site", "question": "问材料",
              "occurred_at": "2025-03-03T10:00:00+08:00"}  # fmt: skip
    response = handler_client.post(
        reverse("api:staff_consultation_list"),
        {**record, "department": elsewhere.pk},
        format="json",
    )
    assert response.status_code == 400
    assert "department" in response.json()["errors"]
    response = handler_client.post(
        reverse("api:staff_consultation_list"),
        {**record, "department": department.pk},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["department"] == department.pk
    detail = reverse("api:staff_consultation_detail", args=[response.json()["id"]])
    response = handler_client.patch(detail, {"department": None}, format="json")
    assert response.status_code == 200
    assert response.json()["department"] is None
