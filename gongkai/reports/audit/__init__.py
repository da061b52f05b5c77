"""The report auditor: reads a published 政府信息公开年度报告 (text, HTML or DOCX) and reports
figures that contradict each other.

    result = audit("report.html")
    for finding in result.findings: ...
"""

from gongkai.reports.audit.checks import Finding
from gongkai.reports.audit.document import Document, UnreadableInput, load
from gongkai.reports.audit.engine import AuditResult, audit
from gongkai.reports.audit.figures import Figure, Location, extract_figures
from gongkai.reports.audit.numbers import Quantity, parse_quantity, to_chinese_numeral

__all__ = [
    "AuditResult",
    "Document",
    "Figure",
    "Finding",
    "Location",
    "Quantity",
    "UnreadableInput",
    "audit",
    "extract_figures",
    "load",
    "parse_quantity",
    "to_chinese_numeral",
]
