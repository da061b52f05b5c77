"""The 2019 trial format (国办公开办函〔2019〕60号), used for the reports on 2019 and 2020.

Differences from 2021 (regulation-facts §3.3, §3.4): table 二 has other columns and a
（九） table; in table 三 （六）其他处理 is a single row.
"""

from __future__ import annotations

from gongkai.reports.formats import ENTERED, Column, EnteredFigure, ReportFormat, Row, Table
from gongkai.reports.formats._common import (
    RESULT_ROWS_2019,
    table_four,
    table_four_identities,
    table_three,
    table_three_identities,
)
from gongkai.reports.formats._national import NATIONAL_PLACEHOLDERS, national_sections


def _article_20_1(row: Row, column: Column) -> str:
    if row.code == "rules":
        return f"{ENTERED}rules.{column.code}"
    return f"catalogue.normative.{column.code}"


_PROJECT_COLUMNS = (
    Column("previous", "上一年项目数量"),
    Column("change", "本年增/减"),
)

ARTICLE_20_TABLES = (
    Table(
        "二（一）",
        "第二十条第（一）项",
        rows=(Row("rules", "规章"), Row("normative", "规范性文件")),
        columns=(
            Column("made", "本年新制作数量"),
            Column("published", "本年新公开数量"),
            Column("public_total", "对外公开总数量"),
        ),
        cell_source=_article_20_1,
        row_header="信息内容",
    ),
    Table(
        "二（五）",
        "第二十条第（五）项",
        rows=(Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项")),
        columns=(*_PROJECT_COLUMNS, Column("decisions", "处理决定数量")),
        cell_source=lambda row, column: f"{ENTERED}{row.code}.{column.code}",
        row_header="信息内容",
    ),
    Table(
        "二（六）",
        "第二十条第（六）项",
        rows=(Row("penalties", "行政处罚"), Row("enforcement", "行政强制")),
        columns=(*_PROJECT_COLUMNS, Column("decisions", "处理决定数量")),
        cell_source=lambda row, column: f"{ENTERED}{row.code}.{column.code}",
        row_header="信息内容",
    ),
    Table(
        "二（八）",
        "第二十条第（八）项",
        rows=(Row("fees", "行政事业性收费"),),
        columns=_PROJECT_COLUMNS,
        cell_source=lambda row, column: f"{ENTERED}fees.{column.code}",
        row_header="信息内容",
    ),
    Table(
        "二（九）",
        "第二十条第（九）项",
        rows=(Row("procurement", "政府集中采购"),),
        columns=(
            Column("projects", "采购项目数量"),
            Column("amount", "采购总金额（单位：万元）", unit="万元", kind="amount"),
        ),
        cell_source=lambda row, column: f"{ENTERED}procurement.{column.code}",
        row_header="信息内容",
    ),
)

ENTERED_FIGURES = (
    *(
        EnteredFigure(f"rules.{code}", f"规章{label}", "件")
        for code, label in (
            ("made", "本年新制作数量"),
            ("published", "本年新公开数量"),
            ("public_total", "对外公开总数量"),
        )
    ),
    *(
        EnteredFigure(f"{row}.{code}", f"{row_label}{label}", "项")
        for row, row_label in (
            ("licensing", "行政许可"),
            ("other_services", "其他对外管理服务事项"),
            ("penalties", "行政处罚"),
            ("enforcement", "行政强制"),
        )
        for code, label in (
            ("previous", "上一年项目数量"),
            ("change", "本年增/减"),
            ("decisions", "处理决定数量"),
        )
    ),
    EnteredFigure("fees.previous", "行政事业性收费上一年项目数量", "项"),
    EnteredFigure("fees.change", "行政事业性收费本年增/减", "项"),
    EnteredFigure("procurement.projects", "政府集中采购项目数量", "项"),
    EnteredFigure("procurement.amount", "政府集中采购总金额", "万元", kind="amount"),
)

FORMAT = ReportFormat(
    code="national-2019",
    name="政府信息公开工作年度报告格式（试行，国办公开办函〔2019〕60号）",
    regulation="2019",
    sections=national_sections(ARTICLE_20_TABLES, table_three(RESULT_ROWS_2019), table_four()),
    identities=(*table_three_identities(RESULT_ROWS_2019), *table_four_identities()),
    entered_figures=ENTERED_FIGURES,
    narrative_placeholders=NATIONAL_PLACEHOLDERS,
)
