"""Org 1's consultation records, added to a matrix World on first use.

Shared by the back-office and API permission matrices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gongkai.backoffice.tests.world import World
from gongkai.consultations.models import Channel
from gongkai.consultations.tests.factories import (
    ConsultationFactory,
    ConsultationTallyFactory,
    ConsultationTopicFactory,
    FaqEntryFactory,
)


@dataclass
class ConsultationWorld:
    topic: Any
    consultation: Any
    tally: Any
    faq_entry: Any


def consultation_world(world: World) -> ConsultationWorld:
    existing = getattr(world, "_consultation_world", None)
    if existing is not None:
        return existing  # type: ignore[no-any-return]
    topic = ConsultationTopicFactory(organisation=world.org1, name="企业登记")
    consultation = ConsultationFactory(
        organisation=world.org1,
        channel=Channel.ON_SITE,
        topic=topic,
        question="甲局2024年度部门预算在哪里可以查到？",
        answer="已在门户网站主动公开目录“财政预决算”栏目公布。",
        asker_name="张三",
    )
    tally = ConsultationTallyFactory(organisation=world.org1, topic=topic, count=57)
    faq_entry = FaqEntryFactory(organisation=world.org1, topic=topic, published=False)
    result = ConsultationWorld(topic, consultation, tally, faq_entry)
    world._consultation_world = result  # type: ignore[attr-defined]
    return result


def consultation_pk(attribute: str) -> Any:
    return lambda world: {"pk": getattr(consultation_world(world), attribute).pk}


def fast_entry_data(world: World) -> dict[str, Any]:
    return {"organisation": world.org1.pk, "channel": "phone", "question": "办事指南在哪里领取？"}


def tally_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "channel": "phone",
        "date": (dt.date.today() - dt.timedelta(days=1)).isoformat(),
        "count": 20,
    }


def topic_data(world: World) -> dict[str, Any]:
    return {"organisation": world.org1.pk, "name": "投资项目审批", "sort_order": 1}


def faq_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "question": "便民服务卡在哪里领取？",
        "answer": "政务服务大厅一楼咨询台。",
        "sort_order": 0,
    }
