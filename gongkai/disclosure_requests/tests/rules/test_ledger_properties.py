"""Invariants of the ledger over random applications in both regimes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.disclosure_requests.rules.ledger import ClockEventKind as K
from gongkai.disclosure_requests.rules.ledger import LedgerEvent, compute_deadline
from gongkai.workdays.calendar import is_working_day

pytestmark = pytest.mark.django_db

# 2008-05-01 (first day of the 2007 条例) to mid-2026, so every due date stays in seeded years.
receipts = st.dates(min_value=date(2008, 5, 1), max_value=date(2026, 3, 1))
pauses = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 30), st.sampled_from(["third_party", "agency"])),
    max_size=3,
)
COMMON = settings(max_examples=120, deadline=None)


def _ledger(received: date, pause_specs, corrected_after: int | None) -> list[LedgerEvent]:
    events = [LedgerEvent(K.RECEIVED, received)]
    if corrected_after is not None:
        events.append(LedgerEvent(K.CORRECTION_REQUESTED, received))
        events.append(LedgerEvent(K.CORRECTION_RECEIVED, received + timedelta(corrected_after)))
    for offset, length, kind in pause_specs:
        start = received + timedelta(offset)
        events.append(LedgerEvent(K.CONSULTATION_STARTED, start, {"party_kind": kind}))
        events.append(
            LedgerEvent(K.CONSULTATION_ENDED, start + timedelta(length), {"party_kind": kind})
        )
    return events


@COMMON
@given(received=receipts, pause_specs=pauses, corrected_after=st.none() | st.integers(0, 20))
def test_pauses_never_make_the_due_date_earlier(received, pause_specs, corrected_after):
    without = compute_deadline(_ledger(received, [], corrected_after))
    with_pauses = compute_deadline(_ledger(received, pause_specs, corrected_after))
    assert without.due_on is not None and with_pauses.due_on is not None
    assert with_pauses.due_on >= without.due_on
    assert with_pauses.base_due_on == without.base_due_on


@COMMON
@given(
    received=receipts,
    pause_specs=pauses,
    days=st.integers(1, 15),
    approved_after=st.integers(0, 20),
)
def test_extension_never_makes_the_due_date_earlier(received, pause_specs, days, approved_after):
    base = _ledger(received, pause_specs, None)
    extended = [
        *base,
        LedgerEvent(K.EXTENSION_APPROVED, received + timedelta(approved_after), {"days": days}),
    ]
    before = compute_deadline(base).due_on
    after = compute_deadline(extended)
    assert before is not None and after.due_on is not None
    assert after.due_on >= before
    if after.extension_days:
        assert after.due_on > before


@COMMON
@given(received=receipts, pause_specs=pauses, corrected_after=st.none() | st.integers(0, 20))
def test_due_is_a_working_day_after_the_start_and_not_before_base_due(
    received, pause_specs, corrected_after
):
    result = compute_deadline(_ledger(received, pause_specs, corrected_after))
    assert result.due_on is not None and result.base_due_on is not None
    assert is_working_day(result.due_on)
    assert result.due_on > result.start_on >= received
    assert result.due_on >= result.base_due_on
    # Every day in (start, due] is either counted, skipped (non-working) or paused.
    span = (result.due_on - result.start_on).days
    counted = span - len(result.skipped_days) - len(result.paused_days)
    assert counted == result.regime.response_days + result.extension_days
    assert all(is_working_day(day.date) for day in result.paused_days)


@COMMON
@given(received=receipts)
def test_regime_follows_the_receipt_date(received):
    result = compute_deadline([LedgerEvent(K.RECEIVED, received)])
    expected = "2019" if received >= date(2019, 5, 15) else "2007"
    assert result.regime.code == expected
    assert result.base_due_on is not None
    assert (result.base_due_on - received).days >= result.regime.response_days
