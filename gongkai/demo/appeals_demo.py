"""Demo review and litigation cases (行政复议、行政诉讼、申诉), 2019 to 2025.

The seed report says 复议、诉讼和申诉情况（无） for 2009, so 2009 has none. From 2019 each demo
body has a few cases a year brought by applicants whose demo applications were refused or
only partly answered (linked to those applications where the demo has them), through the
services like staff would register them: every result of table 四 occurs, some cases filed
late in a year are decided only the next year (尚未审结 in that year's report), and a few of
2025 are still undecided.

Idempotent: one "demo.appeals.generated" audit entry marks the finished load.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gongkai.appeals import services
from gongkai.appeals.models import AppealCase, CaseKind, CaseResult
from gongkai.core import audit
from gongkai.core.models import AuditEntry
from gongkai.demo import seed
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.organisations.models import Membership, Organisation, Role
from gongkai.workdays.calendar import UnknownCalendarYearError, is_working_day

APPEALS_ACTION = "demo.appeals.generated"
YEARS = range(2019, 2026)
# Bodies that face cases, with how many a year (the city government and the departments).
CASELOAD: dict[str, tuple[int, int]] = {seed.CITY: (2, 4), seed.ZWB: (0, 2), "hb": (1, 3)}
_ABBREVIATIONS = {seed.CITY: "穗府", seed.ZWB: "穗政务", "hb": "穗环", "jt": "穗交", "zj": "穗质"}
# Outcomes an applicant is most likely to challenge.
_CHALLENGED = ("withhold", "partial", "unavailable", "not_this_body", "no_")

KIND_WEIGHTS = (
    (CaseKind.ADMINISTRATIVE_REVIEW, 6),
    (CaseKind.LITIGATION_DIRECT, 2),
    (CaseKind.COMPLAINT, 2),
)
RESULT_WEIGHTS = ((CaseResult.UPHELD, 6), (CaseResult.CORRECTED, 2), (CaseResult.OTHER, 2))
CORRECTIVE_ACTIONS = (
    "撤销原答复，重新作出答复并向申请人提供所申请的信息。",
    "补充说明不予公开的理由和依据，重新作出告知书。",
    "对答复超期问题进行整改，完善依申请公开登记和期限提醒制度。",
)
DECISION_SUMMARIES = {
    CaseResult.UPHELD: "被申请人的答复认定事实清楚，适用依据正确，程序合法，予以维持。",
    CaseResult.CORRECTED: "被申请人的答复理由不充分，责令其重新作出答复。",
    CaseResult.OTHER: "申请人撤回申请，本案终止。",
}


def _handling_body(kind: str, key: str) -> str:
    if kind == CaseKind.ADMINISTRATIVE_REVIEW:
        return "广东省人民政府" if key == seed.CITY else "广州市人民政府"
    if kind == CaseKind.COMPLAINT:
        return "广州市人民政府办公厅（政府信息公开工作主管部门）"
    return "广州铁路运输中级人民法院" if key == seed.CITY else "广州铁路运输法院"


def _case_number(kind: str, key: str, year: int, serial: int) -> str:
    if kind == CaseKind.ADMINISTRATIVE_REVIEW:
        prefix = "粤府" if key == seed.CITY else "穗府"
        return f"{prefix}行复〔{year}〕{serial}号"
    if kind == CaseKind.COMPLAINT:
        return f"{_ABBREVIATIONS.get(key, '穗')}公开申诉〔{year}〕{serial}号"
    court = "粤71" if key == seed.CITY else "粤7101"
    return f"（{year}）{court}行初{serial}号"


def _working_day_on_or_after(day: dt.date) -> dt.date:
    try:
        while not is_working_day(day):
            day += dt.timedelta(days=1)
    except UnknownCalendarYearError:
        while day.weekday() >= 5:
            day += dt.timedelta(days=1)
    return day


def _officer(organisation: Organisation, users: dict[str, Any]) -> Any:
    membership = (
        Membership.objects.filter(organisation=organisation, role=Role.COORDINATOR)
        .select_related("user")
        .order_by("id")
        .first()
    )
    return membership.user if membership else users[seed.SUPERUSER]


def _challengeable(organisation: Organisation, year: int) -> list[DisclosureRequest]:
    condition = Q()
    for prefix in _CHALLENGED:
        condition |= Q(outcome__startswith=prefix)
    requests = DisclosureRequest.objects.filter(
        Q(organisation=organisation) | Q(department=organisation),
        closed_on__year=year,
    ).order_by("closed_on", "pk")
    challenged = list(requests.filter(condition))
    return challenged or list(requests.exclude(outcome="")[:10])


@transaction.atomic
def load(
    *, organisations: dict[str, Organisation], users: dict[str, Any], rng_seed: int
) -> list[str]:
    if AuditEntry.objects.filter(action=APPEALS_ACTION).exists():
        return ["复议诉讼案件已存在，未重复创建。"]
    rng = random.Random(rng_seed * 31 + 4)
    today = timezone.localdate()
    serials: Counter[tuple[str, str, int]] = Counter()
    created: list[AppealCase] = []
    for year in YEARS:
        for key, (low, high) in CASELOAD.items():
            organisation = organisations.get(key)
            if organisation is None:
                continue
            officer = _officer(organisation, users)
            candidates = _challengeable(organisation, year)
            count = rng.randint(low, high)
            for index in range(count):
                kind = rng.choices([k for k, _w in KIND_WEIGHTS], [w for _k, w in KIND_WEIGHTS])[0]
                linked = candidates[index % len(candidates)] if candidates else None
                base = linked.closed_on if linked and linked.closed_on else None
                if base is None:
                    base = dt.date(year, rng.randint(1, 11), rng.randint(1, 28))
                filed_on = _working_day_on_or_after(base + dt.timedelta(days=rng.randint(5, 50)))
                # The last case of the year is filed in December: still open at 31 December.
                if index == count - 1 and key == seed.CITY:
                    filed_on = _working_day_on_or_after(dt.date(year, 12, rng.randint(1, 18)))
                if filed_on > today:
                    continue
                serials[(kind, key, filed_on.year)] += 1
                accepted_on = _working_day_on_or_after(
                    filed_on + dt.timedelta(days=rng.randint(1, 7))
                )
                accepted_on = min(accepted_on, today)
                appeal_case = services.appeal_case_create(
                    actor=officer,
                    organisation=organisation,
                    kind=kind,
                    handling_body=_handling_body(kind, key),
                    case_number=_case_number(
                        kind, key, filed_on.year, serials[(kind, key, filed_on.year)] * 7 + 3
                    ),
                    applicant_name=linked.applicant_name if linked else "某申请人",
                    claim=(
                        f"请求确认被申请人对“{linked.information_title}”的答复违法并责令重新答复。"
                        if linked
                        else "请求责令被申请人依法公开所申请的政府信息。"
                    ),
                    filed_on=filed_on,
                    accepted_on=accepted_on,
                    disclosure_request=linked,
                )
                created.append(appeal_case)
                _decide(rng, officer, appeal_case, today)
                if (
                    kind == CaseKind.ADMINISTRATIVE_REVIEW
                    and appeal_case.result in (CaseResult.UPHELD, CaseResult.OTHER)
                    and rng.random() < 0.4
                ):
                    lawsuit = _sue_after_review(rng, officer, appeal_case, serials, today)
                    if lawsuit is not None:
                        created.append(lawsuit)
    _ensure_every_result(rng, created, today, organisations, users)
    if not any(case.kind == CaseKind.LITIGATION_AFTER_REVIEW for case in created):
        review = next(
            case
            for case in created
            if case.kind == CaseKind.ADMINISTRATIVE_REVIEW and case.decided_on
        )
        officer = _officer(review.organisation, users)
        lawsuit = _sue_after_review(rng, officer, review, serials, today)
        if lawsuit is not None:
            created.append(lawsuit)
    audit.log(
        organisations[seed.ZWB],
        APPEALS_ACTION,
        actor=users[seed.SUPERUSER],
        organisation=organisations[seed.ZWB],
        data={"count": len(created), "seed": rng_seed},
    )
    by_kind = Counter(case.get_kind_display() for case in created)
    pending = sum(1 for case in created if case.decided_on is None)
    return [
        f"复议诉讼案件：{len(created)} 件（2019—2025年；2009年无），其中尚未审结 {pending} 件。",
        "；".join(f"{label} {n} 件" for label, n in sorted(by_kind.items())),
    ]


def _sue_after_review(
    rng: random.Random,
    officer: Any,
    review: AppealCase,
    serials: Counter[tuple[str, str, int]],
    today: dt.date,
) -> AppealCase | None:
    """The applicant goes to court within the 15 days 行政诉讼法第四十五条 allows."""
    assert review.decided_on is not None
    filed_on = _working_day_on_or_after(review.decided_on + dt.timedelta(days=rng.randint(3, 12)))
    if filed_on > today:
        return None
    kind = CaseKind.LITIGATION_AFTER_REVIEW
    key = _key_of(review.organisation)
    serials[(kind, key, filed_on.year)] += 1
    lawsuit = services.appeal_case_create(
        actor=officer,
        organisation=review.organisation,
        kind=kind,
        handling_body=_handling_body(kind, key),
        case_number=_case_number(
            kind, key, filed_on.year, serials[(kind, key, filed_on.year)] * 5 + 1
        ),
        applicant_name=review.applicant_name,
        claim="不服行政复议决定，请求撤销被告作出的政府信息公开答复。",
        filed_on=filed_on,
        accepted_on=min(_working_day_on_or_after(filed_on + dt.timedelta(days=7)), today),
        disclosure_request=review.disclosure_request,
        review_case=review,
    )
    _decide(rng, officer, lawsuit, today)
    return lawsuit


def _key_of(organisation: Organisation) -> str:
    for item in seed.ORGANISATIONS:
        if item.code == organisation.code:
            return item.key
    return ""


def _decide(rng: random.Random, officer: Any, appeal_case: AppealCase, today: dt.date) -> None:
    start = appeal_case.accepted_on or appeal_case.filed_on
    # Reviews are decided within about two months, lawsuits within half a year.
    span = 75 if appeal_case.kind == CaseKind.ADMINISTRATIVE_REVIEW else 170
    if appeal_case.kind == CaseKind.COMPLAINT:
        span = 40
    decided_on = _working_day_on_or_after(start + dt.timedelta(days=rng.randint(15, span)))
    if decided_on > today or (appeal_case.filed_on.year == 2025 and rng.random() < 0.4):
        return
    result = rng.choices([r for r, _w in RESULT_WEIGHTS], [w for _r, w in RESULT_WEIGHTS])[0]
    services.appeal_case_record_decision(
        actor=officer,
        appeal_case=appeal_case,
        decided_on=decided_on,
        result=result,
        decision_summary=DECISION_SUMMARIES[result],
        corrective_action=rng.choice(CORRECTIVE_ACTIONS) if result == CaseResult.CORRECTED else "",
    )
    appeal_case.refresh_from_db()


def _ensure_every_result(
    rng: random.Random,
    created: list[AppealCase],
    today: dt.date,
    organisations: dict[str, Organisation],
    users: dict[str, Any],
) -> None:
    """Every column of table 四 appears at least once in the demo, whatever the draw gave."""
    seen = {(case.kind, case.result) for case in created if case.decided_on}
    for kind in (CaseKind.ADMINISTRATIVE_REVIEW, CaseKind.LITIGATION_DIRECT):
        for result in CaseResult.values:
            if (kind, result) in seen:
                continue
            organisation = organisations[seed.CITY]
            officer = _officer(organisation, users)
            filed_on = _working_day_on_or_after(
                dt.date(2022, rng.randint(2, 9), rng.randint(1, 20))
            )
            appeal_case = services.appeal_case_create(
                actor=officer,
                organisation=organisation,
                kind=kind,
                handling_body=_handling_body(kind, seed.CITY),
                case_number=_case_number(kind, seed.CITY, 2022, 900 + len(created)),
                applicant_name="某申请人",
                claim="请求责令被申请人依法公开所申请的政府信息。",
                filed_on=filed_on,
                accepted_on=filed_on,
            )
            decided_on = _working_day_on_or_after(filed_on + dt.timedelta(days=40))
            services.appeal_case_record_decision(
                actor=officer,
                appeal_case=appeal_case,
                decided_on=min(decided_on, today),
                result=result,
                decision_summary=DECISION_SUMMARIES[CaseResult(result)],
                corrective_action=CORRECTIVE_ACTIONS[0] if result == CaseResult.CORRECTED else "",
            )
            appeal_case.refresh_from_db()
            created.append(appeal_case)
