"""Upload checks for attachments: the type is read from the content, never trusted from the name.

An executable stays refused whatever it is called, and a file whose content does not match
its extension (a PNG called .pdf) is refused with the type that was actually found, so the
uploader knows what to fix.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from dataclasses import dataclass
from typing import IO, Any

import filetype
from django.conf import settings

from gongkai.core.exceptions import ApplicationError

_HEAD_BYTES = 8192


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str


KINDS: dict[str, Kind] = {
    "pdf": Kind("PDF文档", "application/pdf"),
    "ofd": Kind("OFD版式文档", "application/ofd"),
    "doc": Kind("Word 97-2003文档", "application/msword"),
    "xls": Kind("Excel 97-2003工作簿", "application/vnd.ms-excel"),
    "ppt": Kind("PowerPoint 97-2003演示文稿", "application/vnd.ms-powerpoint"),
    # Compound-file (OLE2) content: the container does not reliably say which Office program.
    "ole": Kind("Office 97-2003文档", "application/x-ole-storage"),
    "docx": Kind(
        "Word文档",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": Kind(
        "Excel工作簿", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    ),
    "pptx": Kind(
        "PowerPoint演示文稿",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odt": Kind("ODF文本文档", "application/vnd.oasis.opendocument.text"),
    "ods": Kind("ODF电子表格", "application/vnd.oasis.opendocument.spreadsheet"),
    "jpeg": Kind("JPEG图片", "image/jpeg"),
    "png": Kind("PNG图片", "image/png"),
    "gif": Kind("GIF图片", "image/gif"),
    "tiff": Kind("TIFF图片", "image/tiff"),
    "zip": Kind("ZIP压缩包", "application/zip"),
    "rtf": Kind("RTF文档", "application/rtf"),
    "text": Kind("纯文本", "text/plain"),
}

# Extension -> the content kinds it may hold.
ALLOWED_EXTENSIONS: dict[str, frozenset[str]] = {
    ".pdf": frozenset({"pdf"}),
    ".ofd": frozenset({"ofd"}),
    ".doc": frozenset({"ole"}),
    ".xls": frozenset({"ole"}),
    ".ppt": frozenset({"ole"}),
    ".docx": frozenset({"docx"}),
    ".xlsx": frozenset({"xlsx"}),
    ".pptx": frozenset({"pptx"}),
    ".odt": frozenset({"odt"}),
    ".ods": frozenset({"ods"}),
    ".jpg": frozenset({"jpeg"}),
    ".jpeg": frozenset({"jpeg"}),
    ".png": frozenset({"png"}),
    ".gif": frozenset({"gif"}),
    ".tif": frozenset({"tiff"}),
    ".tiff": frozenset({"tiff"}),
    ".zip": frozenset({"zip"}),
    ".txt": frozenset({"text"}),
    ".csv": frozenset({"text"}),
    ".rtf": frozenset({"rtf"}),
}

_TEXT_CONTENT_TYPES = {".csv": "text/csv", ".txt": "text/plain"}
_OLE_CONTENT_TYPES = {ext: KINDS[ext[1:]].content_type for ext in (".doc", ".xls", ".ppt")}

_EXECUTABLE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "ELF可执行程序"),
    (b"MZ", "Windows可执行程序（PE）"),
    (b"\xfe\xed\xfa\xce", "Mach-O可执行程序"),
    (b"\xfe\xed\xfa\xcf", "Mach-O可执行程序"),
    (b"\xce\xfa\xed\xfe", "Mach-O可执行程序"),
    (b"\xcf\xfa\xed\xfe", "Mach-O可执行程序"),
    (b"\xca\xfe\xba\xbe", "Mach-O通用程序或Java类文件"),
    (b"#!", "脚本程序"),
    (b"\x00asm", "WebAssembly程序"),
)

_FILETYPE_KINDS = {
    "pdf": "pdf",
    "jpg": "jpeg",
    "png": "png",
    "gif": "gif",
    "tif": "tiff",
    "rtf": "rtf",
}
_FILETYPE_EXECUTABLES = {"exe", "elf", "wasm", "swf", "crx", "deb", "rpm"}


def max_bytes() -> int:
    return int(settings.GONGKAI_ATTACHMENT_MAX_BYTES)


def _format_mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def _executable_label(head: bytes) -> str | None:
    for magic, label in _EXECUTABLE_MAGIC:
        if head.startswith(magic):
            return label
    guess = filetype.guess(head)
    if guess is not None and guess.extension in _FILETYPE_EXECUTABLES:
        return f"可执行程序（{guess.extension}）"
    return None


def _zip_kind(stream: IO[bytes]) -> str | None:
    """Tell OOXML, ODF and OFD apart from a plain ZIP by the members they must contain."""
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            mimetype = ""
            if "mimetype" in names:
                mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        stream.seek(0)
    if "OFD.xml" in names:
        return "ofd"
    if mimetype == KINDS["odt"].content_type:
        return "odt"
    if mimetype == KINDS["ods"].content_type:
        return "ods"
    if "[Content_Types].xml" in names:
        prefixes = {name.split("/", 1)[0] for name in names}
        for prefix, kind in (("word", "docx"), ("xl", "xlsx"), ("ppt", "pptx")):
            if prefix in prefixes:
                return kind
    return "zip"


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    # The head may end inside a multi-byte character; drop up to 3 trailing bytes before decoding.
    for encoding in ("utf-8", "gb18030"):
        for cut in range(4):
            try:
                (head[: len(head) - cut] if cut else head).decode(encoding)
                return True
            except UnicodeDecodeError:
                continue
    return False


def detect_kind(stream: IO[bytes]) -> str | None:
    """The allow-listed kind of the content, or None if it is none of them."""
    stream.seek(0)
    head = stream.read(_HEAD_BYTES)
    stream.seek(0)
    if not head:
        return None
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(stream)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # Which Office program wrote a compound file is guesswork; any legacy Office name fits.
        return "ole"
    guess = filetype.guess(head)
    if guess is not None:
        return _FILETYPE_KINDS.get(guess.extension)
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if _looks_like_text(head):
        return "text"
    return None


def _describe(kind: str | None, head: bytes) -> str:
    if kind is not None:
        return KINDS[kind].label
    guess = filetype.guess(head)
    if guess is not None:
        return f"{guess.extension.upper()}（{guess.mime}）"
    return "无法识别的二进制内容"


def _binary_stream(uploaded_file: Any) -> IO[bytes]:
    stream = getattr(uploaded_file, "file", None) or uploaded_file
    return stream  # type: ignore[no-any-return]


def validate_upload(uploaded_file: Any) -> tuple[str, int, str]:
    """Check an uploaded file; return ``(content_type, size, sha256)`` or raise ApplicationError.

    ``uploaded_file`` is a Django ``UploadedFile`` (or any ``File``) with ``name``,
    ``chunks()`` and a seekable underlying stream. Nothing is written anywhere.
    """
    name = os.path.basename(getattr(uploaded_file, "name", "") or "")
    limit = max_bytes()
    declared_size = getattr(uploaded_file, "size", None)
    if declared_size is not None and declared_size > limit:
        raise ApplicationError(
            f"文件“{name}”过大（{_format_mb(declared_size)} MB），"
            f"附件大小不能超过 {_format_mb(limit)} MB。"
        )

    stream = _binary_stream(uploaded_file)
    stream.seek(0)
    head = stream.read(_HEAD_BYTES)
    stream.seek(0)
    if not head:
        raise ApplicationError(f"文件“{name}”是空文件，请选择有内容的文件。")

    executable = _executable_label(head)
    if executable is not None:
        raise ApplicationError(
            f"文件“{name}”的内容是{executable}，出于安全原因不允许上传可执行文件。"
        )

    extension = os.path.splitext(name)[1].lower()
    allowed_kinds = ALLOWED_EXTENSIONS.get(extension)
    if allowed_kinds is None:
        allowed = "、".join(sorted({ext.lstrip(".").upper() for ext in ALLOWED_EXTENSIONS}))
        raise ApplicationError(
            f"不支持“{extension or '无扩展名'}”类型的文件“{name}”。允许的类型：{allowed}。"
        )

    kind = detect_kind(stream)
    if kind not in allowed_kinds:
        raise ApplicationError(
            f"文件“{name}”的扩展名是 {extension}，但内容是{_describe(kind, head)}，"
            "与扩展名不符，请检查后重新上传。"
        )

    digest = hashlib.sha256()
    size = 0
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
        size += len(chunk)
        if size > limit:
            raise ApplicationError(f"文件“{name}”过大，附件大小不能超过 {_format_mb(limit)} MB。")
    stream.seek(0)

    if kind == "text":
        content_type = _TEXT_CONTENT_TYPES[extension]
    elif kind == "ole":
        content_type = _OLE_CONTENT_TYPES[extension]
    else:
        content_type = KINDS[kind].content_type
    return content_type, size, digest.hexdigest()
