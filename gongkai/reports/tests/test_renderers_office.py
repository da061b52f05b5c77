"""DOCX, PDF and XLSX of an annual report: every section and table with the official labels,
merged headers, figures as numbers, real CJK glyphs; and the command writing each."""

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook
from pypdf import PdfReader

from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.reports.build import build_report
from gongkai.reports.formats._common import TABLE_THREE_CORNER
from gongkai.reports.renderers import render
from gongkai.reports.tests.factories import application, published_item

pytestmark = pytest.mark.django_db

YEAR = 2023


@pytest.fixture
def body():
    return OrganisationFactory(name="某市生态环境局")


@pytest.fixture
def national(body):
    application(body, received_on=dt.date(2022, 12, 20))  # carried over, still open
    application(
        body,
        received_on=dt.date(2023, 3, 1),
        closed_on=dt.date(2023, 3, 20),
        applicant_type="commercial",
    )
    application(
        body,
        received_on=dt.date(2023, 5, 1),
        closed_on=dt.date(2023, 5, 25),
        outcome="unavailable_not_held",
    )
    application(body, received_on=dt.date(2023, 12, 28))  # carried forward
    published_item(body, on=dt.date(2023, 6, 1))
    return build_report(
        organisation=body,
        year=YEAR,
        format_code="national-2021",
        entered_figures={"licensing.decisions": {"value": "12", "source": "市政务服务数据统计"}},
        run_auditor=False,
    )


def _table(data, code):
    return next(t for s in data["sections"] for t in s["tables"] if t["code"] == code)


def _docx_table_with(document, text):
    return next(t for t in document.tables if text in t.cell(0, 0).text)


def test_docx_has_every_section_narrative_and_table_with_official_labels(national):
    document = Document(io.BytesIO(render(national, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert national["title"] in text
    for section in national["sections"]:
        assert section["title"] in text
        for paragraph in section["paragraphs"]:
            assert paragraph in text  # placeholders already replaced by the figures
    assert "全年新收政府信息公开申请3件" in text
    assert "{" not in text
    assert len(document.tables) == sum(len(s["tables"]) for s in national["sections"])

    three = _docx_table_with(document, "勾稽关系")
    assert TABLE_THREE_CORNER in three.cell(0, 0).text
    # The corner spans the three header rows; 申请人情况 spans the seven applicant columns.
    assert three.cell(0, 0)._tc is three.cell(2, 0)._tc
    assert three.cell(0, 1).text == "申请人情况"
    assert three.cell(0, 1)._tc is three.cell(0, 7)._tc
    assert three.cell(1, 2).text == "法人或其他组织"
    assert three.cell(1, 2)._tc is three.cell(1, 6)._tc
    assert [three.cell(2, c).text for c in range(2, 7)] == [
        "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
    ]  # fmt: skip
    labels = [row.cells[0].text for row in three.rows[3:]]
    data_rows = _table(national, "三")["rows"]
    assert labels == [row["label"] for row in data_rows]
    by_label = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in three.rows[3:]}
    assert by_label["一、本年新收政府信息公开申请数量"] == ["2", "1", "0", "0", "0", "0", "3"]
    assert by_label["1.本机关不掌握相关政府信息"][-1] == "1"
    # A group row is one cell across the table.
    group = next(r for r in three.rows if r.cells[0].text == "（三）不予公开")
    assert group.cells[0]._tc is group.cells[-1]._tc


def test_docx_marks_entered_figures_and_turns_the_page_for_table_four(national):
    document = Document(io.BytesIO(render(national, "docx")))
    licensing = _docx_table_with(document, "信息内容")
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "12※" in cells, licensing
    text = "\n".join(p.text for p in document.paragraphs)
    assert "填报数据说明" in text and "市政务服务数据统计" in text
    orientations = [section.orientation for section in document.sections]
    assert WD_ORIENT.LANDSCAPE in orientations
    assert orientations[0] == orientations[-1] == WD_ORIENT.PORTRAIT
    four = next(t for t in document.tables if len(t.columns) == 16)
    assert four.cell(0, 1).text == "行政复议" and four.cell(0, 1)._tc is four.cell(0, 5)._tc
    assert four.cell(1, 6).text == "未经复议直接起诉"


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"[\s\x00]+", "", "".join(page.extract_text() for page in reader.pages))


def test_pdf_embeds_the_cjk_font_and_carries_every_section_and_table(national):
    data = render(national, "pdf")
    assert data.startswith(b"%PDF")
    assert b"/FontFile2" in data or b"/FontFile3" in data
    text = _pdf_text(data)
    for section in national["sections"]:
        assert section["title"].replace(" ", "") in text
    for expected in (
        "申请人情况",
        "法人或其他组织",
        "本列数据的勾稽关系为",
        "1.本机关不掌握相关政府信息",
        "未经复议直接起诉",
        "复议后起诉",
        "12※",
    ):
        assert expected in text
    reader = PdfReader(io.BytesIO(data))
    landscape = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert len(landscape) == 1
    assert "政府信息公开行政复议" in re.sub(r"[\s\x00]+", "", landscape[0].extract_text())


def test_xlsx_has_a_sheet_per_table_with_merged_headers_and_numbers(national):
    workbook = load_workbook(io.BytesIO(render(national, "xlsx")))
    tables = [t for s in national["sections"] for t in s["tables"]]
    assert workbook.sheetnames[0] == "报告信息"
    assert len(workbook.sheetnames) == len(tables) + 1
    sheet = next(workbook[name] for name in workbook.sheetnames if name.startswith("表三"))
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A2:A4", "B2:H2", "C3:G3", "B3:B4", "H3:H4"} <= merged
    assert TABLE_THREE_CORNER in sheet["A2"].value
    rows = {sheet.cell(row=r, column=1).value: r for r in range(5, sheet.max_row + 1)}
    new = rows["一、本年新收政府信息公开申请数量"]
    assert [sheet.cell(row=new, column=c).value for c in range(2, 9)] == [2, 1, 0, 0, 0, 0, 3]
    assert isinstance(sheet.cell(row=new, column=8).value, int)
    group = rows["（三）不予公开"]
    assert f"A{group}:H{group}" in merged
    assert sheet.cell(row=group, column=2).value is None

    licensing = next(workbook[n] for n in workbook.sheetnames if n.startswith("表二（五）"))
    assert licensing["B3"].value == 12
    assert "市政务服务数据统计" in licensing["B3"].comment.text
    rules = next(workbook[n] for n in workbook.sheetnames if n.startswith("表二（一）"))
    # Not entered yet: blank, not zero.
    assert rules["B3"].value is None
    summary = workbook["报告信息"]
    assert summary["B4"].value == YEAR


def test_legacy_percentages_are_numbers_with_one_decimal(body):
    for _ in range(2):
        published_item(body, on=dt.date(2009, 4, 1), category_code="rules", category_name="规章")
    published_item(body, on=dt.date(2009, 4, 1), category_code="business", category_name="业务类")
    data = build_report(organisation=body, year=2009, format_code="legacy-2008", run_auditor=False)
    workbook = load_workbook(io.BytesIO(render(data, "xlsx")))
    sheet = next(workbook[n] for n in workbook.sheetnames if n.startswith("表二 "))
    values = {
        sheet.cell(row=r, column=1).value: (
            sheet.cell(row=r, column=2).value,
            sheet.cell(row=r, column=3).value,
            sheet.cell(row=r, column=3).number_format,
        )
        for r in range(3, sheet.max_row + 1)
    }
    assert values["规章"] == (2, 66.7, "0.0")
    assert values["业务类"] == (1, 33.3, "0.0")
    document = Document(io.BytesIO(render(data, "docx")))
    cells = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    assert ["规章", "2", "66.7"] in cells


def test_a_year_without_records_says_so_in_every_office_output(body):
    data = build_report(
        organisation=body, year=2030, format_code="national-2021", run_auditor=False
    )
    assert data["notice"]
    document = Document(io.BytesIO(render(data, "docx")))
    assert data["notice"] in "\n".join(p.text for p in document.paragraphs)
    assert data["notice"].replace("，", "") in _pdf_text(render(data, "pdf")).replace("，", "")
    workbook = load_workbook(io.BytesIO(render(data, "xlsx")))
    assert data["notice"] in [c.value for row in workbook["报告信息"].iter_rows() for c in row]


@pytest.mark.parametrize("suffix", ["docx", "pdf", "xlsx"])
def test_the_command_writes_each_office_output(body, national, tmp_path, suffix, capsys):
    output = tmp_path / f"report.{suffix}"
    call_command(
        "report",
        "build",
        "--organisation",
        body.code,
        "--year",
        str(YEAR),
        "--format",
        "national-2021",
        "--output",
        str(output),
        "--no-auditor",
    )
    content = output.read_bytes()
    signature = {"docx": b"PK", "xlsx": b"PK", "pdf": b"%PDF"}[suffix]
    assert content.startswith(signature)
    assert "核对结果" in capsys.readouterr().out
