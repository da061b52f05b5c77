import io

from openpyxl import load_workbook

from gongkai.core.exports import Column, export_response

ROWS = [{"name": "电话咨询", "count": 57}, {"name": "=HYPERLINK()", "count": 3}]
COLUMNS = [Column("名称", lambda r: r["name"]), Column("数量", lambda r: r["count"])]


def test_csv_export_has_bom_header_and_neutralised_formulas():
    response = export_response(ROWS, COLUMNS, filename="咨询", file_format="csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff名称,数量")
    assert "电话咨询,57" in text
    assert "'=HYPERLINK()" in text
    assert "filename*=UTF-8''%E5%92%A8%E8%AF%A2.csv" in response["Content-Disposition"]


def test_xlsx_export_opens_with_openpyxl():
    response = export_response(ROWS, COLUMNS, filename="咨询", file_format="xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == ["名称", "数量"]
    assert sheet["B2"].value == 57
