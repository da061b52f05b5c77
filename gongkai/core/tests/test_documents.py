"""Official-document rendering: DOCX structure and fonts, PDF glyphs and embedded CJK font."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import time_machine
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from pypdf import PageObject, PdfReader

from gongkai.core import documents
from gongkai.core.documents import (
    DocumentSpec,
    Heading,
    Paragraph,
    Signature,
    Table,
    arabic_date,
    chinese_numeral_date,
    document_number,
    render_docx,
    render_pdf,
    resolve_cjk_font,
)

SPEC = DocumentSpec(
    title="政府信息公开申请答复告知书",
    document_number=document_number("某政公开", 2026, 12),
    addressee="张三",
    body=[
        "你于2026年11月2日提出的政府信息公开申请收悉，现答复如下。" * 3,
        Heading("一、申请事项"),
        Paragraph("（一）申请内容", indent=False),
        Table(
            header=["项目", "数量"], rows=[["收到申请", "35"], ["予以公开", "20"]], widths=(3, 1)
        ),
    ],
    signature=Signature("某某市人民政府办公室", date(2026, 11, 28), date_style="chinese"),
    notes=["（联系人：李四）"],
)


def pdf_text(data: bytes) -> str:
    return extracted(*PdfReader(io.BytesIO(data)).pages)


def extracted(*pages: PageObject) -> str:
    # pypdf puts spaces or NULs between the glyphs of a CJK run; compare without them.
    return re.sub(r"[\s\x00]+", "", "".join(page.extract_text() for page in pages))


def test_dates_in_both_styles() -> None:
    assert chinese_numeral_date(date(2026, 11, 28)) == "二〇二六年十一月二十八日"
    assert chinese_numeral_date(date(2010, 10, 10)) == "二〇一〇年十月十日"
    assert chinese_numeral_date(date(2019, 5, 1)) == "二〇一九年五月一日"
    assert chinese_numeral_date(date(2020, 12, 31)) == "二〇二〇年十二月三十一日"
    assert arabic_date(date(2026, 1, 5)) == "2026年1月5日"


def test_document_number_uses_hexagonal_brackets_without_padding() -> None:
    assert document_number("某政公开", 2026, 7) == "某政公开〔2026〕7号"


def test_docx_opens_with_text_layout_and_east_asian_fonts() -> None:
    document = Document(io.BytesIO(render_docx(SPEC)))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == "政府信息公开申请答复告知书"
    assert "某政公开〔2026〕12号" in texts
    assert "张三：" in texts
    assert "二〇二六年十一月二十八日" in texts
    assert "某某市人民政府办公室" in texts
    table = document.tables[0]
    assert [cell.text for cell in table.rows[1].cells] == ["收到申请", "35"]

    section = document.sections[0]
    # Lengths round-trip through twips.
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 37
    assert round(section.left_margin.mm) == 28

    title_run = document.paragraphs[0].runs[0]
    assert title_run.bold
    assert title_run._element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    body = next(p for p in document.paragraphs if p.text.startswith("你于"))
    assert body.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body.runs[0].font.size == Pt(16)
    assert body.paragraph_format.line_spacing == Pt(28)
    assert body.paragraph_format.first_line_indent == Pt(32)
    heading = next(p for p in document.paragraphs if p.text == "一、申请事项")
    assert heading.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    footer_xml = document.sections[0].footer.paragraphs[0]._element.xml
    assert "PAGE" in footer_xml


def test_pdf_embeds_a_cjk_font_and_carries_the_text() -> None:
    data = render_pdf(SPEC)
    assert data.startswith(b"%PDF")
    assert b"/FontFile2" in data or b"/FontFile3" in data
    text = pdf_text(data)
    for expected in (
        "政府信息公开申请答复告知书",
        "某政公开〔2026〕12号",
        "现答复如下",
        "一、申请事项",
        "收到申请",
        "某某市人民政府办公室",
        "二〇二六年十一月二十八日",
        "（联系人：李四）",
    ):
        assert expected in text


def test_each_face_is_parsed_once_and_each_document_embeds_only_its_own_glyphs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed: list[Any] = []
    parse = documents.TTFFont

    def counting(*args: Any, **kwargs: Any) -> Any:
        parsed.append(args[1])
        return parse(*args, **kwargs)

    documents._parsed_face.cache_clear()
    monkeypatch.setattr(documents, "TTFFont", counting)
    small = DocumentSpec(title="告知书", body=["答复如下。"])
    with time_machine.travel(datetime(2026, 11, 28, 9, tzinfo=UTC), tick=False):
        first = render_pdf(small)
        larger = render_pdf(SPEC)
        again = render_pdf(small)
    assert len(parsed) == (2 if resolve_cjk_font().bold else 1)
    # The glyphs of the larger letter never reach a later document's font subset.
    assert again == first
    assert "告知书答复如下。" in pdf_text(again)
    assert "政府信息公开申请答复告知书" in pdf_text(larger)


def test_long_documents_break_pages_and_number_them() -> None:
    spec = DocumentSpec(title="测试", body=["政府信息公开工作年度报告正文。" * 20] * 12)
    reader = PdfReader(io.BytesIO(render_pdf(spec)))
    assert len(reader.pages) > 1
    assert "—2—" in extracted(reader.pages[1])


def test_configured_font_path_wins(monkeypatch: pytest.MonkeyPatch, settings) -> None:
    packaged = pytest.importorskip("pylopdf_fonts_zh_cn")
    settings.GONGKAI_CJK_FONT = str(packaged.serif_path())
    fonts = resolve_cjk_font()
    assert fonts.source == "GONGKAI_CJK_FONT"
    assert fonts.regular.path == Path(packaged.serif_path())
    data = render_pdf(SPEC)
    assert b"/FontFile3" in data
    assert "政府信息公开申请答复告知书" in pdf_text(data)


def test_missing_configured_font_is_reported(settings) -> None:
    settings.GONGKAI_CJK_FONT = "/nonexistent/font.otf"
    with pytest.raises(FileNotFoundError, match="GONGKAI_CJK_FONT"):
        resolve_cjk_font()


def test_without_system_fonts_the_packaged_font_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, settings
) -> None:
    pytest.importorskip("pylopdf_fonts_zh_cn")
    settings.GONGKAI_CJK_FONT = ""
    monkeypatch.delenv("GONGKAI_CJK_FONT", raising=False)
    monkeypatch.setattr(documents, "_DEBIAN_NOTO", tmp_path)
    documents._resolve.cache_clear()
    try:
        fonts = resolve_cjk_font()
        assert fonts.source == "pylopdf-fonts-zh-cn"
        # No bold face: the title is emboldened by stroking and still reads as text.
        assert "政府信息公开申请答复告知书" in pdf_text(render_pdf(SPEC))
    finally:
        documents._resolve.cache_clear()


@pytest.mark.skipif(
    not Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc").is_file(),
    reason="fonts-noto-cjk not installed",
)
def test_debian_collection_picks_the_simplified_chinese_face(settings) -> None:
    settings.GONGKAI_CJK_FONT = ""
    fonts = resolve_cjk_font()
    assert fonts.source == "fonts-noto-cjk"
    from fontTools.ttLib import TTFont

    face = TTFont(str(fonts.regular.path), fontNumber=fonts.regular.collection_index, lazy=True)
    assert face["name"].getDebugName(1).endswith("SC")


def test_line_breaking_keeps_punctuation_off_line_starts_and_numbers_whole() -> None:
    def measure(text: str) -> float:
        return float(len(text))

    # The comma hangs, the opening bracket moves down with its character, 2026 stays whole.
    assert documents.break_lines("一二三，四五（六七八2026年", 3, measure) == [
        "一二三，",
        "四五",
        "（六七",
        "八",
        "2026",
        "年",
    ]
    assert documents.break_lines("甲\n乙", 10, measure) == ["甲", "乙"]
