"""Assemble a report: statistics -> cells of every table, narrative rendered, checks run.

The result is a plain, JSON-serialisable dict (schema "gongkai.annual-report/1"): what the
renderers draw, what the snapshot of a published report freezes, and what the JSON output is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone

from gongkai.organisations.models import Organisation
from gongkai.reports import narrative as narrative_text
from gongkai.reports.formats import ENTERED, TEXT, ReportFormat, Table, cell_ref, get_format
from gongkai.reports.statistics import Statistics, compute, report_organisation_ids

SCHEMA = "gongkai.annual-report/1"
EMPTY_NOTICE = "本年度没有可统计的记录，各项数据均为零。"


@dataclass
class PreviousYear:
    """Last year's carried-forward figures and where they come from."""

    values: dict[str, Decimal]
    source: str


PreviousLookup = Callable[[Organisation, int, bool], "PreviousYear | None"]


def _jsonable(value: object) -> object:
    if isinstance(value, Decimal):
        return format(value, "f")
    return value


def parse_entered(raw: object) -> Decimal | None:
    if raw is None:
        return None
    text = str(raw).strip().replace(",", "").replace("，", "")
    if text in ("", "/", "—", "-"):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def text_context(organisation: Organisation, year: int) -> dict[str, object]:
    return {
        "organisation.name": organisation.name,
        "organisation.short_name": organisation.short_name or organisation.name,
        "organisation.phone": organisation.phone or "",
        "organisation.disclosure_office": organisation.disclosure_office or organisation.name,
        "organisation.website": organisation.website or "",
        "report.year": str(year),
        "report.previous_year": str(year - 1),
    }


def draft_narrative(report_format: ReportFormat, stats: Statistics) -> dict[str, str]:
    context: dict[str, object] = dict(stats.values)
    context["_category_labels"] = {
        key: label for key, label in stats.labels.items() if key.startswith("catalogue.category.")
    }
    return {
        section.code: section.draft(context)
        for section in report_format.sections
        if section.draft is not None
    }


def _cell(
    table: Table,
    row: Any,
    column: Any,
    stats: Statistics,
    entered: Mapping[str, Mapping[str, Any]],
) -> dict[str, Any]:
    source = table.source(row, column)
    cell: dict[str, Any] = {
        "column": column.code,
        "ref": cell_ref(table.code, row.code, column.code),
        "value": None,
        "display": "",
        "source": "none",
        "key": None,
    }
    if source is None:
        cell["display"] = "—" if not row.is_group else ""
        return cell
    if source.startswith(TEXT):
        cell.update(source="text", display=source[len(TEXT) :])
        return cell
    if source.startswith(ENTERED):
        key = source[len(ENTERED) :]
        figure = entered.get(key) or {}
        value = parse_entered(figure.get("value"))
        cell.update(
            key=key,
            source="entered",
            value=value,
            display=narrative_text.format_number(value, kind=column.kind)
            if value is not None
            else "",
            entered_source=str(figure.get("source", "")),
            entered_raw=str(figure.get("value", "")),
        )
        return cell
    key, _, mode = source.partition("|")
    computed = stats.get(key)
    cell["key"] = key
    if computed is None:
        cell.update(source="unavailable", display="", reason=stats.why_unavailable(key))
        return cell
    cell["source"] = "computed"
    cell["value"] = computed
    if mode == "approx":
        cell["display"] = narrative_text.format_approximate(computed)
        cell["approximate"] = True
    else:
        cell["display"] = narrative_text.format_number(computed, kind=column.kind)
    return cell


def build_report(
    *,
    organisation: Organisation,
    year: int,
    format_code: str,
    roll_up: bool = False,
    narrative: Mapping[str, str] | None = None,
    entered_figures: Mapping[str, Mapping[str, Any]] | None = None,
    previous_lookup: PreviousLookup | None = None,
    status: str = "draft",
    version: int = 1,
    run_auditor: bool = True,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    from gongkai.reports import checks

    report_format = get_format(format_code)
    organisation_ids = report_organisation_ids(organisation, roll_up=roll_up)
    stats = compute(organisation_ids=organisation_ids, year=year)
    entered = dict(entered_figures or {})
    texts = dict(draft_narrative(report_format, stats))
    texts.update({code: text for code, text in (narrative or {}).items() if text is not None})
    context: dict[str, object] = {**text_context(organisation, year)}
    # Unavailable sources render as "not available", never as a silent zero.
    for key in set().union(*(narrative_text.placeholders(t) for t in texts.values())):
        if key in context:
            continue
        if key in stats.values:
            context[key] = stats.values[key]
        elif stats.source_of(key) in stats.unavailable:
            context[key] = None  # rendered as "not available" and flagged, never a silent 0
    for key, figure in entered.items():
        context.setdefault(f"entered.{key}", parse_entered(figure.get("value")))

    cells: dict[str, Decimal | None] = {}
    sections = []
    for section in report_format.sections:
        template = texts.get(section.code, "") if section.kind != "table" else ""
        rendered = narrative_text.render(template, context)
        tables = []
        for table in section.tables:
            rows = []
            for row in table.rows_for(stats.labels):
                row_cells = [_cell(table, row, column, stats, entered) for column in table.columns]
                for cell in row_cells:
                    if cell["source"] in ("computed", "entered", "unavailable"):
                        value = cell["value"]
                        cells[cell["ref"]] = Decimal(value) if value is not None else None
                rows.append(
                    {
                        "code": row.code,
                        "label": row.label,
                        "is_group": row.is_group,
                        "cells": [{**c, "value": _jsonable(c["value"])} for c in row_cells],
                    }
                )
            tables.append(
                {
                    "code": table.code,
                    "title": table.title,
                    "corner": table.corner,
                    "row_header": table.row_header or "项目",
                    "note": table.note,
                    "columns": [
                        {
                            "code": c.code,
                            "label": c.label,
                            "groups": list(c.groups),
                            "unit": c.unit,
                            "kind": c.kind,
                        }
                        for c in table.columns
                    ],
                    "rows": rows,
                }
            )
        sections.append(
            {
                "code": section.code,
                "title": section.title,
                "kind": section.kind,
                "required": section.required,
                "template": template,
                "text": rendered.text,
                "paragraphs": [p for p in rendered.text.split("\n") if p.strip()],
                "tables": tables,
            }
        )

    empty = stats.is_empty
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "title": f"{organisation.name}{year}年政府信息公开工作年度报告",
        "organisation": {"code": organisation.code, "name": organisation.name},
        "organisation_ids": organisation_ids,
        "roll_up": roll_up,
        "year": year,
        "format": {
            "code": report_format.code,
            "name": report_format.name,
            "regulation": report_format.regulation,
        },
        "status": status,
        "version": version,
        "generated_at": (now or timezone.now()).isoformat(),
        "empty": empty,
        "notice": EMPTY_NOTICE if empty else "",
        "sections": sections,
        "statistics": {key: _jsonable(value) for key, value in sorted(stats.values.items())},
        "labels": dict(stats.labels),
        "unavailable": dict(stats.unavailable),
        "entered_figures": {k: dict(v) for k, v in entered.items()},
    }
    previous = previous_lookup(organisation, year, roll_up) if previous_lookup else None
    results = checks.run_checks(
        data=data,
        report_format=report_format,
        stats=stats,
        cells=cells,
        previous=previous,
        run_auditor=run_auditor,
    )
    data["checks"] = [result.as_dict() for result in results]
    data["summary"] = {
        "errors": sum(1 for r in results if r.severity == "error"),
        "warnings": sum(1 for r in results if r.severity == "warning"),
    }
    return data
