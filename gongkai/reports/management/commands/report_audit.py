"""``gongkai report_audit PATH [--json]``: audit a published annual report's figures.

Exit status 0 when nothing is found, 1 when inconsistencies are, 2 when the input cannot be
read. (Importing a published report's figures as history belongs to ``gongkai report``.)
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

    def handle(self, *args: Any, **options: Any) -> None:
        argv = [options["path"], *(["--json"] if options["json"] else [])]
        status = cli.run(argv, stdout=self.stdout, stderr=self.stderr)
        if status:
            # The status is the interface (0 clean, 1 findings, 2 unreadable): exit with it.
            self.stdout.flush()
            sys.exit(status)
