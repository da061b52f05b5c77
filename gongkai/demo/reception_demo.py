"""审批处长接访 of the seed body: monthly receptions of the stationed departments from March
2009 (1,078 staff attendances, 1,540 visitors, 1,540 questions answered on the spot), and open
slots for the coming weeks so that the demo's visitors can book one."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.demo import seed
from gongkai.demo.days import working_days
from gongkai.reception.models import ReceptionSchedule, ReceptionSession, ReceptionSlot

# The 2009 report's figures (正文 三(一)).
STAFF_ATTENDANCES_2009 = 1078
VISITORS_2009 = 1540
QUESTIONS_ANSWERED_2009 = 1540
FIRST_MONTH_2009 = 3  # "从2009年3月起"

STATIONED_DEPARTMENTS: tuple[tuple[str, str, str], ...] = (
    # (department, receiver, title)
    ("市发展改革委", "李建华", "投资处处长"),
    ("市经贸委", "王志强", "审批处处长"),
    ("市外经贸局", "陈敏", "外资处处长"),
    ("市工商局", "刘伟", "企业注册处处长"),
    ("市国土房管局", "张丽", "审批处处长"),
    ("市规划局", "黄海", "报建处处长"),
    ("市建委", "周斌", "审批处处长"),
    ("市环保局", "吴静", "环评处处长"),
    ("市交委", "郑涛", "审批处处长"),
    ("市质监局", "孙磊", "审批处处长"),
    ("市卫生局", "朱红", "医政处处长"),
    ("市食品药品监管局", "胡军", "审批处处长"),
    ("市文化广电新闻出版局", "郭燕", "审批处处长"),
    ("市公安局", "何勇", "出入境管理处负责人"),
    ("市民政局", "高洁", "社团处处长"),
    ("市劳动保障局", "林峰", "审批处处长"),
    ("市人事局", "罗琳", "审批处处长"),
    ("市水务局", "梁斌", "审批处处长"),
    ("市林业园林局", "宋涛", "审批处处长"),
    ("市城管委", "谢敏", "审批处处长"),
    ("市安监局", "韩冰", "审批处处长"),
    ("市科技局", "唐亮", "审批处处长"),
    ("市教育局", "冯雪", "审批处处长"),
    ("市国税局", "邓华", "征管处处长"),
    ("市地税局", "曹阳", "征管处处长"),
    ("广州海关", "彭程", "通关处负责人"),
    ("广州检验检疫局", "曾伟", "审批处负责人"),
    ("市消防局", "萧勇", "防火处处长"),
)
PLACE = "市政务服务中心一楼接访室"
MORNING = (dt.time(9, 30), dt.time(11, 30))


def split_total(total: int, parts: int, rng: random.Random, minimum: int = 0) -> list[int]:
    """`parts` non-negative integers, each at least `minimum`, that sum to `total` exactly."""
    if parts * minimum > total:
        raise ValueError("total too small for the minimum")
    result = [minimum] * parts
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    for index in rng.choices(range(parts), weights=weights, k=total - parts * minimum):
        result[index] += 1
    return result


def _working_day_in(year_days: list[dt.date], month: int, rng: random.Random) -> dt.date:
    days = [day for day in year_days if day.month == month]
    # Mid-month, as the 接访 was announced at the start of each month.
    middle = days[len(days) // 3 : 2 * len(days) // 3 + 1] or days
    return rng.choice(middle)


def _load_2009(organisation: Any, admin: Any, rng: random.Random) -> list[str]:
    if ReceptionSession.objects.filter(organisation=organisation, held_on__year=2009).exists():
        return ["接访：2009年记录已存在，跳过。"]
    months = list(range(FIRST_MONTH_2009, 13))
    pairs = [(month, department) for month in months for department in STATIONED_DEPARTMENTS]
    staff = split_total(STAFF_ATTENDANCES_2009, len(pairs), rng, minimum=1)
    visitors = split_total(VISITORS_2009, len(pairs), rng, minimum=1)
    schedules = []
    for month, (department, receiver, title) in pairs:
        schedules.append(
            ReceptionSchedule(
                organisation=organisation,
                stationed_department_name=department,
                month=dt.date(2009, month, 1),
                receiver_name=receiver,
                receiver_title=title,
                topics="审批业务咨询",
                is_published=True,
            )
        )
    ReceptionSchedule.objects.bulk_create(schedules)
    schedules = list(
        ReceptionSchedule.objects.filter(organisation=organisation, month__year=2009).order_by(
            "month", "id"
        )
    )
    slots = []
    sessions = []
    # Read once for all the year's sessions; a calendar year not entered: Monday to Friday.
    year_days = working_days(2009, weekdays_if_unknown=True)
    for index, schedule in enumerate(schedules):
        held_on = _working_day_in(year_days, schedule.month.month, rng)
        slots.append(
            ReceptionSlot(
                schedule=schedule,
                date=held_on,
                start_time=MORNING[0],
                end_time=MORNING[1],
                place=PLACE,
                capacity=10,
            )
        )
        sessions.append(
            ReceptionSession(
                organisation=organisation,
                schedule=schedule,
                stationed_department_name=schedule.stationed_department_name,
                held_on=held_on,
                staff_dispatched=staff[index],
                visitors_received=visitors[index],
                # Every question put to the receivers was answered on the spot (seed: 1540/1540).
                questions_answered_on_spot=visitors[index],
                recorded_by=admin,
            )
        )
    ReceptionSlot.objects.bulk_create(slots)
    ReceptionSession.objects.bulk_create(sessions)
    audit.log(
        organisation,
        "reception.session.imported",
        actor=admin,
        data={"year": 2009, "sessions": len(sessions), "schedules": len(schedules)},
    )
    return [
        f"接访：2009年 {len(sessions)} 次接访（{len(STATIONED_DEPARTMENTS)} 个进驻部门，3—12月），"
        f"派出 {STAFF_ATTENDANCES_2009} 人次，接待 {VISITORS_2009} 人次，"
        f"现场答复 {QUESTIONS_ANSWERED_2009} 件。"
    ]


def _load_upcoming(organisation: Any, admin: Any, rng: random.Random) -> list[str]:
    """Open slots in the next two months for a few departments (idempotent per month)."""
    today = timezone.localdate()
    created = 0
    for offset in (0, 1):
        year = today.year + (today.month + offset - 1) // 12
        month = (today.month + offset - 1) % 12 + 1
        first = dt.date(year, month, 1)
        if ReceptionSchedule.objects.filter(
            organisation=organisation, month=first, slots__date__gte=today
        ).exists():
            continue
        for department, receiver, title in STATIONED_DEPARTMENTS[:6]:
            schedule = ReceptionSchedule.objects.create(
                organisation=organisation,
                stationed_department_name=department,
                month=first,
                receiver_name=receiver,
                receiver_title=title,
                topics="审批业务咨询",
            )
            day = max(first, today + dt.timedelta(days=1))
            while day.month == month and day.weekday() >= 5:
                day += dt.timedelta(days=1)
            if day.month != month:
                continue
            ReceptionSlot.objects.create(
                schedule=schedule,
                date=day,
                start_time=MORNING[0],
                end_time=MORNING[1],
                place=PLACE,
                capacity=5,
            )
            created += 1
    if created:
        audit.log(organisation, "reception.slot.imported", actor=admin, data={"upcoming": created})
    return [f"接访：新增 {created} 个可预约时段。"] if created else []


def load(*, organisations: dict[str, Any], users: dict[str, Any], rng_seed: int) -> list[str]:
    organisation = organisations[seed.ZWB]
    admin = users.get(seed.SUPERUSER)
    rng = random.Random(rng_seed + 41)
    with transaction.atomic():
        lines = _load_2009(organisation, admin, rng)
        lines += _load_upcoming(organisation, admin, rng)
    return lines
