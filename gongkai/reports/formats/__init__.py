"""Report formats as declared data, and the registry of formats by code.

A format is a list of sections; a table section declares its rows, its columns and, for each
cell, the statistic key it shows (`Table.cell_source(row, column)`), or an entered figure (a
number the system does not hold, typed into the report with its source). Identities are sums
over cell references ("table:row:column") that must be equal. A body may add its own format
(e.g. a province's variant) by building a ReportFormat and calling `register`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from gongkai.core.exceptions import ApplicationError

ENTERED = "entered:"  # a cell source starting with this is an entered figure
TEXT = "text:"  # a literal cell (e.g. a unit)


@dataclass(frozen=True)
class Row:
    code: str
    label: str
    is_group: bool = False  # a heading row without figures of its own


@dataclass(frozen=True)
class Column:
    code: str
    label: str
    # Header groups above the label, outermost first, e.g. ("行政诉讼", "复议后起诉").
    groups: tuple[str, ...] = ()
    unit: str = ""
    # "count" (integers), "amount" (decimals, e.g. 万元), "percent" (one decimal), "text".
    # A cell source may end in "|approx" to show 10万多 for 100,000–109,999 (the JSON keeps
    # the exact figure); a source "text:人次" is a literal.
    kind: str = "count"


CellSource = Callable[[Row, Column], "str | None"]


@dataclass(frozen=True)
class Table:
    code: str
    title: str
    rows: Sequence[Row]
    columns: Sequence[Column]
    cell_source: CellSource
    # The header's top-left corner cell (the 2021 table 三 states its identity there).
    corner: str = ""
    row_header: str = ""
    note: str = ""
    # Rows that depend on the body (e.g. its own catalogue categories): built from the
    # statistics' labels, {code: label}, when the report is built; `rows` is then a fallback.
    dynamic_rows: Callable[[dict[str, str]], Sequence[Row]] | None = None

    def rows_for(self, labels: dict[str, str]) -> Sequence[Row]:
        if self.dynamic_rows is None:
            return self.rows
        return self.dynamic_rows(labels)

    def source(self, row: Row, column: Column) -> str | None:
        if row.is_group:
            return None
        return self.cell_source(row, column)


@dataclass(frozen=True)
class Identity:
    """sum(left) == sum(right), over cell references "table:row:column"."""

    code: str
    description: str
    left: tuple[str, ...]
    right: tuple[str, ...]


@dataclass(frozen=True)
class Percentage:
    """A stated share (one decimal, rounded half up) of `part` in `whole`."""

    code: str
    description: str
    share: str  # cell reference of the stated percentage
    part: str
    whole: str


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    kind: str  # "narrative" | "table" | "mixed"
    tables: Sequence[Table] = ()
    required: bool = True
    # The generated draft of the narrative, with {placeholders} bound to statistics.
    draft: Callable[[dict[str, object]], str] | None = None


@dataclass(frozen=True)
class EnteredFigure:
    key: str
    label: str
    unit: str = ""
    kind: str = "count"


@dataclass(frozen=True)
class ReportFormat:
    code: str
    name: str
    regulation: str  # "2019" | "2007"
    sections: Sequence[Section]
    identities: Sequence[Identity] = ()
    percentages: Sequence[Percentage] = ()
    entered_figures: Sequence[EnteredFigure] = ()
    # Statistic keys the narrative may use besides the tables' ones.
    narrative_placeholders: Sequence[str] = ()
    # Statistic groups this format needs (see gongkai.reports.statistics.PROVIDERS).
    sources: Sequence[str] = field(default_factory=tuple)
    # Identities and percentages over body-dependent rows, built from the statistics' labels.
    identities_for: Callable[[dict[str, str]], Sequence[Identity]] | None = None
    percentages_for: Callable[[dict[str, str]], Sequence[Percentage]] | None = None

    def all_identities(self, labels: dict[str, str]) -> list[Identity]:
        extra = self.identities_for(labels) if self.identities_for else ()
        return [*self.identities, *extra]

    def all_percentages(self, labels: dict[str, str]) -> list[Percentage]:
        extra = self.percentages_for(labels) if self.percentages_for else ()
        return [*self.percentages, *extra]

    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]

    def table(self, code: str) -> Table:
        for table in self.tables():
            if table.code == code:
                return table
        raise KeyError(code)


_REGISTRY: dict[str, ReportFormat] = {}
_BUILT_IN = (
    "gongkai.reports.formats.national_2021",
    "gongkai.reports.formats.national_2019",
    "gongkai.reports.formats.legacy_2008",
)
_loaded = False


def register(report_format: ReportFormat) -> ReportFormat:
    _REGISTRY[report_format.code] = report_format
    return report_format


def _load_built_in() -> None:
    global _loaded
    if not _loaded:
        for module in _BUILT_IN:
            register(importlib.import_module(module).FORMAT)
        _loaded = True


def known_formats() -> list[ReportFormat]:
    _load_built_in()
    return sorted(_REGISTRY.values(), key=lambda f: f.code)


def get_format(code: str) -> ReportFormat:
    _load_built_in()
    try:
        return _REGISTRY[code]
    except KeyError:
        known = "、".join(f"{f.code}（{f.name}）" for f in known_formats())
        raise ApplicationError(f"未知的报告格式“{code}”。可用的格式：{known}。") from None


def cell_ref(table: str, row: str, column: str) -> str:
    return f"{table}:{row}:{column}"
