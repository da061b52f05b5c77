"""Quantities as reports write them: 31830, 1,078, 一千零七十八, 3.5万, 10万多, 800余, 近万, 3.7%.

A quantity is an interval: exact figures are a point, approximate ones (余/多/近/约/左右/达/以上,
round 万 figures) a range wide enough that no approximate figure ever raises an equality alarm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千万亿"

INFINITY = Decimal("Infinity")


@dataclass(frozen=True)
class Quantity:
    """A stated figure: ``value`` as written, ``low``..``high`` the values it can stand for."""

    value: Decimal
    low: Decimal
    high: Decimal
    approximate: bool = False
    marker: str = ""
    percent: bool = False
    decimals: int = 0
    written: str = ""

    def compatible(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high

    @property
    def exact(self) -> bool:
        return not self.approximate

    def display(self) -> str:
        if self.written:
            return self.written if not self.percent or "%" in self.written else self.written + "%"
        text = format_decimal(self.value)
        if self.percent:
            text += "%"
        return f"{self.marker}{text}" if self.approximate and self.marker else text


def format_decimal(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def parse_chinese_numeral(text: str) -> Decimal:
    """一千零七十八 → 1078; 三万四千一百七十 → 34170; 两 → 2; 二〇〇九 → 2009; 三点七 → 3.7."""
    integer_part, _, fraction_part = text.partition("点")
    if not integer_part and not fraction_part:
        raise ValueError(text)
    if integer_part and not any(c in CN_SMALL_UNITS or c in CN_BIG_UNITS for c in integer_part):
        # Digit by digit: 二〇〇九, 一二三.
        digits = "".join(str(CN_DIGITS[c]) for c in integer_part)
        value = Decimal(digits)
    else:
        value = Decimal(_parse_positional(integer_part)) if integer_part else Decimal(0)
    if fraction_part:
        value += Decimal("0." + "".join(str(CN_DIGITS[c]) for c in fraction_part))
    return value


def _parse_positional(text: str) -> int:
    total = 0  # completed 亿 groups
    wan = 0  # completed 万 group inside the current 亿 group
    section = 0  # hundreds/thousands inside the current 万 group
    number = 0
    for char in text:
        if char in CN_DIGITS:
            number = CN_DIGITS[char]
        elif char in CN_SMALL_UNITS:
            section += (number or 1) * CN_SMALL_UNITS[char]
            number = 0
        elif char == "万":
            group = section + number
            wan += (group or (0 if (wan or total) else 1)) * 10_000
            section = number = 0
        elif char == "亿":
            group = wan + section + number
            total = (total + (group or (0 if total else 1))) * 100_000_000
            wan = section = number = 0
        else:
            raise ValueError(text)
    return total + wan + section + number


def _has_inner_big_unit(text: str) -> bool:
    return "万" in text or "亿" in text


_CN_UNIT_NAMES = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]


def to_chinese_numeral(number: int) -> str:
    """The way Chinese text writes an integer: 1078 → 一千零七十八, 34170 → 三万四千一百七十."""
    if number < 0:
        raise ValueError(number)
    if number == 0:
        return "零"
    digits = "零一二三四五六七八九"
    groups: list[int] = []
    while number:
        groups.append(number % 10_000)
        number //= 10_000
    names = ["", "万", "亿", "万亿"]
    out = ""
    pending_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or group < 1000):
            out += "零"
        pending_zero = False
        text = ""
        zero = False
        for unit, name in _CN_UNIT_NAMES:
            digit = group // unit % 10
            if digit == 0:
                zero = bool(text)
                continue
            if zero:
                text += "零"
                zero = False
            text += digits[digit] + name
        out += text + names[index]
    if out.startswith("一十"):
        out = out[1:]
    return out


def magnitude_of_last_digit(written: str) -> Decimal:
    """800 → 100, 10 → 10, 3.5 → 0.1, 1000 → 1000: the step an 余/多 after it stands for."""
    if "." in written:
        return Decimal(1).scaleb(-len(written.split(".")[1]))
    digits = written.rstrip("0")
    return Decimal(10) ** (len(written) - len(digits)) if digits else Decimal(1)


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


# --- finding quantities in running text ------------------------------------------------------

UNITS = [
    "平方米",
    "万元",
    "亿元",
    "人次",
    "件次",
    "户次",
    "批次",
    "份次",
    "页次",
    "条",
    "件",
    "人",
    "项",
    "份",
    "个",
    "场",
    "批",
    "家",
    "名",
    "册",
    "种",
    "台",
    "次",
    "户",
    "篇",
    "期",
    "元",
    "宗",
    "起",
    "套",
    "张",
    "所",
    "部",
    "例",
    "本",
    "位",
    "处",
    "座",
    "间",
    "天次",
    "封",
    "份数",
    "单",
    "笔",
    "类次",
    "项次",
    "家次",
    "个次",
    "条次",
    "册次",
]
UNITS = sorted(set(UNITS), key=len, reverse=True)
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CHINESE = r"[零〇○一二两三四五六七八九十百千万亿]+(?:点[零〇○一二三四五六七八九]+)?"
_PRE = r"将近|接近|大约|约为|约|近|超过|逾|多达|达到|达|不足|不到|共计|合计|总计|累计|共"

QUANTITY_RE = re.compile(
    rf"(?P<pre>{_PRE})?"
    rf"(?:百分之(?P<cnpct>{_CHINESE})"
    rf"|(?:(?P<arabic>{_ARABIC})(?P<mult>万亿|万|亿)?|(?P<chinese>{_CHINESE}))"
    rf"(?P<post>余|多|来)?"
    rf"(?:(?P<pct>%)|(?P<mult2>万|亿)?(?P<post2>余|多)?(?P<unit>{_UNIT_RE})?))"
    rf"(?P<tail>左右|以上|上下|以下|之多)?"
)

_TIME_AFTER = re.compile(r"\s*(?:年|月|日|号|时|点|分钟|周岁|岁|周|季度|小时|个月|个工作日)")
_MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "万亿": Decimal(10) ** 12}


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    quantity: Quantity
    unit: str
    text: str


def _interval(
    value: Decimal, step: Decimal | None, pre: str, tail: str, rounded: Decimal | None
) -> tuple[Decimal, Decimal, bool, str]:
    low = high = value
    approximate = False
    marker = pre or tail
    if step is not None:
        low, high, approximate = value, value + step, True
    if rounded is not None:
        low, high, approximate = min(low, value - rounded / 2), max(high, value + rounded / 2), True
    if pre in {"将近", "接近", "近"}:
        low, approximate = min(low, value * Decimal("0.8")), True
    elif pre in {"约", "大约", "约为"} or tail in {"左右", "上下"}:
        low, high, approximate = min(low, value * Decimal("0.9")), value * Decimal("1.1"), True
    if pre in {"超过", "逾", "多达", "达到", "达"} or tail in {"以上", "之多"}:
        high, approximate = INFINITY, True
    elif pre in {"不足", "不到"} or tail == "以下":
        low, approximate = Decimal(0), True
    return low, high, approximate, marker


def scan_quantities(text: str, *, require_unit: bool = True) -> list[Match]:
    """Every figure in ``text`` that has a counting unit or a percent sign.

    Dates (2009年, 3月), ordinals (第一), list markers (一是, 1.) and bare numbers such as
    telephone numbers are not figures and are skipped.
    """
    found: list[Match] = []
    for m in QUANTITY_RE.finditer(text):
        unit = m.group("unit") or ""
        is_percent = bool(m.group("pct") or m.group("cnpct"))
        if not is_percent and not unit and require_unit:
            continue
        if _TIME_AFTER.match(text, m.end()) and not unit and not is_percent:
            continue
        number_start = m.start("cnpct") if m.group("cnpct") else m.start("arabic")
        if number_start < 0:
            number_start = m.start("chinese")
        if number_start > 0 and text[number_start - 1] in "第":
            continue
        previous = text[number_start - 1] if number_start > 0 else ""
        if m.group("arabic") and previous.isascii() and previous.isalpha():
            continue  # part of an identifier such as a document number or URL
        quantity = quantity_from_match(m)
        if quantity is None:
            continue
        found.append(Match(m.start(), m.end(), quantity, "%" if is_percent else unit, m.group()))
    return found


def quantity_from_match(m: re.Match[str]) -> Quantity | None:
    pre = m.group("pre") or ""
    if pre in {"共", "共计", "合计", "总计", "累计"}:
        pre = ""
    tail = m.group("tail") or ""
    post = m.group("post") or ""
    post2 = m.group("post2") or ""
    mult_text = m.group("mult") or m.group("mult2") or ""
    post_after_mult = bool(post and m.group("mult")) or bool(post2)
    written = m.group("arabic") or ""
    try:
        if m.group("cnpct"):
            value = parse_chinese_numeral(m.group("cnpct"))
            written = format_decimal(value)
        elif written:
            written = written.replace(",", "")
            value = Decimal(written)
        else:
            chinese = m.group("chinese")
            stripped = chinese.rstrip("万亿")
            if stripped != chinese and not mult_text and not _has_inner_big_unit(stripped):
                # 十万, 近万: a Chinese figure ending in 万/亿 is as rounded as an Arabic one.
                mult_text = chinese[len(stripped) :]
                value = parse_chinese_numeral(stripped) if stripped else Decimal(1)
                post_after_mult = post_after_mult or bool(post)
            else:
                value = parse_chinese_numeral(chinese)
            written = format_decimal(value)
    except (ValueError, KeyError, ArithmeticError):
        return None
    multiplier = _MULTIPLIERS.get(mult_text, Decimal(1))
    step: Decimal | None = None
    if post_after_mult:
        last = magnitude_of_last_digit(written) if "." in written else Decimal(1)
        step = last * multiplier
    elif post:
        step = magnitude_of_last_digit(written) * multiplier
    rounded = None
    if multiplier > 1 and step is None:
        # 10万 is 100000 to the nearest 万; 3.5万 to the nearest 千.
        last = magnitude_of_last_digit(written) if "." in written else Decimal(1)
        rounded = last * multiplier
    total = value * multiplier
    low, high, approximate, marker = _interval(total, step, pre, tail, rounded)
    if step is not None:
        marker = marker or post or post2
    decimals = len(written.split(".")[1]) if "." in written else 0
    shown = m.group()
    if m.group("unit"):
        shown = shown[: m.start("unit") - m.start()] + shown[m.end("unit") - m.start() :]
    shown = re.sub(r"^(?:共计|合计|总计|累计|共)", "", shown.strip())
    return Quantity(
        written=shown,
        value=total,
        low=low,
        high=high,
        approximate=approximate,
        marker=marker,
        percent=bool(m.group("pct") or m.group("cnpct")),
        decimals=decimals,
    )


_CELL_RE = re.compile(
    rf"^\s*(?:{QUANTITY_RE.pattern})\s*$",
)
BLANK_CELL = re.compile(r"^\s*(?:|-+|—+|–|/|\\|／|无|空|\*)\s*$")


def parse_cell(text: str) -> Quantity | None:
    """A table cell's figure; None for blank, '-', '/', or text that is not a figure."""
    if BLANK_CELL.match(text):
        return None
    m = _CELL_RE.match(text.replace(" ", ""))
    if m is None:
        return None
    return quantity_from_match(m)


def parse_quantity(text: str) -> Quantity | None:
    """Parse one written figure, e.g. '三万四千一百七十人次', '10万多', '百分之三点七'."""
    from gongkai.reports.audit.normalise import normalise

    return parse_cell(normalise(text))
