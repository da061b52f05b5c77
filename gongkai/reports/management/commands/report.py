"""`gongkai report build|audit`.

build: gongkai report build --organisation CODE --year YYYY --format FORMAT --output PATH
       [--roll-up] [--entered KEY=VALUE@SOURCE ...]
  Writes the report (the file type follows PATH's extension: .html .docx .pdf .xlsx .md .json)
  and prints the check results. Exit status: 0 no error-level check failed, 1 one did,
  2 the input was unusable (unknown body, format or output type).
  The body's stored report of that year and format, if any, supplies the narrative and the
  entered figures; a published one is written from its frozen snapshot.
audit: gongkai report audit PATH [--json] [--import ...] (the auditor, gongkai.reports.audit).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.core.exceptions import ApplicationError
from gongkai.organisations.selectors import organisation_get_by_code
from gongkai.reports import selectors
from gongkai.reports.build import build_report
from gongkai.reports.formats import get_format
from gongkai.reports.models import AnnualReport
from gongkai.reports.renderers import kind_for_path, render

SEVERITY_LABELS = {"error": "错误", "warning": "提示"}


class Command(BaseCommand):
    help = "年度报告：build 生成报告并核对；audit 审核已发布的报告。"

    def add_arguments(self, parser: CommandParser) -> None:
        subparsers = parser.add_subparsers(dest="subcommand", required=True)
        build = subparsers.add_parser("build", help="生成年度报告并运行核对")
        build.add_argument("--organisation", required=True, help="机构代码")
        build.add_argument("--year", required=True, type=int)
        build.add_argument(
            "--format", required=True, dest="format_code", help="报告格式，如 national-2021"
        )
        build.add_argument("--output", required=True, help="输出文件，类型由扩展名决定")
        build.add_argument("--roll-up", action="store_true", help="包含下属部门的数据")
        build.add_argument(
            "--entered",
            action="append",
            default=[],
            metavar="KEY=VALUE@SOURCE",
            help="填报本系统不掌握的数据，可重复",
        )
        build.add_argument("--no-auditor", action="store_true", help="不运行审核工具的复核")
        audit = subparsers.add_parser("audit", help="审核已发布的年度报告", add_help=False)
        audit.add_argument("audit_args", nargs=argparse.REMAINDER)

    def run_from_argv(self, argv: list[str]) -> None:
        # The auditor has its own argument parser (and --help); Django's would swallow its options.
        if len(argv) > 2 and argv[2] == "audit":
            sys.exit(self._audit(argv[3:]))
        super().run_from_argv(argv)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "audit":
            sys.exit(self._audit(options["audit_args"]))
        try:
            code = self._build(options)
        except ApplicationError as exc:
            raise CommandError(exc.message, returncode=2) from None
        if code:
            sys.exit(code)

    def _audit(self, argv: list[str]) -> int:
        from gongkai.reports.audit import cli

        result: int = cli.run(list(argv))
        return result

    def _parse_entered(self, values: list[str]) -> dict[str, dict[str, str]]:
        figures = {}
        for raw in values:
            key, sep, rest = raw.partition("=")
            if not sep or not key.strip():
                raise ApplicationError(f"填报数据“{raw}”格式应为 KEY=VALUE@SOURCE。")
            value, _, source = rest.partition("@")
            figures[key.strip()] = {"value": value.strip(), "source": source.strip()}
        return figures

    def _build(self, options: dict[str, Any]) -> int:
        organisation = organisation_get_by_code(code=options["organisation"])
        if organisation is None:
            raise ApplicationError(f"找不到机构代码为“{options['organisation']}”的机构。")
        report_format = get_format(options["format_code"])
        output = Path(options["output"])
        kind = kind_for_path(output)
        year = options["year"]
        stored = selectors.annual_report_latest(
            organisation=organisation, year=year, format_code=report_format.code
        )
        if (
            stored is not None
            and stored.status == AnnualReport.Status.PUBLISHED
            and stored.snapshot
        ):
            data = dict(stored.snapshot)
            self.stdout.write(f"使用已发布的第{stored.version}版报告快照。")
        else:
            entered = dict(stored.entered_figures) if stored else {}
            entered.update(self._parse_entered(options["entered"]))
            data = build_report(
                organisation=organisation,
                year=year,
                format_code=report_format.code,
                roll_up=options["roll_up"] or bool(stored and stored.roll_up),
                narrative=stored.narrative if stored else None,
                entered_figures=entered,
                previous_lookup=selectors.previous_year,
                status=stored.status if stored else "draft",
                version=stored.version if stored else 1,
                run_auditor=not options["no_auditor"],
            )
        content = render(data, kind)
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(content)
        self.stdout.write(f"已生成：{output}（{len(content)}字节，{report_format.name}）")
        if data.get("notice"):
            self.stdout.write(data["notice"])
        for source, reason in sorted(data.get("unavailable", {}).items()):
            self.stdout.write(f"  [不可用] {source}：{reason}")
        for check in data["checks"]:
            detail = ""
            if check["stated"] or check["expected"]:
                detail = f"（所列：{check['stated'] or '—'}；应为：{check['expected'] or '—'}）"
            self.stdout.write(
                f"  [{SEVERITY_LABELS.get(check['severity'], check['severity'])}] "
                f"{check['message']}{detail}"
            )
        summary = data["summary"]
        self.stdout.write(f"核对结果：错误 {summary['errors']} 项，提示 {summary['warnings']} 项。")
        return 1 if summary["errors"] else 0
