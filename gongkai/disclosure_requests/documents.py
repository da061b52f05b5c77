"""Letters (告知书) for an application, as DOCX and PDF.

Wording is a Django template per kind: the default in ``letter_templates/<kind>.txt``, replaced
for one organisation (or for everyone, with ``organisation`` empty) by a ``LetterTemplate``.
Templates render plain text: blank lines separate paragraphs, a line starting ``## `` is a
heading. The decision letter's ``{{ answer }}`` is the outcome-specific paragraph from
``letter_templates/decision_<variant>.txt`` (variant = ``Outcome.letter_kind``).

Variables a template can use: ``you`` (（单位） for legal persons), ``applicant_name``,
``tracking_number``, ``received_on``, ``due_on``, ``issued_on``, ``information``,
``organisation_name``, ``form_wanted_label``, ``delivery_method_label``; in decisions
``outcome`` (.label, .article, .code, .group), ``legal_basis``, ``reason_detail``,
``responsible_body_name``, ``responsible_body_contact``, ``remedies``, ``answer``; in the
correction notice ``correction_items``, ``correction_deadline_on``; in the extension notice
``extension_days``, ``extension_reason``; in the consultation letter ``party_kind``,
``party_name``, ``consultation_reply_by``; in the fee notice ``fee_amount``,
``fee_method_label``, ``fee_pages``, ``fee_basis_text``, ``fee_due_on``.

Only strings reach a template (no model instances), and letters never carry the applicant's
full identity-document number; the access code appears on the receipt and nowhere else.

A deadline in a year whose holiday notice is not entered yet (``due_on``, ``fee_due_on``,
``consultation_reply_by``) is written with （暂定） after it, and a letter stating one ends with
the one-line explanation of gongkai.workdays.calendar.provisional_note (docs/calendar.md), so an
organisation's own wording is covered too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.template import Context, Engine
from django.utils import timezone

from gongkai.core.documents import (
    DocumentSpec,
    Heading,
    Paragraph,
    Signature,
    Table,
    arabic_date,
    document_number,
    render_docx,
    render_pdf,
)
from gongkai.core.exceptions import ApplicationError
from gongkai.disclosure_requests.models import (
    ClockEvent,
    DisclosureRequest,
    LetterKind,
    LetterTemplate,
)
from gongkai.disclosure_requests.rules.outcomes import Outcome, outcome_by_code, remedies_text
from gongkai.disclosure_requests.rules.regimes import regime_by_code
from gongkai.organisations.models import Organisation
from gongkai.workdays import selectors as workdays_selectors
from gongkai.workdays.calendar import add_working_days, provisional_note

TEMPLATE_DIR = Path(__file__).resolve().parent / "letter_templates"

DEFAULT_TITLES: dict[str, str] = {
    LetterKind.DECISION: "政府信息公开申请答复书",
    LetterKind.CORRECTION_NOTICE: "政府信息公开申请补正告知书",
    LetterKind.EXTENSION_NOTICE: "政府信息公开申请延期答复告知书",
    LetterKind.CONSULTATION_LETTER: "政府信息公开征求意见函",
    LetterKind.FEE_NOTICE: "政府信息公开信息处理费收费通知书",
    LetterKind.RECEIPT: "政府信息公开申请回执",
}

# Letters are plain text, not HTML: no escaping of quotes or ampersands.
_ENGINE = Engine(autoescape=False)


@dataclass(frozen=True)
class RenderedLetter:
    docx: bytes
    pdf: bytes
    filename_base: str


@lru_cache(maxsize=32)
def default_template_text(name: str) -> str:
    return (TEMPLATE_DIR / f"{name}.txt").read_text(encoding="utf-8")


def template_for(organisation: Organisation, kind: str) -> tuple[str, str]:
    """(title, body) for `kind`: the organisation's, else the shared override, else built in."""
    for owner in (organisation, None):
        override = LetterTemplate.objects.filter(organisation=owner, kind=kind).first()
        if override is not None:
            return override.title, override.body
    return DEFAULT_TITLES[kind], default_template_text(kind)


def render_text(source: str, context: dict[str, Any]) -> str:
    return _ENGINE.from_string(source).render(Context(context))


def text_to_blocks(text: str) -> list[Heading | Paragraph]:
    """Blank lines part paragraphs; lines within one are joined (Chinese needs no spaces)."""
    blocks: list[Heading | Paragraph] = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        joined = "".join(line.strip() for line in chunk.splitlines())
        if not joined:
            continue
        if joined.startswith("## "):
            blocks.append(Heading(joined[3:].strip()))
        else:
            blocks.append(Paragraph(joined))
    return blocks


def mask_identifier(value: str, keep_start: int = 3, keep_end: int = 4) -> str:
    """110105********1234: enough for the applicant to recognise, useless to anyone else."""
    value = value.strip()
    if not value:
        return ""
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[-keep_end:]


def _date(value: date | None) -> str:
    return arabic_date(value) if value else ""


PROVISIONAL_MARK = "（暂定）"


class _Deadlines:
    """Writes the deadlines a letter states, marking those in a year not entered yet."""

    def __init__(self) -> None:
        self.entered = workdays_selectors.entered_years()
        self.provisional_years: set[int] = set()

    def __call__(self, value: date | None) -> str:
        if value is None:
            return ""
        if workdays_selectors.stored_date_is_provisional(value, self.entered):
            self.provisional_years.add(value.year)
            return _date(value) + PROVISIONAL_MARK
        return _date(value)


def _iso_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _last_event(disclosure_request: DisclosureRequest, kind: str) -> ClockEvent | None:
    return disclosure_request.clock_events.filter(kind=kind).order_by("-occurred_on", "-id").first()


def _information(disclosure_request: DisclosureRequest) -> str:
    parts = [disclosure_request.information_title.strip()]
    if disclosure_request.information_document_number.strip():
        parts.append(f"（{disclosure_request.information_document_number.strip()}）")
    text = "".join(parts) or disclosure_request.information_description.strip()
    return text if len(text) <= 120 else text[:119] + "…"


def _base_context(
    disclosure_request: DisclosureRequest, issued_on: date, deadline: _Deadlines
) -> dict[str, Any]:
    organisation = disclosure_request.organisation
    return {
        "you": "（单位）" if disclosure_request.is_legal_person else "",
        "applicant_name": disclosure_request.applicant_name,
        "tracking_number": disclosure_request.tracking_number,
        "received_on": _date(disclosure_request.received_on),
        "due_on": deadline(disclosure_request.due_on),
        "issued_on": _date(issued_on),
        "information": _information(disclosure_request),
        "organisation_name": organisation.name,
        "form_wanted_label": disclosure_request.get_form_wanted_display(),
        "delivery_method_label": disclosure_request.get_delivery_method_display(),
        # A safe view under the model's name, for templates written as {{ disclosure_request.x }}.
        "disclosure_request": {
            "tracking_number": disclosure_request.tracking_number,
            "applicant_name": disclosure_request.applicant_name,
            "information_title": disclosure_request.information_title,
            "received_on": _date(disclosure_request.received_on),
            "due_on": deadline(disclosure_request.due_on),
        },
    }


def _correction_context(disclosure_request: DisclosureRequest) -> dict[str, Any]:
    event = _last_event(disclosure_request, ClockEvent.Kind.CORRECTION_REQUESTED)
    if event is None:
        return {"correction_items": "", "correction_deadline_on": "", "correction_sent_on": ""}
    return {
        "correction_items": str(event.data.get("items") or event.note or ""),
        "correction_deadline_on": _date(_iso_date(event.data.get("deadline_on"))),
        "deadline_on": _date(_iso_date(event.data.get("deadline_on"))),
        "correction_sent_on": _date(event.occurred_on),
    }


def _extension_context(disclosure_request: DisclosureRequest) -> dict[str, Any]:
    event = _last_event(disclosure_request, ClockEvent.Kind.EXTENSION_APPROVED)
    if event is None:
        raise ApplicationError("该申请没有批准延期的记录，不能生成延期答复告知书。")
    return {
        "extension_days": event.data.get("days", ""),
        "extension_reason": str(event.data.get("reason") or event.note or ""),
    }


def _consultation_context(
    disclosure_request: DisclosureRequest, deadline: _Deadlines
) -> dict[str, Any]:
    event = _last_event(disclosure_request, ClockEvent.Kind.CONSULTATION_STARTED)
    if event is None:
        raise ApplicationError("该申请没有征求意见的记录，不能生成征求意见函。")
    reply_by = ""
    limit = (
        regime_by_code(disclosure_request.regime).consultation_reply_days
        if disclosure_request.regime
        else None
    )
    if limit:
        try:
            # 第三十二条: the third party answers within 15 working days of receiving the letter.
            reply_by = deadline(add_working_days(event.occurred_on, limit))
        except ApplicationError:  # a year outside 2000–2100: the period in words instead
            reply_by = ""
    return {
        "party_kind": str(event.data.get("party_kind", "third_party")),
        "party_name": str(event.data.get("party_name", "")),
        "consultation_sent_on": _date(event.occurred_on),
        "consultation_reply_by": reply_by or "收到本函之日起十五个工作日",
    }


def _fee_context(disclosure_request: DisclosureRequest, deadline: _Deadlines) -> dict[str, Any]:
    try:
        fee = disclosure_request.fee_notice
    except ObjectDoesNotExist:
        fee = None
    if fee is None:
        return {"fee_sent_on": ""}
    return {
        "fee_amount": f"{Decimal(str(fee.amount)):.2f}",
        "fee_method_label": fee.get_method_display(),
        "fee_pages": fee.pages or "",
        "fee_basis_text": fee.basis_text,
        "fee_due_on": deadline(fee.due_on),
        "fee_sent_on": _date(fee.sent_on),
    }


def _decision_context(
    disclosure_request: DisclosureRequest, deadline: _Deadlines
) -> dict[str, Any]:
    try:
        decision = disclosure_request.decision
    except ObjectDoesNotExist:
        raise ApplicationError("该申请尚未拟定答复，不能生成答复书。") from None
    outcome: Outcome = outcome_by_code(decision.outcome)
    organisation = disclosure_request.organisation
    parent = organisation.parent
    remedies = decision.remedies.strip() or remedies_text(
        organisation.name, parent.name if parent else ""
    )
    return {
        "outcome": outcome,
        "legal_basis": decision.legal_basis.strip(),
        "reason_detail": decision.reason_detail.strip(),
        "responsible_body_name": decision.responsible_body_name.strip() or "有关机关",
        "responsible_body_contact": decision.responsible_body_contact.strip(),
        "remedies": remedies,
        **_correction_context(disclosure_request),
        **_fee_context(disclosure_request, deadline),
    }


def _receipt_table(disclosure_request: DisclosureRequest, access_code: str | None) -> Table:
    rows: list[list[str]] = [["申请编号", disclosure_request.tracking_number]]
    if access_code:
        rows.append(["查询码", access_code])
    rows += [
        ["申请人", disclosure_request.applicant_name],
        ["申请人类型", disclosure_request.get_applicant_type_display()],
    ]
    if disclosure_request.id_number:
        rows.append(
            [
                disclosure_request.get_id_type_display() or "证件号码",
                mask_identifier(disclosure_request.id_number),
            ]
        )
    if disclosure_request.credit_code:
        rows.append(["统一社会信用代码", mask_identifier(disclosure_request.credit_code)])
    if disclosure_request.phone:
        rows.append(["联系电话", mask_identifier(disclosure_request.phone, 3, 4)])
    submitted = timezone.localtime(disclosure_request.submitted_at)
    rows += [
        ["所需信息", _information(disclosure_request)],
        [
            "获取形式与方式",
            f"{disclosure_request.get_form_wanted_display()}，"
            f"{disclosure_request.get_delivery_method_display()}",
        ],
        ["提交方式", disclosure_request.get_channel_display()],
        ["提交时间", f"{arabic_date(submitted.date())} {submitted:%H:%M}"],
    ]
    return Table(header=["项目", "内容"], rows=rows, widths=(1, 3))


def _document_number(disclosure_request: DisclosureRequest) -> str:
    # Tracking numbers read "<code>-<year>-<serial>": the letter reuses year and serial.
    parts = disclosure_request.tracking_number.rsplit("-", 2)
    organisation = disclosure_request.organisation
    prefix = f"{organisation.short_name or ''}依申请公开"
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        return document_number(prefix, int(parts[1]), int(parts[2]))
    return f"申请编号：{disclosure_request.tracking_number}"


def render_letter(
    *,
    disclosure_request: DisclosureRequest,
    kind: str,
    template: LetterTemplate | None = None,
    issued_on: date | None = None,
    access_code: str | None = None,
    extra_context: dict[str, Any] | None = None,
) -> RenderedLetter:
    """Render one letter. `template` forces a wording; otherwise the organisation's is used.

    `access_code` is printed only on the receipt (the one moment the applicant is shown it).
    """
    if kind not in DEFAULT_TITLES:
        raise ApplicationError(f"未知的文书类型“{kind}”。")
    issued_on = issued_on or timezone.localdate()
    organisation = disclosure_request.organisation
    if template is not None:
        title, body = template.title, template.body
    else:
        title, body = template_for(organisation, kind)

    deadline = _Deadlines()
    context = _base_context(disclosure_request, issued_on, deadline)
    addressee = disclosure_request.applicant_name
    if kind == LetterKind.DECISION:
        context |= _decision_context(disclosure_request, deadline)
        outcome: Outcome = context["outcome"]
        context["answer"] = render_text(default_template_text(outcome.letter_kind), context)
    elif kind == LetterKind.CORRECTION_NOTICE:
        context |= _correction_context(disclosure_request)
    elif kind == LetterKind.EXTENSION_NOTICE:
        context |= _extension_context(disclosure_request)
    elif kind == LetterKind.CONSULTATION_LETTER:
        context |= _consultation_context(disclosure_request, deadline)
        # The third party or agency gets the letter; the applicant's identity stays out of it.
        addressee = context["party_name"] or "有关单位"
    elif kind == LetterKind.FEE_NOTICE:
        context |= _fee_context(disclosure_request, deadline)
        if "fee_amount" not in context:
            raise ApplicationError("该申请没有收费通知，不能生成收费通知书。")
    if extra_context:
        context |= extra_context

    blocks: list[Heading | Paragraph | Table] = []
    if kind == LetterKind.RECEIPT:
        blocks.append(_receipt_table(disclosure_request, access_code))
    text = render_text(body, context)
    blocks += text_to_blocks(text)
    if deadline.provisional_years and PROVISIONAL_MARK in text:
        blocks.append(Paragraph(provisional_note(sorted(deadline.provisional_years))))

    office = organisation.disclosure_office.strip()
    notes = []
    if organisation.address or organisation.phone:
        contact = "，".join(
            part
            for part in (
                f"地址：{organisation.address}" if organisation.address else "",
                f"邮政编码：{organisation.postcode}" if organisation.postcode else "",
                f"联系电话：{organisation.phone}" if organisation.phone else "",
            )
            if part
        )
        notes.append(f"（{office + '，' if office else ''}{contact}）")
    spec = DocumentSpec(
        title=render_text(title, context).strip() or DEFAULT_TITLES[kind],
        document_number="" if kind == LetterKind.RECEIPT else _document_number(disclosure_request),
        addressee=addressee,
        body=blocks,
        signature=Signature(organisation.name, issued_on),
        notes=notes,
        author=organisation.name,
    )
    return RenderedLetter(
        docx=render_docx(spec),
        pdf=render_pdf(spec),
        filename_base=f"{disclosure_request.tracking_number}-{kind}-{issued_on:%Y%m%d}",
    )
