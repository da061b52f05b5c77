"""The seed body's 2009 service-hall work outside consultations: 办事指南 revised and printed
(138 revisions; 9 batches, 595 items, 595,000 copies; 2,570 便民服务卡), complaints and
suggestions received through the 政务在线 投诉建议 column, the stationed departments'
evaluations under 《市政务办服务保障评价方法（试行）》 and fault reports on 38920001.

The seed gives no count for complaints, evaluations or faults; the demo's are plausible ones
(named below) so that the annual report has something to state. Records are bulk-created with
one audit entry per batch; every part is skipped when its 2009 rows already exist.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from gongkai.complaints import numbering
from gongkai.complaints.models import DEFAULT_ANSWER_WORKING_DAYS, Complaint
from gongkai.complaints.services import new_access_code
from gongkai.core import audit
from gongkai.demo import seed
from gongkai.demo.days import working_days
from gongkai.service_desk.models import FaultReport, ServiceEvaluation
from gongkai.service_guides.models import GuidePrintRun, ServiceGuide, ServiceItem
from gongkai.workdays.calendar import add_working_days

YEAR = 2009
# 正文 三(三)1: "2009年共修改调整办事指南138项，印制办事指南9批595项595000份".
GUIDE_REVISIONS_2009 = 138
PRINT_BATCH_ITEMS_2009 = (80, 72, 65, 60, 70, 58, 66, 64, 60)
COPIES_PER_ITEM = 1000
# 正文 三(三)2: "印制了2570张便民服务卡".
SERVICE_CARD_RUNS_2009 = (2000, 570)
# Not in the seed; plausible figures for the demo.
COMPLAINTS_2009 = {"complaint": 21, "suggestion": 19, "praise": 8}
LATE_REPLIES_2009 = 2
EVALUATION_QUARTERS = 4
FAULTS_2009 = 126
FAULTS_OPEN_AT_YEAR_END = 2

STATIONED_DEPARTMENTS: tuple[tuple[str, str | None], ...] = (
    # (name, organisation key of the demo when it exists)
    ("市发展改革委", None),
    ("市外经贸局", None),
    ("市工商局", None),
    ("市国土房管局", None),
    ("市规划局", None),
    ("市建委", None),
    ("市环保局", "hb"),
    ("市交委", "jt"),
    ("市质监局", "zj"),
    ("市卫生局", None),
    ("市食品药品监管局", None),
    ("市公安局", None),
)
SERVICE_NAMES = (
    "建设项目环境影响评价文件审批",
    "排污许可证核发",
    "道路运输经营许可",
    "出租汽车经营许可",
    "特种设备安装改造维修许可",
    "工业产品生产许可证初审",
    "企业设立登记",
    "外商投资企业设立审批",
    "建设工程规划许可证核发",
    "建筑工程施工许可证核发",
    "医疗机构执业登记",
    "药品经营许可证核发",
    "固定资产投资项目核准",
    "国有土地使用权出让审批",
    "出入境证件办理",
)
FAULT_TEXTS = (
    "窗口电脑无法登录审批系统。",
    "叫号机不出号。",
    "打印机卡纸，无法打印回执。",
    "窗口电话无拨号音。",
    "网络中断，无法上传材料。",
    "空调不制冷。",
    "触摸屏查询终端黑屏。",
)
COMPLAINT_SUBJECTS = {
    "complaint": ("窗口等候时间过长", "咨询电话难打通", "办事指南与实际要求不一致"),
    "suggestion": ("建议延长午间服务", "建议增加网上预约", "建议增设自助复印机"),
    "praise": ("表扬工商窗口工作人员", "感谢环保窗口耐心解答"),
}


def _aware(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _guide_text(name: str, department: str, version: int) -> dict[str, str]:
    return {
        "basis": f"有关法律、法规及规章关于“{name}”的规定。",
        "conditions": "申请人符合法定条件，申请材料齐全、符合法定形式。",
        "materials": "1. 申请表；2. 申请人身份证明或营业执照复印件；3. 其他依法应提交的材料。",
        "process": "窗口受理—审查—决定—窗口送达。",
        "time_limit": f"{max(20 - 3 * (version - 1), 5)}个工作日",
        "fees": "不收费",
        "place": f"广州市政务服务中心 {department}窗口",
        "contact": "020-38920851",
    }


def _ensure_guides(
    organisation: Any, organisations: dict[str, Any], rng: random.Random
) -> list[str]:
    if ServiceGuide.objects.filter(
        service_item__organisation=organisation, revised_on__year=YEAR
    ).exists():
        return []
    names = [(n, d) for d in STATIONED_DEPARTMENTS for n in SERVICE_NAMES][:180]
    items = ServiceItem.objects.bulk_create(
        [
            ServiceItem(
                organisation=organisation,
                code=f"ZWZX-{index + 1:04d}",
                name=f"{name}（{department}）",
                department=organisations.get(key) if key else None,
                department_name=department,
            )
            for index, (name, (department, key)) in enumerate(names)
        ]
    )
    # The first version of every guide dates from the centre's opening year.
    first = [
        ServiceGuide(
            service_item=item,
            version=1,
            revised_on=dt.date(2008, 10, 6),
            published=True,
            published_at=_aware(dt.date(2008, 10, 6), 9, 0),
            **_guide_text(item.name, item.department_name, 1),
        )
        for item in items
    ]
    # The year's working days are read once: the draws (and so the demo's data) stay the same.
    year_days = working_days(YEAR)
    revised_days = sorted(rng.choice(year_days) for _ in range(GUIDE_REVISIONS_2009))
    revised_items = rng.sample(items, GUIDE_REVISIONS_2009)
    second = [
        ServiceGuide(
            service_item=item,
            version=2,
            revised_on=day,
            change_note="按进驻部门审批事项调整修改办事指南。",
            published=True,
            published_at=_aware(day, 16, 0),
            **_guide_text(item.name, item.department_name, 2),
        )
        for item, day in zip(revised_items, revised_days, strict=True)
    ]
    created = ServiceGuide.objects.bulk_create(first + second)
    audit.log(
        created[-1],
        "service_guides.guide.revised",
        actor=None,
        organisation=organisation,
        data={"demo_batch": len(created), "revisions_2009": len(second)},
    )
    return [f"办事指南：{len(items)} 项事项，2009年修订 {len(second)} 项"]


def _ensure_print_runs(organisation: Any) -> list[str]:
    if GuidePrintRun.objects.filter(organisation=organisation, printed_on__year=YEAR).exists():
        return []
    runs = [
        GuidePrintRun(
            organisation=organisation,
            kind=GuidePrintRun.Kind.GUIDE,
            printed_on=dt.date(YEAR, 1 + index * 4 // 3, 15),
            batch_number=f"{YEAR}-ZN-{index + 1:02d}",
            items_count=items,
            copies=items * COPIES_PER_ITEM,
        )
        for index, items in enumerate(PRINT_BATCH_ITEMS_2009)
    ] + [
        GuidePrintRun(
            organisation=organisation,
            kind=GuidePrintRun.Kind.SERVICE_CARD,
            printed_on=dt.date(YEAR, 3 + 6 * index, 10),
            batch_number=f"{YEAR}-KP-{index + 1:02d}",
            copies=copies,
        )
        for index, copies in enumerate(SERVICE_CARD_RUNS_2009)
    ]
    created = GuidePrintRun.objects.bulk_create(runs)
    audit.log(
        created[0], "service_guides.print_run.recorded", actor=None, data={"demo_batch": len(runs)}
    )
    items = sum(PRINT_BATCH_ITEMS_2009)
    return [
        f"办事指南印制：{len(PRINT_BATCH_ITEMS_2009)} 批 {items} 项 {items * COPIES_PER_ITEM} 份；"
        f"便民服务卡 {sum(SERVICE_CARD_RUNS_2009)} 张"
    ]


def _ensure_complaints(
    organisation: Any, organisations: dict[str, Any], replier: Any, rng: random.Random
) -> list[str]:
    if Complaint.objects.filter(organisation=organisation, received_on__year=YEAR).exists():
        return []
    kinds = [kind for kind, count in COMPLAINTS_2009.items() for _ in range(count)]
    rng.shuffle(kinds)
    # Received up to early December, so every 2009 complaint was due within the year.
    until_december = working_days(YEAR)[:-20]
    days = sorted(rng.choice(until_december) for _ in kinds)
    numbers = numbering.next_tracking_numbers(organisation, YEAR, len(kinds))
    code_hash = make_password(new_access_code())  # 2009 complainants' codes are not known
    departments = [organisations[key] for key in ("hb", "jt", "zj") if key in organisations]
    late = set(rng.sample(range(len(kinds)), LATE_REPLIES_2009))
    complaints = []
    for index, (kind, day, number) in enumerate(zip(kinds, days, numbers, strict=True)):
        due_on = add_working_days(day, DEFAULT_ANSWER_WORKING_DAYS)
        replied_on = (
            add_working_days(due_on, rng.randint(1, 3))
            if index in late
            else add_working_days(day, rng.randint(2, DEFAULT_ANSWER_WORKING_DAYS))
        )
        complaints.append(
            Complaint(
                organisation=organisation,
                department=rng.choice(departments) if departments and kind != "praise" else None,
                tracking_number=number,
                access_code_hash=code_hash,
                kind=kind,
                channel=Complaint.Channel.ONLINE,
                subject=rng.choice(COMPLAINT_SUBJECTS[kind]),
                content="通过政务在线投诉建议栏目提交。",
                received_on=day,
                due_on=due_on,
                status=Complaint.Status.ANSWERED,
                reply="您好，您反映的情况已转有关部门核实处理，感谢您对政务服务工作的支持。",
                replied_on=replied_on,
                replied_by=replier,
                satisfaction=rng.choice((3, 4, 4, 5, 5)) if index % 3 else None,
            )
        )
    created = Complaint.objects.bulk_create(complaints)
    audit.log(
        created[0],
        "complaints.complaint.received",
        actor=None,
        data={"demo_batch": len(created), "year": YEAR},
    )
    return [f"投诉建议：2009年 {len(created)} 件（均已答复，{LATE_REPLIES_2009} 件超期）"]


def _ensure_service_desk(organisation: Any, rng: random.Random) -> list[str]:
    lines = []
    if not ServiceEvaluation.objects.filter(
        organisation=organisation, period_end__year=YEAR
    ).exists():
        evaluations = []
        for quarter in range(EVALUATION_QUARTERS):
            start = dt.date(YEAR, 1 + 3 * quarter, 1)
            end = (
                dt.date(YEAR, 4 + 3 * quarter, 1) - dt.timedelta(days=1)
                if quarter < 3
                else dt.date(YEAR, 12, 31)
            )
            for department, _key in STATIONED_DEPARTMENTS:
                evaluations.append(
                    ServiceEvaluation(
                        organisation=organisation,
                        evaluator_department=department,
                        period_start=start,
                        period_end=end,
                        evaluated_team="市政务办窗口服务保障人员",
                        attitude=rng.choice((4, 5, 5)),
                        quality=rng.choice((4, 4, 5)),
                        efficiency=rng.choice((3, 4, 5)),
                        conduct=rng.choice((4, 5, 5)),
                    )
                )
        created = ServiceEvaluation.objects.bulk_create(evaluations)
        audit.log(
            created[0],
            "service_desk.evaluation.recorded",
            actor=None,
            data={"demo_batch": len(created)},
        )
        lines.append(
            f"服务评价：2009年 {len(created)} 份（{len(STATIONED_DEPARTMENTS)} 个进驻部门按季度）"
        )
    if not FaultReport.objects.filter(organisation=organisation, reported_at__year=YEAR).exists():
        year_days = working_days(YEAR)
        days = sorted(rng.choice(year_days) for _ in range(FAULTS_2009))
        reports = []
        for index, day in enumerate(days):
            reported_at = _aware(day, rng.randint(9, 16), rng.randint(0, 59))
            still_open = index >= FAULTS_2009 - FAULTS_OPEN_AT_YEAR_END
            reports.append(
                FaultReport(
                    organisation=organisation,
                    reporting_department=rng.choice(STATIONED_DEPARTMENTS)[0],
                    channel=FaultReport.Channel.HOTLINE,
                    reported_at=reported_at,
                    description=rng.choice(FAULT_TEXTS),
                    status=FaultReport.Status.IN_PROGRESS
                    if still_open
                    else FaultReport.Status.RESOLVED,
                    resolved_at=None
                    if still_open
                    else reported_at + dt.timedelta(minutes=rng.randint(10, 600)),
                    resolution="" if still_open else "已到场处理，恢复正常。",
                )
            )
        created_faults = FaultReport.objects.bulk_create(reports)
        audit.log(
            created_faults[0],
            "service_desk.fault.reported",
            actor=None,
            data={"demo_batch": len(created_faults)},
        )
        lines.append(f"故障申报（38920001）：2009年 {len(created_faults)} 件")
    return lines


def load(*, organisations: dict[str, Any], users: dict[str, Any], rng_seed: int) -> list[str]:
    organisation = organisations[seed.ZWB]
    rng = random.Random(f"{rng_seed}-service-centre")
    with transaction.atomic():
        lines = _ensure_guides(organisation, organisations, rng)
        lines += _ensure_print_runs(organisation)
        lines += _ensure_complaints(organisation, organisations, users.get("handler"), rng)
        lines += _ensure_service_desk(organisation, rng)
    return lines
