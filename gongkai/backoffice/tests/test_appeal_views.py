"""Back-office pages of 行政复议、行政诉讼和申诉: register, decide, upload, export, table 四."""

import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.appeals.models import AppealCase, AppealDocument, CaseKind
from gongkai.appeals.tests.factories import AppealCaseFactory
from gongkai.core.models import AuditEntry
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db

# After every date the tests enter.
frozen_clock = frozen_clock_at(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI))


@pytest.fixture
def organisation():
    return OrganisationFactory(name="测试市甲局")


@pytest.fixture
def client_for(organisation):
    def make(role: str = Role.COORDINATOR) -> Client:
        client = Client()
        client.force_login(staff_with_role(role, organisation, username=f"u_{role}"))
        return client

    return make


def test_register_then_decide_with_corrective_action(organisation, client_for) -> None:
    client = client_for()
    response = client.post(
        reverse("backoffice:appeal_create"),
        {
            "organisation": organisation.pk,
            "kind": CaseKind.ADMINISTRATIVE_REVIEW,
            "handling_body": "测试市人民政府",
            "case_number": "测府行复〔2025〕3号",
            "filed_on": "2025-03-03",
            "accepted_on": "2025-03-05",
        },
    )
    case = AppealCase.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/appeals/{case.pk}/")
    page = client.get(reverse("backoffice:appeal_detail", args=[case.pk])).content.decode()
    assert "尚未审结" in page and "第六十二条" in page and "2025-05-06" in page
    decision_url = reverse("backoffice:appeal_decision", args=[case.pk])
    refused = client.post(decision_url, {"decided_on": "2025-04-30", "result": "corrected"})
    assert refused.status_code == 400
    assert "纠正措施" in refused.content.decode()
    case.refresh_from_db()
    assert case.is_pending
    accepted = client.post(
        decision_url,
        {"decided_on": "2025-04-30", "result": "corrected", "corrective_action": "重新答复"},
    )
    assert accepted.status_code == 302
    case.refresh_from_db()
    assert case.result == "corrected" and case.decided_on == dt.date(2025, 4, 30)


def test_bad_registration_shows_the_message_and_saves_nothing(organisation, client_for) -> None:
    response = client_for().post(
        reverse("backoffice:appeal_create"),
        {
            "organisation": organisation.pk,
            "kind": CaseKind.LITIGATION_DIRECT,
            "handling_body": "测试市中级人民法院",
            "filed_on": "2025-03-10",
            "accepted_on": "2025-03-01",
        },
    )
    assert response.status_code == 400
    assert "受理/立案日期不能早于提出日期" in response.content.decode()
    assert not AppealCase.objects.exists()


def test_an_executable_document_is_refused(organisation, client_for) -> None:
    case = AppealCaseFactory(organisation=organisation)
    response = client_for().post(
        reverse("backoffice:appeal_document_upload", args=[case.pk]),
        {"title": "起诉状", "file": SimpleUploadedFile("起诉状.pdf", b"\x7fELF" + b"\0" * 32)},
    )
    assert response.status_code == 400
    assert "不允许上传可执行文件" in response.content.decode()
    assert not AppealDocument.objects.exists()


def test_list_filters_and_exports(organisation, client_for) -> None:
    AppealCaseFactory(
        organisation=organisation, case_number="甲复〔2023〕1号", filed_on=dt.date(2023, 5, 4)
    )
    AppealCaseFactory(
        organisation=organisation,
        case_number="（2024）测行初2号",
        kind=CaseKind.LITIGATION_DIRECT,
        filed_on=dt.date(2024, 2, 1),
        decided=True,
    )
    AppealCaseFactory(case_number="乙复〔2024〕9号")  # another organisation's
    client = client_for(Role.AUDITOR)
    url = reverse("backoffice:appeal_list")
    page = client.get(url).content.decode()
    assert "甲复〔2023〕1号" in page and "（2024）测行初2号" in page and "乙复" not in page
    pending = client.get(url, {"result": "pending"}).content.decode()
    assert "甲复〔2023〕1号" in pending and "测行初2号" not in pending
    response = client.get(url, {"year": "2024", "export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["案号", "类型"]
    assert [row[0] for row in rows[1:]] == ["（2024）测行初2号"]
    assert rows[1][10] == "结果维持"
    xlsx = client.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 3


def test_table_four_page(organisation, client_for) -> None:
    AppealCaseFactory(organisation=organisation, filed_on=dt.date(2024, 12, 20))
    AppealCaseFactory(organisation=organisation, filed_on=dt.date(2024, 3, 1), decided=True)
    response = client_for(Role.APPROVER).get(
        reverse("backoffice:appeal_statistics"), {"year": 2024, "organisation": organisation.pk}
    )
    assert response.status_code == 200
    assert response.context["row"][:5] == [1, 0, 0, 1, 2]
    assert len(response.context["row"]) == 15


def test_detail_shows_the_audit_log(organisation, client_for) -> None:
    client = client_for()
    client.post(
        reverse("backoffice:appeal_create"),
        {
            "organisation": organisation.pk,
            "kind": CaseKind.COMPLAINT,
            "handling_body": "测试市人民政府办公厅",
            "filed_on": "2025-01-06",
        },
    )
    case = AppealCase.objects.get()
    page = client.get(reverse("backoffice:appeal_detail", args=[case.pk])).content.decode()
    assert "appeals.case.registered" in page
    assert "法律对此类案件未规定审结期限" in page
    assert AuditEntry.objects.filter(action="appeals.case.registered").count() == 1
