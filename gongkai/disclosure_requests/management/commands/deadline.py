"""`gongkai deadline`: the answer deadline of an application, as JSON, with its explanation."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from gongkai.core.exceptions import ApplicationError
from gongkai.disclosure_requests.rules.calculator import (
    calculate,
    explanation_as_dict,
    parse_date,
    parse_pause,
)
from gongkai.disclosure_requests.rules.regimes import REGIME_CODES

BAD_INPUT = 2
NO_DATABASE = 3


class Command(BaseCommand):
    help = (
        "计算依申请公开的答复期限（起算日次日起算，周末和法定节假日不计，调休上班日计入），"
        "输出 JSON：期限届满日、跳过的非工作日、暂停的工作日和计算说明；"
        "期限落在放假安排尚未公布的年份时标明暂定（provisional）并说明原因。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--received", required=True, help="收到申请之日，YYYY-MM-DD。")
        parser.add_argument(
            "--regime",
            choices=REGIME_CODES,
            help="法规版本：2019（20个工作日）或 2007（15个工作日）；默认按收到申请之日确定。",
        )
        parser.add_argument(
            "--corrected", help="收到补正后申请之日，YYYY-MM-DD；期限自该日重新计算。"
        )
        parser.add_argument(
            "--pause",
            action="append",
            default=[],
            metavar="START:END",
            help="征求意见期间（发出征求意见函之日:收到回复之日），可重复；END 留空表示尚未回复。",
        )
        parser.add_argument(
            "--extended",
            nargs="?",
            const=-1,
            type=int,
            metavar="DAYS",
            help="已批准延期；不写天数时按最长延期（2019：20个工作日；2007：15个工作日）。",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        extended = options["extended"]
        try:
            explanation = calculate(
                received=parse_date(options["received"], "收到申请之日"),
                regime_code=options["regime"],
                corrected=(
                    parse_date(options["corrected"], "收到补正后申请之日")
                    if options["corrected"]
                    else None
                ),
                pauses=[parse_pause(value) for value in options["pause"]],
                extended=extended is not None,
                extension_days=None if extended in (None, -1) else extended,
            )
        except ApplicationError as error:
            raise CommandError(error.message, returncode=BAD_INPUT) from error
        except DatabaseError as error:
            # The calendar's entered years live in the database (see gongkai.workdays).
            raise CommandError(
                "数据库尚未初始化或无法访问，无法读取工作日历，请先运行 gongkai migrate。"
                f"（{error}）",
                returncode=NO_DATABASE,
            ) from error
        self.stdout.write(
            json.dumps(explanation_as_dict(explanation), ensure_ascii=False, indent=2)
        )
        if explanation.provisional:
            # On stderr, so that stdout stays one JSON document for scripts.
            self.stderr.write(explanation.provisional_note)
