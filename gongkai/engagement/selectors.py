"""Reads of 政企互动, scoped to the actor's organisations (staff) or to what is public."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

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


def _organisations(actor: Any) -> Any:
    return permissions.organisations_with(actor, permissions.ENGAGEMENT_VIEW)


def meeting_list_for_actor(
    *,
    actor: Any,
    kind: str | None = None,
    year: int | None = None,
    query: str | None = None,
) -> QuerySet[Meeting]:
    meetings = Meeting.objects.filter(organisation__in=_organisations(actor))
    if kind:
        meetings = meetings.filter(kind=kind)
    if year is not None:
        meetings = meetings.filter(held_on__year=year)
    if query:
        meetings = meetings.filter(Q(title__icontains=query) | Q(co_organisers__icontains=query))
    return (
        meetings.select_related("organisation")
        .annotate(registration_count=Count("registrations"))
        .order_by("-held_on", "-id")  # Meta.ordering does not survive the GROUP BY
    )


def meeting_get_for_actor(*, actor: Any, pk: int) -> Meeting | None:
    return meeting_list_for_actor(actor=actor).filter(pk=pk).first()


def registration_get_for_actor(*, actor: Any, pk: int) -> MeetingRegistration | None:
    return (
        MeetingRegistration.objects.filter(meeting__organisation__in=_organisations(actor), pk=pk)
        .select_related("meeting__organisation")
        .first()
    )


def topic_list_for_actor(*, actor: Any) -> QuerySet[SubscriptionTopic]:
    return (
        SubscriptionTopic.objects.filter(organisation__in=_organisations(actor))
        .select_related("organisation")
        .annotate(
            subscriber_count=Count(
                "subscribers", filter=Q(subscribers__unsubscribed_at__isnull=True)
            )
        )
        # Meta.ordering is dropped from GROUP BY queries; pages need a stable order.
        .order_by("organisation", "name")
    )


def subscriber_list_for_actor(
    *,
    actor: Any,
    topic_id: int | None = None,
    active: bool | None = None,
    query: str | None = None,
) -> QuerySet[EnterpriseSubscriber]:
    subscribers = EnterpriseSubscriber.objects.filter(organisation__in=_organisations(actor))
    if topic_id is not None:
        subscribers = subscribers.filter(topics__id=topic_id)
    if active is True:
        subscribers = subscribers.filter(unsubscribed_at__isnull=True)
    elif active is False:
        subscribers = subscribers.filter(unsubscribed_at__isnull=False)
    if query:
        subscribers = subscribers.filter(
            Q(enterprise_name__icontains=query)
            | Q(email__icontains=query)
            | Q(credit_code=query.upper())
        )
    return subscribers.select_related("organisation").distinct()


def subscriber_get_for_actor(*, actor: Any, pk: int) -> EnterpriseSubscriber | None:
    return subscriber_list_for_actor(actor=actor).filter(pk=pk).first()


def message_list_for_actor(*, actor: Any, status: str | None = None) -> QuerySet[BroadcastMessage]:
    messages = BroadcastMessage.objects.filter(organisation__in=_organisations(actor))
    if status:
        messages = messages.filter(status=status)
    return (
        messages.select_related("organisation", "topic")
        .annotate(
            delivered=Count("deliveries", filter=Q(deliveries__status=MessageDelivery.Status.SENT)),
            pending=Count(
                "deliveries", filter=Q(deliveries__status=MessageDelivery.Status.PENDING)
            ),
            failed=Count(
                "deliveries",
                filter=Q(
                    deliveries__status__in=[
                        MessageDelivery.Status.FAILED,
                        MessageDelivery.Status.SENDING,
                    ]
                ),
            ),
        )
        .order_by("-created_at", "-id")
    )


def message_get_for_actor(*, actor: Any, pk: int) -> BroadcastMessage | None:
    return message_list_for_actor(actor=actor).filter(pk=pk).first()


def feedback_list_for_actor(
    *, actor: Any, answered: bool | None = None, query: str | None = None
) -> QuerySet[EnterpriseFeedback]:
    feedback = EnterpriseFeedback.objects.filter(organisation__in=_organisations(actor))
    if answered is True:
        feedback = feedback.filter(answered_at__isnull=False)
    elif answered is False:
        feedback = feedback.filter(answered_at__isnull=True)
    if query:
        feedback = feedback.filter(
            Q(enterprise_name__icontains=query) | Q(content__icontains=query)
        )
    return feedback.select_related("organisation", "message")


def feedback_get_for_actor(*, actor: Any, pk: int) -> EnterpriseFeedback | None:
    return feedback_list_for_actor(actor=actor).filter(pk=pk).first()


# --- public ------------------------------------------------------------------------------------


def meeting_list_public(*, upcoming: bool | None = None) -> QuerySet[Meeting]:
    meetings = Meeting.objects.filter(is_published=True).select_related("organisation")
    today = timezone.localdate()
    if upcoming is True:
        meetings = meetings.filter(held_on__gte=today).order_by("held_on", "id")
    elif upcoming is False:
        meetings = meetings.filter(held_on__lt=today)
    return meetings.annotate(registration_count=Count("registrations"))


def meeting_get_public(*, pk: int) -> Meeting | None:
    return meeting_list_public().filter(pk=pk).first()


def material_get_public(*, pk: int) -> MeetingMaterial | None:
    return (
        MeetingMaterial.objects.filter(pk=pk, meeting__is_published=True)
        .select_related("meeting")
        .first()
    )


def topic_list_public(*, organisation_id: int | None = None) -> QuerySet[SubscriptionTopic]:
    topics = SubscriptionTopic.objects.filter(is_active=True).select_related("organisation")
    if organisation_id is not None:
        topics = topics.filter(organisation_id=organisation_id)
    return topics


def subscriber_get_by_token(*, token: str) -> EnterpriseSubscriber | None:
    return (
        EnterpriseSubscriber.objects.filter(token=token)
        .select_related("organisation")
        .prefetch_related("topics")
        .first()
    )


def upcoming_after(day: dt.date) -> QuerySet[Meeting]:
    return meeting_list_public().filter(held_on__gte=day)
