"""XLSX of the tables: one sheet per table with the official row and column labels, the
multi-level column headers merged as in the official layout, figures as numbers (percentages
as numbers with one decimal, entered figures with their source in a comment), and blank cells
where a figure does not apply. A first sheet states the report and its check results."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.reports.renderers.docx import _header

THIN = Side(style="thin", color="333333")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="EBEBEB")
GROUP_FILL = PatternFill("solid", fgColor="F5F5F5")
FONT = "宋体"
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
NUMBER_FORMATS = {"count": "#,##0", "percent": "0.0", "amount": "#,##0.00"}


def _sheet_name(table: dict[str, Any], used: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub("", f"表{table['code']} {table['title']}")[:31].strip()
    name, n = base, 2
    while name in used:
        suffix = f"～{n}"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


def _number(value: Any, kind: str) -> int | float | None:
    if value is None or value == "":
        return None
    number = Decimal(str(value))
    if kind == "count" and number == number.to_integral_value():
        return int(number)
    return float(number)


def write_table(sheet: Worksheet, table: dict[str, Any]) -> None:
    columns = table["columns"]
    width = len(columns) + 1
    sheet.cell(row=1, column=1, value=table["title"]).font = Font(name=FONT, bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(row=1, column=1).alignment = Alignment(horizontal="center")
    first = 2
    header = _header(table)
    covered: set[tuple[int, int]] = set()
    for level, cells in enumerate(header):
        r, c = first + level, 1
        for spec in cells:
            while (r, c) in covered:
                c += 1
            target = sheet.cell(row=r, column=c, value=spec.text)
            if spec.rowspan > 1 or spec.colspan > 1:
                sheet.merge_cells(
                    start_row=r,
                    start_column=c,
                    end_row=r + spec.rowspan - 1,
                    end_column=c + spec.colspan - 1,
                )
            for dr in range(spec.rowspan):
                for dc in range(spec.colspan):
                    covered.add((r + dr, c + dc))
                    cell = sheet.cell(row=r + dr, column=c + dc)
                    cell.border = BORDER
                    cell.fill = HEADER_FILL
            target.font = Font(name=FONT, bold=True)
            target.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            c += spec.colspan
    r = first + len(header)
    for row in table["rows"]:
        label = sheet.cell(row=r, column=1, value=row["label"])
        label.alignment = Alignment(wrap_text=True, vertical="center")
        label.border = BORDER
        if row["is_group"]:
            label.font = Font(name=FONT, bold=True)
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
            for c in range(1, width + 1):
                sheet.cell(row=r, column=c).fill = GROUP_FILL
                sheet.cell(row=r, column=c).border = BORDER
            r += 1
            continue
        label.font = Font(name=FONT)
        for index, (column, data_cell) in enumerate(zip(columns, row["cells"], strict=True)):
            target = sheet.cell(row=r, column=index + 2)
            target.border = BORDER
            source = data_cell["source"]
            if source in ("computed", "entered"):
                target.value = _number(data_cell["value"], column["kind"])
                target.number_format = NUMBER_FORMATS.get(column["kind"], "General")
                if source == "entered" and target.value is not None:
                    where = data_cell.get("entered_source") or "未注明来源"
                    target.comment = Comment(f"填报数据，来源：{where}", "gongkai")
                if data_cell.get("approximate"):
                    target.comment = Comment(f"报告中写作“{data_cell['display']}”", "gongkai")
            elif source == "text":
                target.value = data_cell["display"]
                target.alignment = Alignment(horizontal="center")
            elif source == "unavailable":
                # Missing is not zero: blank, with the reason beside it.
                target.comment = Comment(
                    f"数据不可用：{data_cell.get('reason') or '数据来源不可用'}", "gongkai"
                )
            # "none" (not applicable): left blank.
        r += 1
    if table.get("note"):
        sheet.cell(row=r + 1, column=1, value=table["note"])
    numeric = len(columns)
    sheet.column_dimensions["A"].width = 46 if numeric >= 5 else 30
    for index in range(numeric):
        sheet.column_dimensions[get_column_letter(index + 2)].width = 12
    sheet.freeze_panes = sheet.cell(row=first + len(header), column=2)


def write_summary(sheet: Worksheet, data: dict[str, Any]) -> None:
    rows: list[tuple[str, Any]] = [
        ("报告", data["title"]),
        ("机构", data["organisation"]["name"]),
        ("机构代码", data["organisation"]["code"]),
        ("年度", data["year"]),
        ("格式", data["format"]["name"]),
        ("状态", data.get("status", "")),
        ("版本", data.get("version", 1)),
        ("生成时间", data.get("generated_at", "")),
    ]
    if data.get("notice"):
        rows.append(("说明", data["notice"]))
    summary = data.get("summary") or {}
    rows += [("核对错误", summary.get("errors", 0)), ("核对提示", summary.get("warnings", 0))]
    for r, (label, value) in enumerate(rows, start=1):
        sheet.cell(row=r, column=1, value=label).font = Font(name=FONT, bold=True)
        sheet.cell(row=r, column=2, value=value)
    r = len(rows) + 2
    checks = data.get("checks") or []
    if checks:
        for c, title in enumerate(("级别", "核对项", "说明", "位置"), start=1):
            sheet.cell(row=r, column=c, value=title).font = Font(name=FONT, bold=True)
        for check in checks:
            r += 1
            sheet.cell(
                row=r,
                column=1,
                value={"error": "错误", "warning": "提示"}.get(
                    check.get("severity", ""), check.get("severity", "")
                ),
            )
            sheet.cell(row=r, column=2, value=check.get("code", ""))
            sheet.cell(row=r, column=3, value=check.get("message", ""))
            sheet.cell(row=r, column=4, value=check.get("where", ""))
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 80
    sheet.column_dimensions["D"].width = 30


def render(data: dict[str, Any]) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = "报告信息"
    write_summary(summary, data)
    used = {summary.title}
    for section in data["sections"]:
        for table in section["tables"]:
            write_table(workbook.create_sheet(_sheet_name(table, used)), table)
    workbook.properties.title = data["title"]
    workbook.properties.creator = data["organisation"]["name"]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
