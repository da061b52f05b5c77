from __future__ import annotations

import datetime as dt
import hashlib
import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.catalogue import services
from gongkai.catalogue.attachments import validate_upload
from gongkai.catalogue.models import Attachment
from gongkai.catalogue.tests.factories import MINIMAL_PDF, InformationItemFactory
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.models import AuditEntry


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200 + b"PE\x00\x00"
MACHO = b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + b"\x00" * 100
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("通知.pdf", MINIMAL_PDF, "application/pdf"),
        ("照片.png", _png(), "image/png"),
        ("图.GIF", b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + b"\x00" * 20, "image/gif"),
        ("扫描件.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40, "image/jpeg"),
        ("扫描件.tif", b"II*\x00\x08\x00\x00\x00" + b"\x00" * 40, "image/tiff"),
        ("说明.txt", "政府信息公开工作年度报告\n".encode(), "text/plain"),
        ("目录.csv", "名称,生成日期\n通知,2024-01-02\n".encode("gb18030"), "text/csv"),
        ("旧文件.doc", OLE, "application/msword"),
        ("旧表格.xls", OLE, "application/vnd.ms-excel"),
        ("文档.rtf", b"{\\rtf1\\ansi hello}", "application/rtf"),
        ("打包.zip", _zip({"a.txt": b"hello"}), "application/zip"),
        (
            "新文件.docx",
            _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "表格.xlsx",
            _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "文本.odt",
            _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
            "application/vnd.oasis.opendocument.text",
        ),
        (
            "公文.ofd",
            _zip({"OFD.xml": b"<ofd:OFD/>", "Doc_0/Document.xml": b"<x/>"}),
            "application/ofd",
        ),
    ],
)
def test_allowed_types_are_recognised_by_content(name, content, content_type):
    assert validate_upload(upload(name, content)) == (
        content_type,
        len(content),
        hashlib.sha256(content).hexdigest(),
    )


@pytest.mark.parametrize(
    ("content", "found"),
    [
        (ELF, "ELF"),
        (PE, "Windows可执行程序"),
        (MACHO, "Mach-O"),
        (b"#!/bin/sh\nrm -rf /\n", "脚本"),
    ],
)
def test_executables_are_refused_whatever_their_name(content, found):
    with pytest.raises(ApplicationError) as excinfo:
        validate_upload(upload("年度报告.pdf", content))
    assert found in excinfo.value.message
    assert "不允许上传可执行文件" in excinfo.value.message


def test_content_that_does_not_match_the_extension_names_the_detected_type():
    with pytest.raises(ApplicationError) as excinfo:
        validate_upload(upload("通知.pdf", _png()))
    assert excinfo.value.message == (
        "文件“通知.pdf”的扩展名是 .pdf，但内容是PNG图片，与扩展名不符，请检查后重新上传。"
    )


def test_a_plain_zip_is_not_a_docx():
    with pytest.raises(ApplicationError, match="内容是ZIP压缩包"):
        validate_upload(upload("文件.docx", _zip({"a.txt": b"x"})))


def test_binary_garbage_named_txt_is_refused():
    with pytest.raises(ApplicationError, match="无法识别的二进制内容"):
        validate_upload(upload("说明.txt", b"\x00\x01\x02\x03" * 50))


def test_unknown_extension_is_refused():
    with pytest.raises(ApplicationError, match=r"不支持“\.html”类型的文件"):
        validate_upload(upload("页面.html", b"<html></html>"))


def test_empty_file_is_refused():
    with pytest.raises(ApplicationError, match="空文件"):
        validate_upload(upload("空.pdf", b""))


def test_oversized_file_is_refused_with_the_limit_in_megabytes(settings):
    settings.GONGKAI_ATTACHMENT_MAX_BYTES = 1024 * 1024
    content = MINIMAL_PDF + b"0" * (1024 * 1024)
    with pytest.raises(ApplicationError, match=r"附件大小不能超过 1 MB"):
        validate_upload(upload("大文件.pdf", content))


# --- through the service: nothing is saved when a file is refused ----------------------------


@pytest.fixture
def draft(organisation):
    return InformationItemFactory(organisation=organisation)


def test_attachment_add_stores_file_checksum_and_audit(draft, people):
    content = MINIMAL_PDF
    attachment = services.attachment_add(
        actor=people.handler,
        information_item=draft,
        uploaded_file=upload("../../附件一.pdf", content),
    )
    attachment.refresh_from_db()
    assert attachment.original_name == "附件一.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.size == len(content)
    assert attachment.sha256 == hashlib.sha256(content).hexdigest()
    stored_name = attachment.file.name or ""
    assert stored_name.endswith(".pdf") and ".." not in stored_name
    with attachment.file.open("rb") as stored:
        assert stored.read() == content
    entry = AuditEntry.objects.get(action="catalogue.attachment.added")
    assert entry.data["sha256"] == attachment.sha256 and entry.actor == people.handler


@pytest.mark.parametrize(
    ("name", "content"),
    [("年度报告.pdf", ELF), ("年度报告.pdf", PE), ("图片.pdf", _png())],
)
def test_refused_upload_saves_nothing(draft, people, settings, name, content):
    with pytest.raises(ApplicationError):
        services.attachment_add(
            actor=people.handler, information_item=draft, uploaded_file=upload(name, content)
        )
    assert Attachment.objects.count() == 0
    assert not AuditEntry.objects.exists()
    media = settings.MEDIA_ROOT
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_oversized_upload_saves_nothing(draft, people, settings):
    settings.GONGKAI_ATTACHMENT_MAX_BYTES = 100
    with pytest.raises(ApplicationError, match="附件大小不能超过"):
        services.attachment_add(
            actor=people.handler, information_item=draft, uploaded_file=upload("a.pdf", MINIMAL_PDF)
        )
    assert Attachment.objects.count() == 0


def test_only_editors_add_attachments_to_drafts(draft, people):
    for actor in (people.auditor, people.approver, people.outsider):
        with pytest.raises(PermissionDeniedError):
            services.attachment_add(
                actor=actor, information_item=draft, uploaded_file=upload("a.pdf", MINIMAL_PDF)
            )
    assert Attachment.objects.count() == 0


def test_attachments_make_an_item_fully_electronic(organisation, people):
    item = services.information_item_create(
        actor=people.handler, organisation=organisation, title="无正文的信息",
        generated_on=dt.date(2024, 1, 5), body="",
    )  # fmt: skip
    assert not item.is_fully_electronic
    attachment = services.attachment_add(
        actor=people.handler, information_item=item, uploaded_file=upload("全文.pdf", MINIMAL_PDF)
    )
    assert item.is_fully_electronic
    services.attachment_remove(actor=people.handler, attachment=attachment)
    assert not item.is_fully_electronic
    assert AuditEntry.objects.filter(action="catalogue.attachment.removed").count() == 1


def test_attachment_remove_deletes_the_file_after_commit(
    draft, people, django_capture_on_commit_callbacks
):
    attachment = services.attachment_add(
        actor=people.handler, information_item=draft, uploaded_file=upload("a.pdf", MINIMAL_PDF)
    )
    storage, name = attachment.file.storage, attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_remove(actor=people.handler, attachment=attachment)
    assert not storage.exists(name)
    assert not Attachment.objects.exists()
