"""The seed body's 2009 government–enterprise work, as the 2009 report states it."""

from __future__ import annotations

import pytest

from gongkai.demo import engagement_demo, seed
from gongkai.engagement.models import Meeting, MessageDelivery
from gongkai.engagement.statistics import year_statistics
from gongkai.organisations.models import Organisation
from gongkai.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

NAMED = (
    "欧盟绿色贸易措施说明会",
    "城市建设项目环保审批互动座谈会",
    "广州地区环境影响评价机构互动会",
    "区(县)环保系统审批工作座谈会",
)


def _load() -> Organisation:
    # The seed body alone: this section needs nothing else of the demo.
    zwb = OrganisationFactory(name="广州市人民政府政务管理办公室")
    engagement_demo.load(organisations={seed.ZWB: zwb}, users={}, rng_seed=2009)
    return zwb


def test_2009_figures_equal_the_seed_report() -> None:
    zwb = _load()
    figures = year_statistics(organisation_ids=[zwb.pk], year=2009)
    assert figures["engagement.meetings"] == 12
    assert figures["engagement.meeting_participants"] == 812  # 800余
    assert figures["engagement.subscribers"] == 9650  # 近万家
    assert figures["engagement.messages_sent"] == 4
    # Every subscribed enterprise received at least the year's last message.
    recipients = (
        MessageDelivery.objects.filter(sent_at__year=2009, status="sent")
        .values("subscriber")
        .distinct()
        .count()
    )
    assert recipients == 9650
    assert figures["engagement.deliveries"] > recipients
    assert figures["engagement.feedback"] == 36
    assert figures["engagement.feedback_answered"] == 33
    titles = set(Meeting.objects.filter(held_on__year=2009).values_list("title", flat=True))
    assert set(NAMED) <= titles
    co_organisers = "、".join(
        Meeting.objects.filter(held_on__year=2009).values_list("co_organisers", flat=True)
    )
    for body in ("市环保局", "市交委", "市技术监督局", "广州检验检疫局"):
        assert body in co_organisers


def test_loading_twice_creates_nothing_more() -> None:
    zwb = _load()
    before = year_statistics(organisation_ids=[zwb.pk], year=2009)
    meetings = Meeting.objects.count()
    engagement_demo.load(organisations={seed.ZWB: zwb}, users={}, rng_seed=2009)
    assert Meeting.objects.count() == meetings
    assert year_statistics(organisation_ids=[zwb.pk], year=2009) == before
