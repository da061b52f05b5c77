"""API flows: file, track and rate a complaint; bad ratings and negative copies are 400s."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from gongkai.complaints.models import Complaint
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.service_guides.models import GuidePrintRun

pytestmark = pytest.mark.django_db


@time_machine.travel(dt.datetime(2025, 3, 3, 10, 0), tick=False)
def test_complaint_round_trip() -> None:
    organisation = OrganisationFactory()
    public = APIClient()
    created = public.post(
        "/api/v1/complaints/",
        {
            "organisation": organisation.pk,
            "kind": "suggestion",
            "subject": "周六办公",
            "content": "建议周六开放。",
        },
        format="json",
    )
    assert created.status_code == 201
    credentials = {
        "tracking_number": created.data["tracking_number"],
        "access_code": created.data["access_code"],
    }
    early = public.post(
        "/api/v1/complaints/rate/", {**credentials, "satisfaction": "5"}, format="json"
    )
    assert early.status_code == 400 and "答复之后" in early.data["message"]

    staff = APIClient()
    token = Token.objects.create(user=staff_with_role(Role.HANDLER, organisation))
    staff.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    pk = Complaint.objects.get().pk
    replied = staff.post(
        f"/api/v1/staff/complaints/{pk}/reply/", {"reply": "将试行周六半天服务。"}, format="json"
    )
    assert replied.status_code == 200 and replied.data["status"] == "answered"

    tracked = public.post("/api/v1/complaints/track/", credentials, format="json")
    assert tracked.data["reply"] == "将试行周六半天服务。"
    bad = public.post(
        "/api/v1/complaints/rate/", {**credentials, "satisfaction": "9"}, format="json"
    )
    assert bad.status_code == 400 and "1至5" in bad.data["message"]
    good = public.post(
        "/api/v1/complaints/rate/", {**credentials, "satisfaction": "4"}, format="json"
    )
    assert good.status_code == 200 and good.data["satisfaction"] == 4


def test_negative_copies_over_the_api() -> None:
    organisation = OrganisationFactory()
    client = APIClient()
    token = Token.objects.create(user=staff_with_role(Role.COORDINATOR, organisation))
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.post(
        "/api/v1/staff/guide-print-runs/",
        {
            "organisation": organisation.pk,
            "kind": "guide",
            "printed_on": "2025-03-03",
            "batch_number": "B1",
            "items_count": 3,
            "copies": -1,
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.data["message"] == "印数不能小于1。"
    assert not GuidePrintRun.objects.exists()
