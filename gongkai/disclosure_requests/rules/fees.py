"""信息处理费 (第四十二条; 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号) as data.

Both methods are 超额累进 (marginal, banded: 第三条): each unit is charged at the price of the
band it falls in. For one application the agency uses one method only (第三条).

* 按件 (第四条): counted per applicant per calendar month across all their applications to the
  body: the 1st–10th free, 11th–30th 100元 each, then every further band of 10 costs 100元
  more per application (31–40 200元, 41–50 300元, …: the natural reading of 第四条第（三）项;
  no official worked example was found — UNVERIFIED).
* 按量 (第五条): per page of one application: up to 30 free, 31–100 10元, 101–200 20元,
  over 200 40元.

A change in the bands is a change of FEE_SCHEDULES only.

Payment (provincial implementing notices, VERIFIED-secondary): within 20 working days from the
day after the fee notice; otherwise the application is treated as abandoned (逾期未缴费).
The notice's sending date is used as the start, the earlier (conservative) reading. Whether the
answer period pauses during the payment window is UNVERIFIED; conservatively it does not
(FEE_WINDOW_PAUSES_ANSWER_PERIOD = False), which keeps the earlier due date.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from gongkai.core.exceptions import ApplicationError
from gongkai.workdays import calendar

PER_ITEM = "per_item"
PER_PAGE = "per_page"
METHOD_LABELS = {PER_ITEM: "按件计收", PER_PAGE: "按量计收"}

FEE_PAYMENT_WORKING_DAYS = 20
FEE_WINDOW_PAUSES_ANSWER_PERIOD = False  # UNVERIFIED; see the module docstring


@dataclass(frozen=True)
class Band:
    first: int  # first unit of the band (1-based)
    last: int | None  # last unit, inclusive; None: open-ended
    unit_price: Decimal


@dataclass(frozen=True)
class Escalation:
    """Beyond the last band: every `band_size` more units cost `increment` more per unit."""

    band_size: int
    increment: Decimal


@dataclass(frozen=True)
class FeeSchedule:
    method: str
    unit: str  # 件 or 页
    bands: tuple[Band, ...]
    escalation: Escalation | None
    basis: str
    in_force_from: date


FEE_SCHEDULES: dict[str, FeeSchedule] = {
    # 国办函〔2020〕109号 第四条: 按件, per applicant per calendar month.
    PER_ITEM: FeeSchedule(
        method=PER_ITEM,
        unit="件",
        bands=(
            Band(1, 10, Decimal("0")),
            Band(11, 30, Decimal("100")),
        ),
        escalation=Escalation(band_size=10, increment=Decimal("100")),
        basis="《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第四条",
        # 施行日期 read as 2021-01-01 (UNVERIFIED: the article giving it was not retrieved).
        in_force_from=date(2021, 1, 1),
    ),
    # 同上 第五条: 按量, per page of one application.
    PER_PAGE: FeeSchedule(
        method=PER_PAGE,
        unit="页",
        bands=(
            Band(1, 30, Decimal("0")),
            Band(31, 100, Decimal("10")),
            Band(101, 200, Decimal("20")),
            Band(201, None, Decimal("40")),
        ),
        escalation=None,
        basis="《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第五条",
        in_force_from=date(2021, 1, 1),
    ),
}


@dataclass(frozen=True)
class FeeQuote:
    method: str
    amount: Decimal
    basis_text: str
    breakdown: tuple[str, ...]

    @property
    def is_free(self) -> bool:
        return self.amount == 0


def unit_price(schedule: FeeSchedule, unit_number: int) -> Decimal:
    """The price of the `unit_number`-th unit (1-based)."""
    if unit_number < 1:
        raise ApplicationError("计费单位序号必须从1开始。")
    for band in schedule.bands:
        if band.first <= unit_number and (band.last is None or unit_number <= band.last):
            return band.unit_price
    last = schedule.bands[-1]
    if schedule.escalation is None or last.last is None:
        raise ApplicationError("收费标准不完整：没有适用的档次。")
    steps_beyond = (unit_number - last.last - 1) // schedule.escalation.band_size + 1
    return last.unit_price + schedule.escalation.increment * steps_beyond


def _segments(schedule: FeeSchedule, first: int, last: int) -> list[tuple[int, int, Decimal]]:
    """Units first..last grouped into runs of one price: (from, to, price)."""
    runs: list[tuple[int, int, Decimal]] = []
    for number in range(first, last + 1):
        price = unit_price(schedule, number)
        if runs and runs[-1][2] == price:
            runs[-1] = (runs[-1][0], number, price)
        else:
            runs.append((number, number, price))
    return runs


def _quote(schedule: FeeSchedule, first: int, last: int, preamble: str) -> FeeQuote:
    lines = [preamble]
    total = Decimal("0")
    for start, end, price in _segments(schedule, first, last):
        count = end - start + 1
        subtotal = price * count
        total += subtotal
        span = f"第{start}{schedule.unit}" if start == end else f"第{start}—{end}{schedule.unit}"
        lines.append(
            f"{span}：{count}{schedule.unit}×{price:.0f}元＝{subtotal:.0f}元"
            if price
            else f"{span}：{count}{schedule.unit}，不收费"
        )
    lines.append(f"合计：{total:.0f}元")
    return FeeQuote(
        method=schedule.method,
        amount=total,
        basis_text=f"依据{schedule.basis}，{METHOD_LABELS[schedule.method]}，超额累进计算。",
        breakdown=tuple(lines),
    )


def quote_per_item(count_in_month_before: int, count_this: int = 1) -> FeeQuote:
    if count_in_month_before < 0 or count_this < 1:
        raise ApplicationError("申请件数不能为负数，本次至少1件。")
    schedule = FEE_SCHEDULES[PER_ITEM]
    first = count_in_month_before + 1
    last = count_in_month_before + count_this
    preamble = (
        f"申请人本自然月内此前已提出{count_in_month_before}件申请，"
        f"本次为第{first}件" + ("" if count_this == 1 else f"至第{last}件") + "。"
    )
    return _quote(schedule, first, last, preamble)


def quote_per_page(pages: int) -> FeeQuote:
    if pages < 0:
        raise ApplicationError("页数不能为负数。")
    schedule = FEE_SCHEDULES[PER_PAGE]
    if pages == 0:
        return FeeQuote(PER_PAGE, Decimal("0"), "", ("共0页，不收费",))
    return _quote(schedule, 1, pages, f"本次提供政府信息共{pages}页。")


def per_item_fee(count_in_month_before: int, count_this: int = 1) -> Decimal:
    """Marginal fee for this application, given the applicant's earlier ones that month."""
    return quote_per_item(count_in_month_before, count_this).amount


def per_page_fee(pages: int) -> Decimal:
    return quote_per_page(pages).amount


def fee_schedule_check(received_on: date, method: str) -> FeeSchedule:
    """The schedule for an application received on `received_on`; refused before it applies."""
    schedule = FEE_SCHEDULES.get(method)
    if schedule is None:
        raise ApplicationError(f"未知的计费方式“{method}”。")
    if received_on < schedule.in_force_from:
        raise ApplicationError(
            f"{received_on.isoformat()}收到的申请不适用信息处理费"
            f"（{schedule.basis}自{schedule.in_force_from.isoformat()}起施行）。"
        )
    return schedule


def fee_payment_due_on(
    notice_on: date, add_working_days: Callable[[date, int], date] | None = None
) -> date:
    """Last day to pay: the 20th working day after the notice (the start day not counted)."""
    add = add_working_days or calendar.add_working_days
    return add(notice_on, FEE_PAYMENT_WORKING_DAYS)
