"""Figures read from a report: each with its label, quantity, unit and place.

A label is the phrase the figure counts (电话咨询, 主动公开政府信息). Labels that name the same
statistic in different words (来访咨询 / 现场咨询, 咨询电话接听 / 电话咨询) map to one concept key,
so the same quantity stated twice is recognised even when worded differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from gongkai.reports.audit.document import Block, Document
from gongkai.reports.audit.numbers import (
    UNITS,
    Quantity,
    parse_cell,
    scan_quantities,
)


@dataclass(frozen=True)
class Location:
    section: str
    place: str  # "第2段" or "表格1 第3行"
    line: int | None
    context: str

    def __str__(self) -> str:
        section = self.section or "正文开头"
        line = f"（第{self.line}行）" if self.line else ""
        return f"{section}，{self.place}{line}"


@dataclass
class Figure:
    label: str
    quantity: Quantity
    unit: str
    location: Location
    key: str | None = None
    in_table: bool = False
    comparative: bool = False
    block_index: int = 0
    start: int = 0
    end: int = 0
    column: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def value(self) -> Decimal:
        return self.quantity.value

    @property
    def approximate(self) -> bool:
        return self.quantity.approximate

    def shown(self) -> str:
        unit = "" if self.quantity.percent else self.unit
        return f"{self.quantity.display()}{unit}"


# --- labels and concepts --------------------------------------------------------------------

_BOUNDARY = set(',;:。()、!?“”"《》<>[]【】\n|·•')
_LEADING_FILLER = re.compile(
    r"^(?:其中|另外|另|此外|同时|以及|并且|并|和|及|全年度|全年|本年度|本年|年度|年内|当年|"
    r"我办|我局|我委|我厅|我部|我院|我市|我区|我县|本机关|本单位|本部门|我单位|本局|本办|"
    r"共计|共|合计|总计|累计|总共|已|又|还|有|在|截至目前|截止目前|目前|"
    r"(?:19|20)\d\d年度?|\d{1,2}月份?)+"
)
_TRAILING_FILLER = re.compile(r"(?:为|达到|达|共计|共|合计|是|约|近|计|有|总计)+$")

CONCEPTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), key)
    for p, key in [
        (r"^(?:接受|受理|接待|办理)?(?:市民|群众|公众|社会|各类)*咨询(?:总量|总数|量|数)?$",
         "consult.total"),
        (r"^(?:电话咨询|咨询电话接听|接听咨询电话|咨询电话|接听电话咨询)(?:数|量)?$",
         "consult.phone"),
        (r"^(?:现场|来访|当面|窗口)咨询(?:数|量)?$", "consult.onsite"),
        (r"^(?:网上|网络|在线)咨询(?:数|量)?$", "consult.online"),
        (r"^(?:政府)?(?:门户)?网站(?:专栏)?(?:页面)?访问(?:量|数|人次)?$", "web.visits"),
        (r"^主动公开(?:政府)?信息(?:数|总数|数量|条数)?$", "proactive.total"),
        (r"^全文电子化(?:主动公开)?(?:政府)?(?:信息)?(?:数|数量)?$", "proactive.electronic"),
        (r"^(?:本年)?新收(?:到)?(?:政府信息公开)?申请(?:数量|数)?$", "t3.new"),
        (r"^上年(?:度)?结转(?:政府信息公开)?申请(?:数量|数)?$", "t3.carried_over"),
        (r"^结转下(?:一)?年度?(?:继续办理)?(?:申请)?$", "t3.carried_forward"),
        (r"^(?:收到|受理|接收|接到)(?:各类)?(?:政府信息公开)?申请$", "t3.received"),
        (r"^予以公开$", "t3.open"),
        (r"^部分公开$", "t3.partial"),
        (r"^不予公开$", "t3.refused"),
        (r"^无法提供$", "t3.unable"),
        (r"^不予处理$", "t3.not_processed"),
        (r"^(?:被申请|收到)?行政复议(?:申请|案件)?$", "t4.review"),
        (r"^(?:被提起)?行政诉讼(?:案件)?$", "t4.litigation"),
    ]
]  # fmt: skip

COMPARATIVE = re.compile(
    r"上年(?!度?结转)|去年|上一年|同比|环比|比上|较上|增长|下降|增加|减少|上升|持平|分别比"
)


def concept_for(label: str) -> str | None:
    for pattern, key in CONCEPTS:
        if pattern.match(label):
            return key
    return None


def clean_label(label: str) -> str:
    label = re.sub(r"\s+", "", label).replace("的", "")
    label = re.sub(
        r"^(?:\d{1,2}[.、]|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、)+", "", label
    )
    label = label.strip(" -—:：")
    for _ in range(3):
        label = _LEADING_FILLER.sub("", label).strip(" -—:")
        label = _TRAILING_FILLER.sub("", label).strip(" -—:")
    return label


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in "。;;!?\n")
    rights = [i for i in (text.find(c, end) for c in "。;;!?\n") if i >= 0]
    return left + 1, (min(rights) if rights else len(text))


def _context(text: str, start: int, end: int) -> str:
    left, right = _clause_bounds(text, start, end)
    snippet = text[left:right].strip()
    if len(snippet) > 80:
        a = max(left, start - 35)
        b = min(right, end + 35)
        snippet = ("…" if a > left else "") + text[a:b].strip() + ("…" if b < right else "")
    return snippet


def _is_comparative(text: str, start: int, end: int, report_year: int | None) -> bool:
    """Whether a figure describes another year or a change rather than this year's count.

    Judged on the figure's own comma-delimited phrase, so that in '公开120条，同比增长20%'
    only the 20% is comparative and 120 can still be a total."""
    sub_left = max(text.rfind(c, 0, start) for c in _SUBCLAUSE_MARKS) + 1
    rights = [i for i in (text.find(c, end) for c in _SUBCLAUSE_MARKS) if i >= 0]
    phrase = text[sub_left : min(rights) if rights else len(text)]
    if COMPARATIVE.search(phrase):
        return True
    if not report_year:
        return False
    left, right = _clause_bounds(text, start, end)
    before = re.findall(r"((?:19|20)\d\d)\s*年", text[left:start])
    if before:
        # The nearest year named before the figure is the one it belongs to.
        return int(before[-1]) != report_year
    years = {int(y) for y in re.findall(r"((?:19|20)\d\d)\s*年", text[left:right])}
    return bool(years) and years != {report_year}


_SUBCLAUSE_MARKS = ",;:。!?()\n"


def _text_figures(block: Block, block_index: int, report_year: int | None) -> list[Figure]:
    text = block.text
    figures: list[Figure] = []
    previous_end = 0
    matches = scan_quantities(text)
    for position, match in enumerate(matches):
        cut = match.start
        while cut > previous_end and text[cut - 1] not in _BOUNDARY:
            cut -= 1
        label = clean_label(text[cut : match.start])
        if len(label) <= 2:
            # "有16025人次在资讯厅浏览政务信息", "接待106批次参观团体": the noun follows.
            stop = len(text)
            if position + 1 < len(matches):
                stop = matches[position + 1].start
            after = match.end
            while after < stop and text[after] not in _BOUNDARY:
                after += 1
            label = clean_label(label + text[match.end : after])
        previous_end = match.end
        comparative = _is_comparative(text, match.start, match.end, report_year)
        figures.append(
            Figure(
                label=label,
                quantity=match.quantity,
                unit=match.unit,
                location=Location(block.section, block.where().split("，")[-1], block.line,
                                  _context(text, match.start, match.end)),
                key=concept_for(label),
                comparative=comparative,
                block_index=block_index,
                start=match.start,
                end=match.end,
            )
        )  # fmt: skip
    return figures


# --- tables ---------------------------------------------------------------------------------

_UNIT_CELL = re.compile(rf"^(?:{'|'.join(re.escape(u) for u in UNITS)}|%|万元|单位)$")


def is_value_cell(text: str) -> bool:
    from gongkai.reports.audit.numbers import BLANK_CELL

    return bool(BLANK_CELL.match(text)) or parse_cell(text) is not None


@dataclass
class TableRow:
    label: str
    cells: list[str]  # the value cells, in order
    values: list[Quantity | None]
    headers: list[str]  # the column header over each value cell ("" if none)
    unit: str
    index: int  # 1-based row number in the table
    line: int | None


def table_rows(block: Block) -> list[TableRow]:
    """The data rows of a table: label cells first, then value cells (blank = None)."""
    header_rows: list[list[str]] = []
    out: list[TableRow] = []
    for index, row in enumerate(block.rows, 1):
        cells = [c.strip() for c in row]
        # Label cells: everything before the run of value/unit cells that ends the row.
        split = len(cells)
        while split > 0 and (is_value_cell(cells[split - 1]) or _UNIT_CELL.match(cells[split - 1])):
            split -= 1
        value_cells = cells[split:]
        if not any(parse_cell(c) is not None for c in value_cells):
            header_rows.append(cells)
            continue
        labels: list[str] = []
        for cell in cells[:split]:
            if cell and (not labels or labels[-1] != cell):
                labels.append(cell)
        unit = ""
        kept: list[str] = []
        positions: list[int] = []
        for offset, cell in enumerate(value_cells):
            if _UNIT_CELL.match(cell) and not is_value_cell(cell):
                unit = cell
                continue
            kept.append(cell)
            positions.append(split + offset)
        headers = []
        for position in positions:
            header = ""
            for header_row in reversed(header_rows):
                if position < len(header_row) and header_row[position]:
                    header = header_row[position]
                    break
            headers.append(header)
        line = block.row_lines[index - 1] if index - 1 < len(block.row_lines) else block.line
        out.append(
            TableRow(" ".join(labels), kept, [parse_cell(c) for c in kept], headers, unit,
                     index, line)
        )  # fmt: skip
    return out


def _table_figures(block: Block, block_index: int) -> list[Figure]:
    figures: list[Figure] = []
    for row in table_rows(block):
        cells = zip(row.cells, row.values, row.headers, strict=True)
        for position, (cell, value, header) in enumerate(cells, 1):
            if value is None:
                continue
            unit = "%" if value.percent else row.unit
            if not unit:
                m = re.search(rf"({'|'.join(re.escape(u) for u in UNITS)})$", cell)
                unit = m.group(1) if m else ""
            single = len(row.cells) == 1
            label = clean_label(row.label)
            column = header
            if not single:
                # One figure per column: the label names the column too.
                column = header if header not in {"", "数量", "数值", "数据"} else f"第{position}列"
                label = f"{label}·{column}"
            figures.append(
                Figure(
                    label=label,
                    quantity=value,
                    unit=unit,
                    location=Location(block.section, f"表格{block.number} 第{row.index}行",
                                      row.line, f"{row.label}  {'  '.join(row.cells)}"),
                    key=concept_for(clean_label(row.label)) if single else None,
                    in_table=True,
                    block_index=block_index,
                    column=column,
                )
            )  # fmt: skip
    return figures


def all_figures(document: Document) -> list[Figure]:
    figures: list[Figure] = []
    year = document.report_year
    for index, block in enumerate(document.blocks):
        if block.kind == "text":
            figures.extend(_text_figures(block, index, year))
        else:
            figures.extend(_table_figures(block, index))
    return figures


def extract_figures(document: Document | str) -> list[Figure]:
    """Every figure a report states, for storing a published report's history (--import)."""
    from gongkai.reports.audit.document import load

    if not isinstance(document, Document):
        document = load(document)
    return all_figures(document)
