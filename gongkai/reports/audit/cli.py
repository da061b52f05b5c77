"""Command-line front of the auditor: ``run([PATH, "--json"]) -> exit status``.

Exit 0: nothing found; 1: inconsistencies found; 2: the input cannot be read as a report.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Protocol

from gongkai.reports.audit.checks import KIND_NAMES
from gongkai.reports.audit.document import UnreadableInput
from gongkai.reports.audit.engine import AuditResult, audit

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


class _Writable(Protocol):
    def write(self, text: str) -> object: ...


SEVERITY_NAMES = {"error": "错误", "warning": "警告"}


def build_parser(prog: str = "gongkai report audit") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="检查已发布的政府信息公开年度报告（纯文本、HTML 或 DOCX）中数字前后是否一致。",
    )
    parser.add_argument("path", help="报告文件路径（.txt / .html / .docx）；“-” 表示从标准输入读取")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出发现的问题")
    return parser


def render_text(result: AuditResult, name: str) -> str:
    lines: list[str] = []
    if result.ok:
        lines.append(f"{name}：未发现数字不一致。")
    else:
        lines.append(f"{name}：发现 {len(result.findings)} 处数字不一致。")
        for number, finding in enumerate(result.findings, 1):
            severity = SEVERITY_NAMES.get(finding.severity, finding.severity)
            lines.append("")
            lines.append(f"{number}. [{severity}] {KIND_NAMES.get(finding.kind, finding.kind)}")
            lines.append(f"   {finding.message}")
            lines.append(f"   所述：{finding.stated}    应为：{finding.expected}")
            lines.append(f"   位置：{finding.location}")
            lines.append(f"   原文：{finding.context}")
    for note in result.notes:
        lines.append(f"说明：{note}")
    return "\n".join(lines)


def render_json(result: AuditResult) -> str:
    return json.dumps([f.as_dict() for f in result.findings], ensure_ascii=False, indent=2)


def run(
    argv: list[str], *, stdout: _Writable | None = None, stderr: _Writable | None = None
) -> int:
    out: _Writable = stdout or sys.stdout
    err: _Writable = stderr or sys.stderr
    parser = build_parser()
    try:
        options = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_UNREADABLE if exc.code else EXIT_CLEAN
    try:
        if options.path == "-":
            result = audit(sys.stdin.buffer.read(), name="标准输入")
        else:
            from pathlib import Path

            result = audit(Path(options.path), name=options.path)
    except UnreadableInput as exc:
        if options.json:
            out.write(json.dumps({"error": str(exc)}, ensure_ascii=False) + "\n")
        err.write(f"无法检查：{exc}\n")
        return EXIT_UNREADABLE
    name = "标准输入" if options.path == "-" else options.path
    out.write((render_json(result) if options.json else render_text(result, name)) + "\n")
    return EXIT_CLEAN if result.ok else EXIT_FINDINGS


def main() -> None:  # pragma: no cover - console entry
    sys.exit(run(sys.argv[1:]))
