"""Bulk import of catalogue items from CSV or XLSX (``gongkai import-catalogue FILE``).

Every row is checked before anything is written, and every problem is reported with its row
and column. A file with bad rows imports nothing unless ``skip_bad_rows`` is set; the import
itself is one transaction, so a failure half-way (a clash with a number taken meanwhile, a
crash) leaves no half batch behind.

Columns have Chinese headers (as in ``import_template.csv``) or English aliases; only 名称 and
生成日期 are required. Choices are given by their label (主动公开) or code (proactive).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from django.utils import timezone, translation

from gongkai.catalogue import services
from gongkai.catalogue.models import Article20Item, Category, InformationItem
from gongkai.catalogue.sanitise import looks_like_html, plain_text_to_html
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation

TEMPLATE_PATH = Path(__file__).with_name("import_template.csv")


@dataclass(frozen=True)
class Column:
    field: str
    label: str
    aliases: tuple[str, ...]
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("index_number", "索引号", ("index_number", "identifier", "index")),
    Column("title", "名称", ("标题", "title", "name"), required=True),
    Column("summary", "内容概述", ("摘要", "summary", "description")),
    Column("generated_on", "生成日期", ("成文日期", "产生日期", "generated_on", "date"), True),
    Column("document_number", "文号", ("发文字号", "document_number", "doc_no")),
    Column("topic", "主题分类", ("topic", "subject")),
    Column("genre", "体裁", ("genre",)),
    Column("keywords", "关键词", ("主题词", "keywords")),
    Column("category", "目录分类", ("分类", "category")),
    Column("article20_item", "第二十条事项", ("第二十条", "article20_item", "article20")),
    Column("disclosure_mode", "公开方式", ("公开属性", "disclosure_mode")),
    Column("non_disclosure_reason", "不予公开理由", ("不公开理由", "non_disclosure_reason")),
    Column("disclosure_timing", "公开时限", ("disclosure_timing",)),
    Column("disclosure_scope", "公开范围", ("disclosure_scope",)),
    Column("validity", "有效性", ("时效", "validity")),
    Column("effective_on", "施行日期", ("实施日期", "effective_on")),
    Column("repealed_on", "废止日期", ("repealed_on",)),
    Column("changed_on", "变更日期", ("changed_on",)),
    Column("body", "正文", ("body", "text")),
)
_COLUMN_BY_FIELD = {column.field: column for column in COLUMNS}
_DATE_FIELDS = {"generated_on", "effective_on", "repealed_on", "changed_on"}
_CHOICE_FIELDS: dict[str, type[models.TextChoices]] = {
    "genre": InformationItem.Genre,
    "disclosure_mode": InformationItem.DisclosureMode,
    "disclosure_timing": InformationItem.DisclosureTiming,
    "disclosure_scope": InformationItem.DisclosureScope,
    "validity": InformationItem.Validity,
}
_CHINESE_NUMERALS = {
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    "十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15,
}  # fmt: skip


def _normalise_header(value: str) -> str:
    value = re.sub(r"[（(]必填[)）]|\*", "", value or "")
    return re.sub(r"[\s_\-（）()：:]", "", value).lower()


_HEADER_LOOKUP = {
    _normalise_header(name): column.field
    for column in COLUMNS
    for name in (column.label, column.field, *column.aliases)
}


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1
    field: str  # the column label (名称), or "" for the whole row or file
    message: str

    def __str__(self) -> str:
        where = f"第{self.row}行" if self.row else "文件"
        return f"{where} {self.field}：{self.message}" if self.field else f"{where}：{self.message}"


@dataclass
class ImportReport:
    imported: int = 0
    published: int = 0
    total_rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    item_ids: list[int] = field(default_factory=list)

    @property
    def bad_rows(self) -> int:
        return len({error.row for error in self.errors if error.row > 1})

    def error_lines(self) -> list[str]:
        return [str(error) for error in self.errors]


@dataclass
class _Row:
    number: int
    fields: dict[str, Any]


# --- reading the file ------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Chinese Windows saves "CSV" in the ANSI code page (GBK, within GB18030).
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ApplicationError("无法识别文件编码，请将CSV文件保存为UTF-8或GB18030编码。") from None


def _read_csv(data: bytes) -> list[list[Any]]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]


def _read_xlsx(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise ApplicationError(f"无法读取Excel文件：{exc}") from exc
    try:
        sheet = workbook.active
        if sheet is None:
            return []
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def read_table(data: bytes, filename: str = "") -> list[list[Any]]:
    """All rows of the first sheet (XLSX) or of the CSV, header first."""
    extension = os.path.splitext(filename)[1].lower()
    if extension == ".xls":
        raise ApplicationError("不支持旧版Excel（.xls）文件，请另存为 .xlsx 或 .csv 后再导入。")
    if extension == ".xlsx" or (not extension and data.startswith(b"PK\x03\x04")):
        return _read_xlsx(data)
    if extension in ("", ".csv", ".txt", ".tsv"):
        return _read_csv(data)
    raise ApplicationError(f"不支持“{extension}”文件，请使用 .csv 或 .xlsx 文件。")


# --- checking values -------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and 1 <= value < 2958466:
        # An Excel serial day number in a cell that lost its date format.
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = _text(value)
    text = re.sub(r"\s+00:00(:00)?$", "", text)
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                break
    raise ValueError(f"无法识别的日期“{text}”，请使用 YYYY-MM-DD 或 YYYY年M月D日 格式")


def parse_choice(choices: type[models.TextChoices], value: Any) -> str:
    text = _text(value)
    for code, label in choices.choices:
        if text.lower() == str(code).lower() or text == str(label):
            return str(code)
    options = "、".join(str(label) for label in choices.labels)
    raise ValueError(f"“{text}”不是可选值（可选：{options}）")


def parse_article20(value: Any) -> int:
    text = _text(value)
    stripped = text.strip("()（）第项条 ")
    if stripped.isdigit():
        number = int(stripped)
    elif stripped in _CHINESE_NUMERALS:
        number = _CHINESE_NUMERALS[stripped]
    else:
        number = next(
            (
                int(code)
                for code, label in Article20Item.choices
                if text == str(label) or (len(text) >= 4 and text in str(label))
            ),
            0,
        )
    if not 1 <= number <= 15:
        raise ValueError(f"“{text}”不是第二十条的事项，请填1至15的数字或“（一）”至“（十五）”")
    return number


def _category_lookup(organisation: Organisation) -> dict[str, Category]:
    lookup: dict[str, Category] = {}
    for category in Category.objects.filter(organisation=organisation):
        lookup[category.code.lower()] = category
        lookup[category.name] = category
    return lookup


def _label(field_name: str) -> str:
    column = _COLUMN_BY_FIELD.get(field_name)
    if column is not None:
        return column.label
    try:
        return str(getattr(InformationItem._meta.get_field(field_name), "verbose_name", ""))
    except Exception:
        return field_name


def _map_headers(header: Sequence[Any]) -> tuple[dict[int, str], list[RowError]]:
    positions: dict[int, str] = {}
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for position, cell in enumerate(header):
        name = _text(cell)
        if not name:
            continue
        field_name = _HEADER_LOOKUP.get(_normalise_header(name))
        if field_name is None:
            errors.append(RowError(1, name, "无法识别的列名，请对照导入模板修改表头"))
        elif field_name in seen:
            errors.append(RowError(1, name, "列重复"))
        else:
            seen[field_name] = position
            positions[position] = field_name
    for column in COLUMNS:
        if column.required and column.field not in seen:
            errors.append(RowError(1, column.label, "缺少必填列"))
    return positions, errors


def _check_row(
    number: int,
    values: dict[str, Any],
    *,
    organisation: Organisation,
    categories: dict[str, Category],
    publish: bool,
) -> tuple[dict[str, Any], list[RowError]]:
    fields: dict[str, Any] = {}
    errors: list[RowError] = []

    def fail(field_name: str, message: str) -> None:
        errors.append(RowError(number, _label(field_name), message))

    for field_name, raw in values.items():
        if _text(raw) == "":
            if _COLUMN_BY_FIELD[field_name].required:
                fail(field_name, "必填")
            continue
        try:
            if field_name in _DATE_FIELDS:
                fields[field_name] = parse_date(raw)
            elif field_name in _CHOICE_FIELDS:
                fields[field_name] = parse_choice(_CHOICE_FIELDS[field_name], raw)
            elif field_name == "article20_item":
                fields[field_name] = parse_article20(raw)
            elif field_name == "category":
                text = _text(raw)
                category = categories.get(text) or categories.get(text.lower())
                if category is None:
                    names = "、".join(sorted({c.name for c in categories.values()})) or "无"
                    raise ValueError(f"目录分类“{text}”不存在（可用：{names}）")
                fields[field_name] = category
            elif field_name == "body":
                text = str(raw)
                fields[field_name] = text if looks_like_html(text) else plain_text_to_html(text)
            else:
                fields[field_name] = _text(raw)
        except ValueError as exc:
            fail(field_name, str(exc))

    if errors:
        return fields, errors
    # The same rules and field checks as the service, on an unsaved item.
    item = InformationItem(organisation=organisation, **fields)
    try:
        services.validate_item_rules(item)
        item.full_clean(exclude=["body_text"])
    except ValidationError as exc:
        for field_name, messages in exc.message_dict.items():
            for message in messages:
                fail("" if field_name == "__all__" else field_name, message)
    if publish and item.disclosure_mode != InformationItem.DisclosureMode.PROACTIVE:
        fail("disclosure_mode", "只有主动公开的信息才能发布")
    return fields, errors


def check_rows(
    table: list[list[Any]], *, organisation: Organisation, publish: bool = False
) -> tuple[list[_Row], list[RowError], int]:
    """Every row checked: (good rows, errors, number of data rows)."""
    if not table:
        return [], [RowError(0, "", "文件是空的")], 0
    positions, errors = _map_headers(table[0])
    if errors:
        return [], errors, 0
    categories = _category_lookup(organisation)
    good: list[_Row] = []
    seen_numbers: dict[str, int] = {}
    total = 0
    for offset, cells in enumerate(table[1:], start=2):
        if all(_text(cell) == "" for cell in cells):
            continue
        total += 1
        values = {
            field_name: cells[position] if position < len(cells) else None
            for position, field_name in positions.items()
        }
        fields, row_errors = _check_row(
            offset, values, organisation=organisation, categories=categories, publish=publish
        )
        index_number = fields.get("index_number")
        if index_number:
            if index_number in seen_numbers:
                row_errors.append(
                    RowError(offset, "索引号", f"与第{seen_numbers[index_number]}行的索引号重复")
                )
            seen_numbers.setdefault(index_number, offset)
        if row_errors:
            errors.extend(row_errors)
        else:
            good.append(_Row(offset, fields))
    return good, errors, total


# --- the import ------------------------------------------------------------------------------


def _read_source(file: Any, filename: str | None) -> tuple[bytes, str]:
    if isinstance(file, str | Path):
        path = Path(file)
        try:
            return path.read_bytes(), filename or path.name
        except OSError as exc:
            raise ApplicationError(f"无法读取文件“{path}”：{exc.strerror}") from exc
    stream: IO[bytes] = file
    if hasattr(stream, "seek"):
        stream.seek(0)
    data = stream.read()
    return data, filename or os.path.basename(getattr(file, "name", "") or "")


def _index_after_commit(item_ids: list[int]) -> None:
    def index() -> None:
        from gongkai.search.engine import get_backend

        get_backend().index_items(InformationItem.objects.filter(pk__in=item_ids))

    transaction.on_commit(index)


def catalogue_import(
    *,
    actor: Any,
    organisation: Organisation,
    file: str | Path | IO[bytes] | None = None,
    file_path: str | Path | None = None,
    filename: str | None = None,
    skip_bad_rows: bool = False,
    publish: bool = False,
    progress: bool = False,
) -> ImportReport:
    """Check and import a CSV/XLSX file of catalogue items for ``organisation``.

    Returns the report; when rows are bad and ``skip_bad_rows`` is false nothing is imported
    (``report.imported == 0``) and ``report.errors`` says what to fix.
    """
    if not permissions.can_import_catalogue(actor, organisation):
        raise PermissionDeniedError(f"您没有向“{organisation.name}”导入目录的权限。")
    if publish and not permissions.has_permission(
        actor, permissions.CATALOGUE_PUBLISH, organisation
    ):
        raise PermissionDeniedError("导入并发布需要发布员角色。")
    source = file if file is not None else file_path
    if source is None:
        raise ApplicationError("请选择要导入的文件。")
    data, name = _read_source(source, filename)

    with translation.override("zh-hans"):
        table = read_table(data, name)
        good, errors, total = check_rows(table, organisation=organisation, publish=publish)
    report = ImportReport(total_rows=total, errors=errors)
    header_broken = any(error.row <= 1 for error in errors)
    if header_broken or (errors and not skip_bad_rows) or not good:
        return report

    rows: Iterable[_Row] = good
    if progress:
        from tqdm import tqdm

        rows = tqdm(good, desc="导入", unit="条", file=sys.stderr)
    current = 0
    try:
        with transaction.atomic():
            for row in rows:
                current = row.number
                item = services.information_item_create(
                    actor=actor, organisation=organisation, **row.fields
                )
                if publish:
                    services._publish_locked(item, actor=actor, sync_search=False)
                    report.published += 1
                report.item_ids.append(item.pk)
            current = 0
            report.imported = len(report.item_ids)
            audit.log(
                organisation,
                "catalogue.import.completed",
                actor=actor,
                organisation=organisation,
                data={
                    "file": name,
                    "imported": report.imported,
                    "published": report.published,
                    "skipped_rows": sorted({e.row for e in errors}),
                    "at": timezone.now().isoformat(),
                },
            )
            if publish:
                _index_after_commit(list(report.item_ids))
    except ApplicationError as exc:
        report.imported = report.published = 0
        report.item_ids = []
        where = f"第{current}行：" if current else ""
        raise ApplicationError(f"导入失败，整批未导入。{where}{exc.message}") from exc
    except DatabaseError as exc:
        report.imported = report.published = 0
        report.item_ids = []
        where = f"第{current}行" if current else "保存时"
        raise ApplicationError(f"导入失败，整批未导入。{where}数据库拒绝写入：{exc}") from exc
    return report
