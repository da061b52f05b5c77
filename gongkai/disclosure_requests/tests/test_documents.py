"""Letters: every kind and every outcome renders to a DOCX and a PDF with the right Chinese text."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess

import pytest
from docx import Document
from pypdf import PdfReader

from gongkai.core.exceptions import ApplicationError
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.disclosure_requests.documents import (
    DEFAULT_TITLES,
    mask_identifier,
    render_letter,
    text_to_blocks,
)
from gongkai.disclosure_requests.models import ClockEvent, Decision, LetterKind
from gongkai.disclosure_requests.rules.outcomes import OUTCOMES
from gongkai.disclosure_requests.tests.factories import (
    ClockEventFactory,
    DecisionFactory,
    DisclosureRequestFactory,
    FeeNoticeFactory,
    LetterTemplateFactory,
)
from gongkai.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

# Letters are dated today; after every date the tests enter.
frozen_clock = frozen_clock_at(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI))

ISSUED = dt.date(2025, 3, 14)
RECEIVED = dt.date(2025, 3, 3)


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "".join(p.text for p in document.paragraphs) + "".join(cells)


def pdf_text(data: bytes) -> str:
    # pypdf puts spaces or NULs between the glyphs of a CJK run; compare without them.
    pages = PdfReader(io.BytesIO(data)).pages
    return re.sub(r"[\s\x00]+", "", "".join(page.extract_text() for page in pages))


def both_texts(letter) -> tuple[str, str]:
    assert b"/FontFile2" in letter.pdf or b"/FontFile3" in letter.pdf
    return docx_text(letter.docx), pdf_text(letter.pdf)


@pytest.fixture
def application():
    government = OrganisationFactory(name="某某市人民政府")
    organisation = OrganisationFactory(
        name="某某市生态环境局",
        short_name="某环",
        parent=government,
        address="某某市人民路1号",
        phone="010-12345678",
    )
    return DisclosureRequestFactory(
        organisation=organisation,
        received_on=RECEIVED,
        due_on=dt.date(2025, 3, 31),
        applicant_name="张三",
        information_title="某化工项目环境影响评价批复",
    )


@pytest.mark.parametrize("outcome", OUTCOMES, ids=lambda outcome: outcome.code)
def test_a_decision_letter_for_every_outcome(application, outcome) -> None:
    DecisionFactory(
        disclosure_request=application,
        outcome=outcome.code,
        legal_basis=f"《中华人民共和国政府信息公开条例》{outcome.article or '第三十六条'}",
        reason_detail="具体理由见附件说明。",
        responsible_body_name="某某省自然资源厅" if outcome.requires_responsible_body else "",
        remedies="",
    )
    letter = render_letter(disclosure_request=application, kind="decision", issued_on=ISSUED)
    docx, pdf = both_texts(letter)
    for text in (docx, pdf):
        assert "政府信息公开申请答复书" in text
        assert "张三：" in text
        assert "某环依申请公开〔" in text
        assert application.tracking_number in text
        assert "某化工项目环境影响评价批复" in text
        assert "具体理由见附件说明。" in text
        # Remedies: review before the government above within 60 days, or court within 6 months.
        assert "60日内" in text and "向某某市人民政府申请行政复议" in text and "6个月内" in text
        assert "2025年3月14日" in text
        assert application.id_number not in text
    if outcome.article and outcome.code != "other_other":
        assert outcome.article.split("、")[-1] in docx
    if outcome.requires_responsible_body:
        assert "该政府信息由某某省自然资源厅负责公开" in docx
    assert letter.filename_base == f"{application.tracking_number}-decision-20250314"


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.slow(
    reason="starts LibreOffice and converts the decision letter of every outcome with it, "
    "a few seconds per letter"
)
def test_every_decision_letter_opens_in_libreoffice(application, tmp_path) -> None:
    """Word-processor compatibility, checked by the office suite itself: each DOCX converts."""
    names = []
    for outcome in OUTCOMES:
        Decision.objects.filter(disclosure_request=application).delete()
        DecisionFactory(
            disclosure_request=application,
            outcome=outcome.code,
            legal_basis=f"《中华人民共和国政府信息公开条例》{outcome.article or '第三十六条'}",
            responsible_body_name="某某省自然资源厅" if outcome.requires_responsible_body else "",
        )
        application.refresh_from_db()  # drop the cached decision of the previous outcome
        letter = render_letter(disclosure_request=application, kind="decision", issued_on=ISSUED)
        path = tmp_path / f"{outcome.code}.docx"
        path.write_bytes(letter.docx)
        names.append(path.name)
    assert SOFFICE is not None
    profile = tmp_path / "profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *(str(tmp_path / name) for name in names)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    for name in names:
        converted = tmp_path / "pdf" / name.replace(".docx", ".pdf")
        assert converted.is_file(), name
        assert "政府信息公开申请答复书" in pdf_text(converted.read_bytes()), name


def test_decision_texts_differ_by_outcome(application) -> None:
    decision = DecisionFactory(disclosure_request=application, outcome="withhold_state_secret")
    withheld = docx_text(render_letter(disclosure_request=application, kind="decision").docx)
    decision.outcome = "unavailable_not_held"
    decision.save()
    not_held = docx_text(render_letter(disclosure_request=application, kind="decision").docx)
    assert "本机关决定不予公开" in withheld and "属于国家秘密" in withheld
    assert "该政府信息不存在" in not_held and "不予公开" not in not_held


def test_a_legal_person_is_addressed_as_a_unit(application) -> None:
    application.applicant_type = "commercial"
    application.save()
    DecisionFactory(disclosure_request=application, outcome="disclose")
    text = docx_text(render_letter(disclosure_request=application, kind="decision").docx)
    assert "你（单位）申请获取" in text


def test_decision_letter_needs_a_decision(application) -> None:
    with pytest.raises(ApplicationError, match="尚未拟定答复"):
        render_letter(disclosure_request=application, kind="decision")


def test_correction_notice(application) -> None:
    ClockEventFactory(
        disclosure_request=application,
        kind=ClockEvent.Kind.CORRECTION_REQUESTED,
        occurred_on=dt.date(2025, 3, 5),
        data={"items": "请写明所需信息的文号或形成时间。", "deadline_on": "2025-03-19"},
    )
    docx, pdf = both_texts(render_letter(disclosure_request=application, kind="correction_notice"))
    for text in (docx, pdf):
        assert "政府信息公开申请补正告知书" in text
        assert "请写明所需信息的文号或形成时间。" in text
        assert "请你于2025年3月19日前将补正后的申请提交本机关" in text
        assert "逾期不补正的，视为放弃申请" in text


def test_extension_notice(application) -> None:
    ClockEventFactory(
        disclosure_request=application,
        kind=ClockEvent.Kind.EXTENSION_APPROVED,
        occurred_on=dt.date(2025, 3, 28),
        data={"days": 20, "reason": "申请内容涉及多个年度的档案需调取"},
    )
    application.due_on = dt.date(2025, 4, 29)
    docx, pdf = both_texts(render_letter(disclosure_request=application, kind="extension_notice"))
    for text in (docx, pdf):
        assert "因申请内容涉及多个年度的档案需调取" in text
        assert "答复期限延长20个工作日" in text
        assert "2025年4月29日前作出答复" in text
        assert "第三十三条第二款" in text


def test_extension_notice_without_extension_is_refused(application) -> None:
    with pytest.raises(ApplicationError, match="没有批准延期"):
        render_letter(disclosure_request=application, kind="extension_notice")


def test_consultation_letter_goes_to_the_third_party_without_applicant_data(application) -> None:
    ClockEventFactory(
        disclosure_request=application,
        kind=ClockEvent.Kind.CONSULTATION_STARTED,
        occurred_on=dt.date(2025, 3, 10),
        data={"party_kind": "third_party", "party_name": "某某化工有限公司"},
    )
    docx, pdf = both_texts(
        render_letter(disclosure_request=application, kind="consultation_letter")
    )
    for text in (docx, pdf):
        assert "某某化工有限公司：" in text
        assert "第三十二条" in text
        # 15 working days after 2025-03-10 (no holidays in between): 2025-03-31.
        assert "请于2025年3月31日前将书面意见反馈本机关" in text
        assert "张三" not in text


def test_consultation_letter_to_another_agency(application) -> None:
    ClockEventFactory(
        disclosure_request=application,
        kind=ClockEvent.Kind.CONSULTATION_STARTED,
        occurred_on=dt.date(2025, 3, 10),
        data={"party_kind": "agency", "party_name": "某某市发展和改革委员会"},
    )
    text = docx_text(render_letter(disclosure_request=application, kind="consultation_letter").docx)
    assert "第三十四条" in text and "征求贵机关意见" in text


def test_fee_notice(application) -> None:
    FeeNoticeFactory(
        disclosure_request=application,
        pages=150,
        amount="20.00",
        sent_on=dt.date(2025, 3, 12),
        due_on=dt.date(2025, 4, 10),
    )
    docx, pdf = both_texts(render_letter(disclosure_request=application, kind="fee_notice"))
    for text in (docx, pdf):
        assert "政府信息公开信息处理费收费通知书" in text
        assert "按量计收（共150页），金额为人民币20.00元" in text
        assert "国办函〔2020〕109号第五条" in text.replace(" ", "")
        assert "请你于2025年4月10日前缴纳" in text


def test_receipt_shows_the_access_code_and_masks_the_id_number(application) -> None:
    letter = render_letter(disclosure_request=application, kind="receipt", access_code="K7QM2XPA")
    docx, pdf = both_texts(letter)
    masked = mask_identifier(application.id_number)
    for text in (docx, pdf):
        assert "政府信息公开申请回执" in text
        assert application.tracking_number in text
        assert "K7QM2XPA" in text
        assert masked in text
        assert application.id_number not in text
        assert "13812345678" not in text


@pytest.mark.parametrize("kind", ["decision", "correction_notice", "extension_notice"])
def test_the_access_code_appears_only_on_the_receipt(application, kind) -> None:
    DecisionFactory(disclosure_request=application)
    ClockEventFactory(
        disclosure_request=application,
        kind=ClockEvent.Kind.EXTENSION_APPROVED,
        occurred_on=dt.date(2025, 3, 28),
        data={"days": 10},
    )
    letter = render_letter(disclosure_request=application, kind=kind, access_code="K7QM2XPA")
    assert "K7QM2XPA" not in docx_text(letter.docx)
    assert "K7QM2XPA" not in pdf_text(letter.pdf)


def test_the_organisation_template_overrides_the_default(application) -> None:
    LetterTemplateFactory(
        organisation=application.organisation,
        kind=LetterKind.CORRECTION_NOTICE,
        title="补正通知（本局格式）",
        body=(
            "## 一、补正事项\n\n"
            "{{ disclosure_request.applicant_name }}请于{{ deadline_on }}前补正。"
        ),
    )
    LetterTemplateFactory(
        organisation=None, kind=LetterKind.CORRECTION_NOTICE, title="共用格式", body="共用正文"
    )
    ClockEventFactory(
        disclosure_request=application,
        kind=ClockEvent.Kind.CORRECTION_REQUESTED,
        occurred_on=dt.date(2025, 3, 5),
        data={"items": "补正内容", "deadline_on": "2025-03-19"},
    )
    docx, pdf = both_texts(render_letter(disclosure_request=application, kind="correction_notice"))
    for text in (docx, pdf):
        assert "补正通知（本局格式）" in text
        assert "一、补正事项" in text
        assert "张三请于2025年3月19日前补正。" in text
        assert "共用正文" not in text

    # Another organisation falls back to the shared override.
    other = DisclosureRequestFactory(received_on=RECEIVED)
    ClockEventFactory(disclosure_request=other, kind=ClockEvent.Kind.CORRECTION_REQUESTED)
    text = docx_text(render_letter(disclosure_request=other, kind="correction_notice").docx)
    assert "共用格式" in text and "共用正文" in text


def test_an_explicit_template_wins(application) -> None:
    template = LetterTemplateFactory.build(
        organisation=None,
        kind=LetterKind.RECEIPT,
        title="回执",
        body="已收到“{{ information }}”的申请。",
    )
    text = docx_text(
        render_letter(disclosure_request=application, kind="receipt", template=template).docx
    )
    assert "已收到“某化工项目环境影响评价批复”的申请。" in text


def test_unknown_kind_is_refused(application) -> None:
    with pytest.raises(ApplicationError, match="未知的文书类型"):
        render_letter(disclosure_request=application, kind="poem")


def test_every_kind_has_a_default_template_and_title() -> None:
    assert set(DEFAULT_TITLES) == set(LetterKind.values)


def test_text_to_blocks_joins_lines_and_reads_headings() -> None:
    blocks = text_to_blocks("## 一、事项\n\n第一行\n第二行\n\n\n  \n末段")
    assert [type(b).__name__ for b in blocks] == ["Heading", "Paragraph", "Paragraph"]
    assert blocks[1].text == "第一行第二行"


def test_mask_identifier() -> None:
    assert mask_identifier("110105198506150018") == "110***********0018"
    assert mask_identifier("1234") == "****"
    assert mask_identifier("") == ""


# --- deadlines in a year whose holiday notice is not entered ---------------------------------

PROVISIONAL_NOTE_START = "暂定：2027年的放假安排尚未公布"


@pytest.fixture
def provisional_application(application):
    # Received 2026-12-18: the answer is due in 2027, whose notice is not entered.
    application.received_on = dt.date(2026, 12, 18)
    application.due_on = dt.date(2027, 1, 12)
    application.save()
    return application


def test_an_extension_notice_marks_a_provisional_due_date(provisional_application) -> None:
    ClockEventFactory(
        disclosure_request=provisional_application,
        kind=ClockEvent.Kind.EXTENSION_APPROVED,
        occurred_on=dt.date(2026, 12, 28),
        data={"days": 20},
    )
    provisional_application.due_on = dt.date(2027, 2, 9)
    docx, pdf = both_texts(
        render_letter(disclosure_request=provisional_application, kind="extension_notice")
    )
    for text in (docx, pdf):
        assert "本机关将于2027年2月9日（暂定）前作出答复" in text
        assert PROVISIONAL_NOTE_START in text
        assert "录入" not in text


def test_a_fee_notice_marks_a_provisional_payment_date(provisional_application) -> None:
    FeeNoticeFactory(
        disclosure_request=provisional_application,
        amount="20.00",
        sent_on=dt.date(2026, 12, 28),
        due_on=dt.date(2027, 1, 25),
    )
    docx, pdf = both_texts(
        render_letter(disclosure_request=provisional_application, kind="fee_notice")
    )
    for text in (docx, pdf):
        assert "请你于2027年1月25日（暂定）前缴纳" in text
        assert PROVISIONAL_NOTE_START in text


def test_a_consultation_letter_marks_a_provisional_reply_date(provisional_application) -> None:
    ClockEventFactory(
        disclosure_request=provisional_application,
        kind=ClockEvent.Kind.CONSULTATION_STARTED,
        occurred_on=dt.date(2026, 12, 28),
        data={"party_kind": "third_party", "party_name": "某某化工有限公司"},
    )
    text = docx_text(
        render_letter(disclosure_request=provisional_application, kind="consultation_letter").docx
    )
    assert re.search(r"请于2027年\d+月\d+日（暂定）前将书面意见反馈本机关", text)
    assert PROVISIONAL_NOTE_START in text


def test_a_letter_stating_no_provisional_date_carries_no_note(provisional_application) -> None:
    # The correction notice names the applicant's deadline, typed by staff, not the due date.
    ClockEventFactory(
        disclosure_request=provisional_application,
        kind=ClockEvent.Kind.CORRECTION_REQUESTED,
        occurred_on=dt.date(2026, 12, 21),
        data={"items": "请写明文号", "deadline_on": "2027-01-20"},
    )
    text = docx_text(
        render_letter(disclosure_request=provisional_application, kind="correction_notice").docx
    )
    assert "暂定" not in text


def test_a_letter_in_entered_years_carries_no_mark(application) -> None:
    text = docx_text(render_letter(disclosure_request=application, kind="receipt").docx)
    assert "2025年3月31日" in text and "暂定" not in text
