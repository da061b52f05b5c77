from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.reports.audit.numbers import (
    parse_chinese_numeral,
    parse_quantity,
    scan_quantities,
    to_chinese_numeral,
)


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_numerals_round_trip(number):
    assert parse_chinese_numeral(to_chinese_numeral(number)) == number


@given(st.integers(min_value=0, max_value=10**9))
def test_thousands_separators_full_and_half_width(number):
    half = f"{number:,}"
    full = half.translate(str.maketrans("0123456789,", "０１２３４５６７８９，"))
    assert parse_quantity(half + "件").value == number
    assert parse_quantity(full + "件").value == number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一千零七十八", 1078),
        ("三万四千一百七十人次", 34170),
        ("两", 2),
        ("十二场", 12),
        ("二〇〇九", 2009),
        ("31,830人次", 31830),
        ("百分之三点七", Decimal("3.7")),
        ("3.7%", Decimal("3.7")),
    ],
)
def test_exact_figures(text, value):
    quantity = parse_quantity(text)
    assert quantity.value == value
    assert quantity.exact


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("10万多", 100_000, 110_000),  # 多 after 万: 10万 and part of another 万
        ("10多万", 100_000, 200_000),  # 多 before 万: ten-something 万
        ("800余人", 800, 900),
        ("1000余册", 1000, 2000),
        ("3.5万", 34_500, 35_500),  # to the nearest thousand
        ("10万", 95_000, 105_000),  # to the nearest 万
        ("十万多", 100_000, 110_000),
    ],
)
def test_approximate_figures_are_ranges(text, low, high):
    quantity = parse_quantity(text)
    assert quantity.approximate
    assert (quantity.low, quantity.high) == (low, high)


def test_markers_before_the_figure():
    near = scan_quantities("现已发信息至全市近万家企业")[0].quantity
    assert near.approximate and near.low < 10_000 <= near.high
    at_least = scan_quantities("网站的访问量达10万人次")[0].quantity
    assert at_least.compatible(parse_quantity("10万多"))
    assert not parse_quantity("17500人次").compatible(parse_quantity("19840人次"))


def test_dates_ordinals_and_phone_numbers_are_not_figures():
    text = "2009年3月起，第一次会议，一是加强学习，联系电话38920851，一年多来，1.组织领导到位"
    assert scan_quantities(text) == []


def test_blank_cells_are_not_zero():
    for cell in ("", "-", "—", "/", " "):
        assert parse_quantity(cell) is None
