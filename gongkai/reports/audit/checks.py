"""The arithmetic and cross-reference checks the auditor runs over a report's figures.

Every comparison is between intervals (see numbers.Quantity), so approximate figures
(10万多, 800余, 近万, 达…) never raise an equality alarm: only a real contradiction does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from gongkai.reports.audit.document import Block, Document
from gongkai.reports.audit.figures import COMPARATIVE, Figure, Location, table_rows
from gongkai.reports.audit.numbers import Quantity, format_decimal, round_half_up

ERROR = "error"
WARNING = "warning"
SEVERITY_NAMES = {ERROR: "错误", WARNING: "警告"}

KIND_NAMES = {
    "parts_sum": "分项之和与总数不符",
    "percentage": "百分比与数量不符",
    "conflicting_values": "同一数量前后不一致",
    "narrative_table": "正文与表格不一致",
    "table_identity": "表格勾稽关系不成立",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    message: str
    stated: str
    expected: str
    location: Location
    severity: str = ERROR

    @property
    def context(self) -> str:
        return self.location.context

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "message": self.message,
            "stated": self.stated,
            "expected": self.expected,
            "location": str(self.location),
            "context": self.context,
        }


def _fmt(value: Decimal) -> str:
    return format_decimal(value)


def _sum_interval(quantities: Iterable[Quantity]) -> tuple[Decimal, Decimal]:
    low = high = Decimal(0)
    for q in quantities:
        low += q.low
        high += q.high
    return low, high


def _sum_text(figures: Sequence[Figure]) -> str:
    return "+".join(f.quantity.display() for f in figures)


def _percent_tolerance(decimals: int) -> Decimal:
    # Half a unit of the last stated decimal (rounding), plus 0.05 for a rounding step
    # taken from an already rounded figure.
    return Decimal(5).scaleb(-(decimals + 1)) + Decimal("0.05")


# --- parts and percentages inside paragraphs ------------------------------------------------


@dataclass
class _Group:
    total: Figure | None
    parts: list[Figure]  # counts
    percents: dict[int, Figure]  # index into parts -> its percentage
    shares: list[Figure]  # percentages with no count of their own (其中全文电子化达100%)
    exhaustive: bool
    span_text: str
    # Other readings of the total when the text leaves it open ('新收28件，上年结转2件。其中…'
    # may count the 30 together): no finding unless the parts fit none of them.
    alternatives: list[Figure] = field(default_factory=list)
    # Taken as whole only because nothing says otherwise (no 分别, 其他 or shares adding to
    # 100%): a shortfall is then worth a look, not an error, as lists are often partial.
    presumed: bool = False


def _clause_start(text: str, position: int) -> int:
    return max(text.rfind(c, 0, position) for c in "。;!?\n") + 1


# '其中', '分别为', '包括', '主要包括' introduce the parts of the figure just before them.
_INTRO = re.compile(r"其中|分别(?:为|是)|(?:主要|具体)?包括")
# Heads that announce a selection rather than a breakdown.
_SELECTIVE_HEAD = re.compile(r"^\s*[:,]?\s*(?:主要|重点|例如|比如|诸如|如)|^主要")
# Parts named by the channel they went through overlap and need not cover the total.
_CHANNEL_LABEL = re.compile(r"^(?:通过|在|经|利用|依托|借助|以)")
# A phrase between a total and its list that says the items were dealt with (…50件，已全部办结。
# 其中…), so that the list still breaks down that total.
_HANDLED = re.compile(r"办结|答复|办理|处理|完成")
_LIST_BREAK = re.compile(r"[,;]\s*(?:另有|另外|另|此外|同时|此外)")


def _total_before(figures: list[Figure], text: str, position: int) -> tuple[Figure, bool] | None:
    """The figure a list starting at ``position`` breaks down, and whether the list opens a new
    sentence. Comparative phrases in between (120条，同比增长20%，其中…) are skipped."""
    for figure in reversed([f for f in figures if f.end <= position]):
        if figure.comparative:
            continue
        if figure.quantity.percent:
            return None
        between = text[figure.end : position]
        if len(between) > 40 or sum(between.count(c) for c in "。!?\n") > 1:
            return None
        for piece in re.split(r"[,;:。!?\n]", between):
            piece = piece.strip(" (")
            if not piece or COMPARATIVE.search(piece):
                continue
            if not re.search(r"\d", piece) and len(piece) <= 12 and _HANDLED.search(piece):
                continue
            return None
        return figure, any(c in between for c in "。!?\n")
    return None


def _list_end(text: str, start: int, paren: bool) -> int:
    if paren:
        close = text.find(")", start)
        return close if close >= 0 else len(text)
    # A list may run over semicolons (…占73.3%；B 8件，占26.7%。): it ends with the sentence.
    stops = [i for i in (text.find(c, start) for c in "。!?\n") if i >= 0]
    end = min(stops) if stops else len(text)
    m = _LIST_BREAK.search(text, start, end)
    return m.start() if m else end


def _in_parentheses(text: str, start: int, end: int, figure: Figure) -> bool:
    """Whether a figure sits in a parenthesis nested inside the list (a detail of one part)."""
    opened = text.rfind("(", start, figure.start)
    return opened >= 0 and text.rfind(")", opened, figure.start) < 0


def _parts_in(
    block_figures: list[Figure], text: str, span: tuple[int, int], unit: str, claimed: set[int]
) -> tuple[list[Figure], list[Figure]]:
    inside = [
        f
        for f in block_figures
        if span[0] <= f.start < span[1]
        and id(f) not in claimed
        and not f.comparative
        and not _in_parentheses(text, span[0], span[1], f)
    ]
    parts = [f for f in inside if not f.quantity.percent and f.unit == unit]
    return inside, parts


def _item_separator_cut(text: str, span: tuple[int, int], parts: list[Figure]) -> int:
    """Items joined by '、' or ',' end at the first ';' (…信函申请5件；同意公开30件…)."""
    if len(parts) < 2:
        return span[1]
    between = text[parts[0].end : parts[1].start]
    if ";" in between:
        return span[1]
    cut = text.find(";", parts[0].end, span[1])
    return cut if cut >= 0 else span[1]


def _alternative_totals(block_figures: list[Figure], text: str, total: Figure) -> list[Figure]:
    """Sums of the same-unit figures that lead up to the total in its sentence."""
    left = _clause_start(text, total.start)
    run = [
        f
        for f in block_figures
        if left <= f.start < total.start
        and f.unit == total.unit
        and not f.quantity.percent
        and not f.comparative
    ]
    out: list[Figure] = []
    for first in range(len(run) - 1, -1, -1):
        members = [*run[first:], total]
        low, high = _sum_interval(m.quantity for m in members)
        quantity = Quantity(value=low, low=low, high=high, approximate=low != high)
        label = "+".join(m.label or m.quantity.display() for m in members)
        out.append(replace(total, quantity=quantity, label=label))
    return out


def _count_follows(figures: list[Figure], text: str, position: int, unit: str) -> bool:
    """Whether the first phrase after ``position`` states a count in ``unit``."""
    m = re.match(r"[\s:,]*[^,;。!?\n]*", text[position:])
    end = position + (m.end() if m else 0)
    return any(position <= f.start < end and f.unit == unit for f in figures)


def _text_groups(block_figures: list[Figure], text: str) -> list[_Group]:
    raw: list[tuple[int, Figure, tuple[int, int], bool, list[Figure]]] = []
    for m in _INTRO.finditer(text):
        found = _total_before(block_figures, text, m.start())
        if found is None:
            continue
        total, new_sentence = found
        if m.group() != "其中" and not _count_follows(block_figures, text, m.end(), total.unit):
            continue  # '3条，主要包括我办职能和内设机构' describes, it does not break down
        paren = text[total.end : m.start()].strip().endswith("(")
        span = (m.end(), _list_end(text, m.end(), paren))
        alternatives = _alternative_totals(block_figures, text, total) if new_sentence else []
        raw.append((m.start(), total, span, paren, alternatives))
    groups: list[_Group] = []
    claimed: set[int] = set()
    # Innermost lists first: a part's own breakdown ('其中政策文件30条，其中规范性文件10条、
    # 其他文件20条；工作动态70条') is taken out of the list it is nested in.
    for position, total, span, paren, alternatives in sorted(raw, key=lambda r: -r[0]):
        nested = any(o[2][0] <= position < o[2][1] for o in raw if o[0] < position)
        inside, parts = _parts_in(block_figures, text, span, total.unit, claimed)
        if not paren:
            span = (span[0], _item_separator_cut(text, span, parts))
            inside, parts = _parts_in(block_figures, text, span, total.unit, claimed)
        marked = False
        if nested and not paren and len(parts) >= 2:
            joined = text[parts[0].end : parts[1].start]
            marked = "、" in joined and not re.search(r"[,;]", joined)
            if marked:
                # Items joined by '、' are one list: it stops at the next ',' or ';'.
                stop = re.compile(r"[,;]").search(text, parts[0].end, span[1])
                span = (span[0], stop.start() if stop else span[1])
                inside, parts = _parts_in(block_figures, text, span, total.unit, claimed)
        if nested and not paren and not marked:
            # Where the inner list stops is not marked: keep it no longer than its total allows.
            while (
                len(parts) > 1 and _sum_interval(p.quantity for p in parts)[0] > total.quantity.high
            ):
                parts.pop()
            if parts:
                last = parts[-1].end
                following = [f for f in inside if f.start > last and not f.quantity.percent]
                span = (span[0], following[0].start if following else span[1])
                inside, parts = _parts_in(block_figures, text, span, total.unit, claimed)
        percents, shares = _pair_percents(inside, text)
        part_index = {id(p): i for i, p in enumerate(parts)}
        group_percents = {part_index[id(c)]: p for c, p in percents if id(c) in part_index}
        span_text = text[span[0] : span[1]]
        head = text[total.end : span[0]]
        # The introducing word counts too: '分别为…' says the list is whole.
        said_whole = text.startswith("分别", position)
        exhaustive = said_whole or _exhaustive(span_text, parts, group_percents, text=text,
                                               head=head, end=span[1], listed=True)  # fmt: skip
        presumed = (
            exhaustive
            and not said_whole
            and _stated_exhaustive(span_text, parts, group_percents) is None
        )
        group = _Group(total, parts, group_percents, shares, exhaustive, span_text, alternatives)
        group.presumed = presumed
        groups.append(group)
        claimed.update(id(f) for f in inside)
    return groups


def _stated_exhaustive(
    span_text: str, parts: list[Figure], percents: dict[int, Figure]
) -> bool | None:
    """Whether the text itself says the parts are the whole (分别, an 其他 item, or a share
    for every part); None when it does not say."""
    if "分别" in span_text or any(re.search(r"其他|其余|其它", p.label) for p in parts):
        return True
    if parts and len(percents) == len(parts):
        total = sum((p.quantity.value for p in percents.values()), Decimal(0))
        return abs(total - 100) <= Decimal("0.1") * len(parts) + Decimal("0.05")
    return None


def _exhaustive(
    span_text: str,
    parts: list[Figure],
    percents: dict[int, Figure],
    *,
    text: str = "",
    head: str = "",
    end: int = 0,
    listed: bool = False,
) -> bool:
    """Whether the parts claim to cover the whole total.

    A list introduced by 其中/包括 does, unless it says otherwise: '等' after its items,
    '主要包括', parts named by channel, or shares that add up to less than 100%."""
    stated = _stated_exhaustive(span_text, parts, percents)
    if stated is not None:
        return stated
    if not listed or len(parts) < 2:
        return False
    if "主要" in head or _SELECTIVE_HEAD.search(text[end - len(span_text) : parts[0].start]):
        return False
    if any(_CHANNEL_LABEL.match(p.label) for p in parts):
        return False
    if any(re.match(r"\s*等", text[p.end : p.end + 3]) for p in parts):
        return False
    return "等" not in text[parts[-1].end : end]


def _pair_percents(
    figures: list[Figure], text: str
) -> tuple[list[tuple[Figure, Figure]], list[Figure]]:
    """Each percentage with the count it belongs to: the last count earlier in its clause."""
    pairs: list[tuple[Figure, Figure]] = []
    shares: list[Figure] = []
    paired: set[int] = set()
    for index, figure in enumerate(figures):
        if not figure.quantity.percent:
            continue
        clause_start = _clause_start(text, figure.start)
        count = None
        for earlier in reversed(figures[:index]):
            if earlier.start < clause_start:
                break
            if not earlier.quantity.percent and id(earlier) not in paired:
                count = earlier
                break
        if count is None:
            shares.append(figure)
        else:
            paired.add(id(count))
            pairs.append((count, figure))
    return pairs, shares


def paragraph_checks(document: Document, figures: list[Figure]) -> list[Finding]:
    findings: list[Finding] = []
    by_block: dict[int, list[Figure]] = {}
    for figure in figures:
        if not figure.in_table:
            by_block.setdefault(figure.block_index, []).append(figure)
    for block_index, block_figures in sorted(by_block.items()):
        block = document.blocks[block_index]
        groups = _text_groups(block_figures, block.text)
        in_groups = {id(f) for g in groups for f in [*g.parts, *g.percents.values(), *g.shares]}
        # Percentages outside a 其中 list: the counts they belong to, and the total they are
        # shares of, found earlier in the paragraph or in the section.
        rest = [f for f in block_figures if id(f) not in in_groups and not f.comparative]
        pairs, _ = _pair_percents(rest, block.text)
        if len(pairs) >= 2 and len({c.unit for c, _ in pairs}) == 1:
            parts = [c for c, _ in pairs]
            percents = {i: p for i, (_, p) in enumerate(pairs)}
            total = _base_before(document, figures, parts)
            groups.append(_Group(total, parts, percents, [], _exhaustive("", parts, percents), ""))
        for group in groups:
            findings.extend(_group_findings(group))
        for group in groups:
            findings.extend(_share_findings(group, figures))
    return findings


def _base_before(document: Document, figures: list[Figure], parts: list[Figure]) -> Figure | None:
    """The total a run of '…x条，占y%' statements are shares of: the nearest earlier figure
    with the same unit, not itself a share, at least as large as every part."""
    first = parts[0]
    largest = max(p.quantity.low for p in parts)
    section = document.blocks[first.block_index].section
    part_ids = {id(p) for p in parts}
    candidates = [
        f
        for f in figures
        if not f.in_table
        and not f.comparative
        and id(f) not in part_ids
        and f.unit == first.unit
        and not f.quantity.percent
        and (f.block_index, f.start) < (first.block_index, first.start)
        and first.block_index - f.block_index <= 3
        and document.blocks[f.block_index].section == section
        and f.quantity.high >= largest
    ]
    return candidates[-1] if candidates else None


def _group_findings(group: _Group) -> list[Finding]:
    findings: list[Finding] = []
    total = group.total
    parts = group.parts
    if total is not None and group.alternatives and len(parts) >= 2:
        low, high = _sum_interval(p.quantity for p in parts)
        # The reading the parts come closest to (exactly, when one fits).
        total = min(
            [total, *group.alternatives],
            key=lambda t: max(t.quantity.low - high, low - t.quantity.high, Decimal(0)),
        )
    if total is not None and len(parts) >= 2:
        low, high = _sum_interval(p.quantity for p in parts)
        shown_sum = _shown_sum(parts, low)
        too_big = low > total.quantity.high
        # A rounded total (约300条) may well exceed what its listed parts add up to.
        too_small = group.exhaustive and not total.quantity.marker and high < total.quantity.low
        if too_big or too_small:
            relation = "大于" if too_big else "小于"
            unsure = too_small and group.presumed
            findings.append(
                Finding(
                    kind="parts_sum",
                    message=(
                        f"各分项之和 {_sum_text(parts)} = {shown_sum}{total.unit}，"
                        f"{relation}所述总数 {total.shown()}（{total.label or '总数'}）"
                        + ("；原文未写明分项已列全，如确未列全可忽略" if unsure else "")
                    ),
                    stated=total.shown(),
                    expected=f"{shown_sum}{total.unit}",
                    location=parts[-1].location,
                    severity=WARNING if unsure else ERROR,
                )
            )
    base = total
    if base is None and group.exhaustive and len(parts) >= 2:
        return findings  # no stated total; the shares are checked against each other below
    for index, percent in group.percents.items():
        count = parts[index]
        if base is None:
            continue
        findings.extend(_percent_finding(count, percent, base))
    return findings


def _shown_sum(parts: list[Figure], low: Decimal) -> str:
    if any(p.quantity.marker for p in parts):
        return f"约{_fmt(low)}"
    value = sum((p.quantity.value for p in parts), Decimal(0))
    if all("万" in p.quantity.display() for p in parts):
        return f"{_fmt(value / 10_000)}万"  # 8万+3.5万 = 11.5万, as the report writes them
    return _fmt(value)


def _percent_finding(count: Figure, percent: Figure, base: Figure) -> list[Finding]:
    if base.quantity.low <= 0:
        return []
    lo = count.quantity.low / base.quantity.high * 100 if base.quantity.high.is_finite() else 0
    hi = count.quantity.high / base.quantity.low * 100
    stated = percent.quantity
    tolerance = _percent_tolerance(stated.decimals)
    if stated.high < lo - tolerance or stated.low > hi + tolerance:
        decimals = max(stated.decimals, 1)
        expected = round_half_up(count.quantity.value / base.quantity.value * 100, decimals)
        implied = round_half_up(stated.value * base.quantity.value / 100, 0)
        hint = ""
        if count.quantity.exact and base.quantity.exact and implied != count.quantity.value:
            hint = f"；按 {stated.display()} 计，该项应为约 {_fmt(implied)}{count.unit}"
        return [
            Finding(
                kind="percentage",
                message=(
                    f"{count.label or '该项'} {count.shown()} 占总数 {base.shown()} 的比例应为 "
                    f"{_fmt(expected)}%，文中写作 {stated.display()}{hint}"
                ),
                stated=stated.display(),
                expected=f"{_fmt(expected)}%",
                location=percent.location,
            )
        ]
    return []


def _share_findings(group: _Group, figures: list[Figure]) -> list[Finding]:
    """'81条，其中全文电子化达100%': the share against that part's count stated elsewhere."""
    findings: list[Finding] = []
    total = group.total
    if total is None:
        return findings
    for share in group.shares:
        if share.key is None:
            continue
        counts = [
            f
            for f in figures
            if f.key == share.key and not f.quantity.percent and not f.comparative
        ]
        for count in counts:
            findings.extend(_percent_finding(count, share, total))
    return findings


# --- the same quantity stated more than once ------------------------------------------------


def _group_key(figure: Figure) -> str | None:
    if figure.key:
        return figure.key
    if len(figure.label) >= 4 and not figure.column:
        return "label:" + figure.label
    return None


def repeated_value_checks(figures: list[Figure]) -> list[Finding]:
    groups: dict[str, list[Figure]] = {}
    for figure in figures:
        key = _group_key(figure)
        if key is None or figure.comparative or figure.quantity.percent:
            continue
        if key == "t3.received":
            continue  # may count carried-over applications too: see received_checks
        groups.setdefault(key, []).append(figure)
    findings: list[Finding] = []
    for members in groups.values():
        units = {f.unit for f in members if f.unit}
        if len(units) > 1:
            # 81条 and 81件 are not obviously the same quantity: compare per unit.
            for unit in units:
                same = [f for f in members if f.unit in {unit, ""}]
                findings.extend(_conflicts(same))
        else:
            findings.extend(_conflicts(members))
    return findings


def _conflicts(members: list[Figure]) -> list[Finding]:
    if len(members) < 2:
        return []
    if all(a.quantity.compatible(b.quantity) for a in members for b in members):
        return []

    def support(figure: Figure) -> tuple[int, int, int]:
        agreeing = [m for m in members if m.quantity.compatible(figure.quantity)]
        return (
            len(agreeing),
            sum(1 for m in agreeing if m.in_table),
            members.index(figure),
        )

    reference = max(members, key=support)
    agreeing = [m for m in members if m.quantity.compatible(reference.quantity)]
    findings = []
    for figure in members:
        if figure.quantity.compatible(reference.quantity):
            continue
        places = "；".join(f"{m.location}写作 {m.shown()}" for m in agreeing)
        crosses = all(m.in_table != figure.in_table for m in agreeing)
        kind = "narrative_table" if crosses else "conflicting_values"
        findings.append(
            Finding(
                kind=kind,
                message=(
                    f"“{figure.label}”在此写作 {figure.shown()}，但{places}，同一数量前后不一致"
                ),
                stated=figure.shown(),
                expected=reference.shown(),
                location=figure.location,
            )
        )
    return findings


# --- national-format tables -----------------------------------------------------------------

T3_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
T3_ROWS: list[tuple[str, str, str]] = [
    ("r6_1", r"逾期不补正", "（六）1.逾期不补正"),
    ("r6_2", r"缴纳费用", "（六）2.逾期未缴费"),
    ("r6_3", r"(?<![\d.])3[.、]?其他$", "（六）3.其他"),
    ("r3_1", r"国家秘密", "（三）1.属于国家秘密"),
    ("r3_2", r"其他法律行政法规禁止公开", "（三）2.其他法律行政法规禁止公开"),
    ("r3_3", r"危及|三安全一稳定", "（三）3.危及“三安全一稳定”"),
    ("r3_4", r"保护第三方合法权益", "（三）4.保护第三方合法权益"),
    ("r3_5", r"三类内部事务信息", "（三）5.属于三类内部事务信息"),
    ("r3_6", r"四类过程性信息", "（三）6.属于四类过程性信息"),
    ("r3_7", r"行政执法案卷", "（三）7.属于行政执法案卷"),
    ("r3_8", r"行政查询事项", "（三）8.属于行政查询事项"),
    ("r4_1", r"不掌握相关政府信息", "（四）1.本机关不掌握相关政府信息"),
    ("r4_2", r"没有现成信息", "（四）2.没有现成信息需要另行制作"),
    ("r4_3", r"补正后申请内容仍不明确", "（四）3.补正后申请内容仍不明确"),
    ("r5_1", r"信访举报投诉", "（五）1.信访举报投诉类申请"),
    ("r5_2", r"重复申请", "（五）2.重复申请"),
    ("r5_3", r"公开出版物", "（五）3.要求提供公开出版物"),
    ("r5_4", r"大量反复申请", "（五）4.无正当理由大量反复申请"),
    ("r5_5", r"确认或重新出具", "（五）5.要求行政机关确认或重新出具已获取信息"),
    ("r6", r"其他处理$", "（六）其他处理"),
    ("new", r"本年新收", "一、本年新收政府信息公开申请数量"),
    ("carried_over", r"上年结转", "二、上年结转政府信息公开申请数量"),
    ("carried_forward", r"结转下年度", "四、结转下年度继续办理"),
    ("total", r"总计$", "三、（七）总计"),
    ("r1", r"予以公开", "（一）予以公开"),
    ("r2", r"部分公开", "（二）部分公开"),
]
_T3_COMPILED = [(key, re.compile(p), name) for key, p, name in T3_ROWS]


@dataclass
class _T3Row:
    key: str
    name: str
    values: list[Quantity | None] | None  # 7 cells, or None when they cannot be placed
    location: Location


def _t3_key(label: str) -> tuple[str, str] | None:
    compact = re.sub(r"\s+", "", label)
    for key, pattern, name in _T3_COMPILED:
        if pattern.search(compact):
            return key, name
    return None


def _table_location(block: Block, row_index: int, line: int | None, context: str) -> Location:
    return Location(block.section, f"表格{block.number} 第{row_index}行", line, context)


def national_table_checks(document: Document) -> tuple[list[Finding], list[Figure], list[str]]:
    findings: list[Finding] = []
    concept_figures: list[Figure] = []
    notes: list[str] = []
    rows: dict[str, _T3Row] = {}
    for index, block in enumerate(document.blocks):
        if block.kind != "table":
            continue
        block_text = " ".join(" ".join(r) for r in block.rows)
        for row in table_rows(block):
            matched = _t3_key(row.label)
            context = f"{row.label}  {'  '.join(row.cells)}"
            location = _table_location(block, row.index, row.line, context)
            if len(row.values) >= 15 and ("复议" in block_text or "复议" in block.section):
                f4, c4 = _t4_checks(row.values[-15:], location, index)
                findings.extend(f4)
                concept_figures.extend(c4)
                continue
            if matched is None or matched[0] in rows:
                continue
            values = row.values[-7:] if len(row.values) >= 7 else None
            if values is None:
                notes.append(f"{location}：“{matched[1]}”一行只有{len(row.values)}个数值，"
                             "无法对应到申请人类型各列，相关等式未检查。")  # fmt: skip
            rows[matched[0]] = _T3Row(matched[0], matched[1], values, location)
            if values is not None:
                findings.extend(_row_total_check(rows[matched[0]]))
    if (
        len(
            {
                k
                for k in rows
                if k in {"new", "carried_over", "total", "r1", "r2", "carried_forward"}
            }
        )
        < 2
    ):
        return findings, concept_figures, notes
    findings.extend(_t3_column_checks(rows, notes))
    concept_figures.extend(_t3_concepts(rows, document))
    return findings, concept_figures, notes


def _row_total_check(row: _T3Row) -> list[Finding]:
    assert row.values is not None
    parts, total = row.values[:6], row.values[6]
    if total is None or any(p is None for p in parts):
        return []
    low, high = _sum_interval(p for p in parts if p is not None)
    if low <= total.high and total.low <= high:
        return []
    return [
        Finding(
            kind="table_identity",
            message=(
                f"表三“{row.name}”一行：六类申请人之和 "
                f"{'+'.join(p.display() for p in parts if p is not None)} = {_fmt(low)}，"
                f"与“总计”列 {total.display()} 不符"
            ),
            stated=total.display(),
            expected=_fmt(low),
            location=row.location,
        )
    ]


_R3 = [f"r3_{i}" for i in range(1, 9)]
_R4 = [f"r4_{i}" for i in range(1, 4)]
_R5 = [f"r5_{i}" for i in range(1, 6)]
_R6 = ["r6_1", "r6_2", "r6_3"]


def _t3_result_rows(rows: dict[str, _T3Row]) -> list[str] | None:
    keys = ["r1", "r2", *_R3, *_R4, *_R5]
    if all(k in rows for k in _R6):
        keys += _R6
    elif "r6" in rows:
        keys.append("r6")
    else:
        return None
    return keys if all(k in rows for k in keys) else None


def _t3_column_checks(rows: dict[str, _T3Row], notes: list[str]) -> list[Finding]:
    findings: list[Finding] = []
    balance = ["new", "carried_over", "total", "carried_forward"]
    result_rows = _t3_result_rows(rows)
    if not all(k in rows for k in balance):
        missing = [k for k in balance if k not in rows]
        notes.append(f"表三缺少{len(missing)}行（文档可能不完整），“一+二=三（七）+四”未检查。")
    if result_rows is None or "total" not in rows:
        notes.append("表三“本年度办理结果”的分项行不全，“（七）总计=各分项之和”未检查。")
    for column in range(7):
        name = T3_COLUMNS[column]
        if all(k in rows for k in balance):
            cells = [_cell(rows[k], column) for k in balance]
            if all(c is not None for c in cells):
                new, carried, total, forward = cells  # type: ignore[misc]
                left = _sum_interval([new, carried])  # type: ignore[list-item]
                right = _sum_interval([total, forward])  # type: ignore[list-item]
                if left[0] > right[1] or right[0] > left[1]:
                    findings.append(
                        Finding(
                            kind="table_identity",
                            message=(
                                f"表三“{name}”列：一+二（{new.display()}+{carried.display()}"  # type: ignore[union-attr]
                                f"={_fmt(left[0])}）应等于三（七）总计+四（{total.display()}+"  # type: ignore[union-attr]
                                f"{forward.display()}={_fmt(right[0])}）"  # type: ignore[union-attr]
                            ),
                            stated=_fmt(right[0]),
                            expected=_fmt(left[0]),
                            location=rows["total"].location,
                        )
                    )
        if result_rows is not None and "total" in rows:
            total_cell = _cell(rows["total"], column)
            cells = [_cell(rows[k], column) for k in result_rows]
            if total_cell is not None and all(c is not None for c in cells):
                low, high = _sum_interval(c for c in cells if c is not None)
                if low > total_cell.high or high < total_cell.low:
                    findings.append(
                        Finding(
                            kind="table_identity",
                            message=(
                                f"表三“{name}”列：（一）至（六）各分项之和为 {_fmt(low)}，"
                                f"与“（七）总计” {total_cell.display()} 不符"
                            ),
                            stated=total_cell.display(),
                            expected=_fmt(low),
                            location=rows["total"].location,
                        )
                    )
    return findings


def _cell(row: _T3Row, column: int) -> Quantity | None:
    return row.values[column] if row.values is not None else None


def _t3_concepts(rows: dict[str, _T3Row], document: Document) -> list[Figure]:
    figures: list[Figure] = []

    def add(key: str, label: str, keys: list[str]) -> None:
        cells = [_cell(rows[k], 6) if k in rows else None for k in keys]
        if not cells or any(c is None for c in cells):
            return
        low, high = _sum_interval(c for c in cells if c is not None)
        quantity = Quantity(value=low, low=low, high=high, approximate=low != high)
        figures.append(
            Figure(label, quantity, "件", rows[keys[0]].location, key=key, in_table=True,
                   column="总计")
        )  # fmt: skip

    add("t3.new", "本年新收申请", ["new"])
    add("t3.carried_over", "上年结转申请", ["carried_over"])
    add("t3.carried_forward", "结转下年度继续办理", ["carried_forward"])
    add("t3.open", "予以公开", ["r1"])
    add("t3.partial", "部分公开", ["r2"])
    add("t3.refused", "不予公开", _R3)
    add("t3.unable", "无法提供", _R4)
    add("t3.not_processed", "不予处理", _R5)
    return figures


def _t4_checks(
    values: list[Quantity | None], location: Location, block_index: int
) -> tuple[list[Finding], list[Figure]]:
    findings: list[Finding] = []
    figures: list[Figure] = []
    groups = [("行政复议", 0), ("行政诉讼（未经复议直接起诉）", 5), ("行政诉讼（复议后起诉）", 10)]
    totals: list[Quantity | None] = []
    for name, start in groups:
        parts = values[start : start + 4]
        total = values[start + 4]
        totals.append(total)
        if total is None or any(p is None for p in parts):
            continue
        low, high = _sum_interval(p for p in parts if p is not None)
        if low > total.high or high < total.low:
            findings.append(
                Finding(
                    kind="table_identity",
                    message=(
                        f"表四“{name}”：结果维持+结果纠正+其他结果+尚未审结 = "
                        f"{'+'.join(p.display() for p in parts if p is not None)} = {_fmt(low)}，"
                        f"与“总计” {total.display()} 不符"
                    ),
                    stated=total.display(),
                    expected=_fmt(low),
                    location=location,
                )
            )
    if totals[0] is not None:
        figures.append(
            Figure("行政复议", totals[0], "件", location, key="t4.review", in_table=True,
                   block_index=block_index, column="总计")
        )  # fmt: skip
    if totals[1] is not None and totals[2] is not None:
        low, high = _sum_interval([totals[1], totals[2]])
        figures.append(
            Figure("行政诉讼", Quantity(value=low, low=low, high=high), "件", location,
                   key="t4.litigation", in_table=True, block_index=block_index, column="总计")
        )  # fmt: skip
    return findings, figures


def received_checks(figures: list[Figure]) -> list[Finding]:
    """'共收到申请N件' may mean newly received, or newly received plus carried over."""
    by_key = {f.key: f for f in figures if f.in_table and f.key}
    new = by_key.get("t3.new")
    if new is None:
        return []
    carried = by_key.get("t3.carried_over")
    findings = []
    for figure in figures:
        if figure.key != "t3.received" or figure.comparative or figure.in_table:
            continue
        options = [new.quantity]
        if carried is not None:
            low, high = _sum_interval([new.quantity, carried.quantity])
            options.append(Quantity(value=low, low=low, high=high))
        if any(figure.quantity.compatible(o) for o in options):
            continue
        findings.append(
            Finding(
                kind="narrative_table",
                message=(
                    f"正文所述收到申请 {figure.shown()}，与表三本年新收 {new.shown()}"
                    + (f"（含上年结转共 {_fmt(options[1].value)}件）" if carried else "")
                    + " 不一致"
                ),
                stated=figure.shown(),
                expected=new.shown(),
                location=figure.location,
            )
        )
    return findings
