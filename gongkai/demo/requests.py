"""Demo applications for government information (依申请公开), 2019 to today.

Several hundred applications go through the services exactly as staff would handle them —
intake on every channel, 补正 (answered and missed), third-party and agency consultation,
extension, fees per item and per page (paid and unpaid), every outcome of the vocabulary,
delivery — each step replayed on its own historic day (timezone.now is patched, as the
catalogue loader does for 2009, and every service gets its explicit date). Steps dated after
today are not taken, so the newest applications stay open at whatever step they reached; a
few older ones were never answered and sit on the overdue list.

Idempotent: one "demo.requests.generated" audit entry records the finished load; a second
run finds it and creates nothing. Everything is one transaction, so a failed load leaves
nothing behind.

Replaying history must not write to anyone: the applicant emails are switched off for the
load, and every demo application shares the access code DEMO_ACCESS_CODE (hashed once), so
anyone trying the demo can track any demo application with its tracking number.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.core.models import AuditEntry
from gongkai.core.validators import (
    credit_code_check_char,
    id_number_check_char,
    organisation_code_check_char,
)
from gongkai.demo import seed
from gongkai.disclosure_requests import notifications
from gongkai.disclosure_requests import services as request_services
from gongkai.disclosure_requests.models import (
    ApplicantType,
    Channel,
    DeliveryMethod,
    DisclosureRequest,
    FormWanted,
    IdType,
    LetterKind,
)
from gongkai.disclosure_requests.rules.fees import PER_ITEM, PER_PAGE
from gongkai.disclosure_requests.rules.outcomes import OUTCOMES, outcome_by_code
from gongkai.disclosure_requests.rules.regimes import AGENCY, THIRD_PARTY
from gongkai.disclosure_requests.selectors import ANSWER_OWED
from gongkai.organisations.models import Organisation, Role
from gongkai.workdays.calendar import (
    UnknownCalendarYearError,
    add_working_days,
    is_working_day,
)

REQUESTS_ACTION = "demo.requests.generated"
DEFAULT_REQUESTS = 400
DEFAULT_LETTERS = 8
DEMO_ACCESS_CODE = "DEMO2019"
# Received and owed an answer: what the overdue list is made of.
WAITING = ANSWER_OWED
FIRST_DAY = dt.date(2019, 1, 2)  # a few months under the 2007 条例, the rest under 2019's
FEES_FROM = dt.date(2021, 1, 1)  # 国办函〔2020〕109号

# Who registers and approves where 市政务办's coordinator and approver do not reach: one
# 公开办 officer per body, holding both roles (the handler drafts, the officer approves).
REQUEST_STAFF: tuple[seed.StaffSeed, ...] = (
    seed.StaffSeed(
        "city_officer", "市政府办公厅公开科", seed.CITY, (Role.COORDINATOR, Role.APPROVER)
    ),
    seed.StaffSeed("hb_officer", "环保局公开办", "hb", (Role.COORDINATOR, Role.APPROVER)),
    seed.StaffSeed("jt_officer", "交委公开办", "jt", (Role.COORDINATOR, Role.APPROVER)),
    seed.StaffSeed("zj_officer", "质监局公开办", "zj", (Role.COORDINATOR, Role.APPROVER)),
)
# Receiving body -> (coordinator, handler, approver), and its share of the applications.
DESKS: dict[str, tuple[str, str, str]] = {
    seed.ZWB: ("coordinator", "handler", "approver"),
    seed.CITY: ("city_officer", "city_handler", "city_officer"),
    "hb": ("hb_officer", "hb_handler", "hb_officer"),
    "jt": ("jt_officer", "jt_handler", "jt_officer"),
    "zj": ("zj_officer", "zj_handler", "zj_officer"),
}
DESK_WEIGHTS = {seed.ZWB: 35, seed.CITY: 20, "hb": 20, "jt": 15, "zj": 10}
CHANNEL_WEIGHTS = {
    Channel.ONLINE: 45,
    Channel.IN_PERSON: 15,
    Channel.POST_SIGNED: 15,
    Channel.POST_ORDINARY: 8,
    Channel.EMAIL: 12,
    Channel.FAX: 5,
}
APPLICANT_WEIGHTS = {
    ApplicantType.NATURAL_PERSON: 70,
    ApplicantType.COMMERCIAL: 14,
    ApplicantType.RESEARCH: 4,
    ApplicantType.PUBLIC_INTEREST: 4,
    ApplicantType.LEGAL_SERVICES: 6,
    ApplicantType.OTHER: 2,
}

SURNAMES = "陈李黄张梁何罗刘林郑吴周谢冯邓曾彭叶蔡许苏卢蒋"
GIVEN_NAMES = (
    "伟", "芳", "秀英", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟",
    "涛", "明", "超", "秀兰", "霞", "平", "志强", "建华", "嘉欣", "子轩", "伟明", "慧敏",
)  # fmt: skip
# 广州市 districts (GB/T 2260): 荔湾、越秀、海珠、天河、白云、黄埔、番禺、花都.
DISTRICTS = (
    ("440103", "荔湾区"), ("440104", "越秀区"), ("440105", "海珠区"), ("440106", "天河区"),
    ("440111", "白云区"), ("440112", "黄埔区"), ("440113", "番禺区"), ("440114", "花都区"),
)  # fmt: skip
STREETS = ("中山五路", "环市东路", "江南大道中", "天河路", "广园中路", "黄埔东路", "市桥街")
ORGANISATION_NAMES: dict[str, tuple[str, ...]] = {
    ApplicantType.COMMERCIAL: (
        "广州粤信科技有限公司", "广州市穗安物业管理有限公司", "广州南沙港运物流有限公司",
        "广东华建工程咨询有限公司", "广州市恒丰食品有限公司", "广州市绿源环保设备有限公司",
    ),
    ApplicantType.RESEARCH: ("华南城市治理研究院", "广州市社会科学研究中心"),
    ApplicantType.PUBLIC_INTEREST: ("广州市绿色家园环保志愿者协会", "广州市公益法律援助促进会"),
    ApplicantType.LEGAL_SERVICES: (
        "广东正平律师事务所", "广东穗和律师事务所", "广州市天平法律服务所",
    ),
    ApplicantType.OTHER: ("某小区业主委员会",),
}  # fmt: skip
# 统一社会信用代码 registration prefixes: 91 company, 12 public institution, 52 social
# organisation, 31 law firm, 93 other (farmers' co-operative and the like).
CREDIT_PREFIX: dict[str, str] = {
    ApplicantType.COMMERCIAL: "91",
    ApplicantType.RESEARCH: "12",
    ApplicantType.PUBLIC_INTEREST: "52",
    ApplicantType.LEGAL_SERVICES: "31",
    ApplicantType.OTHER: "93",
}
INFORMATION: dict[str, tuple[tuple[str, str], ...]] = {
    seed.ZWB: (
        ("市政务服务中心{year}年窗口服务满意度测评结果", "请提供测评报告全文及各进驻部门得分。"),
        ("{year}年进驻部门审批事项办理时限统计", "各进驻部门审批事项的承诺时限和实际办理时限。"),
        ("市政务服务中心物业管理服务合同（{year}年）", "合同文本及招标结果公告。"),
        ("政务资讯大厅自助查询终端采购项目验收材料", "{year}年采购项目的验收报告。"),
    ),
    seed.CITY: (
        ("{year}年市政府常务会议纪要中关于旧城改造的内容", "与本人房屋所在地块有关的部分。"),
        ("某地块征收补偿方案批复文件", "{year}年作出的批复及附件。"),
        ("《广州市某管理办法》起草说明和征求意见汇总", "{year}年起草过程中形成的材料。"),
    ),
    "hb": (
        ("某公司建设项目环境影响报告书及批复", "项目位于本人居住小区附近，{year}年审批。"),
        ("{year}年第三季度空气质量自动监测站数据", "各监测站点的小时监测数据。"),
        ("某河涌水质监测报告（{year}年）", "各断面的监测数据和评价结论。"),
        ("对某企业的行政处罚决定书", "{year}年因超标排放作出的处罚。"),
    ),
    "jt": (
        ("某路段交通改造工程可行性研究报告", "{year}年立项的改造工程。"),
        ("{year}年出租车运力调整方案", "方案全文及听证会记录。"),
        ("某公交线路调整听证材料", "{year}年线路调整的听证公告和意见汇总。"),
    ),
    "zj": (
        ("某企业特种设备定期检验报告", "{year}年电梯定期检验报告。"),
        ("{year}年产品质量监督抽查结果", "抽查的产品、企业名单和不合格项目。"),
    ),
}
PARTY_NAMES = {
    THIRD_PARTY: ("广州南沙港运物流有限公司", "某建设项目建设单位", "被举报企业"),
    AGENCY: ("广州市规划和自然资源局", "广州市住房和城乡建设局", "广州市财政局"),
}
REASONS: dict[str, str] = {
    "partial": "所申请信息中涉及第三方个人信息的部分不予公开，其余部分予以公开。",
    "withhold_state_secret": "所申请信息经定密属于国家秘密。",
    "withhold_law_prohibited": "所申请信息属于《中华人民共和国统计法》规定不得公开的单项调查资料。",
    "withhold_three_security_one_stability": "公开后可能危及社会稳定。",
    "withhold_third_party_rights": "所申请信息涉及第三方商业秘密，第三方不同意公开。",
    "withhold_internal_affairs": "所申请信息属于本机关内部管理信息。",
    "withhold_process_information": "所申请信息属于讨论记录、请示报告等过程性信息。",
    "withhold_enforcement_file": "所申请信息属于行政执法案卷信息。",
    "withhold_administrative_query": "所申请信息属于行政查询事项，请按有关规定另行办理查询。",
    "special_registry": "所申请信息属于不动产登记资料，请依照《不动产登记资料查询暂行办法》办理。",
    "not_this_body": "经查，所申请信息不属于本机关负责公开。",
    "unavailable_needs_creation": "所申请信息需要对现有资料加工、分析方可形成。",
    "unavailable_unclear_after_correction": "经补正，所申请信息的内容描述仍不明确。",
    "not_processed_petition_complaint": "申请内容属于信访、举报、投诉诉求，已转有关部门依法处理。",
    "not_processed_duplicate": "申请人已就同一内容提出申请，本机关已作出答复。",
    "not_processed_publication": "",
    "not_processed_excessive": "申请人短期内大量、反复申请，且未说明理由。",
    "not_processed_confirm_or_reissue": "申请人要求确认已获取信息的真伪，不属于政府信息公开申请。",
    "other_other": "申请人在答复前撤回申请。",
}
LEGAL_BASIS_FALLBACK = {
    "not_processed_confirm_or_reissue": "第三十九条",
    "other_other": "第三十六条",
}
# The everyday mix of answers; every outcome still appears at least once (see _outcomes).
OUTCOME_WEIGHTS = {
    "disclose": 40,
    "already_public": 10,
    "partial": 12,
    "unavailable_not_held": 12,
    "not_this_body": 6,
}


@dataclass
class Applicant:
    applicant_type: str
    name: str
    data: dict[str, str]


@dataclass
class Plan:
    """One application's story: who, where, how, and which path it takes."""

    desk: str
    applicant: Applicant
    channel: str
    submitted_on: dt.date
    information: tuple[str, str]
    correction: str = ""  # "" | "answered" | "missed"
    consultation: str = ""  # "" | THIRD_PARTY | AGENCY
    extension: bool = False
    fee: str = ""  # "" | PER_ITEM | PER_PAGE
    fee_paid: bool = True
    late: bool = False
    stalled: bool = False  # never answered: it stays on the overdue list
    split: bool = False
    carried_over: bool = False  # received late in December, answered in January
    unconfirmed: bool = False  # online, waiting for staff to confirm the day of receipt
    outcome: str = "disclose"
    letters: tuple[str, ...] = ()


@dataclass
class RequestsReport:
    created: int = 0
    letters: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    by_outcome: dict[str, int] = field(default_factory=dict)
    overdue: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


@contextmanager
def _clock(day: dt.date, hour: int = 10, minute: int = 0) -> Iterator[None]:
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))
    with mock.patch.object(timezone, "now", return_value=moment):
        yield


def _working_day(day: dt.date) -> dt.date:
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


class RequestsLoader:
    def __init__(
        self,
        *,
        organisations: dict[str, Organisation],
        users: dict[str, User],
        count: int = DEFAULT_REQUESTS,
        letters: int = DEFAULT_LETTERS,
        rng_seed: int = 2009,
        today: dt.date | None = None,
    ) -> None:
        self.organisations = organisations
        self.users = users
        self.count = count
        self.letters = letters
        self.rng = random.Random(f"{rng_seed}-requests")
        self.today = today or timezone.localdate()
        self.report = RequestsReport()
        self._id_serial = 0

    # --- applicants ---------------------------------------------------------------------

    def _person(self) -> Applicant:
        rng = self.rng
        name = rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES)
        region, district = rng.choice(DISTRICTS)
        birth = dt.date(rng.randint(1950, 2001), rng.randint(1, 12), rng.randint(1, 28))
        self._id_serial += 1
        body = f"{region}{birth:%Y%m%d}{self._id_serial % 1000:03d}"
        data = {
            "applicant_type": ApplicantType.NATURAL_PERSON,
            "applicant_name": name,
            "id_type": IdType.RESIDENT_ID,
            "id_number": body + id_number_check_char(body),
        }
        if rng.random() < 0.05:
            data["id_type"] = rng.choice((IdType.HK_MACAO, IdType.PASSPORT))
            data["id_number"] = f"H{rng.randint(10**7, 10**8 - 1)}"
        self._contact(data, district)
        return Applicant(ApplicantType.NATURAL_PERSON, name, data)

    def _legal_person(self, applicant_type: str) -> Applicant:
        rng = self.rng
        name = rng.choice(ORGANISATION_NAMES[applicant_type])
        # A stable code per name: the same company applies with the same code every time.
        number = sum(ord(c) for c in name) * 7919 % 10**8
        organisation_code = f"{number:08d}"
        organisation_code += organisation_code_check_char(organisation_code)
        body = f"{CREDIT_PREFIX[applicant_type]}440100{organisation_code}"
        data = {
            "applicant_type": applicant_type,
            "applicant_name": name,
            "credit_code": body + credit_code_check_char(body),
            "contact_person": rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES),
        }
        self._contact(data, rng.choice(DISTRICTS)[1])
        return Applicant(applicant_type, name, data)

    def _contact(self, data: dict[str, str], district: str) -> None:
        rng = self.rng
        data["phone"] = f"1{rng.choice('3589')}{rng.randint(0, 9)}{rng.randint(10**7, 10**8 - 1)}"
        data["address"] = (
            f"广州市{district}{rng.choice(STREETS)}{rng.randint(1, 300)}号"
            f"{rng.randint(1, 30)}0{rng.randint(1, 6)}房"
        )
        data["postcode"] = f"510{rng.randint(0, 9)}{rng.randint(0, 9)}0"
        if rng.random() < 0.6:
            data["email"] = f"applicant{rng.randint(1000, 99999)}@example.com"

    def _applicants(self) -> list[Applicant]:
        pool = [self._person() for _ in range(max(20, self.count // 3))]
        for applicant_type in ORGANISATION_NAMES:
            pool += [self._legal_person(applicant_type) for _ in range(3)]
        return pool

    # --- plans --------------------------------------------------------------------------

    def _plans(self) -> list[Plan]:
        rng = self.rng
        applicants = self._applicants()
        by_type: dict[str, list[Applicant]] = {}
        for applicant in applicants:
            by_type.setdefault(applicant.applicant_type, []).append(applicant)
        days = (self.today - FIRST_DAY).days
        plans = []
        for index in range(self.count):
            applicant_type = rng.choices(
                list(APPLICANT_WEIGHTS), weights=list(APPLICANT_WEIGHTS.values())
            )[0]
            # Later years bring more applications; the newest weeks are today's workload.
            offset = int(days * rng.random() ** 0.8)
            if index % 25 == 0:
                offset = days - rng.randint(0, 45)
            elif index % 40 == 1:
                # Received in the last days of a December: answered the next year (结转).
                year = rng.randint(FIRST_DAY.year, self.today.year - 1)
                offset = (dt.date(year, 12, rng.randint(20, 30)) - FIRST_DAY).days
            if index % 50 == 3:
                # Before 2019-05-15: answered under the 2007 条例's 15 working days.
                offset = rng.randint(0, (dt.date(2019, 5, 10) - FIRST_DAY).days)
            submitted_on = FIRST_DAY + dt.timedelta(days=max(0, offset))
            if index < len(APPLICANT_WEIGHTS):
                applicant_type = list(APPLICANT_WEIGHTS)[index]  # every type at least once
            plan = self._plan(rng.choice(by_type[applicant_type]), submitted_on)
            if index < len(CHANNEL_WEIGHTS):
                plan.channel = list(CHANNEL_WEIGHTS)[index]  # every channel at least once
                if plan.channel != Channel.ONLINE:
                    plan.submitted_on = _working_day(plan.submitted_on)
            plan.carried_over = index % 40 == 1
            if index % 100 == 50:
                # Submitted online in the last days, not yet confirmed by staff.
                plan.submitted_on = self.today - dt.timedelta(days=rng.randint(0, 3))
                plan.channel, plan.unconfirmed = Channel.ONLINE, True
            plans.append(plan)
        plans += self._frequent_applicant(applicants[0])
        plans.sort(key=lambda plan: plan.submitted_on)
        # A few of the last months' applications were never answered: the overdue list.
        unanswered = [
            p
            for p in plans
            if 40 < (self.today - p.submitted_on).days < 400
            and not (p.fee or p.correction or p.split)
        ]
        for plan in unanswered[-3:]:
            plan.stalled = True
        self._outcomes(plans)
        self._choose_letters(plans)
        return plans

    def _plan(self, applicant: Applicant, submitted_on: dt.date, desk: str = "") -> Plan:
        rng = self.rng
        desk = desk or rng.choices(list(DESK_WEIGHTS), weights=list(DESK_WEIGHTS.values()))[0]
        channel = rng.choices(list(CHANNEL_WEIGHTS), weights=list(CHANNEL_WEIGHTS.values()))[0]
        if channel != Channel.ONLINE:
            submitted_on = _working_day(submitted_on)  # offices receive on working days
        title, description = rng.choice(INFORMATION[desk])
        year = str(rng.randint(max(2015, submitted_on.year - 4), submitted_on.year))
        plan = Plan(
            desk=desk,
            applicant=applicant,
            channel=channel,
            submitted_on=submitted_on,
            information=(title.format(year=year), description.format(year=year)),
        )
        roll = rng.random()
        if roll < 0.14:
            plan.correction = "missed" if rng.random() < 0.3 else "answered"
        elif roll < 0.26:
            plan.consultation = THIRD_PARTY if rng.random() < 0.65 else AGENCY
        if 0.20 <= roll < 0.32:
            plan.extension = True
        if submitted_on >= FEES_FROM and 0.40 <= roll < 0.46:
            plan.fee = PER_PAGE
            plan.fee_paid = rng.random() < 0.7
        plan.late = rng.random() < 0.04
        plan.stalled = rng.random() < 0.025
        return plan

    def _frequent_applicant(self, applicant: Applicant) -> list[Plan]:
        """One person's 13 applications to 市政务办 in one month: from the 11th on, 按件计收
        (国办函〔2020〕109号 第四条); one of the three fees is never paid."""
        month = dt.date(2023, 3, 1) if self.today > dt.date(2023, 6, 1) else FEES_FROM
        if self.count < 30 or self.today < dt.date(2021, 6, 1):
            return []
        plans = []
        for number in range(13):
            plan = self._plan(applicant, month + dt.timedelta(days=number * 2), seed.ZWB)
            plan.channel = Channel.IN_PERSON
            plan.submitted_on = _working_day(plan.submitted_on)
            plan.correction = plan.consultation = ""
            plan.extension = plan.stalled = plan.late = False
            plan.fee = PER_ITEM if number >= 10 else ""
            plan.fee_paid = number != 12
            plans.append(plan)
        plans[1].split = True
        return plans

    def _outcomes(self, plans: list[Plan]) -> None:
        """Every outcome at least once, then the everyday mix."""
        decided = [
            plan
            for plan in plans
            if not plan.stalled and plan.correction != "missed" and plan.fee_paid and not plan.split
        ]
        special = {"other_correction_overdue", "other_fee_overdue"}
        required = [o.code for o in OUTCOMES if o.code not in special]
        rng = self.rng
        # Old enough to be finished, and without a fee (charged only for information provided).
        old = [p for p in decided if (self.today - p.submitted_on).days > 120 and not p.fee]
        rng.shuffle(old)
        for plan, code in zip(old, required, strict=False):
            plan.outcome = code
        chosen = {id(plan) for plan in old[: len(required)]}
        codes, weights = list(OUTCOME_WEIGHTS), list(OUTCOME_WEIGHTS.values())
        others = [code for code in required if code not in OUTCOME_WEIGHTS]
        for plan in decided:
            if id(plan) in chosen:
                continue
            if rng.random() < 0.12:
                plan.outcome = rng.choice(others)
            else:
                plan.outcome = rng.choices(codes, weights=weights)[0]
        for plan in decided:
            # Fees are charged for information that is provided.
            if plan.fee and plan.outcome not in ("disclose", "partial"):
                plan.outcome = "disclose"
            if plan.outcome == "unavailable_unclear_after_correction" and not plan.correction:
                plan.correction = "answered"
                plan.consultation = ""

    def _choose_letters(self, plans: list[Plan]) -> None:
        wanted = [
            (LetterKind.DECISION, lambda p: p.outcome == "disclose"),
            (LetterKind.DECISION, lambda p: p.outcome == "partial"),
            (LetterKind.DECISION, lambda p: p.outcome.startswith("withhold_")),
            (LetterKind.DECISION, lambda p: p.outcome == "not_this_body"),
            (LetterKind.CORRECTION_NOTICE, lambda p: p.correction == "answered"),
            (LetterKind.EXTENSION_NOTICE, lambda p: p.extension),
            (LetterKind.CONSULTATION_LETTER, lambda p: bool(p.consultation)),
            (LetterKind.FEE_NOTICE, lambda p: p.fee == PER_PAGE),
        ][: self.letters]
        old = [plan for plan in plans if (self.today - plan.submitted_on).days > 120]
        for kind, wants in wanted:
            plan = next((p for p in old if wants(p) and not p.stalled and not p.letters), None)
            if plan is not None:
                plan.letters = (kind,)

    # --- replay -------------------------------------------------------------------------

    def run(self) -> RequestsReport:
        if AuditEntry.objects.filter(action=REQUESTS_ACTION).exists():
            self.report.notes.append("依申请公开演示数据已存在，未重复创建。")
            self._count()
            return self.report
        if self.count <= 0:
            return self.report
        started = time.monotonic()
        plans = self._plans()
        access_hash = make_password(DEMO_ACCESS_CODE)
        with ExitStack() as stack, transaction.atomic():
            stack.enter_context(
                mock.patch.object(notifications, "notify_applicant", lambda *a, **k: None)
            )
            stack.enter_context(
                mock.patch.object(request_services, "make_password", lambda code: access_hash)
            )
            stack.enter_context(
                mock.patch.object(request_services, "_new_access_code", lambda: DEMO_ACCESS_CODE)
            )
            for plan in plans:
                self._replay(plan)
            audit.log(
                self.organisations[seed.ZWB],
                REQUESTS_ACTION,
                actor=self.users.get(seed.SUPERUSER),
                data={"count": self.report.created, "letters": self.report.letters},
            )
        self.report.seconds = time.monotonic() - started
        self._count()
        return self.report

    def _desk(self, plan: Plan) -> tuple[Organisation, User, User, User]:
        coordinator, handler, approver = DESKS[plan.desk]
        return (
            self.organisations[plan.desk],
            self.users[coordinator],
            self.users[handler],
            self.users[approver],
        )

    def _step(self, day: dt.date, action: Callable[[], Any], hour: int = 10) -> bool:
        """Take one step on its day; a step after today is left for the future."""
        if day > self.today:
            return False
        with _clock(day, hour, self.rng.randint(0, 59)):
            action()
        return True

    def _replay(self, plan: Plan) -> None:
        organisation, coordinator, handler, approver = self._desk(plan)
        rng = self.rng
        data = dict(plan.applicant.data)
        data["information_title"], data["information_description"] = plan.information
        data["form_wanted"] = rng.choice(FormWanted.values)
        data["delivery_method"] = (
            DeliveryMethod.EMAIL
            if data.get("email") and rng.random() < 0.5
            else rng.choice((DeliveryMethod.POST, DeliveryMethod.IN_PERSON))
        )
        if plan.submitted_on > self.today:
            return
        submitted_at = timezone.make_aware(
            dt.datetime.combine(plan.submitted_on, dt.time(rng.randint(8, 20), rng.randint(0, 59)))
        )
        confirm_on = add_working_days(plan.submitted_on, rng.randint(0, 1))
        if plan.channel == Channel.ONLINE:
            with mock.patch.object(timezone, "now", return_value=submitted_at):
                disclosure_request, _code = request_services.disclosure_request_submit_online(
                    data={**data, "organisation": organisation}
                )
            self.report.created += 1
            if plan.unconfirmed:
                return  # waits in the to-confirm queue
            if not self._step(
                confirm_on,
                lambda: request_services.disclosure_request_confirm(
                    actor=coordinator,
                    disclosure_request=disclosure_request,
                    confirmed_on=confirm_on,
                ),
            ):
                return
        else:
            receipts: dict[str, tuple[str, dt.date]] = {
                Channel.IN_PERSON: ("received_on", plan.submitted_on),
                Channel.POST_SIGNED: ("signed_on", plan.submitted_on),
            }
            receipt = receipts.get(plan.channel, ("confirmed_on", confirm_on))
            receipt_argument: dict[str, Any] = {receipt[0]: receipt[1]}
            created: list[DisclosureRequest] = []
            if not self._step(
                receipt[1],
                lambda: created.append(
                    request_services.disclosure_request_register(
                        actor=coordinator,
                        organisation=organisation,
                        channel=plan.channel,
                        data=data,
                        submitted_at=submitted_at,
                        **receipt_argument,
                    )
                ),
            ):
                return
            disclosure_request = created[0]
            self.report.created += 1
        assert disclosure_request.received_on is not None
        try:
            self._handle(plan, disclosure_request, coordinator, handler, approver)
        except UnknownCalendarYearError:
            # Today's workload running into a year whose holidays are not entered yet: the
            # story stops at the last step the calendar allows.
            return

    def _handle(
        self,
        plan: Plan,
        disclosure_request: DisclosureRequest,
        coordinator: User,
        handler: User,
        approver: User,
    ) -> None:
        rng = self.rng
        services = request_services
        received_on = disclosure_request.received_on
        assert received_on is not None
        day = add_working_days(received_on, rng.randint(0, 1))
        department = None
        if plan.desk == seed.ZWB and rng.random() < 0.4:
            department = self.organisations[rng.choice(("zwb-service", "zwb-supervision"))]
        if not self._step(
            day,
            lambda: services.disclosure_request_assign(
                actor=coordinator,
                disclosure_request=disclosure_request,
                handler=handler,
                department=department,
            ),
        ):
            return

        if plan.split:
            day = add_working_days(day, 1)
            title, description = plan.information
            parts = [
                {"information_title": f"{title}（第{n}项）", "information_description": description}
                for n in (1, 2)
            ]
            done: list[list[DisclosureRequest]] = []
            if not self._step(
                day,
                lambda: done.append(
                    services.disclosure_request_split(
                        actor=handler, disclosure_request=disclosure_request, parts=parts
                    )
                ),
            ):
                return
            self.report.created += len(done[0])
            for child in done[0]:
                self._decide(plan, child, handler, approver, day)
            return

        if plan.correction:
            sent_on = add_working_days(received_on, rng.randint(1, 9 if plan.late else 6))
            deadline_on = sent_on + dt.timedelta(days=15)
            if not self._step(
                sent_on,
                lambda: services.disclosure_request_request_correction(
                    actor=handler,
                    disclosure_request=disclosure_request,
                    items="请明确所需信息的名称、文号或形成时间等特征性描述。",
                    deadline_on=deadline_on,
                    sent_on=sent_on,
                ),
            ):
                return
            self._letters(plan, disclosure_request, handler, sent_on, LetterKind.CORRECTION_NOTICE)
            if plan.correction == "missed":
                on = deadline_on + dt.timedelta(days=rng.randint(1, 5))
                self._step(
                    on,
                    lambda: services.disclosure_request_mark_correction_missed(
                        actor=handler, disclosure_request=disclosure_request, on=on
                    ),
                )
                return
            corrected_on = sent_on + dt.timedelta(days=rng.randint(2, 12))
            if not self._step(
                corrected_on,
                lambda: services.disclosure_request_receive_correction(
                    actor=handler, disclosure_request=disclosure_request, received_on=corrected_on
                ),
            ):
                return
            day = corrected_on

        if plan.consultation:
            started_on = add_working_days(day, rng.randint(2, 6))
            party_name = rng.choice(PARTY_NAMES[plan.consultation])
            if not self._step(
                started_on,
                lambda: services.disclosure_request_start_consultation(
                    actor=handler,
                    disclosure_request=disclosure_request,
                    party_kind=plan.consultation,
                    party_name=party_name,
                    sent_on=started_on,
                ),
            ):
                return
            self._letters(
                plan, disclosure_request, handler, started_on, LetterKind.CONSULTATION_LETTER
            )
            # Most replies come within the 15 working days; a few late (the pause is capped).
            ended_on = add_working_days(started_on, rng.choice((3, 5, 8, 10, 12, 15, 18)))
            if not self._step(
                ended_on,
                lambda: services.disclosure_request_end_consultation(
                    actor=handler,
                    disclosure_request=disclosure_request,
                    ended_on=ended_on,
                    opinion="同意公开。" if rng.random() < 0.6 else "不同意公开，理由见附件。",
                ),
            ):
                return
            day = ended_on

        if plan.fee:
            sent_on = add_working_days(day, rng.randint(2, 5))
            pages = rng.choice((45, 80, 150, 260)) if plan.fee == PER_PAGE else None
            if not self._step(
                sent_on,
                lambda: services.disclosure_request_issue_fee_notice(
                    actor=handler,
                    disclosure_request=disclosure_request,
                    method=plan.fee,
                    pages=pages,
                    sent_on=sent_on,
                ),
            ):
                return
            self._letters(plan, disclosure_request, handler, sent_on, LetterKind.FEE_NOTICE)
            fee_due_on = disclosure_request.fee_notice.due_on
            if not plan.fee_paid:
                on = fee_due_on + dt.timedelta(days=rng.randint(1, 4))
                self._step(
                    on,
                    lambda: services.disclosure_request_mark_fee_overdue(
                        actor=handler, disclosure_request=disclosure_request, on=on
                    ),
                )
                return
            paid_on = add_working_days(sent_on, rng.randint(1, 12))
            if not self._step(
                paid_on,
                lambda: services.disclosure_request_record_fee_payment(
                    actor=handler, disclosure_request=disclosure_request, paid_on=paid_on
                ),
            ):
                return
            day = paid_on

        if plan.extension:
            assert disclosure_request.due_on is not None
            # Approved a few days before the period runs out, as extensions usually are.
            approved_on = max(disclosure_request.due_on - dt.timedelta(days=rng.randint(2, 6)), day)
            regime_days = 20 if disclosure_request.regime == "2019" else 15
            days = rng.choice((10, 15, regime_days))
            if not self._step(
                approved_on,
                lambda: services.disclosure_request_extend(
                    actor=approver,
                    disclosure_request=disclosure_request,
                    days=days,
                    reason="所申请信息涉及多个业务处室，需要检索、汇总的内容较多。",
                    approved_on=approved_on,
                ),
            ):
                return
            self._letters(
                plan, disclosure_request, approver, approved_on, LetterKind.EXTENSION_NOTICE
            )
            day = approved_on

        if plan.stalled:
            return  # never answered: on the overdue list once its due date passes
        self._decide(plan, disclosure_request, handler, approver, day)

    def _decide(
        self,
        plan: Plan,
        disclosure_request: DisclosureRequest,
        handler: User,
        approver: User,
        after: dt.date,
    ) -> None:
        rng = self.rng
        services = request_services
        due_on = disclosure_request.due_on
        assert due_on is not None
        if plan.late:
            answer_on = add_working_days(due_on, rng.randint(1, 6))
        elif plan.carried_over:
            answer_on = due_on - dt.timedelta(days=rng.randint(0, 2))
        else:
            answer_on = due_on - dt.timedelta(days=rng.randint(0, 18))
        answer_on = max(_working_day(answer_on), add_working_days(after, 1))
        draft_on = max(after, answer_on - dt.timedelta(days=rng.randint(1, 3)))
        outcome = outcome_by_code(plan.outcome)
        article = outcome.article or LEGAL_BASIS_FALLBACK.get(outcome.code, "第三十六条")
        responsible = outcome.requires_responsible_body
        if not self._step(
            draft_on,
            lambda: services.disclosure_request_draft_decision(
                actor=handler,
                disclosure_request=disclosure_request,
                outcome=outcome.code,
                legal_basis=f"《中华人民共和国政府信息公开条例》{article}",
                reason_detail=REASONS.get(outcome.code, "") or outcome.label,
                responsible_body_name="广州市规划和自然资源局" if responsible else "",
                responsible_body_contact="020-12345678" if responsible else "",
            ),
            hour=15,
        ):
            return
        if not self._step(
            answer_on,
            lambda: services.disclosure_request_approve_decision(
                actor=approver, disclosure_request=disclosure_request, approved_on=answer_on
            ),
            hour=11,
        ):
            return
        self._letters(plan, disclosure_request, handler, answer_on, LetterKind.DECISION)
        delivered_on = answer_on + dt.timedelta(days=rng.randint(0, 5))
        method = disclosure_request.delivery_method
        proofs: dict[str, str] = {
            DeliveryMethod.POST: f"EMS {rng.randint(10**12, 10**13 - 1)} 已签收",
            DeliveryMethod.EMAIL: f"已发送至 {disclosure_request.email}",
            DeliveryMethod.IN_PERSON: "申请人当场签收",
            DeliveryMethod.ONLINE: "已在网上查询页面提供",
        }
        proof = proofs[method]
        self._step(
            delivered_on,
            lambda: services.disclosure_request_record_delivery(
                actor=handler,
                disclosure_request=disclosure_request,
                method=method,
                delivered_on=delivered_on,
                proof=proof,
            ),
            hour=16,
        )

    def _letters(
        self,
        plan: Plan,
        disclosure_request: DisclosureRequest,
        actor: User,
        day: dt.date,
        kind: str,
    ) -> None:
        if kind not in plan.letters:
            return
        with _clock(day, 16):
            request_services.letter_generate(
                actor=actor, disclosure_request=disclosure_request, kind=kind, issued_on=day
            )
        self.report.letters += 1

    def _count(self) -> None:
        requests = DisclosureRequest.objects.all()
        labels = dict(DisclosureRequest.Status.choices)
        self.report.by_status = {
            str(labels[status]): count
            for status, count in Counter(requests.values_list("status", flat=True)).items()
        }
        self.report.by_outcome = dict(
            Counter(requests.exclude(outcome="").values_list("outcome", flat=True))
        )
        self.report.overdue = requests.filter(status__in=WAITING, due_on__lt=self.today).count()


def load_demo_requests(
    *,
    organisations: dict[str, Organisation],
    users: dict[str, User],
    count: int = DEFAULT_REQUESTS,
    letters: int = DEFAULT_LETTERS,
    rng_seed: int = 2009,
) -> RequestsReport:
    try:
        return RequestsLoader(
            organisations=organisations,
            users=users,
            count=count,
            letters=letters,
            rng_seed=rng_seed,
        ).run()
    except ApplicationError as error:
        # The calendar of a year nobody entered yet, for instance: say so, keep the rest.
        report = RequestsReport()
        report.notes.append(f"依申请公开演示数据未能生成：{error}")
        return report
