"""Annual figures of 政企互动, read by the annual report.

`year_statistics` keys (all computed in the database over the organisations given):

- ``engagement.meetings``: meetings held in the year (by ``held_on``);
- ``engagement.meeting_participants``: sum of the attendance taken at those meetings;
- ``engagement.subscribers``: enterprises subscribed on 31 December of the year (subscribed
  by then and not unsubscribed by then);
- ``engagement.messages_sent``: broadcast messages whose sending completed in the year;
- ``engagement.deliveries``: messages delivered to one recipient (送达) in the year;
- ``engagement.feedback``: enterprises' feedback received in the year;
- ``engagement.feedback_answered``: of those, answered.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, Sum
from django.utils import timezone

from gongkai.engagement.models import (
    BroadcastMessage,
    EnterpriseFeedback,
    EnterpriseSubscriber,
    Meeting,
    MessageDelivery,
)


def _year_bounds(year: int) -> tuple[dt.datetime, dt.datetime]:
    start = timezone.make_aware(dt.datetime(year, 1, 1))
    return start, timezone.make_aware(dt.datetime(year + 1, 1, 1))


def year_statistics(*, organisation_ids: list[int], year: int) -> dict[str, int]:
    start, end = _year_bounds(year)
    meetings = Meeting.objects.filter(
        organisation_id__in=organisation_ids, held_on__year=year
    ).aggregate(count=Count("id"), participants=Sum("attended_count"))
    subscribers = EnterpriseSubscriber.objects.filter(
        Q(unsubscribed_at__isnull=True) | Q(unsubscribed_at__gte=end),
        organisation_id__in=organisation_ids,
        subscribed_at__lt=end,
    ).count()
    messages_sent = BroadcastMessage.objects.filter(
        organisation_id__in=organisation_ids, sent_at__gte=start, sent_at__lt=end
    ).count()
    deliveries = MessageDelivery.objects.filter(
        message__organisation_id__in=organisation_ids,
        status=MessageDelivery.Status.SENT,
        sent_at__gte=start,
        sent_at__lt=end,
    ).count()
    feedback = EnterpriseFeedback.objects.filter(
        organisation_id__in=organisation_ids, received_at__gte=start, received_at__lt=end
    ).aggregate(total=Count("id"), answered=Count("id", filter=Q(answered_at__isnull=False)))
    return {
        "engagement.meetings": meetings["count"] or 0,
        "engagement.meeting_participants": meetings["participants"] or 0,
        "engagement.subscribers": subscribers,
        "engagement.messages_sent": messages_sent,
        "engagement.deliveries": deliveries,
        "engagement.feedback": feedback["total"] or 0,
        "engagement.feedback_answered": feedback["answered"] or 0,
    }
