"""Reading a published report — plain text, HTML or DOCX — into paragraphs and table grids.

Each block remembers where it stands (section heading, paragraph or table number, source line)
so that every finding can say where the figure is.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from gongkai.reports.audit.normalise import normalise
from gongkai.reports.audit.numbers import parse_cell


class UnreadableInput(Exception):
    """The input is missing, empty, binary or not an annual report: nothing can be audited."""


@dataclass
class Block:
    kind: str  # "text" or "table"
    section: str
    subsection: str
    number: int  # paragraph number within the section, or table number in the document
    line: int | None
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    row_lines: list[int | None] = field(default_factory=list)

    def where(self) -> str:
        parts = [p for p in (self.section, self.subsection) if p]
        place = " › ".join(parts) if parts else "正文开头"
        if self.kind == "table":
            place += f"，表格{self.number}"
        else:
            place += f"，第{self.number}段"
        return place


@dataclass
class Document:
    blocks: list[Block]
    source: str  # "text", "html" or "docx"
    name: str = ""

    @property
    def text(self) -> str:
        out: list[str] = []
        for block in self.blocks:
            if block.kind == "text":
                out.append(block.text)
            else:
                out.extend("  ".join(row) for row in block.rows)
        return "\n".join(out)

    @property
    def report_year(self) -> int | None:
        m = re.search(r"((?:19|20)\d\d)\s*年度?", self.text[:400])
        return int(m.group(1)) if m else None


# --- raw items from each format -------------------------------------------------------------

Item = tuple[str, object, int | None]  # ("line", str, line) or ("table", rows, line)


class _HTMLReader(HTMLParser):
    BLOCK_TAGS = {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
        "article", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "title",
    }  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[Item] = []
        self._text: list[str] = []
        self._skip = 0
        # a stack of tables being read: each has rows, the current row, the current cell
        self._tables: list[dict[str, Any]] = []

    def _flush_text(self) -> None:
        text = "".join(self._text)
        self._text = []
        for line in text.split("\n"):
            if line.strip():
                self.items.append(("line", line, None))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "noscript", "template"}:
            self._skip += 1
            return
        attributes = dict(attrs)
        if tag == "table":
            if not self._tables:
                self._flush_text()
            self._tables.append({"rows": [], "row": None, "cell": None})
        elif self._tables and tag == "tr":
            self._tables[-1]["row"] = []
        elif self._tables and tag in {"td", "th"}:
            table = self._tables[-1]
            if table["row"] is None:
                table["row"] = []
            table["cell"] = {
                "text": [],
                "rowspan": _span(attributes.get("rowspan")),
                "colspan": _span(attributes.get("colspan")),
            }
        elif tag in self.BLOCK_TAGS:
            self._newline()

    def _newline(self) -> None:
        if self._tables and self._tables[-1]["cell"] is not None:
            self._tables[-1]["cell"]["text"].append(" ")
        else:
            self._text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "noscript", "template"}:
            self._skip = max(0, self._skip - 1)
            return
        if not self._tables:
            if tag in self.BLOCK_TAGS:
                self._newline()
            return
        table = self._tables[-1]
        if tag in {"td", "th"} and table["cell"] is not None:
            table["row"].append(table["cell"])
            table["cell"] = None
        elif tag == "tr" and table["row"] is not None:
            table["rows"].append(table["row"])
            table["row"] = None
        elif tag == "table":
            self._tables.pop()
            if table["row"]:
                table["rows"].append(table["row"])
            grid = _grid(table["rows"])
            if self._tables:
                # A nested table is read as the text of the enclosing cell.
                outer = self._tables[-1]
                if outer["cell"] is not None:
                    flat = " ".join(" ".join(r) for r in grid)
                    outer["cell"]["text"].append(flat)
            else:
                self.items.append(("table", grid, None))
        elif tag in self.BLOCK_TAGS:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._tables:
            cell = self._tables[-1]["cell"]
            if cell is not None:
                cell["text"].append(data)
            return
        self._text.append(data)

    def close(self) -> None:
        super().close()
        while self._tables:
            self.handle_endtag("table")
        self._flush_text()


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 200))
    except ValueError:
        return 1


def _grid(rows: list[list[dict[str, Any]]]) -> list[list[str]]:
    """Expand rowspan/colspan so every row has its cells at their real column positions."""
    grid: list[list[str]] = []
    carried: dict[int, tuple[int, str]] = {}  # column -> (rows still covered, text)
    for row in rows:
        out: list[str] = []
        column = 0
        cells = list(row)
        while cells or any(c >= column for c in carried):
            if column in carried:
                remaining, text = carried[column]
                out.append(text)
                if remaining > 1:
                    carried[column] = (remaining - 1, text)
                else:
                    del carried[column]
                column += 1
                continue
            if not cells:
                column += 1
                if column > 400:
                    break
                out.append("")
                continue
            cell = cells.pop(0)
            text = re.sub(r"\s+", " ", "".join(cell["text"])).strip()
            for offset in range(int(cell["colspan"])):
                out.append(text)
                if int(cell["rowspan"]) > 1:
                    carried[column + offset] = (int(cell["rowspan"]) - 1, text)
            column += int(cell["colspan"])
        grid.append(out)
    return grid


def _docx_items(data: bytes) -> list[Item]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    items: list[Item] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text
            for line in text.split("\n"):
                if line.strip():
                    items.append(("line", line, None))
        elif tag == "tbl":
            table = Table(child, document)
            rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
            items.append(("table", rows, None))
    return items


# --- from items to blocks -------------------------------------------------------------------

_TOP_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．:\s]|第[一二三四五六七八九十]+[章部分节]|引\s*言|前\s*言|概\s*述)"
)
_SUB_HEADING = re.compile(
    r"^(?:\([一二三四五六七八九十]+\)|附表\s*\d*|附件\s*\d*|\d{1,2}[、.](?!\d))"
)
_SENTENCE_END = re.compile(r"[。;:!?)\"”’]$")


def _is_heading(line: str) -> str | None:
    if len(line) > 40 or line.endswith(("。", ";", ",")):
        return None
    if _TOP_HEADING.match(line):
        return "top"
    if _SUB_HEADING.match(line) and len(line) <= 30:
        return "sub"
    return None


def _split_cells(line: str) -> list[str]:
    return [cell for cell in re.split(r"\t|\s{2,}|\|", line.strip()) if cell.strip()]


def _numeric_tokens_row(line: str) -> list[str] | None:
    """'一、本年新收政府信息公开申请数量 35 3 0 0 0 0 38' → [label, '35', ..., '38']."""
    m = re.match(
        r"^(?P<label>.*?[^\d\s.,%-])\s+(?P<values>(?:[\d.,%/\-—]+\s+){2,}[\d.,%/\-—]+)$", line
    )
    if not m:
        return None
    return [m.group("label").strip(), *m.group("values").split()]


def _is_value_line(line: str) -> bool:
    return bool(re.fullmatch(r"[\d.,%]+|[-—/]", line.strip()))


def blocks_from_items(items: list[Item], source: str) -> list[Block]:
    blocks: list[Block] = []
    section = subsection = ""
    paragraph_no = 0
    table_no = 0
    pending_rows: list[list[str]] = []
    pending_lines: list[int | None] = []
    text_buffer: list[tuple[str, int | None]] = []

    def flush_text() -> None:
        nonlocal paragraph_no
        if text_buffer:
            paragraph_no += 1
            text = "".join(t for t, _ in text_buffer)
            blocks.append(Block("text", section, subsection, paragraph_no, text_buffer[0][1], text))
            text_buffer.clear()

    def flush_rows() -> None:
        nonlocal table_no
        if pending_rows:
            # One row of label cells is just a line of text.
            if len(pending_rows) == 1 and not any(parse_cell(c) for c in pending_rows[0]):
                text_buffer.append(("  ".join(pending_rows[0]), pending_lines[0]))
                flush_text()
            else:
                table_no += 1
                blocks.append(
                    Block("table", section, subsection, table_no, pending_lines[0], "",
                          [list(r) for r in pending_rows], list(pending_lines))
                )  # fmt: skip
            pending_rows.clear()
            pending_lines.clear()

    for kind, payload, line_no in items:
        if kind == "table":
            flush_text()
            flush_rows()
            rows = [[normalise(c).strip() for c in row] for row in payload]  # type: ignore[attr-defined]
            rows = [row for row in rows if any(row)]
            if rows:
                table_no += 1
                blocks.append(
                    Block("table", section, subsection, table_no, line_no, "", rows,
                          [line_no] * len(rows))
                )  # fmt: skip
            continue
        raw = normalise(str(payload))
        line = raw.strip()
        if not line:
            flush_text()
            flush_rows()
            continue
        heading = _is_heading(line)
        if heading and not _is_value_line(line) and not _numeric_tokens_row(line):
            flush_text()
            flush_rows()
            if heading == "top":
                section, subsection, paragraph_no = re.sub(r"\s+", " ", line), "", 0
            else:
                subsection = re.sub(r"\s+", " ", line)
            continue
        if _is_value_line(line) and (pending_rows or text_buffer):
            # Web tables pasted as text put each cell on its own line.
            if not pending_rows:
                label, label_line = text_buffer.pop()
                flush_text()
                pending_rows.append([label])
                pending_lines.append(label_line)
            pending_rows[-1].append(line)
            continue
        cells = _split_cells(raw)
        tokens_row = _numeric_tokens_row(line)
        if tokens_row and len(line) <= 200:
            flush_text()
            pending_rows.append(tokens_row)
            pending_lines.append(line_no)
            continue
        if len(cells) >= 2 and len(line) <= 100 and not line.endswith("。"):
            flush_text()
            pending_rows.append(cells)
            pending_lines.append(line_no)
            continue
        flush_rows()
        if text_buffer and (
            _SENTENCE_END.search(text_buffer[-1][0]) or len(text_buffer[-1][0]) < 30
        ):
            flush_text()
        text_buffer.append((line, line_no))
    flush_text()
    flush_rows()
    return blocks


# --- entry point ----------------------------------------------------------------------------

_REPORT_MARKERS = ("信息公开", "政务公开", "年度报告", "依申请", "主动公开")


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise UnreadableInput("输入是二进制文件，不是文本、HTML 或 DOCX 格式的年度报告。")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableInput("无法识别文件编码（支持 UTF-8、UTF-16、GB18030）。")


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    return head.startswith(("<!doctype", "<html", "<?xml")) or bool(
        re.search(r"<(table|p|div|body|br)\b", head)
    )


def load(source: str | bytes | Path, *, name: str = "") -> Document:
    """Read ``source``: a path, raw bytes, or the report's text (plain or HTML)."""
    data: bytes | None = None
    suffix = ""
    if isinstance(source, Path) or (
        isinstance(source, str) and "\n" not in source and len(source) < 1024
        and Path(source).suffix.lower() in {".txt", ".html", ".htm", ".docx", ".text", ".md", ""}
        and (Path(source).exists() or isinstance(source, Path))
    ):  # fmt: skip
        path = Path(source)
        name = name or str(path)
        if not path.exists():
            raise UnreadableInput(f"文件不存在：{path}")
        if path.is_dir():
            raise UnreadableInput(f"这是一个目录，不是文件：{path}")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UnreadableInput(f"无法读取文件 {path}：{exc.strerror}") from exc
        suffix = path.suffix.lower()
    elif isinstance(source, bytes):
        data = source
    if data is not None:
        if not data.strip():
            raise UnreadableInput("文件为空，没有可检查的内容。")
        if data.startswith(b"PK\x03\x04") or suffix == ".docx":
            try:
                items = _docx_items(data)
            except (zipfile.BadZipFile, KeyError, ValueError) as exc:
                raise UnreadableInput(
                    "无法作为 DOCX 文件读取（文件损坏或不是 Word 文档）。"
                ) from exc
            document = Document(blocks_from_items(items, "docx"), "docx", name)
            return _checked(document)
        text = _decode(data)
    else:
        text = str(source)
    if not text.strip():
        raise UnreadableInput("文件为空，没有可检查的内容。")
    if suffix in {".html", ".htm"} or _looks_like_html(text):
        reader = _HTMLReader()
        reader.feed(text)
        reader.close()
        document = Document(blocks_from_items(reader.items, "html"), "html", name)
    else:
        lines: list[Item] = [("line", line, no) for no, line in enumerate(text.split("\n"), 1)]
        document = Document(blocks_from_items(lines, "text"), "text", name)
    return _checked(document)


def _checked(document: Document) -> Document:
    text = document.text
    if not text.strip():
        raise UnreadableInput("文件中没有文字内容。")
    control = sum(1 for c in text if ord(c) < 32 and c not in "\n\t\r")
    if control > max(10, len(text) // 100):
        raise UnreadableInput("输入是二进制文件，不是文本、HTML 或 DOCX 格式的年度报告。")
    if not any(marker in text for marker in _REPORT_MARKERS):
        raise UnreadableInput(
            "这不是政府信息公开年度报告：文中没有“政府信息公开”“年度报告”“主动公开”等内容。"
        )
    return document
