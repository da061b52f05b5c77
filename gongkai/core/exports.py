"""CSV and XLSX exports of register lists, shared by every back-office register."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.http import HttpResponse
from openpyxl import Workbook

EXPORT_FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class Column:
    """One exported column: its header and how to read the value from a row object."""

    header: str
    value: Callable[[Any], Any]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float, str)):
        return value
    return str(value)


def _safe_text(value: Any) -> Any:
    # Spreadsheet formula injection: a cell starting with = + - @ would be evaluated.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def export_rows(rows: Iterable[Any], columns: Sequence[Column]) -> Iterable[list[Any]]:
    yield [column.header for column in columns]
    for row in rows:
        yield [_safe_text(_cell(column.value(row))) for column in columns]


def export_response(
    rows: Iterable[Any], columns: Sequence[Column], *, filename: str, file_format: str
) -> HttpResponse:
    """An HTTP download of `rows`; `filename` has no extension; format "csv" or "xlsx"."""
    if file_format not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {file_format!r}")
    table = export_rows(rows, columns)
    if file_format == "csv":
        buffer = io.StringIO()
        # BOM so that Excel opens UTF-8 Chinese text correctly.
        buffer.write("\ufeff")
        csv.writer(buffer).writerows(table)
        content: bytes = buffer.getvalue().encode("utf-8")
        content_type = "text/csv; charset=utf-8"
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        for line in table:
            sheet.append(line)
        out = io.BytesIO()
        workbook.save(out)
        content = out.getvalue()
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=content_type)
    name = f"{filename}.{file_format}"
    response["Content-Disposition"] = (
        f"attachment; filename=\"export.{file_format}\"; filename*=UTF-8''{quote(name)}"
    )
    return response
