"""Accessible HTML: one document, semantic sections, tables with captions and scoped headers
(multi-level column headers as colgroup headers), exact figures kept in <data value>."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape

from gongkai.reports import charts
from gongkai.reports.renderers.markdown import entered_notes

STYLE = """
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;max-width:60rem;
margin:2rem auto;padding:0 1rem;line-height:1.8;color:#111}
h1{text-align:center;font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}
p{text-indent:2em;margin:.4rem 0}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}
caption{font-weight:bold;padding:.4rem;caption-side:top}
th,td{border:1px solid #333;padding:.25rem .4rem}td{text-align:right}
th[scope=row]{text-align:left;font-weight:normal}tr.group th{font-weight:bold;background:#f2f2f2}
.entered{font-style:italic}.unavailable{color:#8a1c1c}
.notice{border:1px solid #999;padding:.5rem 1rem}
figure.chart{margin:1.5rem 0}figure.chart figcaption{text-align:center;font-size:.9rem}
"""


def _header_rows(table: dict[str, Any]) -> list[str]:
    columns = table["columns"]
    depth = max((len(c["groups"]) for c in columns), default=0) + 1
    corner: str = escape(table["row_header"])
    if table.get("corner"):
        corner = f"{escape(table['corner'])}<br>{corner}"
    rows = []
    for level in range(depth):
        cells = []
        if level == 0:
            cells.append(f'<th scope="col" rowspan="{depth}">{corner}</th>')
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
                cells.append(f'<th scope="colgroup" colspan="{span}">{escape(groups[level])}</th>')
                index += span
                continue
            if len(groups) == level:
                unit = (
                    f"（{escape(column['unit'])}）"
                    if column["unit"] and column["kind"] != "amount"
                    else ""
                )
                cells.append(
                    f'<th scope="col" rowspan="{depth - level}">'
                    f"{escape(column['label'])}{unit}</th>"
                )
            index += 1
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return rows


def _cell(cell: dict[str, Any]) -> str:
    display: str = escape(cell["display"])
    if cell["source"] == "unavailable":
        return '<td class="unavailable">不可用</td>'
    if cell["value"] is not None and display:
        display = f'<data value="{escape(str(cell["value"]))}">{display}</data>'
    if cell["source"] == "entered":
        source = escape(cell.get("entered_source") or "未注明来源")
        title = f"填报数据，来源：{source}"
        return f'<td class="entered" title="{title}">{display}</td>'
    return f"<td>{display}</td>"


def table_html(table: dict[str, Any]) -> str:
    parts = [f"<table><caption>{escape(table['title'])}</caption><thead>"]
    parts += _header_rows(table)
    parts.append("</thead><tbody>")
    width = len(table["columns"]) + 1
    for row in table["rows"]:
        if row["is_group"]:
            parts.append(
                f'<tr class="group"><th scope="rowgroup" colspan="{width}">'
                f"{escape(row['label'])}</th></tr>"
            )
            continue
        cells = "".join(_cell(cell) for cell in row["cells"])
        parts.append(f'<tr><th scope="row">{escape(row["label"])}</th>{cells}</tr>')
    parts.append("</tbody></table>")
    if table.get("note"):
        parts.append(f"<p>{escape(table['note'])}</p>")
    return "".join(parts)


def body_html(data: dict[str, Any]) -> str:
    parts = [f"<h1>{escape(data['title'])}</h1>"]
    if data.get("notice"):
        parts.append(f'<p class="notice" role="note">{escape(data["notice"])}</p>')
    for section in data["sections"]:
        heading_id = f"section-{escape(section['code'])}"
        parts.append(
            f'<section aria-labelledby="{heading_id}">'
            f'<h2 id="{heading_id}">{escape(section["title"])}</h2>'
        )
        parts += [f"<p>{escape(p)}</p>" for p in section["paragraphs"]]
        parts += [table_html(table) for table in section["tables"]]
        parts.append("</section>")
    parts.append(charts.year_over_year_svg(data))
    notes = entered_notes(data)
    if notes:
        parts.append(
            '<section aria-labelledby="section-entered">'
            '<h2 id="section-entered">填报数据说明</h2><ul>'
        )
        parts += [f"<li>{escape(note)}</li>" for note in notes]
        parts.append("</ul></section>")
    return "".join(parts)


def render(data: dict[str, Any]) -> bytes:
    document = (
        '<!DOCTYPE html>\n<html lang="zh-Hans"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(data['title'])}</title><style>{STYLE}</style></head>"
        f"<body><main>{body_html(data)}</main></body></html>\n"
    )
    return document.encode("utf-8")
