"""``gongkai import-catalogue FILE --organisation CODE``: bulk import of catalogue items."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from gongkai.catalogue.imports import catalogue_import
from gongkai.core.exceptions import ApplicationError
from gongkai.organisations.selectors import organisation_get_by_code


class Command(BaseCommand):
    help = (
        "Import catalogue items (主动公开目录) from a CSV or XLSX file. Every row is checked "
        "first; a file with bad rows imports nothing unless --skip-bad-rows is given."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="CSV (UTF-8 or GB18030) or XLSX file")
        parser.add_argument(
            "--organisation", required=True, help="code (机构代码) of the publishing organisation"
        )
        parser.add_argument(
            "--skip-bad-rows", action="store_true", help="import the good rows, report the bad"
        )
        parser.add_argument(
            "--publish", action="store_true", help="publish the imported items (publisher role)"
        )
        parser.add_argument(
            "--actor", help="username the import is recorded under (default: first superuser)"
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = organisation_get_by_code(code=options["organisation"])
        if organisation is None:
            raise CommandError(f"找不到机构代码为“{options['organisation']}”的机构。")
        actor = self._actor(options.get("actor"))
        try:
            report = catalogue_import(
                actor=actor,
                organisation=organisation,
                file_path=options["file"],
                skip_bad_rows=options["skip_bad_rows"],
                publish=options["publish"],
                progress=not options["no_progress"] and options["verbosity"] > 0,
            )
        except ApplicationError as exc:
            raise CommandError(exc.message) from exc

        for line in report.error_lines():
            self.stderr.write(line)
        if report.errors and not report.imported:
            raise CommandError(
                f"导入失败：发现 {len(report.errors)} 处错误（共 {report.total_rows} 行数据），"
                "未导入任何数据。请修改后重新导入，或使用 --skip-bad-rows 只导入正确的行。"
            )
        if not report.imported:
            raise CommandError("文件中没有可导入的数据行。")
        message = f"已导入 {report.imported} 条政府信息到“{organisation.name}”"
        if report.published:
            message += f"，其中 {report.published} 条已发布"
        if report.errors:
            message += f"；跳过 {report.bad_rows} 行有错误的数据"
        self.stdout.write(self.style.SUCCESS(message + "。"))

    def _actor(self, username: str | None) -> Any:
        users = get_user_model().objects
        if username:
            actor = users.filter(username=username, is_active=True).first()
            if actor is None:
                raise CommandError(f"找不到用户“{username}”。")
            return actor
        actor = users.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if actor is None:
            raise CommandError("没有可用的超级用户，请用 --actor 指定导入人。")
        return actor
