"""``audit()``: read a published annual report and list every inconsistency in its figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from gongkai.reports.audit.checks import (
    ERROR,
    Finding,
    national_table_checks,
    paragraph_checks,
    received_checks,
    repeated_value_checks,
)
from gongkai.reports.audit.document import Document, load
from gongkai.reports.audit.figures import Figure, all_figures


@dataclass
class AuditResult:
    findings: list[Finding]
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what could not be checked, and why

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != ERROR]

    @property
    def ok(self) -> bool:
        """No error; warnings (figures worth a second look) may remain."""
        return not self.errors


def audit(source: str | bytes | Path | Document, *, name: str = "") -> AuditResult:
    """Audit a report given as a path, raw bytes, its text (plain or HTML), or a Document.

    Raises ``UnreadableInput`` when there is nothing that can be read as a report.
    """
    document = source if isinstance(source, Document) else load(source, name=name)
    figures = all_figures(document)
    table_findings, table_figures, notes = national_table_checks(document)
    figures_with_tables = figures + table_figures
    findings: list[Finding] = []
    findings.extend(paragraph_checks(document, figures))
    findings.extend(repeated_value_checks(figures_with_tables))
    findings.extend(received_checks(figures_with_tables))
    findings.extend(table_findings)
    unique: list[Finding] = []
    seen: set[tuple[str, str, str, str]] = set()
    for finding in findings:
        signature = (finding.kind, str(finding.location), finding.stated, finding.expected)
        if signature not in seen:
            seen.add(signature)
            unique.append(finding)
    return AuditResult(unique, figures, notes)
