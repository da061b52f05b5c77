"""DOCX laid out like a government document (GB/T 9704 via gongkai.core.documents): the title,
every section with its narrative (numbers already substituted), every table with its official
row and column labels, merged multi-level headers and group rows, the year-over-year charts,
and the notes on entered figures."""

from __future__ import annotations

from typing import Any

from gongkai.core.documents import (
    Block,
    DocumentSpec,
    GridCell,
    GridTable,
    Heading,
    Image,
    NewPage,
    Paragraph,
    Signature,
    render_docx,
)
from gongkai.reports.renderers.markdown import entered_notes

ENTERED_MARK = "※"
# Wide tables: a smaller type, and table 四's 15 columns on a landscape page.
SMALL_PT = 10.5  # 五号
WIDE_PT = 10  # between 五号 and 小五: 15 columns on a landscape page
LANDSCAPE_COLUMNS = 10
SMALL_COLUMNS = 5


def _header(table: dict[str, Any]) -> list[list[GridCell]]:
    """The column headers as rows of merged cells (the same reading as the HTML's)."""
    columns = table["columns"]
    depth = max((len(c["groups"]) for c in columns), default=0) + 1
    corner = table["row_header"]
    if table.get("corner"):
        corner = f"{table['corner']}\n{corner}"
    rows: list[list[GridCell]] = []
    for level in range(depth):
        cells = []
        if level == 0:
            cells.append(GridCell(corner, rowspan=depth))
        index = 0
        while index < len(columns):
            column = columns[index]
            groups = column["groups"]
            if len(groups) > level:
                span = 1
                while (
                    index + span < len(columns)
                    and columns[index + span]["groups"][: level + 1] == groups[: level + 1]
                ):
                    span += 1
                cells.append(GridCell(groups[level], colspan=span))
                index += span
                continue
            if len(groups) == level:
                unit = (
                    f"（{column['unit']}）" if column["unit"] and column["kind"] != "amount" else ""
                )
                cells.append(GridCell(f"{column['label']}{unit}", rowspan=depth - level))
            index += 1
        rows.append(cells)
    return rows


def cell_text(cell: dict[str, Any]) -> str:
    if cell["source"] == "unavailable":
        return "不可用"
    if cell["source"] == "entered" and cell["display"]:
        return f"{cell['display']}{ENTERED_MARK}"
    return str(cell["display"])


def grid_table(table: dict[str, Any], *, section_title: str = "") -> GridTable:
    width = len(table["columns"]) + 1
    body: list[list[GridCell]] = []
    has_entered = False
    for row in table["rows"]:
        if row["is_group"]:
            body.append([GridCell(row["label"], colspan=width, align="left", bold=True)])
            continue
        cells = [GridCell(row["label"], align="left")]
        for cell in row["cells"]:
            has_entered |= cell["source"] == "entered" and bool(cell["display"])
            centred = cell["source"] in ("text", "none")
            cells.append(GridCell(cell_text(cell), align="center" if centred else "right"))
        body.append(cells)
    numeric = len(table["columns"])
    landscape = numeric >= LANDSCAPE_COLUMNS
    label_weight = 1.6 if landscape or numeric <= 2 else (3.2 if numeric >= SMALL_COLUMNS else 2.0)
    notes = [table.get("note") or ""]
    if has_entered:
        notes.append(f"注：标{ENTERED_MARK}的为填报数据，来源见“填报数据说明”。")
    return GridTable(
        columns=width,
        header=_header(table),
        rows=body,
        widths=(label_weight, *([1.0] * numeric)),
        # A table that is the whole section is captioned by the section's heading.
        caption="" if section_title.endswith(table["title"]) else table["title"],
        note="".join(note for note in notes if note),
        font_pt=WIDE_PT if landscape else (SMALL_PT if numeric >= SMALL_COLUMNS else None),
        # The section turns the page (see document_spec), heading and all.
        landscape=False,
    )


def _is_wide(table: dict[str, Any]) -> bool:
    return len(table["columns"]) >= LANDSCAPE_COLUMNS


def document_spec(data: dict[str, Any], *, charts: bool = True) -> DocumentSpec:
    """The report as a DocumentSpec, shared by the DOCX and the PDF."""
    blocks: list[Block] = []
    if data.get("notice"):
        blocks.append(Paragraph(data["notice"], bold=True))
    for section in data["sections"]:
        wide = any(_is_wide(table) for table in section["tables"])
        if wide:
            blocks.append(NewPage(landscape=True))
        blocks.append(Heading(section["title"]))
        blocks += [Paragraph(text) for text in section["paragraphs"]]
        blocks += [grid_table(table, section_title=section["title"]) for table in section["tables"]]
        if wide:
            blocks.append(NewPage(landscape=False))
    if charts:
        from gongkai.reports import charts as year_charts

        drawn = year_charts.year_over_year_png(data)
        if drawn:
            blocks.append(Heading("历年主要数据对比"))
            blocks += [
                Image(item.png, width_mm=150, caption=item.caption, alt=item.description)
                for item in drawn
            ]
    notes = entered_notes(data)
    if notes:
        blocks.append(Heading("填报数据说明"))
        blocks += [Paragraph(note) for note in notes]
    organisation = data["organisation"]["name"]
    return DocumentSpec(
        title=data["title"],
        body=blocks,
        signature=Signature(issuer=organisation),
        author=organisation,
    )


def render(data: dict[str, Any]) -> bytes:
    return render_docx(document_spec(data))
