"""The national format of 2021 (国办公开办函〔2021〕30号), for reports on 2021 onwards.

Table 二 (regulation-facts §3.3): 第二十条（一） counts 行政规范性文件 from the catalogue
(items under 第二十条（一）); 规章 and the 处理决定/收费 figures of （五）（六）（八） are not
held by gongkai and are entered with their source.
"""

from __future__ import annotations

from gongkai.reports.formats import ENTERED, Column, EnteredFigure, ReportFormat, Row, Table
from gongkai.reports.formats._common import (
    RESULT_ROWS_2021,
    table_four,
    table_four_identities,
    table_three,
    table_three_identities,
)
from gongkai.reports.formats._national import NATIONAL_PLACEHOLDERS, national_sections

_ARTICLE_20_1_COLUMNS = (
    Column("issued", "本年制发件数"),
    Column("repealed", "本年废止件数"),
    Column("in_force", "现行有效件数"),
)


def _article_20_1(row: Row, column: Column) -> str:
    if row.code == "rules":
        return f"{ENTERED}rules.{column.code}"
    return f"catalogue.normative.{column.code}"


ARTICLE_20_TABLES = (
    Table(
        "二（一）",
        "第二十条第（一）项",
        rows=(Row("rules", "规章"), Row("normative", "行政规范性文件")),
        columns=_ARTICLE_20_1_COLUMNS,
        cell_source=_article_20_1,
        row_header="信息内容",
    ),
    Table(
        "二（五）",
        "第二十条第（五）项",
        rows=(Row("licensing", "行政许可"),),
        columns=(Column("decisions", "本年处理决定数量"),),
        cell_source=lambda row, column: f"{ENTERED}licensing.decisions",
        row_header="信息内容",
    ),
    Table(
        "二（六）",
        "第二十条第（六）项",
        rows=(Row("penalties", "行政处罚"), Row("enforcement", "行政强制")),
        columns=(Column("decisions", "本年处理决定数量"),),
        cell_source=lambda row, column: f"{ENTERED}{row.code}.decisions",
        row_header="信息内容",
    ),
    Table(
        "二（八）",
        "第二十条第（八）项",
        rows=(Row("fees", "行政事业性收费"),),
        columns=(Column("amount", "本年收费金额（单位：万元）", unit="万元", kind="amount"),),
        cell_source=lambda row, column: f"{ENTERED}fees.amount_wan",
        row_header="信息内容",
    ),
)

ENTERED_FIGURES = (
    EnteredFigure("rules.issued", "规章本年制发件数", "件"),
    EnteredFigure("rules.repealed", "规章本年废止件数", "件"),
    EnteredFigure("rules.in_force", "现行有效规章件数", "件"),
    EnteredFigure("licensing.decisions", "行政许可本年处理决定数量", "件"),
    EnteredFigure("penalties.decisions", "行政处罚本年处理决定数量", "件"),
    EnteredFigure("enforcement.decisions", "行政强制本年处理决定数量", "件"),
    EnteredFigure("fees.amount_wan", "行政事业性收费本年收费金额", "万元", kind="amount"),
)

FORMAT = ReportFormat(
    code="national-2021",
    name="政府信息公开工作年度报告格式（2021年版，国办公开办函〔2021〕30号）",
    regulation="2019",
    sections=national_sections(ARTICLE_20_TABLES, table_three(RESULT_ROWS_2021), table_four()),
    identities=(*table_three_identities(RESULT_ROWS_2021), *table_four_identities()),
    entered_figures=ENTERED_FIGURES,
    narrative_placeholders=NATIONAL_PLACEHOLDERS,
)
