from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.catalogue.tests.factories import MINIMAL_PDF
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.models import AuditEntry
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.engagement import services
from gongkai.engagement.models import (
    BroadcastMessage,
    EnterpriseSubscriber,
    MeetingRegistration,
    MessageDelivery,
)
from gongkai.engagement.statistics import year_statistics
from gongkai.engagement.tests.factories import (
    BroadcastMessageFactory,
    EnterpriseSubscriberFactory,
    MeetingFactory,
    MeetingRegistrationFactory,
    SubscriptionTopicFactory,
)
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db

# A Monday: the factories' meetings fall ten days later.
frozen_clock = frozen_clock_at(dt.datetime(2025, 3, 3, 10, tzinfo=SHANGHAI))


def _register(meeting_id: int, **overrides: str) -> MeetingRegistration:
    values = {"name": "李女士", "phone": "13912345678", "email": "li@example.com"}
    values.update(overrides)
    return services.meeting_registration_create(meeting_id=meeting_id, **values)


def test_double_registration_by_phone_or_email_is_refused_and_changes_nothing() -> None:
    meeting = MeetingFactory()
    _register(meeting.pk)
    audit_before = AuditEntry.objects.count()
    with pytest.raises(ApplicationError, match="已报名"):
        _register(meeting.pk, phone="139-1234-5678", email="")  # same number, other format
    with pytest.raises(ApplicationError, match="已报名"):
        _register(meeting.pk, phone="13800000001", email="LI@example.com")
    assert meeting.registrations.count() == 1
    assert AuditEntry.objects.count() == audit_before
    # The same person may register for another meeting.
    assert _register(MeetingFactory(organisation=meeting.organisation).pk).pk


@pytest.mark.parametrize(
    ("meeting_kwargs", "message"),
    [
        ({"registration_open": False}, "未开放"),
        ({"held_on": dt.date(2009, 3, 18)}, "已经举行"),
        ({"capacity": 1}, "已满"),
    ],
)
def test_registration_rules(meeting_kwargs: dict[str, object], message: str) -> None:
    meeting = MeetingFactory(**meeting_kwargs)
    if meeting_kwargs.get("capacity") == 1:
        MeetingRegistrationFactory(meeting=meeting)
    with pytest.raises(ApplicationError, match=message):
        _register(meeting.pk)


def test_check_in_updates_attendance_and_manual_count_wins_when_larger() -> None:
    meeting = MeetingFactory()
    handler = staff_with_role(Role.HANDLER, meeting.organisation)
    first, second = MeetingRegistrationFactory.create_batch(2, meeting=meeting)
    services.meeting_registration_check_in(actor=handler, registration=first)
    meeting.refresh_from_db()
    assert meeting.attended_count == 1
    with pytest.raises(ApplicationError, match="已签到"):
        services.meeting_registration_check_in(actor=handler, registration=first)
    services.meeting_record_attendance(actor=handler, meeting=meeting, attended_count=40)
    services.meeting_registration_check_in(actor=handler, registration=second)
    meeting.refresh_from_db()
    assert meeting.attended_count == 40
    with pytest.raises(ApplicationError):
        services.meeting_record_attendance(actor=handler, meeting=meeting, attended_count=-3)


def test_materials_are_validated_like_the_catalogue() -> None:
    meeting = MeetingFactory()
    handler = staff_with_role(Role.HANDLER, meeting.organisation)
    material = services.meeting_material_add(
        actor=handler,
        meeting=meeting,
        uploaded_file=SimpleUploadedFile("讲解材料.pdf", MINIMAL_PDF),
    )
    assert material.content_type == "application/pdf"
    with pytest.raises(ApplicationError, match="可执行文件"):
        services.meeting_material_add(
            actor=handler,
            meeting=meeting,
            uploaded_file=SimpleUploadedFile("setup.pdf", b"MZ\x90\x00" + b"\x00" * 100),
        )
    assert meeting.materials.count() == 1


@pytest.mark.parametrize("email", ["not-an-email", "qiye@", "a b@example.com", ""])
def test_subscription_with_an_invalid_email_is_refused_and_changes_nothing(email: str) -> None:
    topic: Any = SubscriptionTopicFactory()
    with pytest.raises(ApplicationError, match="电子邮箱"):
        services.enterprise_subscribe(
            organisation=topic.organisation,
            enterprise_name="广州市某某贸易有限公司",
            email=email,
            topics=[topic],
        )
    assert not EnterpriseSubscriber.objects.exists()
    assert not AuditEntry.objects.exists()


def test_subscribe_validates_credit_code_and_topics_then_sends_the_manage_link(
    django_capture_on_commit_callbacks,
) -> None:
    topic: Any = SubscriptionTopicFactory()
    organisation = topic.organisation
    with pytest.raises(ApplicationError, match="GB 32100"):
        services.enterprise_subscribe(
            organisation=organisation, enterprise_name="某公司", email="a@example.com",
            topics=[topic], credit_code="91440101123456789X",
        )  # fmt: skip
    with pytest.raises(ApplicationError, match="至少选择"):
        services.enterprise_subscribe(
            organisation=organisation, enterprise_name="某公司", email="a@example.com", topics=[]
        )
    with django_capture_on_commit_callbacks(execute=True):
        subscriber = services.enterprise_subscribe(
            organisation=organisation, enterprise_name="某公司", email="A@Example.com",
            topics=[topic],
        )  # fmt: skip
    assert subscriber.email == "a@example.com"
    assert subscriber.token in mail.outbox[0].body
    with pytest.raises(ApplicationError, match="已订阅"):
        services.enterprise_subscribe(
            organisation=organisation, enterprise_name="某公司", email="a@example.com",
            topics=[topic],
        )  # fmt: skip
    services.enterprise_unsubscribe(subscriber=subscriber)
    again = services.enterprise_subscribe(
        organisation=organisation, enterprise_name="某公司", email="a@example.com", topics=[topic]
    )
    assert again.pk == subscriber.pk and again.unsubscribed_at is None


def _message_with_subscribers(count: int) -> BroadcastMessage:
    message = BroadcastMessageFactory()
    for _ in range(count):
        EnterpriseSubscriberFactory(organisation=message.organisation, topics=[message.topic])
    # Unsubscribed and other-topic subscribers receive nothing.
    EnterpriseSubscriberFactory(
        organisation=message.organisation,
        topics=[message.topic],
        unsubscribed_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
    )
    EnterpriseSubscriberFactory(organisation=message.organisation)
    return message


def test_sending_delivers_once_to_each_active_subscriber_through_django_mail(
    django_capture_on_commit_callbacks, settings
) -> None:
    message = _message_with_subscribers(5)
    coordinator = staff_with_role(Role.COORDINATOR, message.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        pending = services.broadcast_message_send(actor=coordinator, message=message)
    assert pending == 5
    message.refresh_from_db()
    # The eager task sent every batch; the last call found nothing left and closed the message.
    assert message.status == BroadcastMessage.Status.SENT and message.sent_at is not None
    assert len(mail.outbox) == 5
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        message.deliveries.values_list("subscriber__email", flat=True)
    )
    with pytest.raises(ApplicationError, match="已发送完毕"):
        services.broadcast_message_send(actor=coordinator, message=message)
    assert len(mail.outbox) == 5


def test_an_interrupted_sending_resumes_with_only_the_undelivered(
    django_capture_on_commit_callbacks,
) -> None:
    message = _message_with_subscribers(7)
    coordinator = staff_with_role(Role.COORDINATOR, message.organisation)
    # Queue without running the task (as if the worker died), then send one batch by hand.
    with django_capture_on_commit_callbacks(execute=False):
        services.broadcast_message_send(actor=coordinator, message=message)
    assert services.broadcast_deliver_batch(message_id=message.pk, batch_size=3) == 3
    assert len(mail.outbox) == 3
    # A claimed delivery whose mail may or may not have left is never retried automatically.
    stuck = message.deliveries.filter(status=MessageDelivery.Status.PENDING).first()
    assert stuck is not None
    MessageDelivery.objects.filter(pk=stuck.pk).update(status=MessageDelivery.Status.SENDING)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.broadcast_message_send(actor=coordinator, message=message) == 3
    assert len(mail.outbox) == 6
    recipients = [m.to[0] for m in mail.outbox]
    assert len(recipients) == len(set(recipients))
    message.refresh_from_db()
    assert message.status == BroadcastMessage.Status.SENDING  # the stuck one needs a look
    assert message.deliveries.filter(status=MessageDelivery.Status.SENT).count() == 6


def test_a_failing_address_is_recorded_and_the_rest_still_sent(monkeypatch) -> None:
    message = _message_with_subscribers(3)
    coordinator = staff_with_role(Role.COORDINATOR, message.organisation)
    from django.core.mail import EmailMessage

    original = EmailMessage.send
    first_email = (
        EnterpriseSubscriber.objects.filter(topics=message.topic, unsubscribed_at__isnull=True)
        .order_by("id")
        .values_list("email", flat=True)
        .first()
    )

    def send(self, fail_silently=False):  # type: ignore[no-untyped-def]
        if self.to == [first_email]:
            raise OSError("mailbox unavailable")
        return original(self, fail_silently)

    monkeypatch.setattr(EmailMessage, "send", send)
    services.broadcast_message_send(actor=coordinator, message=message)
    services.broadcast_deliver_all(message_id=message.pk)
    assert message.deliveries.filter(status=MessageDelivery.Status.FAILED).count() == 1
    assert message.deliveries.filter(status=MessageDelivery.Status.SENT).count() == 2


def test_only_managers_write_and_topics_must_belong_to_the_organisation() -> None:
    topic: Any = SubscriptionTopicFactory()
    auditor = staff_with_role(Role.AUDITOR, topic.organisation)
    with pytest.raises(PermissionDeniedError):
        services.broadcast_message_create(
            actor=auditor, organisation=topic.organisation, topic=topic, subject="s", body="b"
        )
    handler = staff_with_role(Role.HANDLER, topic.organisation)
    foreign = SubscriptionTopicFactory()
    with pytest.raises(ApplicationError, match="不属于"):
        services.broadcast_message_create(
            actor=handler, organisation=topic.organisation, topic=foreign, subject="s", body="b"
        )


def test_feedback_is_answered_by_email(django_capture_on_commit_callbacks) -> None:
    organisation = OrganisationFactory()
    handler = staff_with_role(Role.HANDLER, organisation)
    feedback = services.enterprise_feedback_submit(
        organisation=organisation,
        enterprise_name="某公司",
        content="建议增加推送频次。",
        contact_email="fk@example.com",
    )
    assert feedback.source == "portal"
    with pytest.raises(ApplicationError, match="答复内容"):
        services.enterprise_feedback_answer(actor=handler, feedback=feedback, answer=" ")
    with django_capture_on_commit_callbacks(execute=True):
        services.enterprise_feedback_answer(actor=handler, feedback=feedback, answer="已采纳。")
    assert feedback.answered_by == handler
    assert "已采纳" in mail.outbox[0].body


def test_statistics_count_the_year() -> None:
    organisation = OrganisationFactory()
    MeetingFactory(organisation=organisation, held_on=dt.date(2009, 5, 1), attended_count=60)
    MeetingFactory(organisation=organisation, held_on=dt.date(2009, 6, 1), attended_count=None)
    MeetingFactory(organisation=organisation, held_on=dt.date(2010, 6, 1), attended_count=9)
    tz = dt.timezone(dt.timedelta(hours=8))
    EnterpriseSubscriberFactory(
        organisation=organisation, subscribed_at=dt.datetime(2009, 3, 1, tzinfo=tz)
    )
    EnterpriseSubscriberFactory(
        organisation=organisation,
        subscribed_at=dt.datetime(2009, 3, 1, tzinfo=tz),
        unsubscribed_at=dt.datetime(2009, 9, 1, tzinfo=tz),
    )
    EnterpriseSubscriberFactory(
        organisation=organisation, subscribed_at=dt.datetime(2010, 1, 1, tzinfo=tz)
    )
    figures = year_statistics(organisation_ids=[organisation.pk], year=2009)
    assert figures["engagement.meetings"] == 2
    assert figures["engagement.meeting_participants"] == 60
    assert figures["engagement.subscribers"] == 1
    assert figures["engagement.deliveries"] == 0
