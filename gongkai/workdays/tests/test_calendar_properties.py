"""Invariants of the counting rule over the whole seeded range (2004–2026)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.workdays.calendar import (
    add_working_days,
    explain_working_days,
    is_working_day,
    working_days_between,
)

pytestmark = pytest.mark.django_db

# Late 2026 starts would run into 2027 (unknown): 2026-08-01 + 30 days + 60 working days fits.
starts = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 8, 1))
day_counts = st.integers(min_value=0, max_value=60)
COMMON = settings(max_examples=150, deadline=None)


@COMMON
@given(start=starts, days=day_counts)
def test_due_date_is_a_working_day_and_inverts(start, days):
    due = add_working_days(start, days)
    assert working_days_between(start, due) == days
    if days:
        assert due > start
        assert is_working_day(due)
        # It is the first such day: the day before holds one fewer.
        assert working_days_between(start, due - timedelta(days=1)) == days - 1


@COMMON
@given(start=starts, days=st.integers(min_value=0, max_value=59))
def test_monotone_in_days(start, days):
    assert add_working_days(start, days) < add_working_days(start, days + 1)


@COMMON
@given(start=starts, gap=st.integers(min_value=0, max_value=30), days=day_counts)
def test_monotone_in_start(start, gap, days):
    later = start + timedelta(days=gap)
    assert add_working_days(start, days) <= add_working_days(later, days)


@COMMON
@given(start=starts, days=day_counts)
def test_explanation_accounts_for_every_day(start, days):
    explanation = explain_working_days(start, days)
    assert explanation.due == add_working_days(start, days)
    elapsed = (explanation.due - start).days
    assert elapsed == days + len(explanation.skipped)
    assert all(not is_working_day(skipped.date) for skipped in explanation.skipped)
    assert all(d.weekday() >= 5 and is_working_day(d) for d in explanation.makeup_workdays)


@COMMON
@given(a=starts, b=starts, c=starts)
def test_between_is_additive(a, b, c):
    assert working_days_between(a, c) == working_days_between(a, b) + working_days_between(b, c)
