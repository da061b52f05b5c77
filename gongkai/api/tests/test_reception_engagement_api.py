"""API flows of 审批处长接访 and 政企互动, including the refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.engagement.models import EnterpriseSubscriber
from gongkai.engagement.tests.factories import (
    BroadcastMessageFactory,
    EnterpriseSubscriberFactory,
    MeetingFactory,
    SubscriptionTopicFactory,
)
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import staff_with_role
from gongkai.reception.tests.factories import ReceptionBookingFactory, ReceptionSlotFactory

pytestmark = pytest.mark.django_db

# A Monday: the factories' reception slots and meetings fall a week or more later.
frozen_clock = frozen_clock_at(dt.datetime(2025, 3, 3, 10, tzinfo=SHANGHAI))


def test_book_until_full_then_a_clear_message() -> None:
    slot = ReceptionSlotFactory(capacity=1)
    client = APIClient()
    slots = client.get(reverse("api:reception_slot_list")).json()["results"]
    assert slots[0]["remaining"] == 1
    url = reverse("api:reception_booking_create", args=[slot.pk])
    data = {"name": "陈先生", "phone": "13800138000", "question": "材料？"}
    created = client.post(url, data, format="json")
    assert created.status_code == 201 and created.json()["reference"]
    full = client.post(url, data | {"phone": "13900139000"}, format="json")
    assert full.status_code == 400 and "已约满" in full.json()["message"]
    assert slot.bookings.count() == 1


def test_double_registration_answers_400() -> None:
    meeting = MeetingFactory()
    client = APIClient()
    url = reverse("api:meeting_register", args=[meeting.pk])
    assert (
        client.post(url, {"name": "李", "phone": "13700137000"}, format="json").status_code == 201
    )
    again = client.post(url, {"name": "李", "phone": "13700137000"}, format="json")
    assert again.status_code == 400 and "已报名" in again.json()["message"]


def test_subscription_with_invalid_email_answers_400_and_creates_nothing() -> None:
    topic = SubscriptionTopicFactory()
    response = APIClient().post(
        reverse("api:enterprise_subscribe"),
        {"organisation": topic.organisation.pk, "enterprise_name": "某公司",
         "email": "not-an-email", "topics": [topic.pk]},
        format="json",
    )  # fmt: skip
    assert response.status_code == 400
    assert "电子邮箱" in response.json()["message"]
    assert not EnterpriseSubscriber.objects.exists()


def test_staff_send_a_message_and_lists_are_scoped(
    mailoutbox, django_capture_on_commit_callbacks
) -> None:
    message = BroadcastMessageFactory()
    EnterpriseSubscriberFactory.create_batch(
        3, organisation=message.organisation, topics=[message.topic]
    )
    other = BroadcastMessageFactory()
    handler = staff_with_role(Role.HANDLER, message.organisation)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=handler).key}")
    listing = client.get(reverse("api:staff_message_list")).json()["results"]
    assert [row["id"] for row in listing] == [message.pk]
    assert client.post(reverse("api:staff_message_send", args=[other.pk])).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(reverse("api:staff_message_send", args=[message.pk]))
    assert sent.status_code == 200
    assert len(mailoutbox) == 3
    ReceptionBookingFactory()
    assert client.get(reverse("api:staff_reception_booking_list")).json()["results"] == []
