from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from gongkai.catalogue import imports, services
from gongkai.catalogue.imports import RowError, catalogue_import, parse_article20, parse_date
from gongkai.catalogue.models import InformationItem
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.models import AuditEntry
from gongkai.core.testing.clock import SHANGHAI
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import UserFactory, staff_with_role

pytestmark = pytest.mark.django_db

HEADER = "名称,内容概述,生成日期,文号,目录分类,第二十条事项,公开方式,有效性,废止日期,正文\n"


@pytest.fixture
def defaults(organisation, people):
    return services.categories_ensure_defaults(actor=None, organisation=organisation)


@pytest.fixture
def importer(organisation, people):
    # The 公开办 imports; to publish in the same go the person also needs the publisher role.
    user = staff_with_role(Role.COORDINATOR, organisation, username="importer")
    staff_with_role(Role.PUBLISHER, organisation, username="importer")
    return user


def csv_file(tmp_path, text: str, *, encoding: str = "utf-8", name: str = "目录.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


GOOD_ROWS = (
    "关于印发政务服务事项目录的通知,公布目录。,2024-03-15,穗府政务〔2024〕3号,业务类,5,主动公开,现行有效,,"
    "各有关单位：现将目录印发给你们。\n"
    "本办主要职能,职责和联系方式。,2024年1月8日,,机构职能,（二）,proactive,not_applicable,,\n"
    "关于废止若干文件的决定,,2023/12/01,穗府政务〔2023〕9号,rules,一,主动公开,已废止,2024-01-01,\n"
)


def test_good_csv_is_imported_with_values_by_label_or_code(
    tmp_path, organisation, defaults, importer
):
    report = catalogue_import(
        actor=importer, organisation=organisation, file_path=csv_file(tmp_path, HEADER + GOOD_ROWS)
    )
    assert report.errors == []
    assert report.imported == report.total_rows == 3
    first, second, third = InformationItem.objects.order_by("id")
    assert first.title == "关于印发政务服务事项目录的通知"
    assert first.category.code == "business" and first.article20_item == 5
    assert first.body == "<p>各有关单位：现将目录印发给你们。</p>"
    assert first.body_text == "各有关单位：现将目录印发给你们。"
    assert first.status == InformationItem.Status.DRAFT
    assert first.publication_due_on is not None
    assert second.generated_on == dt.date(2024, 1, 8)
    assert second.article20_item == 2 and second.validity == "not_applicable"
    assert third.generated_on == dt.date(2023, 12, 1)
    assert third.category.code == "rules" and third.article20_item == 1
    assert (third.validity, third.repealed_on) == ("repealed", dt.date(2024, 1, 1))
    assert AuditEntry.objects.filter(action="catalogue.item.created").count() == 3
    completed = AuditEntry.objects.get(action="catalogue.import.completed")
    assert completed.data["imported"] == 3 and completed.data["file"] == "目录.csv"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_encodings(tmp_path, organisation, defaults, importer, encoding):
    path = csv_file(tmp_path, HEADER + GOOD_ROWS, encoding=encoding)
    report = catalogue_import(actor=importer, organisation=organisation, file_path=path)
    assert report.imported == 3
    assert InformationItem.objects.filter(title="本办主要职能").exists()


def test_the_offered_template_imports_cleanly(organisation, defaults, importer):
    report = catalogue_import(
        actor=importer, organisation=organisation, file_path=imports.TEMPLATE_PATH
    )
    assert report.errors == [] and report.imported == 2


def test_good_xlsx_with_english_headers_and_excel_dates(organisation, defaults, importer):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Title", "Generated On", "Category", "Article20", "Genre", "Index Number"])
    sheet.append(
        ["关于开展安全生产检查的通知", dt.datetime(2024, 5, 6), "业务类", 13, "通知", None]
    )
    annual_row = ["2023年政府信息公开工作年度报告", dt.date(2024, 1, 20), "rules", "（十五）"]
    sheet.append([*annual_row, "report", f"{organisation.code}/2024-00077"])
    sheet.append([None, None, None, None, None, None])  # empty rows are ignored
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "目录.xlsx"

    report = catalogue_import(actor=importer, organisation=organisation, file=buffer)
    assert report.errors == [] and report.imported == 2
    inspection = InformationItem.objects.get(article20_item=13)
    assert inspection.generated_on == dt.date(2024, 5, 6) and inspection.genre == "notice"
    annual = InformationItem.objects.get(article20_item=15)
    assert annual.index_number == f"{organisation.code}/2024-00077" and annual.genre == "report"


def test_a_malformed_row_imports_nothing_and_says_where(tmp_path, organisation, defaults, importer):
    rows = GOOD_ROWS + (
        "<script>alert(1)</script>,,2024-13-01,,不存在的分类,16,公开,,,\n"
        ",缺名称,2024-01-01,,,,,,,\n"
    )
    report = catalogue_import(
        actor=importer, organisation=organisation, file_path=csv_file(tmp_path, HEADER + rows)
    )
    assert report.imported == 0
    assert not InformationItem.objects.exists()
    assert not AuditEntry.objects.exclude(action="catalogue.category.created").exists()
    assert {(error.row, error.field) for error in report.errors} == {
        (5, "生成日期"),
        (5, "目录分类"),
        (5, "第二十条事项"),
        (5, "公开方式"),
        (6, "名称"),
    }
    assert RowError(
        5, "生成日期", "无法识别的日期“2024-13-01”，请使用 YYYY-MM-DD 或 YYYY年M月D日 格式"
    ) in (report.errors)
    assert "第6行 名称：必填" in report.error_lines()
    assert report.bad_rows == 2


def test_title_with_tags_is_a_row_error(tmp_path, organisation, defaults, importer):
    path = csv_file(tmp_path, "名称,生成日期\n<b>加粗标题</b>,2024-01-01\n")
    report = catalogue_import(actor=importer, organisation=organisation, file_path=path)
    assert report.error_lines() == ["第2行 名称：名称不能包含HTML标签。"]


def test_skip_bad_rows_imports_the_rest(tmp_path, organisation, defaults, importer):
    rows = GOOD_ROWS + "坏行,,昨天,,,,,,,\n"
    report = catalogue_import(
        actor=importer,
        organisation=organisation,
        file_path=csv_file(tmp_path, HEADER + rows),
        skip_bad_rows=True,
    )
    assert report.imported == 3
    assert [str(e) for e in report.errors] == [
        "第5行 生成日期：无法识别的日期“昨天”，请使用 YYYY-MM-DD 或 YYYY年M月D日 格式"
    ]
    assert InformationItem.objects.count() == 3
    assert AuditEntry.objects.get(action="catalogue.import.completed").data["skipped_rows"] == [5]


def test_header_problems_stop_the_import_even_when_skipping(tmp_path, organisation, importer):
    path = csv_file(tmp_path, "标题党,内容概述\n某标题,概述\n")
    report = catalogue_import(
        actor=importer, organisation=organisation, file_path=path, skip_bad_rows=True
    )
    assert report.imported == 0
    assert report.error_lines() == [
        "第1行 标题党：无法识别的列名，请对照导入模板修改表头",
        "第1行 名称：缺少必填列",
        "第1行 生成日期：缺少必填列",
    ]


def test_duplicate_index_numbers_in_the_file_are_row_errors(tmp_path, organisation, importer):
    number = f"{organisation.code}/2024-00001"
    text = f"索引号,名称,生成日期\n{number},甲,2024-01-01\n{number},乙,2024-01-02\n"
    report = catalogue_import(
        actor=importer, organisation=organisation, file_path=csv_file(tmp_path, text)
    )
    assert report.error_lines() == ["第3行 索引号：与第2行的索引号重复"]


@time_machine.travel(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI), tick=False)
def test_a_failure_midway_leaves_no_half_batch(tmp_path, organisation, importer, monkeypatch):
    # Row 2 is published and takes the organisation's first number of the year; row 3 carries
    # that same number from an older system. Both rows pass the checks, the clash only shows
    # while writing, and the first row must be rolled back with it.
    taken = f"{organisation.code}/2025-00001"
    text = f"索引号,名称,生成日期\n,先发布的信息,2024-01-01\n{taken},带旧索引号的信息,2024-01-02\n"
    monkeypatch.setattr(services, "_schedule_search_sync", lambda item: None)
    with pytest.raises(ApplicationError) as excinfo:
        catalogue_import(
            actor=importer,
            organisation=organisation,
            file_path=csv_file(tmp_path, text),
            publish=True,
        )
    assert excinfo.value.message.startswith("导入失败，整批未导入。第3行：")
    assert "索引号" in excinfo.value.message
    assert not InformationItem.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_crash_midway_leaves_no_half_batch(
    tmp_path, organisation, defaults, importer, monkeypatch
):
    real_create = services.information_item_create
    calls = {"n": 0}

    def crash_on_third(**kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("power cut")
        return real_create(**kwargs)

    monkeypatch.setattr(services, "information_item_create", crash_on_third)
    with pytest.raises(RuntimeError):
        catalogue_import(
            actor=importer,
            organisation=organisation,
            file_path=csv_file(tmp_path, HEADER + GOOD_ROWS),
        )
    assert not InformationItem.objects.exists()
    assert not AuditEntry.objects.exclude(action="catalogue.category.created").exists()


def test_publish_on_import(tmp_path, organisation, defaults, importer, monkeypatch):
    indexed: list[list[int]] = []
    monkeypatch.setattr(imports, "_index_after_commit", indexed.append)
    report = catalogue_import(
        actor=importer,
        organisation=organisation,
        file_path=csv_file(tmp_path, HEADER + GOOD_ROWS),
        publish=True,
    )
    assert report.imported == report.published == 3
    numbers = sorted(
        n or "" for n in InformationItem.objects.values_list("index_number", flat=True)
    )
    assert [n.rsplit("-", 1)[1] for n in numbers] == ["00001", "00002", "00003"]
    assert set(InformationItem.objects.values_list("status", flat=True)) == {"published"}
    assert indexed == [report.item_ids]


def test_publish_on_import_refuses_rows_that_cannot_be_published(tmp_path, organisation, importer):
    text = "名称,生成日期,公开方式\n依申请公开的信息,2024-01-01,依申请公开\n"
    report = catalogue_import(
        actor=importer, organisation=organisation, file_path=csv_file(tmp_path, text), publish=True
    )
    assert report.error_lines() == ["第2行 公开方式：只有主动公开的信息才能发布"]


def test_import_permissions(tmp_path, organisation, people):
    path = csv_file(tmp_path, "名称,生成日期\n甲,2024-01-01\n")
    for actor in (people.handler, people.publisher, people.outsider):
        with pytest.raises(PermissionDeniedError, match="导入目录的权限"):
            catalogue_import(actor=actor, organisation=organisation, file_path=path)
    with pytest.raises(PermissionDeniedError, match="导入并发布需要发布员角色"):
        catalogue_import(
            actor=people.coordinator, organisation=organisation, file_path=path, publish=True
        )
    assert not InformationItem.objects.exists()


def test_unsupported_files(tmp_path, organisation, importer):
    with pytest.raises(ApplicationError, match=r"不支持旧版Excel（\.xls）"):
        catalogue_import(
            actor=importer,
            organisation=organisation,
            file_path=csv_file(tmp_path, "x", name="a.xls"),
        )
    path = tmp_path / "latin.csv"
    path.write_bytes(b"\xff\xfe\x00\xd8\x00\x00")
    with pytest.raises(ApplicationError, match="无法识别文件编码"):
        catalogue_import(actor=importer, organisation=organisation, file_path=path)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", dt.date(2024, 3, 5)),
        ("2024年3月5日", dt.date(2024, 3, 5)),
        ("2024/3/5", dt.date(2024, 3, 5)),
        ("20240305", dt.date(2024, 3, 5)),
        (dt.datetime(2024, 3, 5, 0, 0), dt.date(2024, 3, 5)),
        (45356, dt.date(2024, 3, 5)),  # Excel's serial day number
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["2024-02-30", "3/5/2024", "明天"])
def test_parse_date_refuses(value):
    with pytest.raises(ValueError, match="无法识别的日期"):
        parse_date(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", 1), (15, 15), ("（十五）", 15), ("(三)", 3), ("十一", 11), ("第七项", 7),
     ("（七）财政预算、决算信息", 7), ("财政预算、决算信息", 7)],
)  # fmt: skip
def test_parse_article20(value, expected):
    assert parse_article20(value) == expected


# --- the management command ------------------------------------------------------------------


def test_command_imports_and_reports(tmp_path, organisation, defaults, importer, capsys):
    path = csv_file(tmp_path, HEADER + GOOD_ROWS)
    call_command("import-catalogue", str(path), organisation=organisation.code, actor="importer")
    out = capsys.readouterr()
    assert "已导入 3 条政府信息到“广州市人民政府政务管理办公室”。" in out.out
    assert "导入" in out.err  # the progress bar
    assert InformationItem.objects.count() == 3


def test_command_with_bad_rows_fails_and_prints_the_report(
    tmp_path, organisation, defaults, importer, capsys
):
    path = csv_file(tmp_path, HEADER + GOOD_ROWS + "坏行,,2024-02-30,,,,,,,\n")
    with pytest.raises(CommandError, match="未导入任何数据"):
        call_command(
            "import_catalogue", str(path), organisation=organisation.code, actor="importer"
        )
    assert "第5行 生成日期：无法识别的日期“2024-02-30”" in capsys.readouterr().err
    assert not InformationItem.objects.exists()

    call_command(
        "import-catalogue",
        str(path),
        organisation=organisation.code,
        actor="importer",
        skip_bad_rows=True,
        no_progress=True,
    )
    out = capsys.readouterr().out
    assert "已导入 3 条" in out and "跳过 1 行有错误的数据" in out


def test_command_defaults_to_the_first_superuser_and_can_publish(
    tmp_path, organisation, defaults, capsys, monkeypatch
):
    monkeypatch.setattr(imports, "_index_after_commit", lambda ids: None)
    UserFactory(username="root", is_superuser=True)
    path = csv_file(tmp_path, HEADER + GOOD_ROWS)
    call_command("import-catalogue", str(path), organisation=organisation.code, publish=True)
    assert "其中 3 条已发布" in capsys.readouterr().out
    assert AuditEntry.objects.get(action="catalogue.import.completed").actor.username == "root"


def test_command_errors(tmp_path, organisation):
    with pytest.raises(CommandError, match="找不到机构代码"):
        call_command("import-catalogue", "x.csv", organisation="000000000")
    with pytest.raises(CommandError, match="没有可用的超级用户"):
        call_command("import-catalogue", "x.csv", organisation=organisation.code)
    UserFactory(username="root", is_superuser=True)
    with pytest.raises(CommandError, match="无法读取文件"):
        call_command(
            "import-catalogue", str(tmp_path / "missing.csv"), organisation=organisation.code
        )
