"""Input formats (HTML, DOCX, text) and inputs that cannot be read (exit status 2)."""

from __future__ import annotations

import io
import json

import docx
import pytest
from django.core.management import call_command

from gongkai.reports.audit import UnreadableInput, audit
from gongkai.reports.audit.cli import run
from gongkai.reports.audit.tests.national import clean_table, national_html

LEGACY = [
    "2009年某办政府信息公开年度报告",
    "一 概 述",
    "全年接受咨询31830人次（其中电话咨询14330人次，来访咨询17500人次）。",
    "四 咨询情况",
    "我办2009年度共接受市民咨询34170人次，其中咨询电话接听14330人次，现场咨询19840人次。",
]


def _docx_bytes(paragraphs: list[str], table_rows: list[list[str]]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
    for r, row in enumerate(table_rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables(tmp_path):
    path = tmp_path / "report.docx"
    rows = [
        ["指标", "单位", "数量"],
        ["现场咨询", "人次", "19840"],
        ["网站访问量", "人次", "10万多"],
    ]
    path.write_bytes(_docx_bytes(LEGACY, rows))
    found = {(f.kind, f.stated, f.expected) for f in audit(path).findings}
    assert found == {
        ("conflicting_values", "31830人次", "34170人次"),
        ("conflicting_values", "17500人次", "19840人次"),
    }


def test_docx_national_table_identity(tmp_path):
    header = [
        "项目",
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    rows = [header, ["一、本年新收政府信息公开申请数量", "1", "2", "0", "0", "0", "0", "4"]]
    path = tmp_path / "national.docx"
    path.write_bytes(_docx_bytes(["某局2023年政府信息公开工作年度报告"], rows))
    found = {(f.kind, f.stated, f.expected) for f in audit(path).findings}
    assert found == {("table_identity", "4", "3")}


def test_html_file(tmp_path):
    table = clean_table()
    table["total"][6] = 25
    path = tmp_path / "report.html"
    path.write_text(national_html(table), encoding="utf-8")
    kinds = {f.kind for f in audit(path).findings}
    assert kinds == {"table_identity"}


def test_gb18030_text(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes("\n".join(LEGACY).encode("gb18030"))
    assert len(audit(path).findings) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "为空"),
        (b"   \n\n", "为空"),
        (b"\x00\x01\x02\xff\xfe\x00binary\x00data" * 20, "二进制"),
        ("今天天气很好，我们去公园散步，看到了三只鸟。".encode(), "不是政府信息公开年度报告"),
        (b"PK\x03\x04not really a zip", "DOCX"),
    ],
)
def test_unreadable_inputs_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(UnreadableInput, match=message):
        audit(path)
    assert run([str(path)]) == 2
    assert message in capsys.readouterr().err


def test_missing_file_exit_2(tmp_path, capsys):
    assert run([str(tmp_path / "nope.txt"), "--json"]) == 2
    captured = capsys.readouterr()
    assert "不存在" in json.loads(captured.out)["error"]


def test_exit_status_and_json(tmp_path, capsys):
    path = tmp_path / "report.txt"
    path.write_text("\n".join(LEGACY), encoding="utf-8")
    assert run([str(path), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert len(findings) == 2
    assert set(findings[0]) == {
        "kind", "severity", "message", "stated", "expected", "location", "context"
    }  # fmt: skip
    clean = tmp_path / "clean.html"
    clean.write_text(national_html(), encoding="utf-8")
    assert run([str(clean)]) == 0
    assert "未发现" in capsys.readouterr().out


def test_human_readable_output_is_chinese(tmp_path, capsys):
    path = tmp_path / "report.txt"
    path.write_text("\n".join(LEGACY), encoding="utf-8")
    assert run([str(path)]) == 1
    out = capsys.readouterr().out
    assert "同一数量前后不一致" in out and "所述：17500人次" in out and "应为：19840人次" in out


def test_management_command(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("\n".join(LEGACY), encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("report_audit", str(path), "--json", stdout=out)
    assert exit_info.value.code == 1
    assert len(json.loads(out.getvalue())) == 2
    clean = tmp_path / "clean.html"
    clean.write_text(national_html(), encoding="utf-8")
    out = io.StringIO()
    call_command("report_audit", str(clean), stdout=out)
    assert "未发现" in out.getvalue()
