"""Org 1's reception and engagement records, added to a matrix World on first use.

Shared by the back-office and API permission matrices.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gongkai.backoffice.tests.world import World
from gongkai.engagement.tests.factories import (
    BroadcastMessageFactory,
    EnterpriseFeedbackFactory,
    EnterpriseSubscriberFactory,
    MeetingFactory,
    MeetingRegistrationFactory,
    SubscriptionTopicFactory,
)
from gongkai.reception.tests.factories import (
    ReceptionBookingFactory,
    ReceptionScheduleFactory,
    ReceptionSessionFactory,
    ReceptionSlotFactory,
    next_certain_working_day,
)

RECEPTION_VIEWERS = frozenset({"coordinator", "handler", "approver", "auditor"})
RECEPTION_MANAGERS = frozenset({"coordinator", "handler"})
ENGAGEMENT_VIEWERS = RECEPTION_VIEWERS
ENGAGEMENT_MANAGERS = RECEPTION_MANAGERS


@dataclass
class ReceptionEngagementWorld:
    schedule: Any
    slot: Any
    booking: Any
    session: Any
    meeting: Any
    registration: Any
    topic: Any
    subscriber: Any
    message: Any
    feedback: Any


def reception_engagement_world(world: World) -> ReceptionEngagementWorld:
    existing = getattr(world, "_reception_engagement_world", None)
    if existing is not None:
        return existing  # type: ignore[no-any-return]
    org1 = world.org1
    schedule = ReceptionScheduleFactory(organisation=org1)
    slot = ReceptionSlotFactory(schedule=schedule, capacity=5)
    meeting = MeetingFactory(organisation=org1)
    topic = SubscriptionTopicFactory(organisation=org1, name="甲局主题")
    result = ReceptionEngagementWorld(
        schedule=schedule,
        slot=slot,
        booking=ReceptionBookingFactory(slot=slot),
        session=ReceptionSessionFactory(organisation=org1, schedule=schedule),
        meeting=meeting,
        registration=MeetingRegistrationFactory(meeting=meeting),
        topic=topic,
        subscriber=EnterpriseSubscriberFactory(organisation=org1, topics=[topic]),
        message=BroadcastMessageFactory(organisation=org1, topic=topic),
        feedback=EnterpriseFeedbackFactory(organisation=org1),
    )
    world._reception_engagement_world = result  # type: ignore[attr-defined]
    return result


def rew_pk(attribute: str) -> Callable[[World], dict[str, Any]]:
    return lambda world: {"pk": getattr(reception_engagement_world(world), attribute).pk}


def schedule_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "stationed_department_name": "市规划局",
        "month": "2026-05-01",
        "receiver_name": "黄海",
        "is_published": "on",
    }


def session_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "stationed_department_name": "市规划局",
        "held_on": "2025-03-05",
        "staff_dispatched": 3,
        "visitors_received": 5,
        "questions_answered_on_spot": 5,
    }


def slot_data(world: World) -> dict[str, Any]:
    month = reception_engagement_world(world).schedule.month
    return {
        # Slots are offered only on days certainly worked.
        "date": next_certain_working_day(month + dt.timedelta(days=20)).isoformat(),
        "start_time": "09:30",
        "end_time": "11:30",
        "place": "接访室",
        "capacity": 4,
    }


def meeting_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "kind": "briefing",
        "title": "政策说明会",
        "held_on": "2026-06-10",
        "place": "会议室",
        "capacity": 80,
        "is_published": "on",
    }


def material_upload(world: World) -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gongkai.catalogue.tests.factories import MINIMAL_PDF

    return {"file": SimpleUploadedFile("材料.pdf", MINIMAL_PDF, content_type="application/pdf")}


def subscriber_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "enterprise_name": "广州市矩阵测试有限公司",
        "email": "juzhen@example.com",
        "topics": [reception_engagement_world(world).topic.pk],
    }


def topic_data(world: World) -> dict[str, Any]:
    return {"organisation": world.org1.pk, "name": "新主题"}


def message_data(world: World) -> dict[str, Any]:
    return {
        "topic": reception_engagement_world(world).topic.pk,
        "subject": "通知",
        "body": "正文",
    }


def feedback_data(world: World) -> dict[str, Any]:
    return {"organisation": world.org1.pk, "enterprise_name": "某公司", "content": "建议"}


def built(world: World) -> dict[str, Any]:
    """URL kwargs of a list/create page whose form data names org 1's records: build them
    before the calls (each call is rolled back)."""
    reception_engagement_world(world)
    return {}
