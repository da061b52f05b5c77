"""Checks before publishing: the format's identities, percentages against counts, last year's
carried-forward against this year's carried-over, narrative numbers, required sections,
missing sources and entered figures, and finally the auditor over the rendered text.

Severity "error" blocks publishing; "warning" needs an approver's acknowledgement.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from gongkai.reports import narrative
from gongkai.reports.formats import ReportFormat
from gongkai.reports.formats._common import APPLICANT_TYPES
from gongkai.reports.statistics import Statistics, share

if TYPE_CHECKING:
    from gongkai.reports.build import PreviousYear

logger = logging.getLogger(__name__)

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class CheckResult:
    code: str
    severity: str
    message: str
    where: str = ""
    stated: str = ""
    expected: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    @property
    def fingerprint(self) -> str:
        """Identifies a warning across rebuilds, for the approver's acknowledgement."""
        return f"{self.code}|{self.where}|{self.stated}"


def _fmt(value: Decimal) -> str:
    return narrative.format_number(value, kind="amount")


def _values(
    refs: tuple[str, ...], cells: dict[str, Decimal | None], stats: Statistics
) -> list[Decimal | None]:
    values: list[Decimal | None] = []
    for ref in refs:
        if ref.startswith("stat:"):
            value = stats.get(ref[5:])
            values.append(Decimal(value) if value is not None else None)
        else:
            values.append(cells.get(ref))
    return values


def _identities(
    report_format: ReportFormat, stats: Statistics, cells: dict[str, Decimal | None]
) -> list[CheckResult]:
    results = []
    for identity in report_format.all_identities(stats.labels):
        left = _values(identity.left, cells, stats)
        right = _values(identity.right, cells, stats)
        if any(v is None for v in left + right):
            results.append(
                CheckResult(
                    f"identity.unverifiable.{identity.code}",
                    WARNING,
                    f"无法核对：{identity.description}（有空白或不可用的数据）",
                    where=identity.code,
                )
            )
            continue
        stated = sum((v for v in left if v is not None), Decimal(0))
        expected = sum((v for v in right if v is not None), Decimal(0))
        if stated != expected:
            results.append(
                CheckResult(
                    f"identity.{identity.code}",
                    ERROR,
                    f"勾稽关系不成立：{identity.description}",
                    where=identity.code,
                    stated=_fmt(stated),
                    expected=_fmt(expected),
                )
            )
    return results


def _percentages(
    report_format: ReportFormat, stats: Statistics, cells: dict[str, Decimal | None]
) -> list[CheckResult]:
    results = []
    for percentage in report_format.all_percentages(stats.labels):
        stated, part, whole = (
            cells.get(ref) for ref in (percentage.share, percentage.part, percentage.whole)
        )
        if stated is None or part is None or whole is None:
            continue
        expected = share(part, whole)
        if stated != expected:
            results.append(
                CheckResult(
                    f"percentage.{percentage.code}",
                    ERROR,
                    f"百分比与数量不符：{percentage.description}（按一位小数四舍五入）",
                    where=percentage.share,
                    stated=f"{stated}%",
                    expected=f"{expected}%",
                )
            )
    return results


def _carried_over(stats: Statistics, previous: PreviousYear | None) -> list[CheckResult]:
    if previous is None or "requests.carried_over.total" not in stats.values:
        return []
    results = []
    for code, label in [*APPLICANT_TYPES, ("total", "总计")]:
        key = f"requests.carried_forward.{code}"
        if key not in previous.values:
            continue
        before = previous.values[key]
        now = Decimal(stats.values.get(f"requests.carried_over.{code}", 0))
        if before != now:
            results.append(
                CheckResult(
                    f"carried_over.{code}",
                    ERROR,
                    f"本年“上年结转”（{label}）与上一年度“结转下年度继续办理”不一致（{previous.source}）",
                    where=f"requests.carried_over.{code}",
                    stated=_fmt(now),
                    expected=_fmt(before),
                )
            )
    return results


def _narrative(data: dict[str, Any], report_format: ReportFormat) -> list[CheckResult]:
    results = []
    for section in data["sections"]:
        template = section["template"]
        where = section["title"]
        if section["kind"] != "table" and section["required"] and not template.strip():
            results.append(
                CheckResult(
                    f"section.missing.{section['code']}",
                    ERROR,
                    f"必备部分“{where}”没有内容",
                    where=where,
                )
            )
        if section["kind"] == "table" and not section["tables"]:
            results.append(
                CheckResult(
                    f"section.missing.{section['code']}",
                    ERROR,
                    f"必备部分“{where}”没有表格",
                    where=where,
                )
            )
        rendered = narrative.render(template, {})
        known = set(data["statistics"]) | {
            key
            for key in narrative.placeholders(template)
            if key.startswith(("organisation.", "report.", "entered."))
        }
        for key in rendered.used:
            if key not in known and key.split(".", 1)[0] not in _unavailable_prefixes(data):
                results.append(
                    CheckResult(
                        f"narrative.unknown.{key}",
                        ERROR,
                        f"正文引用了未知的数据项“{{{key}}}”",
                        where=where,
                        stated=key,
                    )
                )
            elif key not in known:
                results.append(
                    CheckResult(
                        f"narrative.unavailable.{key}",
                        WARNING,
                        f"正文引用的数据“{{{key}}}”来源不可用",
                        where=where,
                        stated=key,
                    )
                )
        for number, context in narrative.hand_typed_numbers(template):
            results.append(
                CheckResult(
                    "narrative.hand_typed",
                    WARNING,
                    f"手工输入的数字“{number}”：请改用与统计数据绑定的占位符（…{context}…）",
                    where=where,
                    stated=number,
                )
            )
    return results


def _unavailable_prefixes(data: dict[str, Any]) -> set[str]:
    return set(data.get("unavailable", {}))


def _cells(data: dict[str, Any]) -> list[CheckResult]:
    results = []
    reported_sources: set[str] = set()
    for section in data["sections"]:
        for table in section["tables"]:
            for row in table["rows"]:
                for cell in row["cells"]:
                    if cell["source"] == "unavailable":
                        source = str(cell.get("reason", ""))
                        if source not in reported_sources:
                            reported_sources.add(source)
                            results.append(
                                CheckResult(
                                    f"source.unavailable.{cell['key']}",
                                    WARNING,
                                    f"表“{table['title']}”有数据不可用：{source}",
                                    where=cell["ref"],
                                )
                            )
                    elif cell["source"] == "entered" and cell["value"] is None:
                        results.append(
                            CheckResult(
                                f"entered.missing.{cell['key']}",
                                WARNING,
                                f"表“{table['title']}”“{row['label']}”尚未填报（本系统不掌握该数据，请填写数值和来源；无此事项填0）",
                                where=cell["ref"],
                            )
                        )
                    elif cell["source"] == "entered" and not cell.get("entered_source"):
                        results.append(
                            CheckResult(
                                f"entered.no_source.{cell['key']}",
                                WARNING,
                                f"填报数据“{row['label']}”没有注明来源",
                                where=cell["ref"],
                            )
                        )
    return results


# The auditor's entry point: audit(source: bytes | str | Path) -> AuditResult(findings=[...]).
AUDITOR_CANDIDATES = (("gongkai.reports.audit", "audit"),)


def _auditor(data: dict[str, Any]) -> list[CheckResult]:
    """The public auditor over our own rendered text: a second, independent reading."""
    function = None
    for module_name, name in AUDITOR_CANDIDATES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        function = getattr(module, name, None)
        if function is not None:
            break
    if function is None:
        return []
    from gongkai.reports.renderers import render

    # The HTML keeps the table structure the auditor reads; bytes are never taken for a path.
    document = render(data, "html")
    try:
        findings = function(document, name="report.html")
    except Exception:  # the auditor is a second opinion; its failure must not block a report
        logger.exception("auditor failed on a generated report")
        return []
    findings = getattr(findings, "findings", findings)
    results = []
    for finding in findings or []:
        message = getattr(finding, "message", None) or str(finding)
        results.append(
            CheckResult(
                "auditor",
                WARNING,
                f"审核工具发现：{message}",
                where=str(getattr(finding, "location", "") or ""),
                stated=str(getattr(finding, "stated", "") or ""),
                expected=str(getattr(finding, "expected", "") or ""),
            )
        )
    return results


def run_checks(
    *,
    data: dict[str, Any],
    report_format: ReportFormat,
    stats: Statistics,
    cells: dict[str, Decimal | None],
    previous: PreviousYear | None,
    run_auditor: bool = True,
) -> list[CheckResult]:
    results = [
        *_identities(report_format, stats, cells),
        *_percentages(report_format, stats, cells),
        *_carried_over(stats, previous),
        *_narrative(data, report_format),
        *_cells(data),
    ]
    if run_auditor:
        results.extend(_auditor(data))
    return results
