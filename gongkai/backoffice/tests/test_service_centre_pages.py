"""Back-office register pages: filters, CSV/XLSX export, entry forms showing the services'
refusals next to the fields, and complaint reply from the complaint page."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.complaints.models import Complaint
from gongkai.complaints.tests.factories import ComplaintFactory
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.service_desk.tests.factories import FaultReportFactory
from gongkai.service_guides.models import GuidePrintRun

pytestmark = pytest.mark.django_db


def _client(role: str = Role.HANDLER):
    organisation = OrganisationFactory(name="测试市政务办")
    client = Client()
    client.force_login(staff_with_role(role, organisation))
    return client, organisation


def test_complaint_list_filters_and_exports() -> None:
    client, organisation = _client(Role.AUDITOR)
    ComplaintFactory(organisation=organisation, kind="complaint", subject="排队久")
    ComplaintFactory(organisation=organisation, kind="praise", subject="表扬窗口")
    ComplaintFactory(subject="他机构的投诉")
    page = client.get(reverse("backoffice:complaint_list"), {"kind": "praise"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "表扬窗口" in body and "排队久" not in body and "他机构" not in body

    csv_response = client.get(reverse("backoffice:complaint_list"), {"export": "csv"})
    text = csv_response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("受理编号,类型,主题")
    assert "排队久" in text and "表扬窗口" in text and "他机构" not in text

    xlsx = client.get(reverse("backoffice:complaint_list"), {"export": "xlsx", "kind": "complaint"})
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.values)
    assert len(rows) == 2 and rows[1][2] == "排队久"


@time_machine.travel(dt.datetime(2025, 3, 12, 10, 0), tick=False)
def test_reply_from_the_complaint_page() -> None:
    client, organisation = _client()
    complaint = ComplaintFactory(organisation=organisation)
    response = client.post(
        reverse("backoffice:complaint_reply", args=[complaint.pk]), {"reply": "已增开窗口。"}
    )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.ANSWERED
    detail = client.get(reverse("backoffice:complaint_detail", args=[complaint.pk]))
    assert "complaints.complaint.replied" in detail.content.decode()


def test_print_run_form_shows_the_refusal_of_negative_copies() -> None:
    client, organisation = _client()
    response = client.post(
        reverse("backoffice:print_run_create"),
        {
            "organisation": organisation.pk,
            "kind": "guide",
            "printed_on": "2025-03-03",
            "batch_number": "2025-01",
            "items_count": 10,
            "copies": -100,
        },
    )
    assert response.status_code == 400
    assert "印数不能小于1" in response.content.decode()
    assert not GuidePrintRun.objects.exists()


def test_fault_list_shows_time_to_resolve_and_exports() -> None:
    client, organisation = _client(Role.APPROVER)
    from django.utils import timezone

    FaultReportFactory(
        organisation=organisation,
        status="resolved",
        resolved_at=timezone.make_aware(dt.datetime(2025, 3, 3, 10, 45)),
    )
    page = client.get(reverse("backoffice:fault_list"))
    assert "1小时15分钟" in page.content.decode()
    export = client.get(reverse("backoffice:fault_list"), {"export": "csv"})
    assert "1小时15分钟" in export.content.decode("utf-8-sig")
