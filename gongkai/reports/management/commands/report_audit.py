"""``gongkai report_audit PATH [--json] [--import --organisation CODE --year YYYY
[--actor USERNAME] [--source TEXT]]``: audit a published annual report's figures, and with
``--import`` store them as the body's historical statistics of that year.

Exit status 0 when nothing is found, 1 when inconsistencies are, 2 when the input cannot be
read (or the body or user of an import is unknown). Same as ``gongkai report audit``.
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from gongkai.reports.audit import cli


class Command(BaseCommand):
    help = "检查已发布的政府信息公开年度报告（纯文本、HTML 或 DOCX）中的数字是否前后一致。"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("path", help="报告文件（.txt / .html / .docx）")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")
        parser.add_argument(
            "--import",
            dest="import_figures",
            action="store_true",
            help="审核后将报告中的数字存为该机构该年度的历史统计数据",
        )
        parser.add_argument("--organisation", help="机构代码（与 --import 一起使用）")
        parser.add_argument("--year", type=int, help="报告年度（与 --import 一起使用）")
        parser.add_argument("--actor", help="记录为导入人的用户名（默认：第一个超级用户）")
        parser.add_argument("--source", help="数据来源说明（默认：报告文件名）")

    def handle(self, *args: Any, **options: Any) -> None:
        argv = [options["path"], *(["--json"] if options["json"] else [])]
        if options["import_figures"]:
            argv.append("--import")
        for name in ("organisation", "year", "actor", "source"):
            if options[name] is not None:
                argv += [f"--{name}", str(options[name])]
        status = cli.run(argv, stdout=self.stdout, stderr=self.stderr)
        if status:
            # The status is the interface (0 clean, 1 findings, 2 unreadable): exit with it.
            self.stdout.flush()
            sys.exit(status)
