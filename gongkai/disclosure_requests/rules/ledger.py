"""The answer deadline of an application, derived from its append-only clock events.

The due date is never typed: it is recomputed from the ledger every time, and every step of
the computation is explained in Chinese (``DeadlineExplanation.steps``) so staff can check it.

Rules, each with its article (2019 条例 unless the regime says otherwise; see regimes.py):

* Counting (第三十一条、第三十三条; the working-day rule of gongkai.workdays.calendar): the
  start day is not counted; from the next day every working day counts, make-up workdays
  (调休上班) included; the due date is the N-th working day, N = regime.response_days.
  A year whose State Council notice is not entered is counted in the provisional (暂定)
  calendar (docs/calendar.md): the computation goes on, and ``provisional_years`` names the
  years it touched so that every place showing one of its dates marks it 暂定.
* 补正 (第三十条): the notice is due within 7 working days of receipt and may be sent once.
  Until the corrected application arrives the clock is stopped (``due_on`` is None: the period
  has not started again); it then restarts from the day the corrected application is received.
  A missed correction deadline ends the application (逾期不补正).
* Consultation (第三十二条、第三十四条、第三十三条第三款): the working days from the day after the
  consultation letter is sent through the day the reply arrives are not counted. The pause is
  capped at the reply limit (15 working days in 2019): a late reply does not buy more time.
  Without a recorded reply the pause runs to that limit; under the 2007 regime (no limit) the
  clock stays stopped until the reply is recorded. Days paused by two overlapping
  consultations are counted once.
* Extension (第三十三条第二款): once, at most regime.extension_days working days beyond the
  current due date. An extension approved after the due date has passed is recorded but not
  counted: it can no longer lawfully extend a period that has expired.

Conservative readings (the sources do not settle them; regulation-facts.md §1.5, §1.9):

* Counting starts from the day the consultation letter is **sent**, not from the day the third
  party receives it: the shorter pause.
* The fee payment window (20 working days from the day after the fee notice) does **not** pause
  the answer period: whether it does is UNVERIFIED, and not pausing gives the earlier due date.
  The choice is data: ``gongkai.disclosure_requests.rules.fees.FEE_WINDOW_PAUSES_ANSWER_PERIOD``.
* The regime is chosen by the original receipt date, even when the corrected application
  arrives after 2019-05-15.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, Literal

from gongkai.core.exceptions import ApplicationError
from gongkai.disclosure_requests.rules import fees
from gongkai.disclosure_requests.rules.regimes import AGENCY, THIRD_PARTY, Regime, regime_for
from gongkai.workdays.calendar import (
    WEEKDAY_NAMES,
    HasProvisionalYears,
    SkippedDay,
    _Snapshot,  # one calendar snapshot per computation: one query, not one per step
)

ONE_DAY = timedelta(days=1)
# Far beyond any lawful period (20 + 20 + pauses); stops a malformed ledger from looping.
MAX_WALK_DAYS = 3660


class ClockEventKind(StrEnum):
    RECEIVED = "received"
    CORRECTION_REQUESTED = "correction_requested"
    CORRECTION_RECEIVED = "correction_received"
    CORRECTION_DEADLINE_MISSED = "correction_deadline_missed"
    CONSULTATION_STARTED = "consultation_started"
    CONSULTATION_ENDED = "consultation_ended"
    EXTENSION_APPROVED = "extension_approved"
    FEE_NOTICE_SENT = "fee_notice_sent"
    FEE_PAID = "fee_paid"
    FEE_DEADLINE_MISSED = "fee_deadline_missed"
    ANSWERED = "answered"
    DELIVERED = "delivered"
    CLOSED = "closed"


CLOCK_EVENT_LABELS: dict[str, str] = {
    ClockEventKind.RECEIVED: "收到申请",
    ClockEventKind.CORRECTION_REQUESTED: "发出补正告知",
    ClockEventKind.CORRECTION_RECEIVED: "收到补正后的申请",
    ClockEventKind.CORRECTION_DEADLINE_MISSED: "逾期不补正",
    ClockEventKind.CONSULTATION_STARTED: "发出征求意见函",
    ClockEventKind.CONSULTATION_ENDED: "收到征求意见回复",
    ClockEventKind.EXTENSION_APPROVED: "批准延期答复",
    ClockEventKind.FEE_NOTICE_SENT: "发出收费通知",
    ClockEventKind.FEE_PAID: "申请人缴费",
    ClockEventKind.FEE_DEADLINE_MISSED: "逾期未缴费",
    ClockEventKind.ANSWERED: "作出答复",
    ClockEventKind.DELIVERED: "送达",
    ClockEventKind.CLOSED: "办结",
}

# Events after which the agency owes no further answer on this application.
CONCLUDING_KINDS = frozenset(
    {
        ClockEventKind.ANSWERED,
        ClockEventKind.CORRECTION_DEADLINE_MISSED,
        ClockEventKind.FEE_DEADLINE_MISSED,
        ClockEventKind.CLOSED,
    }
)
# The 条例 allows each of these once per application (第三十条 一次性; 第三十三条 one extension).
ONCE_ONLY_KINDS = {
    ClockEventKind.RECEIVED: "收到申请",
    ClockEventKind.CORRECTION_REQUESTED: "补正告知只能一次性发出（第三十条）",
    ClockEventKind.CORRECTION_RECEIVED: "补正后的申请",
    ClockEventKind.EXTENSION_APPROVED: "延长答复期限只能一次（第三十三条）",
    ClockEventKind.FEE_NOTICE_SENT: "收费通知",
}

CONSULTATION_REASONS = {
    THIRD_PARTY: "征求第三方意见",
    AGENCY: "征求其他行政机关意见",
}

ClockState = Literal["running", "awaiting_correction", "paused", "concluded"]


@dataclass(frozen=True)
class LedgerEvent:
    kind: str
    on: date
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PausedDay:
    date: date
    reason: str


@dataclass
class DeadlineExplanation(HasProvisionalYears):
    regime: Regime
    received_on: date
    start_on: date  # the receipt date, or the day the corrected application was received
    base_due_on: date | None  # N-th working day after start_on, before pauses and extension
    due_on: date | None  # None while the clock is stopped (awaiting 补正, open 2007 pause)
    clock_state: ClockState
    paused_days: list[PausedDay] = field(default_factory=list)
    skipped_days: list[SkippedDay] = field(default_factory=list)
    makeup_workdays: list[date] = field(default_factory=list)
    # Weekend days of a provisional year counted as working because the notice may make them
    # make-up workdays (gongkai.workdays.statutory): what keeps a 暂定 date from being late.
    possible_makeup_workdays: list[date] = field(default_factory=list)
    extension_days: int = 0
    correction_notice_due_on: date | None = None
    correction_deadline_on: date | None = None  # the applicant's 补正 deadline, if given
    fee_payment_due_on: date | None = None
    steps: list[str] = field(default_factory=list)
    is_overdue: bool = False
    answered_on: date | None = None
    answered_late: bool = False
    days_remaining: int | None = None  # working days from today to due_on (negative: overdue)
    # Years the computation counted without an entered notice: its dates from there on are 暂定.
    provisional_years: tuple[int, ...] = ()

    def is_provisional(self, day: date | None) -> bool:
        """Whether `day`, counted forward from the receipt, crossed a provisional year."""
        if day is None:
            return False
        return any(self.received_on.year <= year <= day.year for year in self.provisional_years)

    @property
    def due_on_provisional(self) -> bool:
        return self.is_provisional(self.due_on)

    @property
    def base_due_on_provisional(self) -> bool:
        return self.is_provisional(self.base_due_on)

    @property
    def correction_notice_due_on_provisional(self) -> bool:
        return self.is_provisional(self.correction_notice_due_on)

    @property
    def fee_payment_due_on_provisional(self) -> bool:
        return self.is_provisional(self.fee_payment_due_on)


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日（{WEEKDAY_NAMES[day.weekday()]}）"


def _as_date(value: Any, what: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ApplicationError(f"{what}“{value}”不是有效日期（格式：YYYY-MM-DD）。") from None


def _validated(events: Sequence[LedgerEvent]) -> list[LedgerEvent]:
    known = {kind.value for kind in ClockEventKind}
    for event in events:
        if event.kind not in known:
            raise ApplicationError(f"未知的计时事件“{event.kind}”。")
    ordered = sorted(events, key=lambda event: event.on)  # stable: same-day order is kept
    for kind, label in ONCE_ONLY_KINDS.items():
        if sum(1 for event in ordered if event.kind == kind) > 1:
            raise ApplicationError(f"{label}：记录中出现了两次。")
    received = [event for event in ordered if event.kind == ClockEventKind.RECEIVED]
    if not received:
        raise ApplicationError("尚未确定收到申请之日，无法计算答复期限。")
    if ordered[0].on < received[0].on:
        raise ApplicationError(
            f"“{CLOCK_EVENT_LABELS[ordered[0].kind]}”的日期早于收到申请之日，请核对。"
        )
    requested = _first(ordered, ClockEventKind.CORRECTION_REQUESTED)
    corrected = _first(ordered, ClockEventKind.CORRECTION_RECEIVED)
    if corrected is not None and (requested is None or corrected.on < requested.on):
        raise ApplicationError("收到补正后的申请之前，必须先发出补正告知。")
    return ordered


def _first(events: Sequence[LedgerEvent], kind: str) -> LedgerEvent | None:
    return next((event for event in events if event.kind == kind), None)


@dataclass
class _Pause:
    started_on: date
    ended_on: date | None
    reason: str
    limit: int | None


def _consultation_pauses(
    events: Sequence[LedgerEvent], regime: Regime, steps: list[str]
) -> list[_Pause]:
    """Pair each reply with the earliest open consultation of its kind (FIFO)."""
    open_pauses: list[tuple[str, LedgerEvent]] = []
    pairs: list[tuple[str, LedgerEvent, LedgerEvent | None]] = []
    for event in events:
        if event.kind == ClockEventKind.CONSULTATION_STARTED:
            open_pauses.append((str(event.data.get("party_kind") or THIRD_PARTY), event))
        elif event.kind == ClockEventKind.CONSULTATION_ENDED:
            wanted = event.data.get("party_kind")
            match = next(
                (i for i, (kind, _) in enumerate(open_pauses) if wanted in (None, "", kind)),
                None,
            )
            if match is None:
                raise ApplicationError(
                    f"{event.on.isoformat()}收到征求意见回复，但没有对应的征求意见函。"
                )
            kind, started = open_pauses.pop(match)
            pairs.append((kind, started, event))
    pairs.extend((kind, started, None) for kind, started in open_pauses)

    pauses = []
    for kind, started, ended in sorted(pairs, key=lambda pair: pair[1].on):
        reason = CONSULTATION_REASONS.get(kind, "征求意见")
        if kind not in regime.pausing_consultations:
            steps.append(
                f"{cn_date(started.on)}{reason}：{regime.short_name}未规定该期间不计入答复期限，"
                "不暂停计算。"
            )
            continue
        pauses.append(
            _Pause(
                started_on=started.on,
                ended_on=ended.on if ended else None,
                reason=reason,
                limit=regime.consultation_reply_days,
            )
        )
    return pauses


def _fee_pause(events: Sequence[LedgerEvent]) -> _Pause | None:
    if not fees.FEE_WINDOW_PAUSES_ANSWER_PERIOD:
        return None
    notice = _first(events, ClockEventKind.FEE_NOTICE_SENT)
    if notice is None:
        return None
    end = _first(events, ClockEventKind.FEE_PAID) or _first(
        events, ClockEventKind.FEE_DEADLINE_MISSED
    )
    return _Pause(
        started_on=notice.on,
        ended_on=end.on if end else None,
        reason="缴纳信息处理费期间",
        limit=fees.FEE_PAYMENT_WORKING_DAYS,
    )


class _Clock:
    """Working-day arithmetic over one calendar snapshot."""

    def __init__(self) -> None:
        self.snapshot = _Snapshot()

    def add(self, start: date, days: int) -> date:
        return self.snapshot.add(start, days)

    def paused_working_days(self, pause: _Pause) -> tuple[set[date], date | None]:
        """The working days a pause covers; and, if it never ends, the day it starts from."""
        if pause.ended_on is None and pause.limit is None:
            return set(), pause.started_on
        covered: set[date] = set()
        day = pause.started_on
        while True:
            day += ONE_DAY
            if pause.ended_on is not None and day > pause.ended_on:
                break
            if pause.limit is not None and len(covered) >= pause.limit:
                break
            if self.snapshot.is_working(day):
                covered.add(day)
        return covered, None

    def between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.between(end, start)
        return self.snapshot.count_between(start, end)


def compute_deadline(
    events: Sequence[LedgerEvent],
    *,
    regime: Regime | None = None,
    today: date | None = None,
) -> DeadlineExplanation:
    clock = _Clock()
    explanation = _compute(events, regime=regime, today=today, clock=clock)
    _mark_provisional(explanation, clock)
    return explanation


def _mark_provisional(explanation: DeadlineExplanation, clock: _Clock) -> None:
    """Name the years counted provisionally up to the last date shown, and say so in a step."""
    shown = [
        ("答复期限届满日", explanation.due_on),
        ("补正告知最迟发出日", explanation.correction_notice_due_on),
        ("缴费期限", explanation.fee_payment_due_on),
    ]
    last = max(
        [day for _label, day in shown if day is not None]
        + [explanation.received_on, explanation.start_on]
        + ([explanation.base_due_on] if explanation.base_due_on else [])
    )
    explanation.provisional_years = clock.snapshot.provisional_between(
        explanation.received_on, last
    )
    if not explanation.provisional:
        return
    named = "、".join(
        f"{label}{cn_date(day)}"
        for label, day in shown
        if day is not None and explanation.is_provisional(day)
    )
    if named:
        explanation.steps.append(f"{named}为暂定日期。{explanation.provisional_note}")
    else:
        explanation.steps.append(explanation.provisional_note)


def _compute(
    events: Sequence[LedgerEvent],
    *,
    regime: Regime | None,
    today: date | None,
    clock: _Clock,
) -> DeadlineExplanation:
    ordered = _validated(events)
    received = ordered[0] if ordered[0].kind == ClockEventKind.RECEIVED else None
    received = received or _first(ordered, ClockEventKind.RECEIVED)
    assert received is not None  # checked by _validated
    received_on = received.on
    regime = regime or regime_for(received_on)
    steps: list[str] = [
        f"适用{regime.name}：答复期限为{regime.response_days}个工作日，"
        f"可延长一次、最长{regime.extension_days}个工作日（{regime.response_article}）。",
        f"收到申请之日：{cn_date(received_on)}；自次日起计算，周末和法定节假日不计，"
        "调休上班日计为工作日。",
    ]

    correction_notice_due_on = clock.add(received_on, regime.correction_notice_days)
    explanation = DeadlineExplanation(
        regime=regime,
        received_on=received_on,
        start_on=received_on,
        base_due_on=None,
        due_on=None,
        clock_state="running",
        correction_notice_due_on=correction_notice_due_on,
        steps=steps,
    )
    answered = _first(ordered, ClockEventKind.ANSWERED)
    explanation.answered_on = answered.on if answered else None
    concluding = next((event for event in ordered if event.kind in CONCLUDING_KINDS), None)

    fee_notice = _first(ordered, ClockEventKind.FEE_NOTICE_SENT)
    if fee_notice is not None:
        explanation.fee_payment_due_on = fees.fee_payment_due_on(fee_notice.on, clock.add)
        steps.append(
            f"{cn_date(fee_notice.on)}发出收费通知：申请人应于"
            f"{cn_date(explanation.fee_payment_due_on)}前缴纳"
            f"（通知次日起{fees.FEE_PAYMENT_WORKING_DAYS}个工作日）；"
            + (
                "缴费期间不计入答复期限。"
                if fees.FEE_WINDOW_PAUSES_ANSWER_PERIOD
                else "答复期限不因此暂停。"
            )
        )

    requested = _first(ordered, ClockEventKind.CORRECTION_REQUESTED)
    corrected = _first(ordered, ClockEventKind.CORRECTION_RECEIVED)
    start_on = received_on
    if requested is not None:
        explanation.correction_deadline_on = _as_date(requested.data.get("deadline_on"), "补正期限")
        late = requested.on > correction_notice_due_on
        steps.append(
            f"{cn_date(requested.on)}一次性告知补正（{regime.correction_article}）；"
            f"补正告知应在收到申请后{regime.correction_notice_days}个工作日内、即"
            f"{cn_date(correction_notice_due_on)}前发出"
            + ("，本次告知已超过该期限。" if late else "。")
        )
        if corrected is None:
            missed = _first(ordered, ClockEventKind.CORRECTION_DEADLINE_MISSED)
            if missed is not None:
                steps.append(
                    f"{cn_date(missed.on)}申请人逾期未补正，视为放弃申请，不再处理（第三十条）。"
                )
                explanation.clock_state = "concluded"
            else:
                steps.append(
                    "等待申请人补正：答复期限自收到补正后的申请之日起重新计算，目前不计时。"
                )
                explanation.clock_state = "awaiting_correction"
            return explanation
        start_on = corrected.on
        steps.append(
            f"{cn_date(corrected.on)}收到补正后的申请：答复期限自该日次日起重新计算（第三十条）。"
        )
    explanation.start_on = start_on

    base_due_on = clock.add(start_on, regime.response_days)
    explanation.base_due_on = base_due_on
    steps.append(f"起算日后第{regime.response_days}个工作日为{cn_date(base_due_on)}。")

    pauses = _consultation_pauses(ordered, regime, steps)
    fee_pause = _fee_pause(ordered)
    if fee_pause is not None:
        pauses.append(fee_pause)
    paused: dict[date, str] = {}
    stopped_from: date | None = None
    for pause in pauses:
        covered, open_from = clock.paused_working_days(pause)
        if open_from is not None:
            stopped_from = open_from if stopped_from is None else min(stopped_from, open_from)
            steps.append(
                f"{cn_date(pause.started_on)}起{pause.reason}，尚未收到回复且没有回复期限："
                "在收到回复之前答复期限暂停计算。"
            )
            continue
        for day in covered:
            paused.setdefault(day, pause.reason)
        if pause.ended_on is None:
            how = f"尚未收到回复，按回复期限{pause.limit}个工作日计"
        elif (
            pause.limit is not None
            and len(covered) >= pause.limit
            and (clock.between(pause.started_on, pause.ended_on) > pause.limit)
        ):
            how = f"回复晚于{pause.limit}个工作日的期限，只计期限内的{pause.limit}个工作日"
        else:
            how = f"至{cn_date(pause.ended_on)}收到回复"
        steps.append(
            f"{cn_date(pause.started_on)}{pause.reason}：自次日起{how}，"
            f"其间{len(covered)}个工作日不计入答复期限（{regime.consultation_article}）。"
        )

    extension = _first(ordered, ClockEventKind.EXTENSION_APPROVED)
    budget = regime.response_days
    walk = _walk(clock, start_on, budget, paused, stopped_from)
    if extension is not None and walk is not None:
        days = extension.data.get("days")
        days = regime.extension_days if days in (None, "") else int(days)
        if not 1 <= days <= regime.extension_days:
            raise ApplicationError(
                f"延长答复期限最长不得超过{regime.extension_days}个工作日（{regime.extension_article}）。"
            )
        current_due = walk[0]
        if extension.on > current_due:
            steps.append(
                f"{cn_date(extension.on)}批准的延期晚于当时的期限届满日{cn_date(current_due)}，"
                "期限已过，不再计入延期。"
            )
        else:
            budget += days
            explanation.extension_days = days
            walk = _walk(clock, start_on, budget, paused, stopped_from)
            steps.append(
                f"{cn_date(extension.on)}经批准延长答复期限{days}个工作日"
                f"（{regime.extension_article}）。"
            )

    if walk is None:
        explanation.clock_state = "paused"
    else:
        due_on, skipped, makeup, possible_makeup, paused_days = walk
        explanation.due_on = due_on
        explanation.skipped_days = skipped
        explanation.makeup_workdays = makeup
        explanation.possible_makeup_workdays = possible_makeup
        explanation.paused_days = paused_days
        steps.append(_summary(due_on, budget, skipped, makeup, possible_makeup, paused_days))

    if concluding is not None:
        explanation.clock_state = "concluded"
        if answered is not None:
            explanation.answered_late = (
                explanation.due_on is not None and answered.on > explanation.due_on
            )
            steps.append(
                f"{cn_date(answered.on)}作出答复"
                + ("，已超过答复期限。" if explanation.answered_late else "，在答复期限内。")
            )
        elif concluding.kind == ClockEventKind.FEE_DEADLINE_MISSED:
            steps.append(f"{cn_date(concluding.on)}申请人逾期未缴费，视为放弃申请，不再处理。")
        else:
            steps.append(f"{cn_date(concluding.on)}办结。")
    elif today is not None and explanation.due_on is not None:
        explanation.days_remaining = clock.between(today, explanation.due_on)
        explanation.is_overdue = today > explanation.due_on
    return explanation


def _walk(
    clock: _Clock,
    start: date,
    budget: int,
    paused: Mapping[date, str],
    stopped_from: date | None,
) -> tuple[date, list[SkippedDay], list[date], list[date], list[PausedDay]] | None:
    """The `budget`-th counted working day after `start`; None if an open pause stops it."""
    snapshot = clock.snapshot
    snapshot.year(start.year)
    skipped: list[SkippedDay] = []
    makeup: list[date] = []
    possible_makeup: list[date] = []
    paused_days: list[PausedDay] = []
    day = start
    remaining = budget
    while remaining:
        day += ONE_DAY
        if (day - start).days > MAX_WALK_DAYS:
            raise ApplicationError("计时记录异常：答复期限超出合理范围，请核对记录。")
        if stopped_from is not None and day > stopped_from:
            return None
        info = snapshot.info(day)
        if not info.is_working:
            reason: Literal["weekend", "holiday"] = (
                "holiday" if info.kind == "holiday" else "weekend"
            )
            skipped.append(SkippedDay(day, reason, info.name))
        elif day in paused:
            paused_days.append(PausedDay(day, paused[day]))
        else:
            remaining -= 1
            if info.kind == "makeup_workday":
                makeup.append(day)
            elif info.kind == "possible_makeup_workday":
                possible_makeup.append(day)
    return day, skipped, makeup, possible_makeup, paused_days


def _summary(
    due_on: date,
    budget: int,
    skipped: list[SkippedDay],
    makeup: list[date],
    possible_makeup: list[date],
    paused_days: list[PausedDay],
) -> str:
    parts = [f"计满{budget}个工作日，期限届满日为{cn_date(due_on)}。"]
    weekends = sum(1 for day in skipped if day.reason_code == "weekend")
    holidays: dict[str, list[date]] = {}
    for day in skipped:
        if day.reason_code == "holiday":
            holidays.setdefault(day.name or "节假日", []).append(day.date)
    skipped_parts = []
    if weekends:
        skipped_parts.append(f"周末{weekends}天")
    for name, days in holidays.items():
        span = (
            f"{days[0].month}月{days[0].day}日"
            if len(days) == 1
            else f"{days[0].month}月{days[0].day}日至{days[-1].month}月{days[-1].day}日"
        )
        skipped_parts.append(f"{name}假期{len(days)}天（{span}）")
    if skipped_parts:
        parts.append("其间不计：" + "、".join(skipped_parts) + "。")
    if paused_days:
        parts.append(f"暂停计算的工作日{len(paused_days)}天。")
    if makeup:
        parts.append(
            "调休上班日计为工作日：" + "、".join(f"{d.month}月{d.day}日" for d in makeup) + "。"
        )
    if possible_makeup:
        parts.append(
            "放假安排尚未公布、可能调休上班的周末暂计为工作日："
            + "、".join(f"{d.year}年{d.month}月{d.day}日" for d in possible_makeup)
            + "。"
        )
    return "".join(parts)
