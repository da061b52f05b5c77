"""Official documents (公文) as DOCX and PDF: letters now, the annual report later.

A `DocumentSpec` says what a document holds (title, 文号, 主送, body blocks, signature and
date); `render_docx` and `render_pdf` lay it out after GB/T 9704-2012《党政机关公文格式》:
A4, top margin 37 mm, binding-side margin 28 mm, a text block of 156 × 225 mm, the title in
小标宋 二号 centred, the body in 仿宋 三号 (16 pt) on a fixed 28 pt line, paragraphs indented
two characters, page numbers "— N —" at the foot.

The PDF embeds a CJK font found by `resolve_cjk_font` so it shows real glyphs on any reader.
"""

from __future__ import annotations

import copy
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from fontTools import ttLib
from fpdf import FPDF
from fpdf.enums import TextEmphasis, TextMode, XPos, YPos
from fpdf.fonts import FontFace as PdfFontFace
from fpdf.fonts import SubsetMap, TTFFont

Align = Literal["justify", "left", "center", "right"]
DateStyle = Literal["arabic", "chinese"]

_CN_DIGITS = "〇一二三四五六七八九"


# --- dates and numbers ------------------------------------------------------------------


def chinese_numeral_date(day: date) -> str:
    """二〇二六年十一月二十八日: the style of older documents and of many seals."""

    def small(n: int) -> str:
        if n < 10:
            return _CN_DIGITS[n]
        tens, units = divmod(n, 10)
        return ("十" if tens == 1 else _CN_DIGITS[tens] + "十") + (
            _CN_DIGITS[units] if units else ""
        )

    year = "".join(_CN_DIGITS[int(digit)] for digit in str(day.year))
    return f"{year}年{small(day.month)}月{small(day.day)}日"


def arabic_date(day: date) -> str:
    """2026年11月28日: GB/T 9704-2012 §7.3.5.3 writes the 成文日期 in Arabic numerals."""
    return f"{day.year}年{day.month}月{day.day}日"


def format_date(day: date, style: DateStyle = "arabic") -> str:
    return chinese_numeral_date(day) if style == "chinese" else arabic_date(day)


def document_number(prefix: str, year: int, serial: int) -> str:
    """发文字号: 年份 in 六角括号 〔〕, the serial without leading zeros (GB/T 9704 §7.2.4)."""
    return f"{prefix}〔{year}〕{serial}号"


# --- what a document holds ----------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """一、 (level 1, 黑体) or （一） (level 2, 楷体) headings inside the body."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    align: Align = "justify"
    indent: bool = True  # first line indented two characters, as body text is
    bold: bool = False


@dataclass(frozen=True)
class Table:
    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    # Relative column widths; equal when empty.
    widths: Sequence[float] = ()
    caption: str = ""


@dataclass(frozen=True)
class GridCell:
    """A cell of a `GridTable`, spanning columns and rows as an HTML cell does."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    align: Align = "center"
    bold: bool = False
    shaded: bool = False


@dataclass(frozen=True)
class GridTable:
    """A table with a header of several rows of merged cells and with merged body cells (the
    annual report's statistical tables). Rows list their cells left to right, skipping the
    positions a cell above already covers (HTML's rule)."""

    columns: int
    header: Sequence[Sequence[GridCell]]
    rows: Sequence[Sequence[GridCell]]
    widths: Sequence[float] = ()
    caption: str = ""
    note: str = ""  # a line under the table
    font_pt: float | None = None  # smaller than the default table size for wide tables
    landscape: bool = False  # on a page of its own, turned (a table of many columns)


@dataclass(frozen=True)
class Image:
    """A picture (PNG) the width of `width_mm`, centred, with an optional caption under it."""

    data: bytes
    width_mm: float = 150
    caption: str = ""
    alt: str = ""  # the picture told in words, for screen readers


def grid_positions(table: GridTable) -> list[tuple[int, int, GridCell]]:
    """(row, column, cell) of every cell, header rows first, placed by HTML's rule."""
    placed: list[tuple[int, int, GridCell]] = []
    covered: set[tuple[int, int]] = set()
    for r, cells in enumerate([*table.header, *table.rows]):
        c = 0
        for cell in cells:
            while (r, c) in covered:
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    covered.add((r + dr, c + dc))
            c += cell.colspan
    return placed


@dataclass(frozen=True)
class NewPage:
    """Start a new page, turned to landscape or back to portrait (e.g. a section whose table
    has many columns, with its heading on the turned page)."""

    landscape: bool = False


Block = Heading | Paragraph | Table | GridTable | Image | NewPage


@dataclass(frozen=True)
class Signature:
    """发文机关署名 and 成文日期, right-aligned at the end of the body."""

    issuer: str
    dated_on: date | None = None
    date_style: DateStyle = "arabic"

    @property
    def date_text(self) -> str:
        return format_date(self.dated_on, self.date_style) if self.dated_on else ""


@dataclass(frozen=True)
class DocumentSpec:
    title: str
    body: Sequence[Block | str] = ()
    document_number: str = ""
    addressee: str = ""  # 主送, written "addressee：" on its own line
    signature: Signature | None = None
    # After the signature: 附注, contact lines (left, not indented).
    notes: Sequence[str] = ()
    author: str = ""

    @property
    def blocks(self) -> list[Block]:
        return [Paragraph(item) if isinstance(item, str) else item for item in self.body]


@dataclass(frozen=True)
class DocumentStyle:
    """Fonts and sizes. The DOCX names fonts as Word on a government PC has them."""

    title_font: str = "方正小标宋简体"
    body_font: str = "仿宋_GB2312"
    heading1_font: str = "黑体"
    heading2_font: str = "楷体_GB2312"
    latin_font: str = "Times New Roman"
    title_pt: float = 22  # 二号
    body_pt: float = 16  # 三号
    table_pt: float = 12  # 小四
    line_pt: float = 28
    top_mm: float = 37
    bottom_mm: float = 35
    left_mm: float = 28
    right_mm: float = 26
    title_bold: bool = True


DEFAULT_STYLE = DocumentStyle()
_PT_MM = 25.4 / 72


# --- DOCX -----------------------------------------------------------------------------


def _set_fonts(run: Run, east_asia: str, latin: str, size_pt: float, bold: bool = False) -> None:
    run.font.name = latin
    run.font.size = Pt(size_pt)
    run.font.bold = bold
    # python-docx sets only w:ascii/w:hAnsi; Chinese text uses w:eastAsia.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)


def _format(
    paragraph: DocxParagraph,
    style: DocumentStyle,
    *,
    align: Align = "justify",
    first_line_chars: float = 0,
    right_chars: float = 0,
    line_pt: float | None = None,
) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line_pt or style.line_pt)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if first_line_chars:
        fmt.first_line_indent = Pt(style.body_pt * first_line_chars)
    if right_chars:
        fmt.right_indent = Pt(style.body_pt * right_chars)


def _add_text(
    document: object,
    text: str,
    style: DocumentStyle,
    *,
    font: str | None = None,
    size_pt: float | None = None,
    bold: bool = False,
    align: Align = "justify",
    first_line_chars: float = 0,
    right_chars: float = 0,
    line_pt: float | None = None,
) -> DocxParagraph:
    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    _format(
        paragraph,
        style,
        align=align,
        first_line_chars=first_line_chars,
        right_chars=right_chars,
        line_pt=line_pt,
    )
    if text:
        _set_fonts(
            paragraph.add_run(text),
            font or style.body_font,
            style.latin_font,
            size_pt or style.body_pt,
            bold,
        )
    return paragraph


def _add_page_number_footer(section: object, style: DocumentStyle) -> None:
    footer = section.footer  # type: ignore[attr-defined]
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_fonts(paragraph.add_run("— "), "宋体", style.latin_font, 14)
    run = paragraph.add_run()
    _set_fonts(run, "宋体", style.latin_font, 14)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    _set_fonts(paragraph.add_run(" —"), "宋体", style.latin_font, 14)


def render_docx(spec: DocumentSpec, style: DocumentStyle = DEFAULT_STYLE) -> bytes:
    document = new_docx()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(style.top_mm), Mm(style.bottom_mm)
    section.left_margin, section.right_margin = Mm(style.left_mm), Mm(style.right_mm)
    _add_page_number_footer(section, style)

    normal = document.styles["Normal"]
    normal.font.name = style.latin_font  # type: ignore[attr-defined]
    normal.font.size = Pt(style.body_pt)  # type: ignore[attr-defined]
    rpr = normal.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), style.body_font)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(lang)

    document.core_properties.title = spec.title
    document.core_properties.author = spec.author

    _add_text(
        document,
        spec.title,
        style,
        font=style.title_font,
        size_pt=style.title_pt,
        bold=style.title_bold,
        align="center",
        line_pt=max(style.line_pt, style.title_pt * 1.5),
    )
    if spec.document_number:
        _add_text(document, spec.document_number, style, align="center")
    _add_text(document, "", style)  # one blank line between title block and 主送
    if spec.addressee:
        _add_text(document, f"{spec.addressee}：", style, align="left")

    for block in spec.blocks:
        if isinstance(block, Heading):
            font = style.heading1_font if block.level <= 1 else style.heading2_font
            _add_text(document, block.text, style, font=font, first_line_chars=2)
        elif isinstance(block, Paragraph):
            _add_text(
                document,
                block.text,
                style,
                bold=block.bold,
                align=block.align,
                first_line_chars=2 if block.indent else 0,
            )
        elif isinstance(block, GridTable):
            _add_docx_grid_table(document, block, style)
        elif isinstance(block, Image):
            _add_docx_image(document, block, style)
        elif isinstance(block, NewPage):
            _page_section(document, style, landscape=block.landscape)
        else:
            _add_docx_table(document, block, style)

    if spec.signature:
        _add_text(document, "", style)
        _add_text(document, spec.signature.issuer, style, align="right", right_chars=2)
        if spec.signature.dated_on:
            _add_text(document, spec.signature.date_text, style, align="right", right_chars=4)
    if spec.notes:
        _add_text(document, "", style)
        for note in spec.notes:
            _add_text(document, note, style, align="left")

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_docx_table(document: object, table: Table, style: DocumentStyle) -> None:
    if table.caption:
        _add_text(document, table.caption, style, align="center", bold=True)
    columns = len(table.header)
    docx_table = document.add_table(rows=1, cols=columns)  # type: ignore[attr-defined]
    docx_table.style = "Table Grid"
    docx_table.alignment = WD_TABLE_ALIGNMENT.CENTER
    line_pt = style.table_pt * 1.5
    for cell, text in zip(docx_table.rows[0].cells, table.header, strict=True):
        paragraph = cell.paragraphs[0]
        _format(paragraph, style, align="center", line_pt=line_pt)
        _set_fonts(paragraph.add_run(text), style.body_font, style.latin_font, style.table_pt, True)
    for row in table.rows:
        cells = docx_table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            paragraph = cell.paragraphs[0]
            _format(paragraph, style, align="left", line_pt=line_pt)
            _set_fonts(
                paragraph.add_run(str(text)), style.body_font, style.latin_font, style.table_pt
            )
    if table.widths:
        text_width_mm = 210 - style.left_mm - style.right_mm
        total = sum(table.widths)
        for row in docx_table.rows:
            for cell, width in zip(row.cells, table.widths, strict=True):
                cell.width = Mm(text_width_mm * width / total)


def _page_section(document: object, style: DocumentStyle, *, landscape: bool) -> None:
    """Start a new page in the given orientation (the footer carries on from the last)."""
    from docx.enum.section import WD_SECTION

    section = document.add_section(WD_SECTION.NEW_PAGE)  # type: ignore[attr-defined]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(style.top_mm), Mm(style.bottom_mm)
    section.left_margin, section.right_margin = Mm(style.left_mm), Mm(style.right_mm)


def _add_docx_grid_table(document: object, table: GridTable, style: DocumentStyle) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    if table.landscape:
        _page_section(document, style, landscape=True)
    size = table.font_pt or style.table_pt
    line_pt = size * 1.4
    if table.caption:
        _add_text(document, table.caption, style, align="center", bold=True)
    total_rows = len(table.header) + len(table.rows)
    docx_table = document.add_table(rows=total_rows, cols=table.columns)  # type: ignore[attr-defined]
    docx_table.style = "Table Grid"
    docx_table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if table.widths:
        text_width_mm = (297 if table.landscape else 210) - style.left_mm - style.right_mm
        total = sum(table.widths)
        # Word reads the cells' widths, LibreOffice the table grid's: set both, fixed.
        docx_table.autofit = False
        for column, width in zip(docx_table.columns, table.widths, strict=True):
            column.width = Mm(text_width_mm * width / total)
        for row in docx_table.rows:
            for cell, width in zip(row.cells, table.widths, strict=True):
                cell.width = Mm(text_width_mm * width / total)
    # Header rows repeat at the top of every page the table runs onto.
    for index in range(len(table.header)):
        tr_pr = docx_table.rows[index]._tr.get_or_add_trPr()
        header_flag = OxmlElement("w:tblHeader")
        header_flag.set(qn("w:val"), "true")
        tr_pr.append(header_flag)
    for r, c, spec in grid_positions(table):
        cell = docx_table.cell(r, c)
        if spec.rowspan > 1 or spec.colspan > 1:
            cell = cell.merge(docx_table.cell(r + spec.rowspan - 1, c + spec.colspan - 1))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        _format(paragraph, style, align=spec.align, line_pt=line_pt)
        if spec.text:
            _set_fonts(
                paragraph.add_run(spec.text),
                style.body_font,
                style.latin_font,
                size,
                spec.bold or r < len(table.header),
            )
        if spec.shaded or r < len(table.header):
            shading = OxmlElement("w:shd")
            shading.set(qn("w:val"), "clear")
            shading.set(qn("w:color"), "auto")
            shading.set(qn("w:fill"), "EBEBEB" if r < len(table.header) else "F5F5F5")
            cell._tc.get_or_add_tcPr().append(shading)
    if table.note:
        _add_text(document, table.note, style, size_pt=size, align="left", line_pt=line_pt)
    if table.landscape:
        _page_section(document, style, landscape=False)


def _add_docx_image(document: object, image: Image, style: DocumentStyle) -> None:
    paragraph = _add_text(document, "", style, align="center", line_pt=0.1)
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    picture = paragraph.add_run().add_picture(io.BytesIO(image.data), width=Mm(image.width_mm))
    if image.alt:
        picture._inline.docPr.set("descr", image.alt)
    if image.caption:
        _add_text(document, image.caption, style, size_pt=style.table_pt, align="center")


# --- fonts for the PDF ---------------------------------------------------------------------

_DEBIAN_NOTO = Path("/usr/share/fonts/opentype/noto")


@dataclass(frozen=True)
class FontFile:
    path: Path
    collection_index: int = 0


@dataclass(frozen=True)
class CjkFonts:
    regular: FontFile
    bold: FontFile | None = None
    source: str = ""


def _simplified_chinese_index(path: Path) -> int:
    """Index of the Simplified Chinese face in a .ttc/.otc collection (Noto: "… CJK SC")."""
    if path.suffix.lower() not in {".ttc", ".otc"}:
        return 0
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    try:
        names = [font["name"].getDebugName(1) or "" for font in collection.fonts]
    finally:
        collection.close()
    for index, name in enumerate(names):
        if name.endswith(" SC") or " SC " in name:
            return index
    return 0


def _face(path: Path) -> FontFile:
    return FontFile(path, _simplified_chinese_index(path))


def _configured_font_path() -> str:
    from django.conf import settings

    configured = getattr(settings, "GONGKAI_CJK_FONT", "") if settings.configured else ""
    return str(configured or os.environ.get("GONGKAI_CJK_FONT", ""))


@lru_cache(maxsize=4)
def _resolve(configured: str) -> CjkFonts:
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise FileNotFoundError(f"GONGKAI_CJK_FONT 指定的字体文件不存在：{path}")
        return CjkFonts(_face(path), source="GONGKAI_CJK_FONT")
    # Debian's fonts-noto-cjk: serif reads like 仿宋/宋体 on paper; the bold cut sets titles.
    for regular, bold in (
        ("NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc"),
        ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"),
    ):
        if (_DEBIAN_NOTO / regular).is_file():
            bold_path = _DEBIAN_NOTO / bold
            return CjkFonts(
                _face(_DEBIAN_NOTO / regular),
                _face(bold_path) if bold_path.is_file() else None,
                source="fonts-noto-cjk",
            )
    # A Python dependency, so a machine without system CJK fonts still gets real glyphs.
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        pass
    else:
        return CjkFonts(
            FontFile(Path(pylopdf_fonts_zh_cn.serif_path())), source="pylopdf-fonts-zh-cn"
        )
    raise FileNotFoundError(
        "找不到中文字体：请安装 fonts-noto-cjk 或 pylopdf-fonts-zh-cn，或设置 GONGKAI_CJK_FONT。"
    )


def resolve_cjk_font() -> CjkFonts:
    """GONGKAI_CJK_FONT (setting or environment) → Debian Noto CJK → the packaged Noto Serif SC."""
    return _resolve(_configured_font_path())


# --- parsed faces, once per process ----------------------------------------------------------
#
# fpdf's add_font reads a face's whole cmap and the advance of every glyph: Noto CJK has 65,000
# of them, about half a second per face, and every PDF (a letter has two faces) paid it again.
# The parsed face is kept per process and each document gets a shallow copy: the metrics are
# shared and only read; what a document changes is its own — the glyphs it uses (SubsetMap),
# its font descriptor (named and numbered when written) and the fontTools font, which the
# subsetter cuts down in place when the PDF is written (so it is reopened lazily per document,
# which reads only the table directory).


@lru_cache(maxsize=8)
def _parsed_face(path: str, collection_index: int) -> TTFFont:
    face = TTFFont(FPDF(), Path(path), "cjk", "", collection_font_number=collection_index)
    face.close()  # the copies open their own
    return face


def _add_cjk_face(pdf: FPDF, style: str, face: FontFile) -> None:
    """`pdf.add_font("cjk", style, face)`, without parsing the face again."""
    parsed = _parsed_face(str(face.path), face.collection_index)
    if parsed.color_font is not None:
        # Colour glyphs keep per-document state of their own: let fpdf build everything.
        pdf.add_font("cjk", style, str(face.path), collection_font_number=face.collection_index)
        return
    font = copy.copy(parsed)
    font.i = len(pdf.fonts) + 1
    font.fontkey = f"cjk{style}"
    font.emphasis = TextEmphasis.coerce(style)
    font.desc = copy.copy(parsed.desc)
    font.ttfont = ttLib.TTFont(
        face.path, recalcTimestamp=False, fontNumber=face.collection_index, lazy=True
    )
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font.subset = SubsetMap(font)
    pdf.fonts[font.fontkey] = font
    if font.is_cff and font.is_cid_keyed:
        pdf._set_min_pdf_version("1.6")  # as add_font does: CID-keyed CFF needs PDF 1.6


# --- PDF ------------------------------------------------------------------------------


# 禁则 (GB/T 15834 practice): these never start a line; the opening ones never end one.
_NO_LINE_START = set("，。、；：？！）》」』”’〕】〉…—·%,.;:?!)]}")
_NO_LINE_END = set("（《「『“‘〔【〈([{")


def _tokens(text: str) -> list[str]:
    """Han characters one by one; Latin letters and digits kept together ("2026", "K7QM2XPA")."""
    tokens: list[str] = []
    for char in text:
        previous = tokens[-1][-1:] if tokens else ""
        if char.isascii() and char.isalnum() and previous.isascii() and previous.isalnum():
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def break_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Lines of at most `width`, breaking between characters, with hanging punctuation."""
    lines: list[str] = []
    for source_line in text.split("\n"):
        current = ""
        for token in _tokens(source_line):
            if not current or measure(current + token) <= width:
                current += token
            elif token in _NO_LINE_START:
                current += token  # hangs into the margin rather than start the next line
            else:
                carried = ""
                while current and current[-1] in _NO_LINE_END:
                    current, carried = current[:-1], current[-1] + carried
                lines.append(current)
                current = carried + token
        lines.append(current)
    return lines


class _OfficialPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-(DEFAULT_STYLE.bottom_mm - 7))
        self.set_font("cjk", size=14)
        self.cell(0, 7, f"— {self.page_no()} —", align="C")


def render_pdf(spec: DocumentSpec, style: DocumentStyle = DEFAULT_STYLE) -> bytes:
    fonts = resolve_cjk_font()
    pdf = _OfficialPDF(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(left=style.left_mm, top=style.top_mm, right=style.right_mm)
    pdf.set_auto_page_break(auto=True, margin=style.bottom_mm)
    _add_cjk_face(pdf, "", fonts.regular)
    if fonts.bold:
        _add_cjk_face(pdf, "B", fonts.bold)
    pdf.set_title(spec.title)
    if spec.author:
        pdf.set_author(spec.author)
    pdf.set_lang("zh-CN")
    pdf.add_page()

    line_mm = style.line_pt * _PT_MM
    indent = "\u3000\u3000"  # two full-width spaces: the customary two-character indent

    def write(
        text: str, *, size: float, bold: bool = False, align: str = "L", h: float = line_mm
    ) -> None:
        faux_bold = bold and fonts.bold is None
        pdf.set_font("cjk", "B" if bold and not faux_bold else "", size=size)
        width = pdf.w - pdf.l_margin - pdf.r_margin
        for line in break_lines(text, width, pdf.get_string_width):
            if faux_bold:
                # No bold face at hand: stroke the outline to embolden.
                with pdf.local_context(
                    text_mode=TextMode.FILL_STROKE, line_width=size * _PT_MM / 30
                ):
                    pdf.cell(0, h, line, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            else:
                pdf.cell(0, h, line, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    write(
        spec.title,
        size=style.title_pt,
        bold=style.title_bold,
        align="C",
        h=style.title_pt * 1.5 * _PT_MM,
    )
    if spec.document_number:
        write(spec.document_number, size=style.body_pt, align="C")
    pdf.ln(line_mm)
    if spec.addressee:
        write(f"{spec.addressee}：", size=style.body_pt, align="L")
    for block in spec.blocks:
        if isinstance(block, Heading):
            write(indent + block.text, size=style.body_pt, bold=block.level <= 1, align="L")
        elif isinstance(block, Paragraph):
            text = (indent if block.indent else "") + block.text
            align = {"justify": "L", "left": "L", "center": "C", "right": "R"}[block.align]
            write(text, size=style.body_pt, bold=block.bold, align=align)
        elif isinstance(block, GridTable):
            _add_pdf_grid_table(pdf, block, style, write, has_bold=fonts.bold is not None)
        elif isinstance(block, Image):
            _add_pdf_image(pdf, block, style)
        elif isinstance(block, NewPage):
            pdf.add_page(orientation="L" if block.landscape else "P")
        else:
            _add_pdf_table(pdf, block, style, write, has_bold=fonts.bold is not None)
    if spec.signature:
        pdf.ln(line_mm)
        right = pdf.r_margin
        pdf.set_right_margin(right + style.body_pt * 2 * _PT_MM)
        write(spec.signature.issuer, size=style.body_pt, align="R")
        if spec.signature.dated_on:
            pdf.set_right_margin(right + style.body_pt * 4 * _PT_MM)
            write(spec.signature.date_text, size=style.body_pt, align="R")
        pdf.set_right_margin(right)
    if spec.notes:
        pdf.ln(line_mm)
        for note in spec.notes:
            write(note, size=style.body_pt, align="L")
    return bytes(pdf.output())


def _add_pdf_table(
    pdf: FPDF, table: Table, style: DocumentStyle, write: object, *, has_bold: bool
) -> None:
    if table.caption:
        write(table.caption, size=style.body_pt, bold=True, align="C")  # type: ignore[operator]
    pdf.set_font("cjk", size=style.table_pt)
    widths = tuple(table.widths) if table.widths else None
    with pdf.table(
        col_widths=widths,
        text_align="LEFT",
        line_height=style.table_pt * 1.5 * _PT_MM,
        first_row_as_headings=True,
        headings_style=PdfFontFace(
            emphasis="BOLD" if has_bold else None, fill_color=(235, 235, 235)
        ),
    ) as pdf_table:
        for values in (table.header, *table.rows):
            row = pdf_table.row()
            for value in values:
                row.cell(str(value))
    pdf.ln(style.line_pt * _PT_MM / 2)


def _add_pdf_grid_table(
    pdf: FPDF, table: GridTable, style: DocumentStyle, write: object, *, has_bold: bool
) -> None:
    from fpdf.enums import TableCellFillMode

    if table.landscape:
        pdf.add_page(orientation="L")
    size = table.font_pt or style.table_pt
    if table.caption:
        write(table.caption, size=style.body_pt, bold=True, align="C")  # type: ignore[operator]
    pdf.set_font("cjk", size=size)
    bold = "BOLD" if has_bold else None
    header_style = PdfFontFace(emphasis=bold, fill_color=(235, 235, 235))
    shaded_style = PdfFontFace(emphasis=bold, fill_color=(245, 245, 245))
    plain_bold = PdfFontFace(emphasis=bold)
    aligns = {"justify": "LEFT", "left": "LEFT", "center": "CENTER", "right": "RIGHT"}
    with pdf.table(
        col_widths=tuple(table.widths) if table.widths else None,
        width=pdf.w - pdf.l_margin - pdf.r_margin,
        line_height=size * 1.35 * _PT_MM,
        num_heading_rows=len(table.header),
        headings_style=header_style,
        cell_fill_mode=TableCellFillMode.NONE,
        padding=(0.6, 0.8),
        v_align="MIDDLE",
    ) as pdf_table:
        for index, cells in enumerate([*table.header, *table.rows]):
            row = pdf_table.row()
            for cell in cells:
                style_face = None
                if index >= len(table.header):
                    if cell.shaded:
                        style_face = shaded_style
                    elif cell.bold:
                        style_face = plain_bold
                row.cell(
                    cell.text,
                    align=aligns[cell.align],
                    colspan=cell.colspan,
                    rowspan=cell.rowspan,
                    style=style_face,
                )
    if table.note:
        pdf.set_font("cjk", size=size)
        width = pdf.w - pdf.l_margin - pdf.r_margin
        for line in break_lines(table.note, width, pdf.get_string_width):
            pdf.cell(0, size * 1.5 * _PT_MM, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if table.landscape:
        pdf.add_page(orientation="P")
    else:
        pdf.ln(style.line_pt * _PT_MM / 2)


def _add_pdf_image(pdf: FPDF, image: Image, style: DocumentStyle) -> None:
    width = min(image.width_mm, pdf.w - pdf.l_margin - pdf.r_margin)
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(image.data)) as picture:
        height = width * picture.height / picture.width
    if pdf.get_y() + height > pdf.h - pdf.b_margin:
        pdf.add_page()
    pdf.image(io.BytesIO(image.data), x=(pdf.w - width) / 2, w=width)
    if image.caption:
        pdf.set_font("cjk", size=style.table_pt)
        pdf.cell(
            0,
            style.table_pt * 1.5 * _PT_MM,
            image.caption,
            align="C",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    pdf.ln(style.line_pt * _PT_MM / 2)


__all__ = [
    "DEFAULT_STYLE",
    "Block",
    "CjkFonts",
    "DocumentSpec",
    "DocumentStyle",
    "FontFile",
    "GridCell",
    "GridTable",
    "Heading",
    "Image",
    "NewPage",
    "Paragraph",
    "Signature",
    "Table",
    "arabic_date",
    "chinese_numeral_date",
    "document_number",
    "format_date",
    "grid_positions",
    "render_docx",
    "render_pdf",
    "resolve_cjk_font",
]
