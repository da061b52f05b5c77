"""Portal pages of 审批处长接访 and 政企互动: booking, registration, subscription."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from gongkai.catalogue.tests.factories import MINIMAL_PDF
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.engagement.models import EnterpriseFeedback, EnterpriseSubscriber
from gongkai.engagement.tests.factories import (
    EnterpriseSubscriberFactory,
    MeetingFactory,
    SubscriptionTopicFactory,
)
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import staff_with_role
from gongkai.reception.models import ReceptionBooking
from gongkai.reception.tests.factories import ReceptionBookingFactory, ReceptionSlotFactory

pytestmark = pytest.mark.django_db

# A Monday: the factories' reception slots and meetings fall a week or more later.
frozen_clock = frozen_clock_at(dt.datetime(2025, 3, 3, 10, tzinfo=SHANGHAI))


def test_book_a_slot_and_see_the_confirmation(client, django_capture_on_commit_callbacks) -> None:
    slot = ReceptionSlotFactory(capacity=2)
    index = client.get(reverse("portal:reception_index"))
    assert slot.schedule.receiver_name in index.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("portal:reception_book", args=[slot.pk]),
            {"name": "陈先生", "phone": "13800138000", "question": "环评要什么材料？",
             "email": "chen@example.com"},
        )  # fmt: skip
    booking = ReceptionBooking.objects.get()
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert booking.reference in page.content.decode()
    assert len(mail.outbox) == 1


def test_a_full_slot_shows_a_clear_message(client) -> None:
    slot = ReceptionSlotFactory(capacity=1)
    ReceptionBookingFactory(slot=slot)
    assert "已约满" in client.get(reverse("portal:reception_index")).content.decode()
    response = client.post(
        reverse("portal:reception_book", args=[slot.pk]),
        {"name": "王先生", "phone": "13800138001", "question": "问题"},
    )
    assert response.status_code == 400
    assert "已约满" in response.content.decode()
    assert slot.bookings.count() == 1


def test_bad_phone_is_shown_next_to_the_field(client) -> None:
    slot = ReceptionSlotFactory()
    response = client.post(
        reverse("portal:reception_book", args=[slot.pk]),
        {"name": "王先生", "phone": "123", "question": "问题"},
    )
    assert response.status_code == 400 and "电话号码" in response.content.decode()


def test_unknown_booking_reference_is_404(client) -> None:
    assert client.get(reverse("portal:reception_booking", args=["NOPE"])).status_code == 404


def test_register_for_a_meeting_twice(client) -> None:
    meeting = MeetingFactory(title="优化营商环境政策说明会")
    url = reverse("portal:meeting_detail", args=[meeting.pk])
    assert meeting.title in client.get(reverse("portal:meeting_list")).content.decode()
    data = {"name": "李女士", "phone": "13912345678", "email": "li@example.com"}
    first = client.post(url, data)
    assert first.status_code == 200 and "报名成功" in first.content.decode()
    second = client.post(url, data)
    assert second.status_code == 400 and "无需重复报名" in second.content.decode()
    assert meeting.registrations.count() == 1


def test_published_materials_are_downloadable(client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gongkai.engagement import services

    meeting = MeetingFactory()
    handler = staff_with_role(Role.HANDLER, meeting.organisation)
    material = services.meeting_material_add(
        actor=handler, meeting=meeting, uploaded_file=SimpleUploadedFile("材料.pdf", MINIMAL_PDF)
    )
    response = client.get(reverse("portal:meeting_material", args=[material.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_subscribe_with_invalid_email_then_valid_and_manage(
    client, django_capture_on_commit_callbacks
) -> None:
    topic = SubscriptionTopicFactory(name="环保审批")
    url = reverse("portal:subscribe")
    data = {"organisation": topic.organisation.pk, "enterprise_name": "某某有限公司",
            "email": "qiye-at-example.com", "topics": [topic.pk]}  # fmt: skip
    bad = client.post(url, data)
    assert bad.status_code == 400 and "格式不正确" in bad.content.decode()
    assert not EnterpriseSubscriber.objects.exists()
    data["email"] = "qiye@example.com"
    with django_capture_on_commit_callbacks(execute=True):
        good = client.post(url, data)
    assert "订阅成功" in good.content.decode()
    subscriber = EnterpriseSubscriber.objects.get()
    manage = reverse("portal:subscription_manage", args=[subscriber.token])
    assert manage in mail.outbox[0].body
    feedback = client.post(
        manage, {"feedback_submit": "1", "enterprise_name": "某某有限公司", "content": "好"}
    )
    assert "已收到" in feedback.content.decode()
    assert EnterpriseFeedback.objects.get().subscriber == subscriber
    client.post(manage, {"unsubscribe": "1"})
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None


def test_unknown_token_is_404(client) -> None:
    EnterpriseSubscriberFactory()
    assert client.get(reverse("portal:subscription_manage", args=["x" * 20])).status_code == 404
