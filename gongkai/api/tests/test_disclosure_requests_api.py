"""依申请公开 over the API: submit and track in public, read and act as staff."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from gongkai.backoffice.tests.request_world import request_world
from gongkai.backoffice.tests.world import World, build_world
from gongkai.core.models import AuditEntry
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.disclosure_requests.tests.factories import (
    ACCESS_CODE,
    DisclosureRequestFactory,
    valid_id_number,
)

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world() -> World:
    return build_world()


def _staff(world: World, key: str) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=world.user(key))
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def _application(world: World, **overrides: Any) -> dict[str, Any]:
    data = {
        "organisation": world.org1.pk,
        "applicant_type": "natural_person",
        "applicant_name": "吴九",
        "id_type": "resident_id",
        "id_number": valid_id_number(31),
        "phone": "13700137000",
        "information_title": "某小区规划许可",
        "form_wanted": "paper",
        "delivery_method": "in_person",
    }
    data.update(overrides)
    return data


def test_submit_then_track_with_the_returned_code(world: World) -> None:
    client = APIClient()
    response = client.post(reverse("api:request_submit"), _application(world), format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "pending_confirmation"
    tracked = client.post(
        reverse("api:request_track"),
        {"tracking_number": body["tracking_number"], "access_code": body["access_code"]},
        format="json",
    )
    assert tracked.status_code == 200
    assert tracked.json()["status_label"] == "待确认"
    assert "id_number" not in tracked.json() and "phone" not in tracked.json()


def test_submit_refuses_an_invalid_id_number_and_stores_nothing(world: World) -> None:
    response = APIClient().post(
        reverse("api:request_submit"),
        _application(world, id_number="110105198506150000"),
        format="json",
    )
    assert response.status_code == 400
    assert "GB 11643" in response.json()["message"]
    assert DisclosureRequest.objects.count() == 0


def test_wrong_code_and_unknown_number_answer_alike(world: World) -> None:
    open_request = request_world(world).open
    client = APIClient()
    wrong = client.post(
        reverse("api:request_track"),
        {"tracking_number": open_request.tracking_number, "access_code": "NOPE0000"},
        format="json",
    )
    unknown = client.post(
        reverse("api:request_track"),
        {"tracking_number": "000-2025-00000", "access_code": ACCESS_CODE},
        format="json",
    )
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json() == {"message": "申请编号或查询码不正确。"}


def test_staff_detail_is_masked_unless_asked_by_someone_allowed(world: World) -> None:
    open_request = request_world(world).open
    url = reverse("api:staff_request_detail", args=[open_request.pk])
    auditor = _staff(world, "org1:auditor")
    masked = auditor.get(url).json()
    assert masked["applicant_masked"] is True
    assert masked["applicant"]["id_number"] != open_request.id_number
    assert masked["deadline"]["due_on"]
    assert auditor.get(url + "?unmasked=true").status_code == 403
    assert not AuditEntry.objects.filter(action__endswith="personal_data_viewed").exists()

    revealed = _staff(world, "org1:handler").get(url + "?unmasked=true").json()
    assert revealed["applicant"]["id_number"] == open_request.id_number
    assert AuditEntry.objects.filter(
        action="disclosure_requests.request.personal_data_viewed"
    ).exists()


def test_a_step_refused_by_the_rules_is_a_400_with_the_message(world: World) -> None:
    open_request = request_world(world).open
    approver = _staff(world, "org1:approver")
    url = reverse("api:staff_request_extend", args=[open_request.pk])
    data = {"days": 10, "reason": "需调取档案", "approved_on": "2025-03-10"}
    assert approver.post(url, data, format="json").status_code == 200
    again = approver.post(url, data, format="json")
    assert again.status_code == 400
    assert "只能延长一次" in again.json()["message"]
    bad_form = approver.post(url, {"days": 99, "reason": ""}, format="json")
    assert bad_form.status_code == 400
    assert set(bad_form.json()["errors"]) == {"days", "reason"}


def test_staff_and_applicant_see_whether_the_due_date_is_provisional(world: World) -> None:
    provisional = DisclosureRequestFactory(
        organisation=world.org1,
        handler=world.user("org1:handler"),
        received_on=dt.date(2026, 12, 18),
        due_on=dt.date(2027, 1, 12),
    )
    entered = DisclosureRequestFactory(
        organisation=world.org1, received_on=dt.date(2026, 3, 2), due_on=dt.date(2026, 3, 30)
    )
    staff = _staff(world, "org1:coordinator")
    with time_machine.travel(dt.datetime(2026, 12, 21, 10, tzinfo=SHANGHAI), tick=False):
        detail = staff.get(reverse("api:staff_request_detail", args=[provisional.pk])).json()
        listed = staff.get(reverse("api:staff_request_list")).json()["results"]
    assert detail["provisional"] is True
    assert detail["provisional_years"] == [2027]
    assert detail["provisional_note"].startswith("暂定：2027年的放假安排尚未公布")
    assert detail["deadline"]["due_on"] == "2027-01-12"
    assert detail["deadline"]["provisional"] is True
    assert detail["deadline"]["provisional_years"] == [2027]
    assert detail["deadline"]["provisional_note"] == detail["provisional_note"]
    rows = {row["id"]: row for row in listed}
    assert rows[provisional.pk]["provisional"] is True
    assert (rows[entered.pk]["provisional"], rows[entered.pk]["provisional_note"]) == (False, "")

    tracked = APIClient().post(
        reverse("api:request_track"),
        {"tracking_number": provisional.tracking_number, "access_code": ACCESS_CODE},
        format="json",
    )
    assert tracked.json()["provisional"] is True
    assert "录入" not in tracked.json()["provisional_note"]
