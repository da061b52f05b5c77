"""Narrative text bound to the statistics.

Staff edit text in which every figure is a placeholder, e.g. ``全年主动公开政府信息
{catalogue.total}条``; rendering substitutes the report's own figures, so text and tables
cannot disagree. ``{key|approx}`` renders an approximate figure (``10万多``) as reports
customarily write large counts. A digit typed by hand (not from a placeholder) is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

PLACEHOLDER = re.compile(r"\{([A-Za-z_][\w.]*)(?:\|(approx))?\}")
# Arabic digits, ASCII or full width, with decimal points or separators inside.
DIGITS = re.compile(r"[0-9０-９]+(?:[.,．，][0-9０-９]+)*")
UNAVAILABLE = "【数据不可用】"


def format_number(value: object, *, kind: str = "count") -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        if kind == "percent":
            return f"{value:.1f}"
        if value == value.to_integral_value() and kind == "count":
            return str(int(value))
        return format(value.normalize(), "f") if kind != "amount" else _amount(value)
    return str(value)


def _amount(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_approximate(value: object) -> str:
    """10万多 for 100,001–109,999, 10万 for exactly 100,000; 1000余 / 800余 below 10,000."""
    if not isinstance(value, int | Decimal):
        return ""
    number = int(value)
    if number >= 10000:
        wan, rest = divmod(number, 10000)
        return f"{wan}万多" if rest else f"{wan}万"
    for step in (1000, 100, 10):
        if number >= step:
            base, rest = divmod(number, step)
            return f"{base * step}余" if rest else str(number)
    return str(number)


@dataclass
class RenderedText:
    text: str
    unknown: list[str]
    unavailable: list[str]
    used: list[str]


def render(
    template: str, values: Mapping[str, object], *, percent_keys: tuple[str, ...] = ()
) -> RenderedText:
    unknown: list[str] = []
    unavailable: list[str] = []
    used: list[str] = []

    def substitute(match: re.Match[str]) -> str:
        key, approx = match.group(1), match.group(2)
        used.append(key)
        if key not in values:
            unknown.append(key)
            return f"【未知数据项：{key}】"
        value = values[key]
        if value is None:
            unavailable.append(key)
            return UNAVAILABLE
        if approx:
            return format_approximate(value)
        kind = "percent" if key.endswith(".share") or key in percent_keys else "amount"
        if isinstance(value, int):
            kind = "count"
        return value if isinstance(value, str) else format_number(value, kind=kind)

    return RenderedText(PLACEHOLDER.sub(substitute, template), unknown, unavailable, used)


def hand_typed_numbers(template: str) -> list[tuple[str, str]]:
    """Digits in the text that do not come from a placeholder: (number, its context)."""
    stripped = PLACEHOLDER.sub(lambda m: "\0" * len(m.group(0)), template)
    found = []
    for match in DIGITS.finditer(stripped):
        start, end = match.span()
        context = template[max(0, start - 12) : end + 12].replace("\n", " ")
        found.append((match.group(0), context))
    return found


def placeholders(template: str) -> list[str]:
    return [match.group(1) for match in PLACEHOLDER.finditer(template)]
