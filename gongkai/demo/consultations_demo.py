"""咨询 of the seed body: its 2009 consultations exactly as the 附表 counts them (14,330 phone,
19,840 on site: 34,170 in all, the 附表 winning over the text's 17,500), mostly as daily
tallies over 2009's working days with a monthly rhythm plus a few individual records; the
《常见问题及疑难问题咨询解答》 as published FAQ entries; and recent 留言咨询 from the portal."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.consultations.models import (
    Channel,
    Consultation,
    ConsultationTally,
    ConsultationTopic,
    FaqEntry,
)
from gongkai.core import audit
from gongkai.demo import seed
from gongkai.demo.days import working_days
from gongkai.search.tokenize import join_fields

# 附表2 咨询情况统计.
PHONE_2009 = 14330
ON_SITE_2009 = 19840
# Of those, typed one by one (the rest are daily tallies).
PHONE_RECORDS_2009 = 30
ON_SITE_RECORDS_2009 = 40

TOPICS: tuple[tuple[str, float], ...] = (
    ("企业登记注册", 0.24),
    ("投资项目审批", 0.16),
    ("建设工程报建", 0.15),
    ("办事指南与申报材料", 0.18),
    ("办理进度查询", 0.12),
    ("政府信息公开", 0.03),
    ("中心服务与设施", 0.12),
)
# Spring Festival in late January 2009 and the National Day week make those months quieter.
MONTH_WEIGHTS = {
    1: 0.85,
    2: 0.9,
    3: 1.1,
    4: 1.05,
    5: 0.95,
    6: 1.05,
    7: 1.05,
    8: 1.0,
    9: 1.05,
    10: 0.85,
    11: 1.05,
    12: 1.1,
}
WEEKDAY_WEIGHTS = {0: 1.2, 1: 1.05, 2: 1.0, 3: 1.0, 4: 0.85, 5: 0.7, 6: 0.7}

QUESTIONS: tuple[tuple[str, str, str], ...] = (
    (
        "企业登记注册",
        "内资有限公司设立登记需要提交哪些材料？",
        "需提交设立登记申请书、公司章程、股东主体资格证明、名称预先核准通知书、住所使用证明等，具体以市工商局窗口办事指南为准。",
    ),
    (
        "企业登记注册",
        "企业名称预先核准需要多长时间？",
        "材料齐全的，市工商局窗口即时办结或在3个工作日内办结。",
    ),
    (
        "投资项目审批",
        "企业投资项目核准和备案有什么区别？",
        "列入政府核准目录的项目实行核准制，其余实行备案制，可到市发展改革委窗口咨询所属类别。",
    ),
    (
        "建设工程报建",
        "办理建设工程规划许可证要先办哪些手续？",
        "一般需先取得建设用地规划许可和用地批准文件，并完成设计方案审查，详见市规划局窗口办事指南。",
    ),
    (
        "办事指南与申报材料",
        "办事指南在哪里可以领取？",
        "政务服务大厅各窗口和一楼咨询台免费领取，也可在政务在线网站下载。",
    ),
    (
        "办理进度查询",
        "我上周递交的申请现在办到哪一步了？",
        "可凭受理通知书上的编号到原窗口或拨打该部门窗口电话查询办理进度。",
    ),
    (
        "中心服务与设施",
        "政务服务中心周六是否办公？",
        "市政务服务中心周一至周五办公，法定节假日除外，部分窗口另行公告。",
    ),
    (
        "中心服务与设施",
        "中心附近有没有停车场？",
        "中心地下停车场对办事群众开放，另可乘坐地铁或公交到达。",
    ),
    (
        "政府信息公开",
        "如何申请公开政府信息？",
        "可向掌握该信息的行政机关提交书面申请，当面、邮寄、传真或网上提交均可；市政务办的申请由政务服务处受理。",
    ),
    (
        "办事指南与申报材料",
        "外地身份证能否在广州办理个体工商户登记？",
        "可以，持有效身份证件按规定提交材料即可。",
    ),
)
FAQ_SOURCE = "《常见问题及疑难问题咨询解答》"
FAQ: tuple[tuple[str, str, str], ...] = (
    (
        "中心服务与设施",
        "市政务服务中心的办公时间是什么？",
        "周一至周五上午9:00—12:00，下午13:00—17:00，法定节假日除外。",
    ),
    (
        "中心服务与设施",
        "服务保障电话是多少？",
        "进驻部门故障申报和服务评价统一使用服务保障电话38920001。",
    ),
    (
        "办事指南与申报材料",
        "办事指南在哪里领取或下载？",
        "政务服务大厅各窗口和一楼咨询台免费领取；广州政务在线网站可下载最新版本。",
    ),
    (
        "办事指南与申报材料",
        "申报材料需要提交原件还是复印件？",
        "一般提交复印件并现场核对原件，具体以各事项办事指南所列要求为准。",
    ),
    (
        "企业登记注册",
        "设立有限责任公司的一般流程是怎样的？",
        "名称预先核准、提交设立登记申请、领取营业执照，之后办理组织机构代码和税务登记。",
    ),
    (
        "企业登记注册",
        "企业变更住所需要办理哪些手续？",
        "向原登记机关申请变更登记，提交新住所使用证明等材料。",
    ),
    (
        "投资项目审批",
        "外商投资项目在哪里办理核准？",
        "按投资规模和行业分别由市发展改革委或上级部门核准，可先到市发展改革委窗口咨询。",
    ),
    (
        "投资项目审批",
        "什么是串并联审批？",
        "对跨部门的关联审批事项，由牵头部门统一受理、相关部门同步审查，缩短办理时间。",
    ),
    (
        "建设工程报建",
        "建设项目环境影响评价文件由谁审批？",
        "按项目类别和规模由市环保局或区（县）环保部门审批，市环保局窗口提供咨询。",
    ),
    (
        "建设工程报建",
        "施工许可证办理需要多长时间？",
        "材料齐全、符合条件的，市建委窗口在法定时限内办结，具体见办事指南。",
    ),
    (
        "办理进度查询",
        "如何查询审批事项的办理进度？",
        "可凭受理编号在政务在线网站查询，或到受理窗口、拨打窗口电话查询。",
    ),
    (
        "办理进度查询",
        "办理超时怎么办？",
        "可向市政务办协调督办处反映，或通过政务在线投诉建议栏目投诉。",
    ),
    (
        "政府信息公开",
        "如何申请政府信息公开？",
        "向掌握信息的行政机关提交申请，写明申请人信息、所需信息的名称或特征描述及获取方式。",
    ),
    (
        "政府信息公开",
        "申请政府信息公开收费吗？",
        "行政机关依申请提供政府信息，不收取费用；申请数量、频次明显超过合理范围的，可以收取信息处理费。",
    ),
    (
        "中心服务与设施",
        "政务资讯大厅提供哪些服务？",
        "提供现行文件查询、自助查询终端、期刊借阅和政务信息数据库链接等免费服务。",
    ),
    (
        "中心服务与设施",
        "如何预约审批处长接访？",
        "在广州政务在线审批处长接访专栏或中心大堂查看接访安排并预约。",
    ),
)
MESSAGES: tuple[tuple[str, str], ...] = (
    (
        "请问办理食品流通许可证需要准备什么材料？",
        "请参阅市工商局办事指南“食品流通许可”，或到窗口领取材料清单。",
    ),
    ("中心有没有代办服务？", "中心设有咨询导办台，可协助填写表格并指引办理流程。"),
    ("申请政府信息公开可以网上提交吗？", "可以，在本门户“依申请公开”栏目在线提交。"),
    ("周末能否预约办理业务？", "中心周末不办公，请在工作日前来办理。"),
    ("营业执照遗失怎样补办？", "先登报声明作废，再向登记机关申请补领。"),
    ("请问在哪里可以查到现行有效的政策文件？", "可在政务资讯大厅现行文件查询区或本门户检索。"),
)


def _apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Split `total` into integers proportional to `weights` that add up exactly."""
    scale = sum(weights)
    shares = [total * weight / scale for weight in weights]
    parts = [int(share) for share in shares]
    order = sorted(range(len(shares)), key=lambda i: shares[i] - parts[i], reverse=True)
    for index in order[: total - sum(parts)]:
        parts[index] += 1
    return parts


def _moment(day: dt.date, rng: random.Random) -> dt.datetime:
    hour = rng.choice([9, 9, 10, 10, 10, 11, 14, 14, 15, 15, 16])
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, rng.randrange(60))))


def _topics(organisation: Any, admin: Any) -> dict[str, ConsultationTopic]:
    topics = {}
    for order, (name, _weight) in enumerate(TOPICS):
        topic, created = ConsultationTopic.objects.get_or_create(
            organisation=organisation, name=name, defaults={"sort_order": order}
        )
        if created:
            audit.log(topic, "consultations.topic.created", actor=admin, data={"name": name})
        topics[name] = topic
    return topics


def _load_2009(
    organisation: Any,
    topics: dict[str, ConsultationTopic],
    staff: list[Any],
    admin: Any,
    rng: random.Random,
) -> list[str]:
    if (
        ConsultationTally.objects.filter(organisation=organisation, date__year=2009).exists()
        or Consultation.objects.filter(organisation=organisation, occurred_at__year=2009).exists()
    ):
        return ["咨询 2009：已存在，跳过。"]
    days = working_days(2009)
    day_weights = [
        MONTH_WEIGHTS[day.month] * WEEKDAY_WEIGHTS[day.weekday()] * rng.uniform(0.85, 1.15)
        for day in days
    ]
    topic_weights = [weight for _name, weight in TOPICS]
    records: list[Consultation] = []
    for channel, count in (
        (Channel.PHONE, PHONE_RECORDS_2009),
        (Channel.ON_SITE, ON_SITE_RECORDS_2009),
    ):
        for _ in range(count):
            topic_name, question, answer = rng.choice(QUESTIONS)
            day = rng.choice(days)
            moment = _moment(day, rng)
            records.append(
                Consultation(
                    organisation=organisation,
                    channel=channel,
                    occurred_at=moment,
                    topic=topics[topic_name],
                    question=question,
                    answer=answer,
                    answered_at=moment + dt.timedelta(minutes=rng.randint(2, 15)),
                    staff=rng.choice(staff),
                    duration_minutes=rng.randint(2, 15),
                )
            )
    # A few on-site questions belonged to a stationed department: referred on.
    for consultation in records[-5:]:
        consultation.referred, consultation.referred_to = True, "市工商局窗口"
    Consultation.objects.bulk_create(records)
    tallies: list[ConsultationTally] = []
    for channel, total, typed in (
        (Channel.PHONE, PHONE_2009, PHONE_RECORDS_2009),
        (Channel.ON_SITE, ON_SITE_2009, ON_SITE_RECORDS_2009),
    ):
        for day, day_count in zip(days, _apportion(total - typed, day_weights), strict=True):
            for (name, _weight), count in zip(
                TOPICS, _apportion(day_count, topic_weights), strict=True
            ):
                if count:
                    tallies.append(
                        ConsultationTally(
                            organisation=organisation,
                            date=day,
                            channel=channel,
                            topic=topics[name],
                            count=count,
                            entered_by=rng.choice(staff),
                        )
                    )
    ConsultationTally.objects.bulk_create(tallies, batch_size=1000)
    audit.log(
        organisation,
        "consultations.tally.imported",
        actor=admin,
        data={
            "year": 2009,
            "records": len(records),
            "tallies": len(tallies),
            "phone": PHONE_2009,
            "on_site": ON_SITE_2009,
        },
    )
    return [
        f"咨询 2009：电话 {PHONE_2009} 人次、现场 {ON_SITE_2009} 人次"
        f"（{len(records)} 条逐条记录，{len(tallies)} 条日统计，{len(days)} 个工作日）。"
    ]


def _load_faq(organisation: Any, topics: dict[str, ConsultationTopic], admin: Any) -> list[str]:
    if FaqEntry.objects.filter(organisation=organisation).exists():
        return ["常见问题：已存在，跳过。"]
    entries = [
        FaqEntry(
            organisation=organisation,
            topic=topics[topic_name],
            question=question,
            answer=f"{answer}（摘自{FAQ_SOURCE}）",
            published=True,
            sort_order=order,
            search_text=join_fields(question, f"{answer}（摘自{FAQ_SOURCE}）"),
        )
        for order, (topic_name, question, answer) in enumerate(FAQ)
    ]
    FaqEntry.objects.bulk_create(entries)
    audit.log(
        organisation,
        "consultations.faq_entry.imported",
        actor=admin,
        data={"source": FAQ_SOURCE, "entries": len(entries)},
    )
    return [f"常见问题：{len(entries)} 条（{FAQ_SOURCE}），已发布。"]


def _load_messages(
    organisation: Any, staff: list[Any], admin: Any, rng: random.Random
) -> list[str]:
    if Consultation.objects.filter(
        organisation=organisation, channel=Channel.ONLINE_MESSAGE
    ).exists():
        return ["留言咨询：已存在，跳过。"]
    today = timezone.localdate()
    surnames = "陈李张黄林王吴刘周郑何梁"
    messages: list[Consultation] = []
    for index in range(24):
        question, answer = MESSAGES[index % len(MESSAGES)]
        asked = _moment(today - dt.timedelta(days=rng.randint(3, 300)), rng)
        answered = index % 6 != 5  # a few still wait for an answer
        messages.append(
            Consultation(
                organisation=organisation,
                channel=Channel.ONLINE_MESSAGE,
                occurred_at=asked,
                question=question,
                answer=answer if answered else "",
                answered_at=asked + dt.timedelta(days=rng.randint(1, 4)) if answered else None,
                staff=rng.choice(staff) if answered else None,
                asker_name=rng.choice(surnames) + rng.choice(["先生", "女士", "小明", "建华"]),
                asker_contact=f"13{rng.randint(100000000, 999999999)}",
                allow_publish=index % 4 != 3,
            )
        )
    Consultation.objects.bulk_create(messages)
    audit.log(
        organisation,
        "consultations.consultation.imported",
        actor=admin,
        data={"online_messages": len(messages)},
    )
    shown = sum(1 for message in messages if message.is_public)
    return [f"留言咨询：{len(messages)} 条（门户公开 {shown} 条）。"]


def load(*, organisations: dict[str, Any], users: dict[str, Any], rng_seed: int) -> list[str]:
    organisation = organisations[seed.ZWB]
    admin = users.get(seed.SUPERUSER)
    staff = [user for key in ("coordinator", "handler") if (user := users.get(key))] or [admin]
    rng = random.Random(rng_seed + 17)
    with transaction.atomic():
        topics = _topics(organisation, admin)
        lines = _load_2009(organisation, topics, staff, admin, rng)
        lines += _load_faq(organisation, topics, admin)
        lines += _load_messages(organisation, staff, admin, rng)
    return lines
