"""The ledger rules one by one: 补正, pauses, extensions, conclusions, bad ledgers."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.core.exceptions import ApplicationError
from gongkai.disclosure_requests.rules import fees
from gongkai.disclosure_requests.rules.ledger import ClockEventKind as K
from gongkai.disclosure_requests.rules.ledger import LedgerEvent, cn_date, compute_deadline
from gongkai.disclosure_requests.rules.regimes import regime_by_code
from gongkai.workdays.calendar import UnknownCalendarYearError

pytestmark = pytest.mark.django_db

RECEIVED = date(2024, 9, 27)  # Friday before National Day; 20 working days → 2024-10-30


def ev(kind: str, on: date, **data: object) -> LedgerEvent:
    return LedgerEvent(kind, on, data)


def received() -> LedgerEvent:
    return ev(K.RECEIVED, RECEIVED)


def test_plain_application_explains_skipped_and_makeup_days() -> None:
    result = compute_deadline([received()], today=date(2024, 10, 8))
    assert result.due_on == date(2024, 10, 30)
    assert result.base_due_on == result.due_on
    assert result.clock_state == "running"
    assert result.correction_notice_due_on == date(2024, 10, 12)  # 7th working day (make-up Sat)
    holidays = [d.date for d in result.skipped_days if d.reason_code == "holiday"]
    assert holidays == [date(2024, 10, day) for day in range(1, 8)]
    assert {d.name for d in result.skipped_days if d.reason_code == "holiday"} == {"国庆节"}
    assert result.makeup_workdays == [date(2024, 9, 29), date(2024, 10, 12)]
    # 10/9–10/12, 10/14–18, 10/21–25, 10/28–30 = 4 + 5 + 5 + 3
    assert result.days_remaining == 17
    assert not result.is_overdue
    assert any("国庆节假期7天" in step for step in result.steps)


def test_overdue_when_unanswered_after_due_date() -> None:
    result = compute_deadline([received()], today=date(2024, 10, 31))
    assert result.is_overdue
    assert result.days_remaining == -1


def test_answered_application_is_never_overdue_and_lateness_is_recorded() -> None:
    on_time = compute_deadline(
        [received(), ev(K.ANSWERED, date(2024, 10, 30))], today=date(2025, 1, 1)
    )
    assert on_time.clock_state == "concluded"
    assert not on_time.is_overdue and not on_time.answered_late
    assert on_time.answered_on == date(2024, 10, 30)
    late = compute_deadline([received(), ev(K.ANSWERED, date(2024, 10, 31))])
    assert late.answered_late
    assert late.days_remaining is None


def test_awaiting_correction_stops_the_clock() -> None:
    result = compute_deadline(
        [received(), ev(K.CORRECTION_REQUESTED, date(2024, 9, 30), deadline_on="2024-10-21")],
        today=date(2024, 12, 1),
    )
    assert result.clock_state == "awaiting_correction"
    assert result.due_on is None
    assert not result.is_overdue
    assert result.correction_deadline_on == date(2024, 10, 21)


def test_correction_restarts_the_period_from_the_corrected_application() -> None:
    result = compute_deadline(
        [
            received(),
            ev(K.CORRECTION_REQUESTED, date(2024, 9, 30)),
            ev(K.CORRECTION_RECEIVED, date(2024, 10, 9)),
        ]
    )
    assert result.start_on == date(2024, 10, 9)
    assert result.due_on == date(2024, 11, 5)


def test_late_correction_notice_is_flagged_in_the_explanation() -> None:
    result = compute_deadline(
        [
            received(),
            ev(K.CORRECTION_REQUESTED, date(2024, 10, 14)),  # after the 7th working day (10/12)
            ev(K.CORRECTION_RECEIVED, date(2024, 10, 15)),
        ]
    )
    assert any("已超过该期限" in step for step in result.steps)


def test_missed_correction_concludes_the_application() -> None:
    result = compute_deadline(
        [
            received(),
            ev(K.CORRECTION_REQUESTED, date(2024, 9, 30)),
            ev(K.CORRECTION_DEADLINE_MISSED, date(2024, 10, 22)),
        ],
        today=date(2025, 1, 1),
    )
    assert result.clock_state == "concluded"
    assert result.due_on is None and not result.is_overdue


def test_overlapping_consultations_pause_each_day_once() -> None:
    result = compute_deadline(
        [
            received(),
            ev(K.CONSULTATION_STARTED, date(2024, 10, 10), party_kind="third_party"),
            ev(K.CONSULTATION_STARTED, date(2024, 10, 14), party_kind="agency"),
            ev(K.CONSULTATION_ENDED, date(2024, 10, 17), party_kind="third_party"),
            ev(K.CONSULTATION_ENDED, date(2024, 10, 18), party_kind="agency"),
        ]
    )
    # (10/10, 10/18] covers 10/11, 10/12, 10/14–10/18: 7 working days, not 6 + 4.
    assert len(result.paused_days) == 7
    assert result.due_on == date(2024, 11, 8)
    assert {d.reason for d in result.paused_days} == {"征求第三方意见", "征求其他行政机关意见"}


def test_2007_agency_consultation_does_not_pause_but_third_party_does() -> None:
    start = date(2015, 9, 30)  # 2007 regime: 15 working days → 2015-10-27
    agency = compute_deadline(
        [
            ev(K.RECEIVED, start),
            ev(K.CONSULTATION_STARTED, date(2015, 10, 8), party_kind="agency"),
            ev(K.CONSULTATION_ENDED, date(2015, 10, 12), party_kind="agency"),
        ]
    )
    assert agency.due_on == date(2015, 10, 27)
    assert agency.paused_days == []
    assert any("不暂停计算" in step for step in agency.steps)
    open_third_party = compute_deadline(
        [ev(K.RECEIVED, start), ev(K.CONSULTATION_STARTED, date(2015, 10, 8))],
        today=date(2016, 1, 1),
    )
    # No reply limit under 2007: the clock stays stopped until the reply is recorded.
    assert open_third_party.clock_state == "paused"
    assert open_third_party.due_on is None and not open_third_party.is_overdue


def test_consultation_after_the_due_date_changes_nothing() -> None:
    result = compute_deadline(
        [
            received(),
            ev(K.CONSULTATION_STARTED, date(2024, 11, 1)),
            ev(K.CONSULTATION_ENDED, date(2024, 11, 8)),
        ]
    )
    assert result.due_on == date(2024, 10, 30)
    assert result.paused_days == []


def test_extension_defaults_to_the_regime_maximum_and_is_bounded() -> None:
    result = compute_deadline([received(), ev(K.EXTENSION_APPROVED, date(2024, 10, 28))])
    assert result.extension_days == 20
    assert result.due_on == date(2024, 11, 27)
    with pytest.raises(ApplicationError, match="不得超过20个工作日"):
        compute_deadline([received(), ev(K.EXTENSION_APPROVED, date(2024, 10, 28), days=21)])
    with pytest.raises(ApplicationError, match="不得超过15个工作日"):
        compute_deadline(
            [
                ev(K.RECEIVED, date(2015, 9, 30)),
                ev(K.EXTENSION_APPROVED, date(2015, 10, 8), days=16),
            ]
        )


def test_extension_after_expiry_is_not_counted() -> None:
    result = compute_deadline([received(), ev(K.EXTENSION_APPROVED, date(2024, 10, 31), days=10)])
    assert result.due_on == date(2024, 10, 30)
    assert result.extension_days == 0
    assert any("不再计入延期" in step for step in result.steps)


@pytest.mark.parametrize(
    ("events", "message"),
    [
        (
            [
                ev(K.RECEIVED, RECEIVED),
                ev(K.EXTENSION_APPROVED, date(2024, 10, 8), days=5),
                ev(K.EXTENSION_APPROVED, date(2024, 10, 9), days=5),
            ],
            "延长答复期限只能一次",
        ),
        (
            [
                ev(K.RECEIVED, RECEIVED),
                ev(K.CORRECTION_REQUESTED, date(2024, 9, 30)),
                ev(K.CORRECTION_REQUESTED, date(2024, 10, 8)),
            ],
            "补正告知只能一次性发出",
        ),
        ([ev(K.CORRECTION_REQUESTED, RECEIVED)], "尚未确定收到申请之日"),
        ([ev(K.RECEIVED, RECEIVED), ev("stamped", RECEIVED)], "未知的计时事件"),
        (
            [ev(K.RECEIVED, RECEIVED), ev(K.CORRECTION_RECEIVED, date(2024, 10, 9))],
            "必须先发出补正告知",
        ),
        (
            [ev(K.RECEIVED, RECEIVED), ev(K.ANSWERED, date(2024, 9, 1))],
            "早于收到申请之日",
        ),
        (
            [ev(K.RECEIVED, RECEIVED), ev(K.CONSULTATION_ENDED, date(2024, 10, 9))],
            "没有对应的征求意见函",
        ),
        ([ev(K.RECEIVED, date(2008, 4, 30))], "早于《政府信息公开条例》施行之日"),
    ],
)
def test_bad_ledgers_are_refused_with_a_clear_message(events, message) -> None:
    with pytest.raises(ApplicationError, match=message):
        compute_deadline(events)


def test_a_year_not_entered_is_counted_provisionally_and_says_so() -> None:
    result = compute_deadline([ev(K.RECEIVED, date(2030, 3, 1))])
    assert result.due_on is not None
    assert result.provisional_years == (2030,)
    assert result.provisional and result.due_on_provisional
    assert result.provisional_note.startswith("暂定：2030年的放假安排尚未公布")
    assert result.steps[-1] == (
        f"答复期限届满日{cn_date(result.due_on)}、补正告知最迟发出日"
        f"{cn_date(result.correction_notice_due_on)}为暂定日期。{result.provisional_note}"
    )


def test_only_the_dates_past_the_last_entered_year_are_provisional() -> None:
    # Received 2026-12-18: the correction notice is due in 2026, the answer in 2027.
    result = compute_deadline([ev(K.RECEIVED, date(2026, 12, 18))])
    assert result.correction_notice_due_on == date(2026, 12, 29)
    assert not result.correction_notice_due_on_provisional
    assert result.due_on_provisional and result.provisional_years == (2027,)
    # 12/21–25, 12/28–31 (9), 1/1 元旦 off; the weekends within 10 days of it may be make-up
    # days and count: 1/2–3 (11), 1/4–8 (16), 1/9–10 (18), 1/11–12 (20). The notice can only
    # move the date later.
    assert result.possible_makeup_workdays == [
        date(2027, 1, 2),
        date(2027, 1, 3),
        date(2027, 1, 9),
        date(2027, 1, 10),
    ]
    assert result.due_on == date(2027, 1, 12)
    assert "可能调休上班的周末暂计为工作日" in result.steps[-2]


def test_an_entered_year_is_never_provisional() -> None:
    result = compute_deadline([received()])
    assert result.provisional_years == () and result.provisional_note == ""
    assert not any("暂定" in step for step in result.steps)


def test_a_year_outside_every_calendar_is_refused_with_a_clear_message() -> None:
    with pytest.raises(UnknownCalendarYearError, match="2101年不在可计算工作日的范围内"):
        compute_deadline([ev(K.RECEIVED, date(2100, 12, 20))])


def test_explicit_regime_overrides_the_receipt_date() -> None:
    result = compute_deadline([received()], regime=regime_by_code("2007"))
    assert result.regime.code == "2007"
    assert result.due_on == date(2024, 10, 23)


def test_fee_notice_sets_the_payment_deadline_without_pausing_the_answer() -> None:
    assert fees.FEE_WINDOW_PAUSES_ANSWER_PERIOD is False
    result = compute_deadline([received(), ev(K.FEE_NOTICE_SENT, date(2024, 10, 8))])
    # 20 working days after 10/8: 10/9–10/12 (make-up Sat), 10/14–18, 10/21–25, 10/28–11/1, 11/4.
    assert result.fee_payment_due_on == date(2024, 11, 4)
    assert result.due_on == date(2024, 10, 30)
    missed = compute_deadline(
        [
            received(),
            ev(K.FEE_NOTICE_SENT, date(2024, 10, 8)),
            ev(K.FEE_DEADLINE_MISSED, date(2024, 11, 6)),
        ],
        today=date(2024, 12, 1),
    )
    assert missed.clock_state == "concluded" and not missed.is_overdue


def test_fee_window_pause_is_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fees, "FEE_WINDOW_PAUSES_ANSWER_PERIOD", True)
    result = compute_deadline(
        [
            received(),
            ev(K.FEE_NOTICE_SENT, date(2024, 10, 8)),
            ev(K.FEE_PAID, date(2024, 10, 10)),
        ]
    )
    assert [d.date for d in result.paused_days] == [date(2024, 10, 9), date(2024, 10, 10)]
    assert result.due_on == date(2024, 11, 1)
