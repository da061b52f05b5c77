"""The annual-report API: published reports as JSON of every cell, the public auditor, and
the staff endpoints (create, build, checks)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.portal.tests.test_reports import publish_report
from gongkai.reports.models import AnnualReport
from gongkai.reports.tests.factories import application, published_item

SEED = (
    Path(__file__).resolve().parents[2]
    / "reports"
    / "audit"
    / "tests"
    / "fixtures"
    / "seed_2009_legacy.txt"
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def frozen_2024():
    with time_machine.travel(dt.datetime(2024, 1, 20, 10, 0), tick=False):
        yield


@pytest.fixture
def body():
    organisation = OrganisationFactory(name="测试市测试局")
    application(organisation, received_on=dt.date(2023, 3, 1), closed_on=dt.date(2023, 3, 20))
    application(organisation, received_on=dt.date(2023, 12, 20))
    published_item(organisation, on=dt.date(2023, 5, 1))
    return organisation


def _staff(role: str, organisation) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=staff_with_role(role, organisation))
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.mark.usefixtures("frozen_2024")
def test_published_report_is_every_cell_with_its_official_labels(body):
    report = publish_report(body)
    AnnualReport.objects.create(organisation=body, year=2022, format_code="national-2021")
    listing = APIClient().get(reverse("api:report_list")).json()
    assert [row["id"] for row in listing["results"]] == [report.pk]
    detail = APIClient().get(reverse("api:report_detail", args=[report.pk])).json()
    assert detail["report"]["organisation_name"] == "测试市测试局"
    assert detail["format"]["code"] == "national-2021"
    tables = [t for s in detail["sections"] for t in s["tables"]]
    table_three = next(t for t in tables if "收到和处理政府信息公开申请" in t["title"])
    assert any(c["label"] == "自然人" for c in table_three["columns"])
    new_row = next(r for r in table_three["rows"] if r["label"].startswith("一、本年新收"))
    by_column = {c["column"]: c for c in new_row["cells"]}
    assert str(by_column["natural_person"]["value"]) == "2"
    draft = AnnualReport.objects.get(year=2022)
    assert APIClient().get(reverse("api:report_detail", args=[draft.pk])).status_code == 404


def test_public_audit_of_pasted_text_and_uploads():
    client = APIClient()
    pasted = client.post(
        reverse("api:report_audit"), {"text": SEED.read_text(encoding="utf-8")}, format="json"
    )
    assert pasted.status_code == 200
    body = pasted.json()
    assert body["ok"] is False and body["source"] == "text"
    finding = body["findings"][0]
    assert {"stated", "expected", "location", "message", "kind_label"} <= set(finding)
    uploaded = client.post(
        reverse("api:report_audit"),
        {"file": SimpleUploadedFile("seed.txt", SEED.read_bytes())},
        format="multipart",
    )
    assert uploaded.status_code == 200 and uploaded.json()["findings"] == body["findings"]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({}, "请粘贴年度报告全文"),
        ({"text": ""}, "请粘贴年度报告全文"),
        ({"text": "今天天气很好。"}, "不是政府信息公开年度报告"),
        ({"file": b""}, "文件为空"),
        ({"file": b"\x00\x01\x02\x03" * 64}, "二进制"),
        ({"file": b"PK\x03\x04broken"}, "已损坏"),
    ],
)
def test_public_audit_bad_input_is_a_clear_400(payload, message):
    if "file" in payload:
        data = {"file": SimpleUploadedFile("x.docx", payload["file"])}
        response = APIClient().post(reverse("api:report_audit"), data, format="multipart")
    else:
        response = APIClient().post(reverse("api:report_audit"), payload, format="json")
    assert response.status_code == 400
    assert message in response.json()["message"]


@pytest.mark.usefixtures("frozen_2024")
def test_staff_create_build_and_checks(body):
    coordinator = _staff(Role.COORDINATOR, body)
    created = coordinator.post(
        reverse("api:staff_report_list"), {"organisation": body.pk, "year": 2023}, format="json"
    )
    assert created.status_code == 201, created.json()
    assert created.json()["format_code"] == "national-2021"
    again = coordinator.post(
        reverse("api:staff_report_list"), {"organisation": body.pk, "year": 2023}, format="json"
    )
    assert again.status_code == 400 and "已经存在" in again.json()["message"]
    unknown = coordinator.post(
        reverse("api:staff_report_build"),
        {"organisation": body.pk, "year": 2023, "format": "province-x"},
        format="json",
    )
    assert unknown.status_code == 400
    built = coordinator.post(
        reverse("api:staff_report_build"),
        {"organisation": body.pk, "year": 2009, "format": "legacy-2008"},
        format="json",
    ).json()
    assert built["format"]["code"] == "legacy-2008" and built["empty"] is True
    pk = created.json()["id"]
    checks = coordinator.get(reverse("api:staff_report_checks", args=[pk])).json()
    assert checks["summary"]["errors"] == 0
    assert any(c["code"].startswith("entered.missing.") for c in checks["checks"])
    detail = coordinator.get(reverse("api:staff_report_detail", args=[pk])).json()
    assert detail["report"]["status"] == "draft" and detail["checks"] == checks["checks"]
    listed = _staff(Role.AUDITOR, body).get(reverse("api:staff_report_list")).json()
    assert [row["id"] for row in listed["results"]] == [pk]
