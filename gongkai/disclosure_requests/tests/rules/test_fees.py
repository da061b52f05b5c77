"""信息处理费 bands (国办函〔2020〕109号 第四条、第五条) and their worked examples."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.core.exceptions import ApplicationError
from gongkai.disclosure_requests.rules import fees


def test_35_applications_in_a_month_cost_3000_yuan_in_total() -> None:
    marginal = [fees.per_item_fee(before) for before in range(35)]
    assert marginal[:10] == [Decimal("0")] * 10
    assert marginal[10:30] == [Decimal("100")] * 20
    assert marginal[30:35] == [Decimal("200")] * 5
    assert sum(marginal) == Decimal("3000")
    assert fees.per_item_fee(0, 35) == Decimal("3000")


@pytest.mark.parametrize(
    ("number", "price"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (50, 300), (51, 400)],
)
def test_per_item_bands_escalate_by_100_per_band_of_ten(number: int, price: int) -> None:
    assert fees.per_item_fee(number - 1) == Decimal(price)


@pytest.mark.parametrize(
    ("pages", "amount"),
    [(0, 0), (30, 0), (31, 10), (100, 700), (101, 720), (150, 1700), (200, 2700), (201, 2740)],
)
def test_per_page_bands(pages: int, amount: int) -> None:
    assert fees.per_page_fee(pages) == Decimal(amount)


def test_150_pages_quote_explains_each_band() -> None:
    quote = fees.quote_per_page(150)
    assert quote.amount == Decimal("1700")
    assert quote.method == fees.PER_PAGE
    assert "第五条" in quote.basis_text
    assert "第31—100页：70页×10元＝700元" in quote.breakdown
    assert "第101—150页：50页×20元＝1000元" in quote.breakdown
    assert quote.breakdown[-1] == "合计：1700元"


def test_quote_within_the_free_quota_is_free() -> None:
    quote = fees.quote_per_item(4)
    assert quote.is_free
    assert "第四条" in quote.basis_text


@given(before=st.integers(0, 200), this=st.integers(1, 50))
def test_marginal_fees_add_up(before: int, this: int) -> None:
    # Charging applications one at a time equals charging them together.
    assert fees.per_item_fee(before, this) == sum(
        fees.per_item_fee(before + i) for i in range(this)
    )
    assert fees.per_item_fee(before) <= fees.per_item_fee(before + this)


def test_bad_counts_and_dates_are_refused() -> None:
    with pytest.raises(ApplicationError):
        fees.per_item_fee(-1)
    with pytest.raises(ApplicationError):
        fees.per_page_fee(-5)
    with pytest.raises(ApplicationError, match="不适用信息处理费"):
        fees.fee_schedule_check(date(2020, 6, 1), fees.PER_ITEM)
    with pytest.raises(ApplicationError, match="未知的计费方式"):
        fees.fee_schedule_check(date(2022, 6, 1), "per_kilo")
    assert fees.fee_schedule_check(date(2022, 6, 1), fees.PER_PAGE).method == fees.PER_PAGE


@pytest.mark.django_db
def test_fee_payment_deadline_counts_20_working_days() -> None:
    # Spring Festival 2025 (1/28–2/4 off; 2/8 Sat worked): 1/24 + 20 → 2/27.
    assert fees.fee_payment_due_on(date(2025, 1, 24)) == date(2025, 2, 27)
