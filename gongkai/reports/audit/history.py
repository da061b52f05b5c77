"""From an audited report's figures to the statistics a body's history is kept in.

``gongkai report audit PATH --import`` stores a published report's figures as
HistoricalStatistic rows, so a body that starts using gongkai has its earlier years for the
year-over-year charts and last year's carried-forward check. Only figures the auditor could
name (``Figure.key``) and that have a statistic of the same meaning are stored; everything
else is listed as skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from gongkai.reports.audit.figures import Figure
from gongkai.reports.audit.numbers import format_decimal

# The auditor's concept key -> the report statistic it is (counts, not percentages).
STATISTIC_KEYS = {
    "consult.total": "consultations.total",
    "consult.phone": "consultations.phone",
    "consult.onsite": "consultations.on_site",
    "consult.online": "consultations.online",
    "web.visits": "web.page_views",
    "proactive.total": "catalogue.total",
    "proactive.electronic": "catalogue.fully_electronic",
    "t3.new": "requests.new.total",
    "t3.carried_over": "requests.carried_over.total",
    "t3.carried_forward": "requests.carried_forward.total",
    "t3.open": "requests.result.3.1.total",
    "t3.partial": "requests.result.3.2.total",
    "t3.refused": "requests.result.3.3.total",
    "t3.unable": "requests.result.3.4.total",
    "t3.not_processed": "requests.result.3.5.total",
    "t4.review": "appeals.review.total",
    "t4.litigation": "appeals.litigation.total",
}
# A percentage stated for a concept ("全文电子化达100%") is the statistic's share.
SHARE_KEYS = {
    "proactive.electronic": "catalogue.fully_electronic.share",
}

# Why a figure was not stored.
NO_KEY = "未能对应到统计指标"
AMBIGUOUS = "含义不确定（可能包含上年结转）"
COMPARATIVE = "为上年或比较数字"
PERCENT = "百分比无对应指标"


@dataclass(frozen=True)
class HistoricalFigure:
    key: str
    value: Decimal
    approximate: bool
    figure: Figure  # the statement the value was taken from
    # Other values the report states for the same statistic (the report contradicts itself).
    conflicting: tuple[str, ...] = ()

    def shown(self) -> str:
        text = format_decimal(self.value)
        return f"{text}（约数）" if self.approximate else text


@dataclass
class ImportPlan:
    figures: list[HistoricalFigure] = field(default_factory=list)
    skipped: list[tuple[Figure, str]] = field(default_factory=list)


def _statistic_key(figure: Figure) -> tuple[str | None, str]:
    if figure.key is None:
        return None, NO_KEY
    if figure.comparative:
        return None, COMPARATIVE
    if figure.quantity.percent:
        share = SHARE_KEYS.get(figure.key)
        return share, "" if share else PERCENT
    statistic = STATISTIC_KEYS.get(figure.key)
    if statistic is None:
        return None, AMBIGUOUS if figure.key == "t3.received" else NO_KEY
    return statistic, ""


def _choose(key: str, members: list[Figure]) -> HistoricalFigure:
    """The value the report supports best: the one most statements agree with (tables
    first, then the later statement, as the auditor's expected value); among agreeing
    statements an exact figure over an approximate one, a table cell over the text."""

    def support(figure: Figure) -> tuple[int, int, int]:
        agreeing = [m for m in members if m.quantity.compatible(figure.quantity)]
        return len(agreeing), sum(1 for m in agreeing if m.in_table), members.index(figure)

    reference = max(members, key=support)
    agreeing = [m for m in members if m.quantity.compatible(reference.quantity)]
    best = max(agreeing, key=lambda m: (not m.quantity.approximate, m.in_table, members.index(m)))
    conflicting = tuple(
        dict.fromkeys(m.shown() for m in members if not m.quantity.compatible(reference.quantity))
    )
    return HistoricalFigure(
        key=key,
        value=best.quantity.value,
        approximate=best.quantity.approximate,
        figure=best,
        conflicting=conflicting,
    )


def plan_import(figures: list[Figure]) -> ImportPlan:
    """Which statistic each figure is, one value per statistic, and what is skipped."""
    plan = ImportPlan()
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        key, reason = _statistic_key(figure)
        if key is None:
            plan.skipped.append((figure, reason))
        else:
            groups.setdefault(key, []).append(figure)
    plan.figures = [_choose(key, members) for key, members in groups.items()]
    plan.figures.sort(key=lambda f: f.key)
    return plan
