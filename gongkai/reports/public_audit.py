"""The auditor as a public tool (portal page and API): validate what a visitor submits —
pasted text, or a file of limited size whose content (not its name) is plain text, HTML or
DOCX — and run the auditor. Every failure is an ApplicationError with a clear message; junk
input never becomes a server error.
"""

from __future__ import annotations

import io
import logging
import zipfile
from dataclasses import dataclass
from typing import Any

from gongkai.core.exceptions import ApplicationError
from gongkai.reports.audit import AuditResult, UnreadableInput, audit
from gongkai.reports.audit.checks import KIND_NAMES, SEVERITY_NAMES

logger = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 1_000_000
DOCX = "docx"
TEXT = "text"


@dataclass(frozen=True)
class PublicAudit:
    result: AuditResult
    source: str  # "text", "html" or "docx"
    name: str

    def findings(self) -> list[dict[str, Any]]:
        return [
            {
                **finding.as_dict(),
                "kind_label": KIND_NAMES.get(finding.kind, finding.kind),
                "severity_label": SEVERITY_NAMES.get(finding.severity, finding.severity),
            }
            for finding in self.result.findings
        ]


def sniff(data: bytes) -> str:
    """The kind of an uploaded file by its content: DOCX (a Word zip) or text (incl. HTML)."""
    if not data.strip():
        raise ApplicationError("文件为空，没有可检查的内容。")
    if len(data) > MAX_BYTES:
        raise ApplicationError(f"文件过大：最大 {MAX_BYTES // (1024 * 1024)} MB。")
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            raise ApplicationError("文件已损坏：无法作为 DOCX 文件读取。") from None
        if "word/document.xml" not in names:
            raise ApplicationError(
                "这是压缩文件，但不是 Word（DOCX）文档。请上传文本、HTML 或 DOCX 文件。"
            )
        return DOCX
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return TEXT  # UTF-16 text
    head = data[:4096]
    if b"\x00" in head or data.startswith((b"%PDF", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8")):
        raise ApplicationError(
            "无法识别的文件类型（二进制文件）。请上传纯文本、HTML 或 DOCX 格式的年度报告，"
            "PDF 和旧版 Word（.doc）文件请先另存为 DOCX 或复制文字粘贴。"
        )
    return TEXT


def run_public_audit(*, text: str = "", data: bytes | None = None, name: str = "") -> PublicAudit:
    if data is None and not (text or "").strip():
        raise ApplicationError("请粘贴年度报告全文，或上传报告文件。")
    source: str | bytes
    if data is not None:
        sniff(data)
        source = data
    else:
        if len(text) > MAX_TEXT_CHARS:
            raise ApplicationError(f"文字过长：最多 {MAX_TEXT_CHARS} 个字符。")
        source = text
    try:
        result = audit(source, name=name)
    except UnreadableInput as error:
        raise ApplicationError(str(error)) from None
    except Exception:  # a bug in reading a strange document must not become a 500
        logger.exception("auditor failed on public input %r", name)
        raise ApplicationError(
            "无法读取该文件的内容，请确认它是年度报告的文本、HTML 或 DOCX 文件。"
        ) from None
    kind = "docx" if isinstance(source, bytes) and source.startswith(b"PK") else "text"
    return PublicAudit(result, kind, name)
