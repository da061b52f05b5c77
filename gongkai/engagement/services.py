"""Writes of 政企互动: meetings, registration and attendance; subscriptions, broadcast messages
and their delivery; enterprises' feedback."""

from __future__ import annotations

import logging
import os
import re
import secrets
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from gongkai.catalogue.attachments import validate_upload
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.validators import is_valid_credit_code, normalise_code, validate_phone
from gongkai.engagement.models import (
    BroadcastMessage,
    EnterpriseFeedback,
    EnterpriseSubscriber,
    Meeting,
    MeetingMaterial,
    MeetingRegistration,
    MessageDelivery,
    SubscriptionTopic,
)
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation

logger = logging.getLogger(__name__)

MEETING_FIELDS = (
    "kind",
    "title",
    "co_organisers",
    "held_on",
    "start_time",
    "place",
    "capacity",
    "description",
    "registration_open",
    "is_published",
)
# Recipients per batch: one SMTP connection each; a crash loses at most one batch's progress.
DELIVERY_BATCH_SIZE = 200


def _require_manage(actor: Any, organisation: Organisation) -> None:
    if not permissions.can_manage_engagement(actor, organisation):
        raise PermissionDeniedError("您没有管理该机构政企互动工作的权限。")


def _phone_key(phone: str) -> str:
    return re.sub(r"\D", "", phone or "")


def _checked_email(email: str, *, required: bool) -> str:
    email = (email or "").strip()
    if not email:
        if required:
            raise ApplicationError(
                "请填写电子邮箱。", extra={"errors": {"email": ["请填写电子邮箱。"]}}
            )
        return ""
    try:
        validate_email(email)
    except ValidationError:
        message = f"电子邮箱“{email}”格式不正确，请检查后重新填写。"
        raise ApplicationError(message, extra={"errors": {"email": [message]}}) from None
    return email.lower()


# --- meetings ----------------------------------------------------------------------------------


def _check_meeting(data: dict[str, Any]) -> dict[str, Any]:
    if data.get("kind") not in Meeting.Kind.values:
        raise ApplicationError("请选择会议类型。")
    if not (data.get("title") or "").strip():
        raise ApplicationError("请填写会议名称。")
    if data.get("held_on") is None:
        raise ApplicationError("请填写会议日期。")
    if not (data.get("place") or "").strip():
        raise ApplicationError("请填写会议地点。")
    capacity = data.get("capacity")
    if capacity is not None and capacity < 1:
        raise ApplicationError("名额至少为 1，不限名额请留空。")
    return data


@transaction.atomic
def meeting_create(*, actor: Any, organisation: Organisation, data: dict[str, Any]) -> Meeting:
    _require_manage(actor, organisation)
    values = _check_meeting({k: data.get(k) for k in MEETING_FIELDS if k in data})
    meeting = Meeting.objects.create(organisation=organisation, **values)
    audit.log(meeting, "engagement.meeting.created", actor=actor)
    return meeting


@transaction.atomic
def meeting_update(*, actor: Any, meeting: Meeting, data: dict[str, Any]) -> Meeting:
    _require_manage(actor, meeting.organisation)
    values = _check_meeting({k: data.get(k, getattr(meeting, k)) for k in MEETING_FIELDS})
    for name, value in values.items():
        setattr(meeting, name, value)
    meeting.save()
    audit.log(meeting, "engagement.meeting.updated", actor=actor)
    return meeting


@transaction.atomic
def meeting_registration_create(
    *,
    actor: Any = None,
    meeting_id: int,
    name: str,
    phone: str,
    company: str = "",
    email: str = "",
) -> MeetingRegistration:
    """Online registration; the same phone or email registers once per meeting."""
    meeting = (
        Meeting.objects.select_for_update()
        .filter(pk=meeting_id, is_published=True)
        .select_related("organisation")
        .first()
    )
    if meeting is None:
        raise ApplicationError("没有找到该会议。")
    if not meeting.registration_open:
        raise ApplicationError("该会议未开放网上报名。")
    if meeting.held_on < timezone.localdate():
        raise ApplicationError("该会议已经举行，报名已截止。")
    if not name.strip():
        raise ApplicationError("请填写姓名。", extra={"errors": {"name": ["请填写姓名。"]}})
    try:
        validate_phone(phone)
    except ValidationError as error:
        raise ApplicationError(
            error.messages[0], extra={"errors": {"phone": list(error.messages)}}
        ) from None
    email = _checked_email(email, required=False)
    phone_key = _phone_key(phone)
    duplicate = meeting.registrations.filter(phone_key=phone_key)
    if email:
        duplicate = duplicate | meeting.registrations.filter(email=email)
    if duplicate.exists():
        raise ApplicationError(
            f"该手机号码或电子邮箱已报名“{meeting.title}”，无需重复报名。",
            extra={"errors": {"phone": ["已报名，无需重复报名。"]}},
        )
    if meeting.capacity is not None and meeting.registrations.count() >= meeting.capacity:
        raise ApplicationError(f"“{meeting.title}”报名人数已满（{meeting.capacity} 人）。")
    try:
        with transaction.atomic():
            registration = MeetingRegistration.objects.create(
                meeting=meeting,
                name=name.strip(),
                phone=phone.strip(),
                phone_key=phone_key,
                company=company.strip(),
                email=email,
            )
    except IntegrityError:  # a concurrent twin got in first
        raise ApplicationError(f"该手机号码或电子邮箱已报名“{meeting.title}”。") from None
    audit.log(
        registration,
        "engagement.registration.created",
        actor=actor,
        organisation=meeting.organisation,
        data={"meeting": meeting.pk},
    )
    return registration


@transaction.atomic
def meeting_registration_check_in(
    *, actor: Any, registration: MeetingRegistration
) -> MeetingRegistration:
    meeting = Meeting.objects.select_for_update().get(pk=registration.meeting_id)
    _require_manage(actor, meeting.organisation)
    if registration.checked_in:
        raise ApplicationError(f"{registration.name} 已签到。")
    registration.checked_in = True
    registration.save(update_fields=["checked_in"])
    # Attendance follows the check-ins unless a larger head count was entered (walk-ins).
    checked = meeting.registrations.filter(checked_in=True).count()
    if meeting.attended_count is None or meeting.attended_count < checked:
        meeting.attended_count = checked
        meeting.save(update_fields=["attended_count", "updated_at"])
    audit.log(
        registration,
        "engagement.registration.checked_in",
        actor=actor,
        organisation=meeting.organisation,
    )
    return registration


@transaction.atomic
def meeting_record_attendance(*, actor: Any, meeting: Meeting, attended_count: int) -> Meeting:
    _require_manage(actor, meeting.organisation)
    if attended_count is None or attended_count < 0:
        raise ApplicationError("实到人数应为不小于 0 的整数。")
    before = meeting.attended_count
    meeting.attended_count = attended_count
    meeting.save(update_fields=["attended_count", "updated_at"])
    audit.log(
        meeting,
        "engagement.meeting.attendance_recorded",
        actor=actor,
        data={"before": before, "after": attended_count},
    )
    return meeting


@transaction.atomic
def meeting_material_add(*, actor: Any, meeting: Meeting, uploaded_file: Any) -> MeetingMaterial:
    _require_manage(actor, meeting.organisation)
    content_type, size, sha256 = validate_upload(uploaded_file)
    original_name = os.path.basename(uploaded_file.name or "")[:255]
    extension = os.path.splitext(original_name)[1].lower()
    material = MeetingMaterial(
        meeting=meeting,
        original_name=original_name,
        content_type=content_type,
        size=size,
        sha256=sha256,
    )
    material.file.save(f"{sha256[:32]}{extension}", File(uploaded_file), save=False)
    try:
        material.save()
        audit.log(
            material,
            "engagement.material.added",
            actor=actor,
            organisation=meeting.organisation,
            data={"meeting": meeting.pk, "name": original_name, "sha256": sha256},
        )
    except Exception:
        material.file.delete(save=False)
        raise
    return material


# --- subscriptions -------------------------------------------------------------------------------


@transaction.atomic
def subscription_topic_create(
    *, actor: Any, organisation: Organisation, name: str, description: str = ""
) -> SubscriptionTopic:
    _require_manage(actor, organisation)
    if not name.strip():
        raise ApplicationError("请填写主题名称。")
    if SubscriptionTopic.objects.filter(organisation=organisation, name=name.strip()).exists():
        raise ApplicationError(f"主题“{name.strip()}”已存在。")
    topic = SubscriptionTopic.objects.create(
        organisation=organisation, name=name.strip(), description=description.strip()
    )
    audit.log(topic, "engagement.topic.created", actor=actor)
    return topic


def _checked_topics(organisation: Organisation, topics: Iterable[SubscriptionTopic]) -> list[Any]:
    topics = list(topics)
    if not topics:
        raise ApplicationError(
            "请至少选择一个订阅主题。", extra={"errors": {"topics": ["请至少选择一个订阅主题。"]}}
        )
    if any(t.organisation_id != organisation.pk or not t.is_active for t in topics):
        raise ApplicationError("所选主题不属于该机构或已停止订阅。")
    return topics


def _send_welcome(subscriber_id: int) -> None:
    subscriber = EnterpriseSubscriber.objects.select_related("organisation").get(pk=subscriber_id)
    manage_url = settings.GONGKAI_PUBLIC_BASE_URL.rstrip("/") + reverse(
        "portal:subscription_manage", args=[subscriber.token]
    )
    EmailMessage(
        subject=f"已订阅{subscriber.organisation.name}企业信息服务",
        body=(
            f"{subscriber.enterprise_name}：\n\n您已订阅企业信息服务。"
            f"管理订阅或退订：{manage_url}\n\n{subscriber.organisation.name}"
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
    ).send(fail_silently=True)


@transaction.atomic
def enterprise_subscribe(
    *,
    actor: Any = None,
    organisation: Organisation,
    enterprise_name: str,
    email: str,
    topics: Iterable[SubscriptionTopic],
    credit_code: str = "",
) -> EnterpriseSubscriber:
    """Subscribe (or re-subscribe) an enterprise; staff may enter one for an enterprise too."""
    if actor is not None and getattr(actor, "is_authenticated", False):
        _require_manage(actor, organisation)
    email = _checked_email(email, required=True)
    if not enterprise_name.strip():
        raise ApplicationError(
            "请填写企业名称。", extra={"errors": {"enterprise_name": ["请填写企业名称。"]}}
        )
    code = normalise_code(credit_code)
    if code and not is_valid_credit_code(code):
        message = f"统一社会信用代码 {credit_code} 不正确（GB 32100 校验码）。"
        raise ApplicationError(message, extra={"errors": {"credit_code": [message]}})
    chosen = _checked_topics(organisation, topics)
    subscriber = (
        EnterpriseSubscriber.objects.select_for_update()
        .filter(organisation=organisation, email=email)
        .first()
    )
    if subscriber is not None and subscriber.unsubscribed_at is None:
        raise ApplicationError(
            f"{email} 已订阅，如需修改主题请使用订阅邮件中的管理链接。",
            extra={"errors": {"email": ["该邮箱已订阅。"]}},
        )
    if subscriber is None:
        subscriber = EnterpriseSubscriber(organisation=organisation, email=email)
        subscriber.token = secrets.token_urlsafe(32)
    subscriber.enterprise_name = enterprise_name.strip()
    subscriber.credit_code = code
    subscriber.subscribed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.save()
    subscriber.topics.set(chosen)
    audit.log(
        subscriber,
        "engagement.subscriber.subscribed",
        actor=actor,
        data={"topics": [t.pk for t in chosen]},
    )
    transaction.on_commit(lambda: _send_welcome(subscriber.pk))
    return subscriber


@transaction.atomic
def enterprise_update_topics(
    *, actor: Any = None, subscriber: EnterpriseSubscriber, topics: Iterable[SubscriptionTopic]
) -> EnterpriseSubscriber:
    chosen = _checked_topics(subscriber.organisation, topics)
    subscriber.topics.set(chosen)
    audit.log(
        subscriber,
        "engagement.subscriber.topics_changed",
        actor=actor,
        data={"topics": [t.pk for t in chosen]},
    )
    return subscriber


@transaction.atomic
def enterprise_unsubscribe(*, actor: Any = None, subscriber: EnterpriseSubscriber) -> None:
    if subscriber.unsubscribed_at is not None:
        raise ApplicationError("该邮箱已退订。")
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["unsubscribed_at"])
    audit.log(subscriber, "engagement.subscriber.unsubscribed", actor=actor)


# --- broadcast messages ------------------------------------------------------------------------


@transaction.atomic
def broadcast_message_create(
    *, actor: Any, organisation: Organisation, topic: SubscriptionTopic, subject: str, body: str
) -> BroadcastMessage:
    _require_manage(actor, organisation)
    if topic.organisation_id != organisation.pk:
        raise ApplicationError("所选主题不属于该机构。")
    if not subject.strip() or not body.strip():
        raise ApplicationError("请填写标题和正文。")
    message = BroadcastMessage.objects.create(
        organisation=organisation,
        topic=topic,
        subject=subject.strip(),
        body=body.strip(),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.log(message, "engagement.message.created", actor=actor)
    return message


@transaction.atomic
def broadcast_message_send(*, actor: Any, message: BroadcastMessage) -> int:
    """Fix the recipients (the topic's active subscribers) and queue the sending.

    Also resumes an interrupted sending: recipients already recorded are kept (the unique pair
    ignores them), and the task only sends deliveries still pending. Returns the pending count.
    """
    _require_manage(actor, message.organisation)
    message = BroadcastMessage.objects.select_for_update().get(pk=message.pk)
    if message.status == BroadcastMessage.Status.DRAFT:
        subscriber_ids = EnterpriseSubscriber.objects.filter(
            topics=message.topic, unsubscribed_at__isnull=True
        ).values_list("id", flat=True)
        MessageDelivery.objects.bulk_create(
            [MessageDelivery(message=message, subscriber_id=pk) for pk in subscriber_ids],
            ignore_conflicts=True,
            batch_size=1000,
        )
        message.status = BroadcastMessage.Status.SENDING
        message.save(update_fields=["status", "updated_at"])
        action = "engagement.message.send_started"
    elif message.status == BroadcastMessage.Status.SENDING:
        action = "engagement.message.send_resumed"
    else:
        raise ApplicationError("该信息已发送完毕。")
    pending = message.deliveries.filter(status=MessageDelivery.Status.PENDING).count()
    audit.log(message, action, actor=actor, data={"pending": pending})
    message_id = message.pk

    def enqueue() -> None:
        from gongkai.engagement.tasks import deliver_broadcast_message

        deliver_broadcast_message.delay(message_id)

    transaction.on_commit(enqueue)
    return pending


def _claim_batch(message_id: int, batch_size: int) -> list[int]:
    # Claimed deliveries are committed as "sending" before any mail leaves: a crash mid-batch
    # leaves them out of every later run rather than sending them twice.
    with transaction.atomic():
        ids = list(
            MessageDelivery.objects.select_for_update(skip_locked=True)
            .filter(message_id=message_id, status=MessageDelivery.Status.PENDING)
            .order_by("id")
            .values_list("id", flat=True)[:batch_size]
        )
        if ids:
            MessageDelivery.objects.filter(
                pk__in=ids, status=MessageDelivery.Status.PENDING
            ).update(status=MessageDelivery.Status.SENDING)
    return ids


def broadcast_deliver_batch(*, message_id: int, batch_size: int = DELIVERY_BATCH_SIZE) -> int:
    """Send one batch of pending deliveries through Django's mail layer; returns how many
    were attempted (0 when the message is complete, which then marks it sent)."""
    message = BroadcastMessage.objects.select_related("organisation").get(pk=message_id)
    ids = _claim_batch(message_id, batch_size)
    if not ids:
        with transaction.atomic():
            locked = BroadcastMessage.objects.select_for_update().get(pk=message_id)
            if (
                locked.status == BroadcastMessage.Status.SENDING
                and not locked.deliveries.filter(
                    status__in=[MessageDelivery.Status.PENDING, MessageDelivery.Status.SENDING]
                ).exists()
            ):
                locked.status = BroadcastMessage.Status.SENT
                locked.sent_at = timezone.now()
                locked.save(update_fields=["status", "sent_at", "updated_at"])
                audit.log(locked, "engagement.message.sent", actor=None)
        return 0
    deliveries = MessageDelivery.objects.filter(pk__in=ids).select_related("subscriber")
    base_url = settings.GONGKAI_PUBLIC_BASE_URL.rstrip("/")
    connection = get_connection()
    connection.open()
    try:
        for delivery in deliveries:
            manage_url = base_url + reverse(
                "portal:subscription_manage", args=[delivery.subscriber.token]
            )
            email = EmailMessage(
                subject=message.subject,
                body=f"{message.body}\n\n——{message.organisation.name}\n"
                f"反馈意见、修改订阅或退订：{manage_url}",
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[delivery.subscriber.email],
                connection=connection,
            )
            try:
                email.send()
            except Exception as error:  # one bad address must not stop the batch
                logger.warning("delivery %s failed: %s", delivery.pk, error)
                MessageDelivery.objects.filter(pk=delivery.pk).update(
                    status=MessageDelivery.Status.FAILED, error=str(error)[:300]
                )
            else:
                MessageDelivery.objects.filter(pk=delivery.pk).update(
                    status=MessageDelivery.Status.SENT, sent_at=timezone.now()
                )
    finally:
        connection.close()
    return len(ids)


def broadcast_deliver_all(*, message_id: int, batch_size: int = DELIVERY_BATCH_SIZE) -> int:
    total = 0
    while True:
        sent = broadcast_deliver_batch(message_id=message_id, batch_size=batch_size)
        if not sent:
            return total
        total += sent


# --- feedback ----------------------------------------------------------------------------------


@transaction.atomic
def enterprise_feedback_submit(
    *,
    actor: Any = None,
    organisation: Organisation,
    enterprise_name: str,
    content: str,
    contact_email: str = "",
    contact_phone: str = "",
    subscriber: EnterpriseSubscriber | None = None,
    message: BroadcastMessage | None = None,
    received_at: Any = None,
) -> EnterpriseFeedback:
    staff = actor is not None and getattr(actor, "is_authenticated", False)
    if staff:
        _require_manage(actor, organisation)
    if not enterprise_name.strip():
        raise ApplicationError("请填写企业名称。")
    if not content.strip():
        raise ApplicationError("请填写意见建议。")
    contact_email = _checked_email(contact_email, required=False)
    feedback = EnterpriseFeedback.objects.create(
        organisation=organisation,
        subscriber=subscriber,
        message=message,
        source=EnterpriseFeedback.Source.STAFF if staff else EnterpriseFeedback.Source.PORTAL,
        enterprise_name=enterprise_name.strip(),
        contact_email=contact_email,
        contact_phone=contact_phone.strip(),
        content=content.strip(),
        received_at=received_at or timezone.now(),
    )
    audit.log(feedback, "engagement.feedback.received", actor=actor)
    return feedback


@transaction.atomic
def enterprise_feedback_answer(
    *, actor: Any, feedback: EnterpriseFeedback, answer: str
) -> EnterpriseFeedback:
    _require_manage(actor, feedback.organisation)
    if not answer.strip():
        raise ApplicationError("请填写答复内容。")
    feedback.answer = answer.strip()
    feedback.answered_at = timezone.now()
    feedback.answered_by = actor
    feedback.save(update_fields=["answer", "answered_at", "answered_by"])
    audit.log(feedback, "engagement.feedback.answered", actor=actor)
    if feedback.contact_email:
        recipient = feedback.contact_email
        subject = f"关于您反馈意见的答复（{feedback.organisation.name}）"
        body = (
            f"{feedback.enterprise_name}：\n\n您的意见：{feedback.content}"
            f"\n\n答复：{feedback.answer}"
        )
        transaction.on_commit(
            lambda: EmailMessage(
                subject=subject,
                body=body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[recipient],
            ).send(fail_silently=True)
        )
    return feedback
