"""Command-line front of the auditor: ``run([PATH, "--json"]) -> exit status``.

Exit 0: nothing found; 1: inconsistencies found; 2: the input cannot be read as a report
(or, with ``--import``, the body, the user or the figures cannot be used).

``--import --organisation CODE --year YYYY [--actor USERNAME] [--source TEXT]`` also stores
the report's figures as the body's historical statistics of that year (see audit.history);
the exit status still says what the audit found.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Protocol

from gongkai.reports.audit.checks import KIND_NAMES, SEVERITY_NAMES
from gongkai.reports.audit.document import Document, UnreadableInput, load
from gongkai.reports.audit.engine import AuditResult, audit
from gongkai.reports.audit.history import ImportPlan, plan_import

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2


class _Writable(Protocol):
    def write(self, text: str) -> object: ...


def build_parser(prog: str = "gongkai report audit") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="检查已发布的政府信息公开年度报告（纯文本、HTML 或 DOCX）中数字前后是否一致。",
    )
    parser.add_argument("path", help="报告文件路径（.txt / .html / .docx）；“-” 表示从标准输入读取")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出发现的问题")
    history = parser.add_argument_group("导入历史数据（--import）")
    history.add_argument(
        "--import",
        dest="import_figures",
        action="store_true",
        help="审核后将报告中的数字存为该机构该年度的历史统计数据",
    )
    history.add_argument("--organisation", help="机构代码（与 --import 一起使用）")
    history.add_argument("--year", type=int, help="报告年度（与 --import 一起使用）")
    history.add_argument("--actor", help="记录为导入人的用户名（默认：第一个超级用户）")
    history.add_argument("--source", default="", help="数据来源说明（默认：报告文件名）")
    return parser


def render_text(result: AuditResult, name: str) -> str:
    lines: list[str] = []
    errors, warnings = len(result.errors), len(result.warnings)
    if not result.findings:
        lines.append(f"{name}：未发现数字不一致。")
    else:
        summary = f"发现 {errors} 处数字不一致" if errors else "未发现确定的数字不一致"
        if warnings:
            summary += f"，另有 {warnings} 处请人工确认"
        lines.append(f"{name}：{summary}。")
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


class _ImportRefused(Exception):
    """The body, the user or the figures of an --import cannot be used (exit status 2)."""


def _import_target(options: argparse.Namespace) -> tuple[Any, Any, int]:
    """(organisation, actor, year) of an --import; Django is needed only from here on."""
    from django.contrib.auth import get_user_model

    from gongkai.organisations.selectors import organisation_get_by_code

    organisation = organisation_get_by_code(code=options.organisation)
    if organisation is None:
        raise _ImportRefused(f"找不到机构代码为“{options.organisation}”的机构。")
    users = get_user_model().objects.filter(is_active=True)
    if options.actor:
        actor = users.filter(username=options.actor).first()
        if actor is None:
            raise _ImportRefused(f"找不到用户“{options.actor}”。")
    else:
        actor = users.filter(is_superuser=True).order_by("pk").first()
        if actor is None:
            raise _ImportRefused("没有可用的超级用户，请用 --actor 指定导入人。")
    return organisation, actor, int(options.year)


def _store(plan: ImportPlan, *, organisation: Any, actor: Any, year: int, source: str) -> int:
    from django.db import transaction

    from gongkai.reports.services import historical_statistics_import

    if not plan.figures:
        return 0
    # All the figures of one report, or none of them.
    with transaction.atomic():
        stored = historical_statistics_import(
            actor=actor,
            organisation=organisation,
            year=year,
            figures=[
                {"key": f.key, "value": f.value, "approximate": f.approximate} for f in plan.figures
            ],
            source=source,
        )
    return len(stored)


def render_import(plan: ImportPlan, *, stored: int, organisation: Any, year: int) -> str:
    lines = [f"已为“{organisation.name}”导入{year}年度历史统计数据 {stored} 项："]
    for stored_figure in plan.figures:
        statement = stored_figure.figure
        line = (
            f"  {stored_figure.key} = {stored_figure.shown()}"
            f"（{statement.label}，{statement.location}）"
        )
        if stored_figure.conflicting:
            line += f"；报告中另有不一致的数值 {'、'.join(stored_figure.conflicting)}，未采用"
        lines.append(line)
    if plan.skipped:
        lines.append(f"跳过 {len(plan.skipped)} 个数字：")
        for figure, reason in plan.skipped:
            lines.append(
                f"  {figure.label or '（无标签）'} {figure.shown()}：{reason}（{figure.location}）"
            )
    return "\n".join(lines)


def import_as_dict(
    plan: ImportPlan, *, stored: int, organisation: Any, year: int
) -> dict[str, Any]:
    return {
        "organisation": organisation.code,
        "year": year,
        "stored": stored,
        "figures": [
            {
                "key": f.key,
                "value": str(f.value),
                "approximate": f.approximate,
                "label": f.figure.label,
                "location": str(f.figure.location),
                "conflicting": list(f.conflicting),
            }
            for f in plan.figures
        ],
        "skipped": [
            {"label": figure.label, "stated": figure.shown(), "reason": reason,
             "location": str(figure.location)}
            for figure, reason in plan.skipped
        ],
    }  # fmt: skip


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
    name = "标准输入" if options.path == "-" else options.path
    target: tuple[Any, Any, int] | None = None
    if options.import_figures:
        if not options.organisation or options.year is None:
            err.write("--import 需要同时指定 --organisation 和 --year。\n")
            return EXIT_UNREADABLE
        try:
            target = _import_target(options)
        except _ImportRefused as exc:
            err.write(f"无法导入：{exc}\n")
            return EXIT_UNREADABLE
    elif options.organisation or options.year is not None or options.actor or options.source:
        err.write("--organisation、--year、--actor 和 --source 只能与 --import 一起使用。\n")
        return EXIT_UNREADABLE
    try:
        if options.path == "-":
            document: Document = load(sys.stdin.buffer.read(), name=name)
        else:
            document = load(Path(options.path), name=name)
        result = audit(document)
    except UnreadableInput as exc:
        if options.json:
            out.write(json.dumps({"error": str(exc)}, ensure_ascii=False) + "\n")
        err.write(f"无法检查：{exc}\n")
        return EXIT_UNREADABLE
    status = EXIT_CLEAN if result.ok else EXIT_FINDINGS
    if target is None:
        out.write((render_json(result) if options.json else render_text(result, name)) + "\n")
        return status

    from gongkai.core.exceptions import ApplicationError

    organisation, actor, year = target
    plan = plan_import(result.figures)
    source = options.source or f"已发布的{options.year}年度报告（{Path(name).name}）"
    try:
        stored = _store(plan, organisation=organisation, actor=actor, year=year,
                        source=source)  # fmt: skip
    except ApplicationError as exc:
        if not options.json:
            out.write(render_text(result, name) + "\n")
        err.write(f"无法导入：{exc.message}\n")
        return EXIT_UNREADABLE
    if options.json:
        findings = [f.as_dict() for f in result.findings]
        payload = {
            "findings": findings,
            "import": import_as_dict(plan, stored=stored, organisation=organisation, year=year),
        }
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render_text(result, name) + "\n")
        if document.report_year and document.report_year != options.year:
            out.write(
                f"提示：报告所述年度为{document.report_year}年，"
                f"按 --year 导入为{options.year}年。\n"
            )
        out.write(render_import(plan, stored=stored, organisation=organisation, year=year) + "\n")
    return status


def main() -> None:  # pragma: no cover - console entry
    sys.exit(run(sys.argv[1:]))
