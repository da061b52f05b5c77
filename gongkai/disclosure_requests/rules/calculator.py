"""The public due-date calculator: a few dates in, a ledger built, the explanation out as JSON.

Shared by the ``gongkai deadline`` command, the API (/api/v1/calendar/due-date/) and the portal
page (/apply/deadline/), so the three always agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from gongkai.core.exceptions import ApplicationError
from gongkai.disclosure_requests.rules.ledger import (
    ClockEventKind,
    DeadlineExplanation,
    LedgerEvent,
    compute_deadline,
)
from gongkai.disclosure_requests.rules.regimes import THIRD_PARTY, regime_by_code, regime_for

MAX_PAUSES = 10


@dataclass(frozen=True)
class Pause:
    start: date
    end: date | None  # None: no reply yet


def parse_date(value: str, what: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ApplicationError(f"{what}“{value}”不是有效日期，格式应为 YYYY-MM-DD。") from None


def parse_pause(value: str) -> Pause:
    """ "START:END" (both YYYY-MM-DD) or "START:" for a consultation still without a reply."""
    start_text, separator, end_text = value.partition(":")
    if not separator:
        raise ApplicationError(
            f"暂停区间“{value}”格式应为 开始日期:结束日期（YYYY-MM-DD:YYYY-MM-DD）。"
        )
    start = parse_date(start_text, "暂停开始日期")
    end = parse_date(end_text, "暂停结束日期") if end_text.strip() else None
    if end is not None and end < start:
        raise ApplicationError(f"暂停区间“{value}”的结束日期早于开始日期。")
    return Pause(start, end)


def calculator_events(
    *,
    received: date,
    corrected: date | None = None,
    pauses: Sequence[Pause] = (),
    extension_days: int | None = None,
) -> list[LedgerEvent]:
    """The ledger of an application with these dates.

    Pauses are third-party consultations (they pause the clock under both regimes). The
    extension is approved on the start day, so it always counts.
    """
    if len(pauses) > MAX_PAUSES:
        raise ApplicationError(f"暂停区间最多{MAX_PAUSES}个。")
    events = [LedgerEvent(ClockEventKind.RECEIVED, received)]
    start = received
    if corrected is not None:
        if corrected < received:
            raise ApplicationError("收到补正后申请的日期不能早于收到申请之日。")
        events.append(LedgerEvent(ClockEventKind.CORRECTION_REQUESTED, received))
        events.append(LedgerEvent(ClockEventKind.CORRECTION_RECEIVED, corrected))
        start = corrected
    for pause in pauses:
        if pause.start < received:
            raise ApplicationError("暂停开始日期不能早于收到申请之日。")
        events.append(
            LedgerEvent(
                ClockEventKind.CONSULTATION_STARTED, pause.start, {"party_kind": THIRD_PARTY}
            )
        )
        if pause.end is not None:
            events.append(
                LedgerEvent(
                    ClockEventKind.CONSULTATION_ENDED, pause.end, {"party_kind": THIRD_PARTY}
                )
            )
    if extension_days is not None:
        events.append(
            LedgerEvent(ClockEventKind.EXTENSION_APPROVED, start, {"days": extension_days})
        )
    return events


def calculate(
    *,
    received: date,
    regime_code: str | None = None,
    corrected: date | None = None,
    pauses: Sequence[Pause] = (),
    extended: bool = False,
    extension_days: int | None = None,
) -> DeadlineExplanation:
    """`extended` with no `extension_days` means the regime's maximum extension."""
    regime = regime_by_code(regime_code) if regime_code else regime_for(received)
    if extended and extension_days is None:
        extension_days = regime.extension_days
    events = calculator_events(
        received=received, corrected=corrected, pauses=pauses, extension_days=extension_days
    )
    return compute_deadline(events, regime=regime)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def explanation_as_dict(explanation: DeadlineExplanation) -> dict[str, Any]:
    return {
        "regime": explanation.regime.code,
        "regime_name": explanation.regime.name,
        "response_days": explanation.regime.response_days,
        "received": _iso(explanation.received_on),
        "start": _iso(explanation.start_on),
        "due": _iso(explanation.due_on),
        "base_due": _iso(explanation.base_due_on),
        "correction_notice_due": _iso(explanation.correction_notice_due_on),
        "paused_days": [
            {"date": day.date.isoformat(), "reason": day.reason} for day in explanation.paused_days
        ],
        "skipped_days": [
            {"date": day.date.isoformat(), "reason": day.reason_code, "name": day.name}
            for day in explanation.skipped_days
        ],
        "makeup_workdays": [day.isoformat() for day in explanation.makeup_workdays],
        "possible_makeup_workdays": [
            day.isoformat() for day in explanation.possible_makeup_workdays
        ],
        "extension_days": explanation.extension_days,
        "provisional": explanation.provisional,
        "provisional_years": list(explanation.provisional_years),
        "provisional_note": explanation.provisional_note,
        "steps": list(explanation.steps),
    }
