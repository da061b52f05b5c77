"""`gongkai load_demo`: demo organisations, staff and catalogue; safe to run again."""

from __future__ import annotations

import os
import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from gongkai.demo.loader import DEFAULT_PASSWORD, load_demo
from gongkai.demo.requests import DEFAULT_REQUESTS, DEMO_ACCESS_CODE


class Command(BaseCommand):
    help = (
        "Load the demo: 广州市人民政府 and its departments, staff logins, the 81 items of 2009 "
        "of 广州市人民政府政务管理办公室 and generated items over 2008–2025. Idempotent."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--generated",
            type=int,
            default=int(os.environ.get("GONGKAI_DEMO_GENERATED", "4000")),
            help="How many items to generate across the organisations (default 4000, "
            "or GONGKAI_DEMO_GENERATED).",
        )
        parser.add_argument(
            "--seed", type=int, default=2009, help="Random seed of the generated text."
        )
        parser.add_argument(
            "--requests",
            type=int,
            default=int(os.environ.get("GONGKAI_DEMO_REQUESTS", str(DEFAULT_REQUESTS))),
            help="How many disclosure applications to replay over 2019 to today "
            f"(default {DEFAULT_REQUESTS}, or GONGKAI_DEMO_REQUESTS; 0 for none).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        # A demo password, documented in the README; set GONGKAI_DEMO_PASSWORD to choose another.
        password = os.environ.get("GONGKAI_DEMO_PASSWORD") or DEFAULT_PASSWORD
        started = time.monotonic()
        report = load_demo(
            password=password,
            generated=options["generated"],
            rng_seed=options["seed"],
            requests=options["requests"],
            progress=lambda message: self.stdout.write(f"  生成目录 {message}"),
        )
        # The bulk-generated items bypass the services' index updates; index everything once
        # here so the portal search works as soon as the command ends.
        call_command("search_rebuild", stdout=self.stdout, stderr=self.stderr)
        elapsed = time.monotonic() - started
        out = self.stdout.write
        out(self.style.SUCCESS(f"演示数据已就绪（{elapsed:.1f} 秒）。"))
        for note in report.notes:
            out(f"  {note}")
        out(
            f"  本次新建：机构 {report.organisations_created}，用户 {report.users_created}，"
            f"2009年目录 {report.items_2009_created}，生成目录 {report.generated_created}"
        )
        out(f"  机构共 {report.organisation_count} 个；政府信息按状态：")
        for label, count in report.counts_by_status.items():
            out(f"    {label}: {count}")
        if report.requests is not None:
            requests = report.requests
            for note in requests.notes:
                out(f"  {note}")
            out(
                f"  依申请公开：本次新建申请 {requests.created}，文书 {requests.letters}"
                f"（{requests.seconds:.1f} 秒）；"
                f"已逾期未答复 {requests.overdue} 件；按状态："
            )
            for label, count in requests.by_status.items():
                out(f"    {label}: {count}")
            out(
                f"  处理结果 {len(requests.by_outcome)} 类；演示申请的查询码均为 {DEMO_ACCESS_CODE}"
            )
        out("")
        out("Staff logins (demo accounts; set GONGKAI_DEMO_PASSWORD to choose the password)")
        width = max(len(login.username) for login in report.logins)
        pwidth = max(len(password), len("password"))
        out(f"  {'username'.ljust(width)}  {'password'.ljust(pwidth)}  role · organisation")
        for login in report.logins:
            out(
                f"  {login.username.ljust(width)}  {password.ljust(pwidth)}  "
                f"{login.roles} · {login.organisation}"
            )
        out("  Back office: /staff/   Portal: /")
