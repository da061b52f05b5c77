"""政企互动 of the seed body in 2009: 12 government–enterprise meetings with 800余 (812)
participants, co-organised with 市环保局、市交委、市技术监督局 and 广州检验检疫局; the enterprise
mailing service reaching 近万家 (9,650) enterprises; feedback collected and answered. Also an
upcoming meeting open for registration and the topics a visitor can subscribe to."""

from __future__ import annotations

import datetime as dt
import random
import secrets
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.demo import seed
from gongkai.demo.reception_demo import split_total
from gongkai.engagement.models import (
    BroadcastMessage,
    EnterpriseFeedback,
    EnterpriseSubscriber,
    Meeting,
    MessageDelivery,
    SubscriptionTopic,
)

MEETINGS_2009 = 12
PARTICIPANTS_2009 = 812  # "共计800余人参加"
SUBSCRIBERS_2009 = 9650  # "现已发信息至全市近万家企业"
CENTRE = "市政务服务中心四楼会议室"

# (month, day, kind, title, co-organisers)
MEETINGS: tuple[tuple[int, int, str, str, str], ...] = (
    (3, 18, "briefing", "欧盟绿色贸易措施说明会", "广州检验检疫局"),
    (4, 22, "symposium", "城市建设项目环保审批互动座谈会", "市环保局"),
    (5, 20, "interaction", "广州地区环境影响评价机构互动会", "市环保局"),
    (6, 17, "symposium", "区(县)环保系统审批工作座谈会", "市环保局"),
    (6, 26, "consultation_day", "便民服务咨询日活动", "市交委、市技术监督局"),
    (7, 15, "interaction", "道路运输行业许可政企互动会", "市交委"),
    (8, 19, "briefing", "质量技术监督行政许可政策说明会", "市技术监督局"),
    (9, 16, "training", "进出口企业检验检疫业务培训", "广州检验检疫局"),
    (10, 21, "interaction", "建设项目并联审批政企互动会", "市环保局、市交委"),
    (11, 18, "briefing", "特种设备安全监察政策说明会", "市技术监督局"),
    (12, 9, "training", "网上审批系统企业用户培训", ""),
    (12, 23, "consultation_day", "年终便民服务咨询日活动", "市环保局、市交委、市技术监督局"),
)
TOPICS = (
    ("政务服务信息", "政务服务中心的办事指引、政策宣讲和活动通知。"),
    ("环保审批", "建设项目环境影响评价和环保审批的政策与办事信息。"),
    ("交通运输许可", "道路运输、交通建设等许可事项的政策与办事信息。"),
    ("质量技术监督", "产品质量、特种设备和计量等许可事项的政策与办事信息。"),
    ("检验检疫", "进出口检验检疫政策和技术性贸易措施信息。"),
)
MESSAGES_2009 = (
    (
        dt.date(2009, 4, 10),
        "政务服务中心开展审批处长接访活动的通知",
        "各进驻部门审批处长每月接访，欢迎企业预约咨询。",
    ),
    (
        dt.date(2009, 7, 8),
        "欧盟绿色贸易措施说明会材料发布",
        "说明会讲解材料已在政务在线发布，供企业参考。",
    ),
    (
        dt.date(2009, 10, 12),
        "建设项目并联审批政企互动会报名通知",
        "欢迎建设单位报名参加并联审批政企互动会。",
    ),
    (
        dt.date(2009, 12, 28),
        "2010年元旦期间政务服务中心办公安排",
        "元旦假期期间政务服务中心暂停对外办公，1月4日恢复。",
    ),
)
INDUSTRIES = (
    "贸易",
    "科技",
    "实业",
    "建设工程",
    "物流",
    "电子",
    "食品",
    "环保科技",
    "投资",
    "制造",
)
PLACES = ("天河", "越秀", "海珠", "荔湾", "白云", "黄埔", "番禺", "花都", "南沙", "萝岗")


def _aware(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _topics(organisation: Any) -> dict[str, SubscriptionTopic]:
    result = {}
    for name, description in TOPICS:
        topic, _created = SubscriptionTopic.objects.get_or_create(
            organisation=organisation, name=name, defaults={"description": description}
        )
        result[name] = topic
    return result


def _load_meetings(organisation: Any, admin: Any, rng: random.Random) -> list[str]:
    if Meeting.objects.filter(organisation=organisation, held_on__year=2009).exists():
        return ["政企互动：2009年会议已存在，跳过。"]
    participants = split_total(PARTICIPANTS_2009, len(MEETINGS), rng, minimum=30)
    meetings = [
        Meeting(
            organisation=organisation,
            kind=kind,
            title=title,
            co_organisers=co_organisers,
            held_on=dt.date(2009, month, day),
            start_time=dt.time(14, 30),
            place=CENTRE,
            capacity=max(count, 100),
            description=f"{title}，就新出台的政策和审批要求向企业宣讲、解释并现场答疑。",
            attended_count=count,
        )
        for (month, day, kind, title, co_organisers), count in zip(
            MEETINGS, participants, strict=True
        )
    ]
    Meeting.objects.bulk_create(meetings)
    audit.log(
        organisation,
        "engagement.meeting.imported",
        actor=admin,
        data={"year": 2009, "meetings": len(meetings), "participants": PARTICIPANTS_2009},
    )
    return [f"政企互动：2009年 {len(meetings)} 场会议，共 {PARTICIPANTS_2009} 人参加。"]


def _load_upcoming_meeting(organisation: Any, admin: Any) -> list[str]:
    held_on = timezone.localdate() + dt.timedelta(days=14)
    while held_on.weekday() >= 5:
        held_on += dt.timedelta(days=1)
    if Meeting.objects.filter(
        organisation=organisation, held_on__gte=timezone.localdate()
    ).exists():
        return []
    meeting = Meeting.objects.create(
        organisation=organisation,
        kind=Meeting.Kind.BRIEFING,
        title="优化营商环境政策说明会",
        co_organisers="市发展改革委",
        held_on=held_on,
        start_time=dt.time(14, 30),
        place=CENTRE,
        capacity=120,
        description="解读最新优化营商环境政策措施，现场答疑。欢迎企业网上报名。",
        registration_open=True,
    )
    audit.log(meeting, "engagement.meeting.created", actor=admin)
    return [f"政企互动：{held_on:%Y-%m-%d} 的说明会开放网上报名。"]


def _enterprise_name(rng: random.Random, index: int) -> str:
    return f"广州市{rng.choice(PLACES)}{index:04d}{rng.choice(INDUSTRIES)}有限公司"


def _subscription_days(rng: random.Random, count: int) -> list[dt.date]:
    # The service opened in February 2009; most enterprises joined in the first months.
    days = []
    for _ in range(count):
        offset = int(rng.triangular(0, 320, 40))
        day = dt.date(2009, 2, 1) + dt.timedelta(days=offset)
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
        days.append(day)
    return sorted(days)


def _load_subscriptions(organisation: Any, admin: Any, rng: random.Random) -> list[str]:
    topics = _topics(organisation)
    if EnterpriseSubscriber.objects.filter(
        organisation=organisation, subscribed_at__year=2009
    ).exists():
        return ["企业信息服务：2009年订阅已存在，跳过。"]
    days = _subscription_days(rng, SUBSCRIBERS_2009)
    subscribers = [
        EnterpriseSubscriber(
            organisation=organisation,
            enterprise_name=_enterprise_name(rng, index),
            email=f"qiye{index:05d}@example.com",
            token=secrets.token_urlsafe(32),
            subscribed_at=_aware(day, 9 + index % 8),
        )
        for index, day in enumerate(days, start=1)
    ]
    EnterpriseSubscriber.objects.bulk_create(subscribers, batch_size=1000)
    saved = list(
        EnterpriseSubscriber.objects.filter(
            organisation=organisation, subscribed_at__year=2009
        ).values_list("id", "subscribed_at")
    )
    general = topics["政务服务信息"]
    others = [topic for name, topic in topics.items() if name != "政务服务信息"]
    through = EnterpriseSubscriber.topics.through
    links = []
    for subscriber_id, _subscribed_at in saved:
        links.append(
            through(enterprisesubscriber_id=subscriber_id, subscriptiontopic_id=general.pk)
        )
        for topic in rng.sample(others, rng.randint(0, 2)):
            links.append(
                through(enterprisesubscriber_id=subscriber_id, subscriptiontopic_id=topic.pk)
            )
    through.objects.bulk_create(links, batch_size=2000)
    deliveries_total = 0
    messages = []
    for day, subject, body in MESSAGES_2009:
        sent_at = _aware(day, 15)
        message = BroadcastMessage.objects.create(
            organisation=organisation,
            topic=general,
            subject=subject,
            body=body,
            status=BroadcastMessage.Status.SENT,
            created_by=admin,
            sent_at=sent_at,
        )
        recipients = [pk for pk, subscribed_at in saved if subscribed_at < sent_at]
        MessageDelivery.objects.bulk_create(
            [
                MessageDelivery(
                    message=message,
                    subscriber_id=pk,
                    status=MessageDelivery.Status.SENT,
                    sent_at=sent_at,
                )
                for pk in recipients
            ],
            batch_size=2000,
        )
        deliveries_total += len(recipients)
        messages.append(message)
    feedback = []
    for index in range(36):
        message = messages[index % len(messages)]
        assert message.sent_at is not None
        # Replies come in the days after a message; the year's last ones by 31 December.
        received = min(
            message.sent_at + dt.timedelta(days=1 + index % 9), _aware(dt.date(2009, 12, 31), 16)
        )
        answered = index % 12 != 11
        feedback.append(
            EnterpriseFeedback(
                organisation=organisation,
                message=message,
                source=EnterpriseFeedback.Source.PORTAL,
                enterprise_name=_enterprise_name(rng, 9000 + index),
                contact_email=f"fankui{index:02d}@example.com",
                content=rng.choice(
                    (
                        "建议在信息中附上办事指南的下载链接。",
                        "希望增加环保审批政策解读的推送频次。",
                        "请问接访活动可否在周六安排？",
                        "建议说明会提前两周通知，便于企业安排人员参加。",
                    )
                ),
                received_at=received,
                answer="感谢您的建议，我办已转相关进驻部门研究办理。" if answered else "",
                answered_at=received + dt.timedelta(days=3) if answered else None,
                answered_by=admin if answered else None,
            )
        )
    EnterpriseFeedback.objects.bulk_create(feedback)
    audit.log(
        organisation,
        "engagement.subscriber.imported",
        actor=admin,
        data={
            "subscribers": len(saved),
            "messages": len(messages),
            "deliveries": deliveries_total,
            "feedback": len(feedback),
        },
    )
    return [
        f"企业信息服务：{len(saved)} 家企业订阅，2009年发出 {len(messages)} 条信息，"
        f"送达 {deliveries_total} 次，收到反馈 {len(feedback)} 条。"
    ]


def load(*, organisations: dict[str, Any], users: dict[str, Any], rng_seed: int) -> list[str]:
    organisation = organisations[seed.ZWB]
    admin = users.get(seed.SUPERUSER)
    rng = random.Random(rng_seed + 43)
    with transaction.atomic():
        lines = _load_meetings(organisation, admin, rng)
        lines += _load_upcoming_meeting(organisation, admin)
        lines += _load_subscriptions(organisation, admin, rng)
    return lines
