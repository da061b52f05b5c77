"""Writes of 依申请公开. Every step appends its clock events and recomputes the due date from
the ledger (rules.ledger.compute_deadline); nothing here ever types a due date.

Each service is atomic, checks the actor's permission (gongkai.organisations.permissions),
writes an audit entry "disclosure_requests.request.<verb>" and tells the applicant by email
after the commit. Refusals are ApplicationError with a message for the user; nothing changes.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gongkai.catalogue.attachments import validate_upload
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.validators import (
    is_valid_credit_code,
    is_valid_id_number,
    normalise_code,
    validate_phone,
)
from gongkai.disclosure_requests import notifications, numbering
from gongkai.disclosure_requests.models import (
    ApplicantType,
    Channel,
    ClockEvent,
    Decision,
    Delivery,
    DeliveryMethod,
    DisclosureRequest,
    FeeNotice,
    FormWanted,
    IdType,
    Letter,
    LetterKind,
    RequestAttachment,
)
from gongkai.disclosure_requests.rules import fees, outcomes
from gongkai.disclosure_requests.rules.ledger import (
    DeadlineExplanation,
    LedgerEvent,
    compute_deadline,
)
from gongkai.disclosure_requests.rules.regimes import AGENCY, THIRD_PARTY, Regime, regime_for
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.workdays.services import DeadlineChange, deadline_change_record

Status = DisclosureRequest.Status
Kind = ClockEvent.Kind

# Unambiguous characters only (no 0/O, 1/I/L): the applicant copies the code from paper.
ACCESS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ACCESS_CODE_LENGTH = 8

# 第二十九条 fields the applicant fills in (online form, staff entry, API).
APPLICATION_FIELDS = frozenset(
    {
        "applicant_type", "applicant_name", "id_type", "id_number", "credit_code",
        "contact_person", "phone", "email", "address", "postcode", "information_title",
        "information_document_number", "information_description", "form_wanted",
        "delivery_method",
    }
)  # fmt: skip

# 第三十一条: which day is the day of receipt, per channel. (date argument, rule text)
RECEIPT_DATE_RULES: dict[str, tuple[str, str]] = {
    Channel.IN_PERSON: (
        "received_on",
        "第三十一条第（一）项：当面提交的，以提交之日为收到申请之日。",
    ),
    Channel.POST_SIGNED: (
        "signed_on",
        "第三十一条第（二）项：以邮寄方式提交的，以行政机关签收之日为收到申请之日。",
    ),
    Channel.POST_ORDINARY: (
        "confirmed_on",
        "第三十一条第（二）项：以平常信函等无需签收的邮寄方式提交的，以双方确认之日为收到申请之日。",
    ),
    Channel.ONLINE: (
        "confirmed_on",
        "第三十一条第（三）项：通过互联网渠道提交的，以双方确认之日为收到申请之日。",
    ),
    Channel.EMAIL: (
        "confirmed_on",
        "第三十一条第（三）项：通过互联网渠道（电子邮件）提交的，以双方确认之日为收到申请之日。",
    ),
    Channel.FAX: (
        "confirmed_on",
        "第三十一条第（三）项：通过传真提交的，以双方确认之日为收到申请之日。",
    ),
}
_DATE_LABELS = {"received_on": "提交日期", "signed_on": "签收日期", "confirmed_on": "确认日期"}

# Statuses in which the agency is working on the substance (not waiting for someone else).
_WORKING = (Status.IN_PROGRESS,)
_OPEN_RECEIVED = (
    Status.IN_PROGRESS,
    Status.AWAITING_CORRECTION,
    Status.IN_CONSULTATION,
    Status.AWAITING_FEE,
    Status.AWAITING_APPROVAL,
)


# --- helpers ---------------------------------------------------------------------------------


def _deny(message: str) -> PermissionDeniedError:
    return PermissionDeniedError(message)


def _today() -> dt.date:
    return timezone.localdate()


def _locked(disclosure_request: DisclosureRequest) -> DisclosureRequest:
    return (
        DisclosureRequest.objects.select_for_update(of=("self",))
        .select_related("organisation", "department", "handler")
        .get(pk=disclosure_request.pk)
    )


def _copy_back(target: DisclosureRequest, source: DisclosureRequest) -> None:
    # Callers keep using the object they passed in; give it the stored state.
    for field in DisclosureRequest._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))


def _require_status(
    disclosure_request: DisclosureRequest, allowed: Iterable[str], action: str
) -> None:
    if disclosure_request.status not in tuple(allowed):
        raise ApplicationError(
            f"申请{disclosure_request.tracking_number}当前状态为"
            f"“{disclosure_request.get_status_display()}”，不能{action}。"
        )


def _check_handle(actor: Any, disclosure_request: DisclosureRequest) -> None:
    if not permissions.can_handle_disclosure_request(actor, disclosure_request):
        raise _deny("您没有办理该申请的权限。")


def _check_approve(actor: Any, disclosure_request: DisclosureRequest, what: str) -> None:
    if not permissions.can_approve_disclosure_request(actor, disclosure_request):
        raise _deny(f"{what}须经政府信息公开工作机构负责人（审批人）同意，您没有该权限。")


def _check_date(value: Any, label: str, *, not_before: dt.date | None = None) -> dt.date:
    if not isinstance(value, dt.date):
        raise ApplicationError(f"请填写{label}。")
    if value > _today():
        raise ApplicationError(f"{label}不能晚于今天。")
    if not_before is not None and value < not_before:
        raise ApplicationError(f"{label}不能早于{not_before.isoformat()}。")
    return value


def _events(disclosure_request: DisclosureRequest) -> list[LedgerEvent]:
    return [
        LedgerEvent(kind=event.kind, on=event.occurred_on, data=event.data)
        for event in ClockEvent.objects.filter(disclosure_request=disclosure_request).order_by(
            "occurred_on", "recorded_at", "id"
        )
    ]


def _regime(disclosure_request: DisclosureRequest) -> Regime:
    assert disclosure_request.received_on is not None
    return regime_for(disclosure_request.received_on)


def explain(
    disclosure_request: DisclosureRequest, *, today: dt.date | None = None
) -> DeadlineExplanation:
    """The ledger's explanation of the due date (selectors.ledger_for is the public read)."""
    return compute_deadline(
        _events(disclosure_request), regime=_regime(disclosure_request), today=today or _today()
    )


def _append(
    disclosure_request: DisclosureRequest,
    kind: str,
    occurred_on: dt.date,
    *,
    actor: Any,
    data: Mapping[str, Any] | None = None,
    note: str = "",
) -> DeadlineExplanation:
    """Append one clock event and recompute the cached due date. The ledger refuses an
    impossible history (a second extension, events before receipt) and then nothing is kept."""
    ClockEvent.objects.create(
        disclosure_request=disclosure_request,
        kind=kind,
        occurred_on=occurred_on,
        actor=actor if getattr(actor, "pk", None) else None,
        data=dict(data or {}),
        note=note,
    )
    return _recompute(disclosure_request)


def _recompute(disclosure_request: DisclosureRequest) -> DeadlineExplanation:
    explanation = explain(disclosure_request)
    disclosure_request.due_on = explanation.due_on
    return explanation


def _save(disclosure_request: DisclosureRequest, *fields: str) -> None:
    disclosure_request.save(update_fields=[*fields, "updated_at"])


def _log(disclosure_request: DisclosureRequest, verb: str, *, actor: Any, **data: Any) -> None:
    audit.log(
        disclosure_request,
        f"disclosure_requests.request.{verb}",
        actor=actor,
        data={key: _json(value) for key, value in data.items()},
    )


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json(item) for item in value]
    return value


def _new_access_code() -> str:
    return "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(ACCESS_CODE_LENGTH))


# --- validation of the application (第二十九条) ----------------------------------------------


def clean_application_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """Check and normalise the applicant's fields. Raises ApplicationError whose message lists
    every problem and whose `extra["errors"]` maps field name -> message for forms."""
    unknown = set(data) - APPLICATION_FIELDS
    if unknown:
        raise ApplicationError(f"不可填写的字段：{'、'.join(sorted(unknown))}")
    cleaned: dict[str, Any] = {
        name: (str(data.get(name) or "")).strip() for name in APPLICATION_FIELDS
    }
    errors: dict[str, str] = {}

    def require(name: str, message: str) -> bool:
        if not cleaned[name]:
            errors.setdefault(name, message)
            return False
        return True

    def choice(name: str, choices: Any, label: str) -> None:
        if require(name, f"请选择{label}。") and cleaned[name] not in choices.values:
            errors[name] = f"{label}“{cleaned[name]}”无效。"

    choice("applicant_type", ApplicantType, "申请人类型")
    require("applicant_name", "请填写申请人姓名或名称。")
    choice("form_wanted", FormWanted, "获取信息的形式")
    choice("delivery_method", DeliveryMethod, "获取信息的方式")

    if cleaned["applicant_type"] == ApplicantType.NATURAL_PERSON:
        choice("id_type", IdType, "身份证件类型")
        has_number = require("id_number", "请填写身份证件号码。")
        if has_number and cleaned["id_type"] == IdType.RESIDENT_ID:
            cleaned["id_number"] = normalise_code(cleaned["id_number"])
            if not is_valid_id_number(cleaned["id_number"]):
                errors["id_number"] = (
                    f"居民身份证号码“{cleaned['id_number']}”不正确"
                    "（GB 11643 校验码或出生日期有误），请核对。"
                )
    elif cleaned["applicant_type"]:
        # 法人或其他组织: 统一社会信用代码 (GB 32100) and a contact person.
        if require("credit_code", "请填写统一社会信用代码。"):
            cleaned["credit_code"] = normalise_code(cleaned["credit_code"])
            if not is_valid_credit_code(cleaned["credit_code"]):
                errors["credit_code"] = (
                    f"统一社会信用代码“{cleaned['credit_code']}”不正确"
                    "（GB 32100 校验码有误），请核对。"
                )
        require("contact_person", "请填写联系人姓名。")
        if cleaned["id_type"] and cleaned["id_type"] not in IdType.values:
            errors["id_type"] = "身份证件类型无效。"

    if not (cleaned["phone"] or cleaned["email"] or cleaned["address"]):
        errors["phone"] = "请至少填写一种联系方式（电话、电子邮箱或通信地址）。"
    if cleaned["phone"]:
        try:
            validate_phone(cleaned["phone"])
        except ValidationError:
            errors["phone"] = f"联系电话“{cleaned['phone']}”格式不正确。"
    if cleaned["email"]:
        try:
            validate_email(cleaned["email"])
        except ValidationError:
            errors["email"] = f"电子邮箱“{cleaned['email']}”格式不正确。"
    if cleaned["delivery_method"] == DeliveryMethod.POST and not cleaned["address"]:
        errors["address"] = "选择邮寄送达时，请填写通信地址。"
    if cleaned["delivery_method"] == DeliveryMethod.EMAIL and not cleaned["email"]:
        errors["email"] = "选择电子邮件送达时，请填写电子邮箱。"
    if not (
        cleaned["information_title"]
        or cleaned["information_document_number"]
        or cleaned["information_description"]
    ):
        errors["information_title"] = (
            "请填写所需政府信息的名称、文号或者便于查询的其他特征性描述（第二十九条）。"
        )
    if errors:
        raise ApplicationError(
            "申请内容有误：" + "；".join(errors.values()), extra={"errors": errors}
        )
    return cleaned


def _save_attachments(disclosure_request: DisclosureRequest, uploads: Iterable[Any]) -> None:
    for upload in uploads:
        content_type, size, sha256 = validate_upload(upload)
        original_name = os.path.basename(upload.name or "")[:255]
        extension = os.path.splitext(original_name)[1].lower()
        attachment = RequestAttachment(
            disclosure_request=disclosure_request,
            original_name=original_name,
            content_type=content_type,
            size=size,
            sha256=sha256,
        )
        # Stored under the checksum: the original name is kept in the row, not on disk.
        attachment.file.save(f"{sha256[:32]}{extension}", File(upload), save=False)
        try:
            attachment.save()
        except Exception:
            attachment.file.delete(save=False)
            raise


def _create(
    *,
    organisation: Organisation,
    channel: str,
    data: Mapping[str, Any],
    submitted_at: dt.datetime,
    created_by: Any,
    attachments: Iterable[Any],
) -> tuple[DisclosureRequest, str]:
    if not isinstance(organisation, Organisation) or not organisation.is_active:
        raise ApplicationError("请选择受理申请的行政机关。")
    cleaned = clean_application_data(data)
    access_code = _new_access_code()
    disclosure_request = DisclosureRequest(
        organisation=organisation,
        channel=channel,
        submitted_at=submitted_at,
        status=Status.PENDING_CONFIRMATION,
        access_code_hash=make_password(access_code),
        created_by=created_by if getattr(created_by, "pk", None) else None,
        **cleaned,
    )
    disclosure_request.tracking_number = numbering.next_tracking_number(
        organisation, timezone.localtime(submitted_at).year
    )
    disclosure_request.save()
    _save_attachments(disclosure_request, attachments)
    return disclosure_request, access_code


def _receive(
    disclosure_request: DisclosureRequest, received_on: dt.date, *, actor: Any, how: str
) -> DeadlineExplanation:
    regime = regime_for(received_on)
    disclosure_request.received_on = received_on
    disclosure_request.regime = regime.code
    disclosure_request.status = Status.IN_PROGRESS
    explanation = _append(
        disclosure_request,
        Kind.RECEIVED,
        received_on,
        actor=actor,
        data={"channel": disclosure_request.channel, "rule": how},
    )
    _save(disclosure_request, "received_on", "regime", "status", "due_on")
    return explanation


# --- intake (第二十九条、第三十一条) ----------------------------------------------------------


@transaction.atomic
def disclosure_request_submit_online(
    *, data: Mapping[str, Any], attachments: Iterable[Any] = (), actor: Any = None
) -> tuple[DisclosureRequest, str]:
    """A public online application. Returns it and its access code (shown once, never stored
    in clear). It waits for confirmation: the day both sides confirm is the day of receipt."""
    fields = dict(data)
    organisation = fields.pop("organisation", None)
    if organisation is not None and not isinstance(organisation, Organisation):
        organisation = Organisation.objects.filter(pk=organisation, is_active=True).first()
    if organisation is None:
        raise ApplicationError(
            "请选择受理申请的行政机关。", extra={"errors": {"organisation": "请选择受理机关。"}}
        )
    disclosure_request, access_code = _create(
        organisation=organisation,
        channel=Channel.ONLINE,
        data=fields,
        submitted_at=timezone.now(),
        created_by=actor,
        attachments=attachments,
    )
    _log(
        disclosure_request, "submitted", actor=actor, channel=Channel.ONLINE,
        tracking_number=disclosure_request.tracking_number,
    )  # fmt: skip
    notifications.notify_applicant(disclosure_request, "submitted")
    return disclosure_request, access_code


@transaction.atomic
def disclosure_request_register(
    *,
    actor: Any,
    organisation: Organisation,
    channel: str,
    data: Mapping[str, Any],
    received_on: dt.date | None = None,
    signed_on: dt.date | None = None,
    confirmed_on: dt.date | None = None,
    submitted_at: dt.datetime | None = None,
    attachments: Iterable[Any] = (),
) -> DisclosureRequest:
    """Staff entry of an application received in person, by post, fax or email.

    The day of receipt follows 第三十一条 for the channel (RECEIPT_DATE_RULES): in person the
    day submitted (`received_on`), signed-for post the day signed (`signed_on`), ordinary
    letters, fax, email and online the day both sides confirm (`confirmed_on`; without it the
    application waits in the to-confirm queue). The new access code is returned on the
    instance as `access_code` (not stored) for the applicant's receipt.
    """
    if not permissions.can_register_disclosure_request(actor, organisation):
        raise _deny(f"您没有在“{organisation.name}”登记政府信息公开申请的权限。")
    if channel not in RECEIPT_DATE_RULES:
        raise ApplicationError(f"申请方式“{channel}”无效。")
    date_argument, rule = RECEIPT_DATE_RULES[channel]
    given = {"received_on": received_on, "signed_on": signed_on, "confirmed_on": confirmed_on}
    wrong = [name for name, value in given.items() if value is not None and name != date_argument]
    if wrong:
        raise ApplicationError(
            f"{rule}请填写{_DATE_LABELS[date_argument]}，不要填写{_DATE_LABELS[wrong[0]]}。"
        )
    receipt_day = given[date_argument]
    if receipt_day is None and date_argument != "confirmed_on":
        raise ApplicationError(f"{rule}请填写{_DATE_LABELS[date_argument]}。")
    if receipt_day is not None:
        _check_date(receipt_day, _DATE_LABELS[date_argument])
        regime_for(receipt_day)  # refuses a day before any regime, before anything is written
    if submitted_at is None:
        submitted_at = timezone.now()
        if receipt_day is not None and receipt_day < timezone.localdate(submitted_at):
            # Entered later from the paper file: keep the year of the application itself.
            submitted_at = timezone.make_aware(dt.datetime.combine(receipt_day, dt.time(9, 0)))
    disclosure_request, access_code = _create(
        organisation=organisation,
        channel=channel,
        data=data,
        submitted_at=submitted_at,
        created_by=actor,
        attachments=attachments,
    )
    _log(
        disclosure_request, "registered", actor=actor, channel=channel,
        tracking_number=disclosure_request.tracking_number, receipt_rule=rule,
    )  # fmt: skip
    if receipt_day is not None:
        explanation = _receive(disclosure_request, receipt_day, actor=actor, how=rule)
        _log(
            disclosure_request, "received", actor=actor, received_on=receipt_day,
            due_on=explanation.due_on, regime=explanation.regime.code,
        )  # fmt: skip
        notifications.notify_applicant(
            disclosure_request, "received", received_on=receipt_day, due_on=explanation.due_on
        )
    else:
        notifications.notify_applicant(disclosure_request, "submitted")
    disclosure_request.access_code = access_code  # type: ignore[attr-defined]
    return disclosure_request


@transaction.atomic
def disclosure_request_confirm(
    *, actor: Any, disclosure_request: DisclosureRequest, confirmed_on: dt.date
) -> DisclosureRequest:
    """Both sides confirmed the application (第三十一条第（二）、（三）项): the clock starts."""
    current = _locked(disclosure_request)
    if not permissions.can_register_disclosure_request(actor, current.organisation):
        raise _deny("您没有确认该申请的权限。")
    _require_status(current, [Status.PENDING_CONFIRMATION], "确认收到")
    _check_date(confirmed_on, "确认日期", not_before=timezone.localdate(current.submitted_at))
    rule = RECEIPT_DATE_RULES.get(current.channel, ("", "第三十一条"))[1]
    explanation = _receive(current, confirmed_on, actor=actor, how=rule)
    _log(
        current, "confirmed", actor=actor, received_on=confirmed_on, due_on=explanation.due_on,
        regime=explanation.regime.code,
    )  # fmt: skip
    notifications.notify_applicant(
        current, "received", received_on=confirmed_on, due_on=explanation.due_on
    )
    _copy_back(disclosure_request, current)
    return disclosure_request


@transaction.atomic
def disclosure_request_assign(
    *,
    actor: Any,
    disclosure_request: DisclosureRequest,
    handler: Any,
    department: Organisation | None = None,
) -> DisclosureRequest:
    current = _locked(disclosure_request)
    if not permissions.can_assign_disclosure_request(actor, current):
        raise _deny("只有政府信息公开工作机构（公开办）可以分派承办人。")
    if not current.is_open:
        raise ApplicationError(f"申请{current.tracking_number}已办结，不能再分派。")
    if department is not None and not department.path.startswith(current.organisation.path):
        raise ApplicationError(f"“{department.name}”不属于“{current.organisation.name}”。")
    current.department = department
    if handler is None or not permissions.can_be_disclosure_request_handler(handler, current):
        name = getattr(handler, "get_full_name", lambda: "")() or str(handler or "")
        raise ApplicationError(f"“{name}”不是该申请所属机构或承办部门的承办人员。")
    current.handler = handler
    _save(current, "handler", "department")
    _log(
        current, "assigned", actor=actor, handler=handler.pk,
        department=department.pk if department else None,
    )  # fmt: skip
    _copy_back(disclosure_request, current)
    return disclosure_request


# --- 补正 (第三十条) ----------------------------------------------------------------------------


@transaction.atomic
def disclosure_request_request_correction(
    *,
    actor: Any,
    disclosure_request: DisclosureRequest,
    items: str,
    deadline_on: dt.date,
    sent_on: dt.date | None = None,
) -> DisclosureRequest:
    """Ask the applicant, once, to correct the application. A notice sent later than 7 working
    days after receipt is still recorded, with the lateness in the ledger and the audit trail."""
    current = _locked(disclosure_request)
    _check_handle(actor, current)
    if current.clock_events.filter(kind=Kind.CORRECTION_REQUESTED).exists():
        raise ApplicationError("补正告知只能一次性发出（第三十条），该申请已告知过补正。")
    _require_status(current, _WORKING, "告知补正")
    items = (items or "").strip()
    if not items:
        raise ApplicationError("请写明需要补正的事项。")
    assert current.received_on is not None
    sent_on = _check_date(sent_on or _today(), "补正告知日期", not_before=current.received_on)
    if not isinstance(deadline_on, dt.date) or deadline_on <= sent_on:
        raise ApplicationError("补正期限应晚于补正告知日期。")
    notice_due_on = explain(current).correction_notice_due_on
    late = notice_due_on is not None and sent_on > notice_due_on
    current.status = Status.AWAITING_CORRECTION
    _append(
        current, Kind.CORRECTION_REQUESTED, sent_on, actor=actor,
        data={"items": items, "deadline_on": deadline_on.isoformat(), "late_notice": late},
    )  # fmt: skip
    _save(current, "status", "due_on")
    _log(
        current, "correction_requested", actor=actor, items=items, deadline_on=deadline_on,
        sent_on=sent_on, late_notice=late, notice_due_on=notice_due_on,
    )  # fmt: skip
    notifications.notify_applicant(
        current, "correction_requested", items=items, deadline_on=deadline_on
    )
    _copy_back(disclosure_request, current)
    return disclosure_request


@transaction.atomic
def disclosure_request_receive_correction(
    *, actor: Any, disclosure_request: DisclosureRequest, received_on: dt.date, note: str = ""
) -> DisclosureRequest:
    current = _locked(disclosure_request)
    _check_handle(actor, current)
    _require_status(current, [Status.AWAITING_CORRECTION], "登记补正")
    requested = current.clock_events.filter(kind=Kind.CORRECTION_REQUESTED).first()
    assert requested is not None
    _check_date(received_on, "收到补正日期", not_before=requested.occurred_on)
    current.status = Status.IN_PROGRESS
    explanation = _append(current, Kind.CORRECTION_RECEIVED, received_on, actor=actor, note=note)
    _save(current, "status", "due_on")
    _log(
        current, "correction_received", actor=actor, received_on=received_on, due_on=current.due_on
    )
    notifications.notify_applicant(
        current, "correction_received", received_on=received_on, due_on=explanation.due_on
    )
    _copy_back(disclosure_request, current)
    return disclosure_request


@transaction.atomic
def disclosure_request_mark_correction_missed(
    *, actor: Any, disclosure_request: DisclosureRequest, on: dt.date | None = None
) -> DisclosureRequest:
    """逾期不补正 (第三十条): the application is treated as abandoned and ends."""
    current = _locked(disclosure_request)
    _check_handle(actor, current)
    _require_status(current, [Status.AWAITING_CORRECTION], "按逾期不补正办结")
    requested = current.clock_events.filter(kind=Kind.CORRECTION_REQUESTED).first()
    assert requested is not None
    deadline = dt.date.fromisoformat(requested.data["deadline_on"])
    on = on or _today()
    if on <= deadline:
        raise ApplicationError(f"补正期限{deadline.isoformat()}尚未届满，不能按逾期不补正办结。")
    _append(current, Kind.CORRECTION_DEADLINE_MISSED, on, actor=actor)
    _finish(current, "other_correction_overdue", on, actor=actor)
    _log(current, "correction_missed", actor=actor, on=on, deadline_on=deadline)
    notifications.notify_applicant(current, "correction_missed")
    _copy_back(disclosure_request, current)
    return disclosure_request


def _finish(
    disclosure_request: DisclosureRequest, outcome: str, on: dt.date, *, actor: Any
) -> None:
    disclosure_request.outcome = outcome
    disclosure_request.status = Status.CLOSED
    disclosure_request.closed_on = on
    _append(disclosure_request, Kind.CLOSED, on, actor=actor, data={"outcome": outcome})
    _save(disclosure_request, "outcome", "status", "closed_on", "due_on")


# --- consultation (第三十二条、第三十四条) ------------------------------------------------------


@transaction.atomic
def disclosure_request_start_consultation(
    *,
    actor: Any,
    disclosure_request: DisclosureRequest,
    party_kind: str,
    party_name: str,
    sent_on: dt.date,
) -> DisclosureRequest:
    current = _locked(disclosure_request)
    _check_handle(actor, current)
    _require_status(current, _WORKING, "征求意见")
    if party_kind not in (THIRD_PARTY, AGENCY):
        raise ApplicationError("请选择征求意见的对象：第三方或其他行政机关。")
    party_name = (party_name or "").strip()
    if not party_name:
        raise ApplicationError("请填写被征求意见的第三方或行政机关名称。")
    assert current.received_on is not None
    _check_date(sent_on, "征求意见函发出日期", not_before=current.received_on)
    current.status = Status.IN_CONSULTATION
    _append(
        current, Kind.CONSULTATION_STARTED, sent_on, actor=actor,
        data={"party_kind": party_kind, "party_name": party_name},
    )  # fmt: skip
    _save(current, "status", "due_on")
    _log(
        current, "consultation_started", actor=actor, party_kind=party_kind,
        party_name=party_name, sent_on=sent_on,
    )  # fmt: skip
    _copy_back(disclosure_request, current)
    return disclosure_request


@transaction.atomic
def disclosure_request_end_consultation(
    *, actor: Any, disclosure_request: DisclosureRequest, ended_on: dt.date, opinion: str = ""
) -> DisclosureRequest:
    current = _locked(disclosure_request)
    _check_handle(actor, current)
    _require_status(current, [Status.IN_CONSULTATION], "登记征求意见答复")
    started = current.clock_events.filter(kind=Kind.CONSULTATION_STARTED).last()
    assert started is not None
    _check_date(ended_on, "收到答复日期", not_before=started.occurred_on)
    current.status = Status.IN_PROGRESS
    _append(
        current, Kind.CONSULTATION_ENDED, ended_on, actor=actor,
        data={"party_kind": started.data.get("party_kind"), "opinion": opinion.strip()},
    )  # fmt: skip
    _save(current, "status", "due_on")
    _log(current, "consultation_ended", actor=actor, ended_on=ended_on, due_on=current.due_on)
    _copy_back(disclosure_request, current)
    return disclosure_request


# --- extension (第三十三条第二款) ---------------------------------------------------------------


@transaction.atomic
def disclosure_request_extend(
    *,
    actor: Any,
    disclosure_request: DisclosureRequest,
    days: int,
    reason: str,
    approved_on: dt.date | None = None,
) -> DisclosureRequest:
    current = _locked(disclosure_request)
    _check_approve(actor, current, "延长答复期限")
    if current.clock_events.filter(kind=Kind.EXTENSION_APPROVED).exists():
        raise ApplicationError("答复期限只能延长一次（第三十三条第二款），该申请已延期过。")
    _require_status(current, [Status.IN_PROGRESS, Status.IN_CONSULTATION], "延期")
    regime = _regime(current)
    if not isinstance(days, int) or not 1 <= days <= regime.extension_days:
        raise ApplicationError(
            f"延长的期限最长不得超过{regime.extension_days}个工作日（{regime.extension_article}）。"
        )
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError("请写明延期答复的理由。")
    approved_on = _check_date(approved_on or _today(), "批准日期", not_before=current.received_on)
    if current.due_on is not None and approved_on > current.due_on:
        raise ApplicationError(
            f"答复期限已于{current.due_on.isoformat()}届满，不能再延期（第三十三条第二款）。"
        )
    approver = getattr(actor, "get_full_name", lambda: "")() or str(actor)
    _append(
        current, Kind.EXTENSION_APPROVED, approved_on, actor=actor,
        data={"days": days, "reason": reason, "approved_by": approver},
    )  # fmt: skip
    _save(current, "due_on")
    _log(current, "extended", actor=actor, days=days, reason=reason, due_on=current.due_on)
    notifications.notify_applicant(
        current, "extended", days=days, due_on=current.due_on, reason=reason
    )
    _copy_back(disclosure_request, current)
    return disclosure_request


# --- fees (第四十二条, 国办函〔2020〕109号) ------------------------------------------------------


def _same_applicant(disclosure_request: DisclosureRequest) -> Q:
    if disclosure_request.applicant_type == ApplicantType.NATURAL_PERSON and (
        disclosure_request.id_number
    ):
        return Q(id_type=disclosure_request.id_type, id_number=disclosure_request.id_number)
    if disclosure_request.credit_code:
        return Q(credit_code=disclosure_request.credit_code)
    return Q(applicant_name=disclosure_request.applicant_name)


def applications_in_month_before(disclosure_request: DisclosureRequest) -> int:
    """How many applications the same applicant made to the same body earlier in the calendar
    month of this one's receipt (按件 counting, 109号 第四条). A split parent is not counted:
    its parts are."""
    received_on = disclosure_request.received_on
    assert received_on is not None
    return (
        DisclosureRequest.objects.filter(
            _same_applicant(disclosure_request),
            organisation=disclosure_request.organisation,
            received_on__year=received_on.year,
            received_on__month=received_on.month,
        )
        .filter(
            Q(received_on__lt=received_on)
            | Q(received_on=received_on, pk__lt=disclosure_request.pk)
        )
        .exclude(parts__isnull=False)
        .distinct()
        .count()
    )


@transaction.atomic
def disclosure_request_issue_fee_notice(
    *,
    actor: Any,
    disclosure_request: DisclosureRequest,
    method: str,
    pages: int | None = None,
    sent_on: dt.date | None = None,
) -> FeeNotice:
    current = _locked(disclosure_request)
    _check_handle(actor, current)
    if FeeNotice.objects.filter(disclosure_request=current).exists():
        raise ApplicationError("该申请已发出过收费通知；一件申请只能按一种方式收费一次。")
    _require_status(current, _WORKING, "发出收费通知")
    assert current.received_on is not None
    fees.fee_schedule_check(current.received_on, method)
    if method == fees.PER_PAGE:
        if not isinstance(pages, int) or pages < 1:
            raise ApplicationError("按量计收时请填写提供信息的页数。")
        quote = fees.quote_per_page(pages)
    else:
        pages = None
        quote = fees.quote_per_item(applications_in_month_before(current))
    if quote.is_free:
        raise ApplicationError(
            "本申请在免费额度内，不收取信息处理费：" + "；".join(quote.breakdown)
        )
    sent_on = _check_date(sent_on or _today(), "通知日期", not_before=current.received_on)
    basis = quote.basis_text + "\n" + "\n".join(quote.breakdown)
    current.status = Status.AWAITING_FEE
    explanation = _append(
        current, Kind.FEE_NOTICE_SENT, sent_on, actor=actor,
        data={"method": method, "amount": str(quote.amount), "pages": pages},
    )  # fmt: skip
    assert explanation.fee_payment_due_on is not None
    fee_notice = FeeNotice.objects.create(
        disclosure_request=current, method=method, pages=pages, amount=quote.amount,
        basis_text=basis, sent_on=sent_on, due_on=explanation.fee_payment_due_on,
    )  # fmt: skip
    _save(current, "status", "due_on")
    _log(
        current, "fee_notice_issued", actor=actor, method=method, pages=pages,
        amount=str(quote.amount), due_on=fee_notice.due_on,
    )  # fmt: skip
    notifications.notify_applicant(
        current, "fee_notice", amount=f"{quote.amount:.2f}", basis=quote.basis_text,
        due_on=fee_notice.due_on,
    )  # fmt: skip
    _copy_back(disclosure_request, current)
    return fee_notice


@transaction.atomic
def disclosure_request_record_fee_payment(
    *, actor: Any, disclosure_request: DisclosureRequest, paid_on: dt.date
) -> FeeNotice:
    current = _locked(disclosure_request)
    _check_handle(actor, current)
    _require_status(current, [Status.AWAITING_FEE], "登记缴费")
    fee_notice = FeeNotice.objects.select_for_update().get(disclosure_request=current)
    _check_date(paid_on, "缴费日期", not_before=fee_notice.sent_on)
    fee_notice.paid_on = paid_on
    fee_notice.status = FeeNotice.Status.PAID
    fee_notice.save(update_fields=["paid_on", "status"])
    current.status = Status.IN_PROGRESS
    _append(current, Kind.FEE_PAID, paid_on, actor=actor, data={"amount": str(fee_notice.amount)})
    _save(current, "status", "due_on")
    _log(current, "fee_paid", actor=actor, paid_on=paid_on, amount=str(fee_notice.amount))
    notifications.notify_applicant(current, "fee_paid", paid_on=paid_on)
    _copy_back(disclosure_request, current)
    return fee_notice


@transaction.atomic
def disclosure_request_mark_fee_overdue(
    *, actor: Any, disclosure_request: DisclosureRequest, on: dt.date | None = None
) -> DisclosureRequest:
    """逾期未缴费: unpaid after the payment window, the application ends."""
    current = _locked(disclosure_request)
    _check_handle(actor, current)
    _require_status(current, [Status.AWAITING_FEE], "按逾期未缴费办结")
    fee_notice = FeeNotice.objects.select_for_update().get(disclosure_request=current)
    on = on or _today()
    if on <= fee_notice.due_on:
        raise ApplicationError(
            f"缴费期限{fee_notice.due_on.isoformat()}尚未届满，不能按逾期未缴费办结。"
        )
    fee_notice.status = FeeNotice.Status.OVERDUE
    fee_notice.save(update_fields=["status"])
    _append(current, Kind.FEE_DEADLINE_MISSED, on, actor=actor)
    _finish(current, "other_fee_overdue", on, actor=actor)
    _log(current, "fee_missed", actor=actor, on=on, due_on=fee_notice.due_on)
    notifications.notify_applicant(current, "fee_missed")
    _copy_back(disclosure_request, current)
    return disclosure_request


# --- decision (第三十六条–第三十九条) -----------------------------------------------------------


def _outcome(code: str) -> outcomes.Outcome:
    try:
        return outcomes.outcome_by_code(code)
    except ApplicationError:
        raise ApplicationError(f"处理结果“{code}”不在规定的答复类型中。") from None


def _remedies(organisation: Organisation) -> str:
    parent = organisation.parent
    while parent is not None and parent.kind != Organisation.Kind.GOVERNMENT:
        parent = parent.parent
    return outcomes.remedies_text(organisation.name, parent.name if parent else "")


@transaction.atomic
def disclosure_request_draft_decision(
    *,
    actor: Any,
    disclosure_request: DisclosureRequest,
    outcome: str,
    legal_basis: str,
    reason_detail: str = "",
    responsible_body_name: str = "",
    responsible_body_contact: str = "",
) -> Decision:
    current = _locked(disclosure_request)
    _check_handle(actor, current)
    _require_status(current, [Status.IN_PROGRESS, Status.AWAITING_APPROVAL], "拟定答复")
    chosen = _outcome(outcome)
    legal_basis = (legal_basis or "").strip()
    if not legal_basis:
        raise ApplicationError("答复必须写明法律依据（如《条例》第三十六条第（二）项）。")
    reason_detail = (reason_detail or "").strip()
    if getattr(chosen, "requires_reason_detail", False) and not reason_detail:
        raise ApplicationError(f"“{chosen.label}”须写明理由。")
    responsible_body_name = (responsible_body_name or "").strip()
    if getattr(chosen, "requires_responsible_body", False) and not responsible_body_name:
        raise ApplicationError(
            f"“{chosen.label}”须告知负责公开该信息的行政机关名称（第三十六条第（五）项）。"
        )
    decision = Decision.objects.filter(disclosure_request=current).first()
    if decision is not None and decision.status == Decision.Status.APPROVED:
        raise ApplicationError("答复已经审批，不能再修改。")
    decision = decision or Decision(disclosure_request=current)
    decision.outcome = chosen.code
    decision.legal_basis = legal_basis
    decision.reason_detail = reason_detail
    decision.responsible_body_name = responsible_body_name
    decision.responsible_body_contact = (responsible_body_contact or "").strip()
    decision.remedies = _remedies(current.organisation)
    decision.drafted_by = actor if getattr(actor, "pk", None) else None
    decision.drafted_at = timezone.now()
    decision.save()
    current.status = Status.AWAITING_APPROVAL
    _save(current, "status")
    _log(current, "decision_drafted", actor=actor, outcome=chosen.code, legal_basis=legal_basis)
    _copy_back(disclosure_request, current)
    return decision


@transaction.atomic
def disclosure_request_approve_decision(
    *, actor: Any, disclosure_request: DisclosureRequest, approved_on: dt.date | None = None
) -> Decision:
    current = _locked(disclosure_request)
    _check_approve(actor, current, "答复")
    _require_status(current, [Status.AWAITING_APPROVAL], "审批答复")
    decision = Decision.objects.select_for_update().get(disclosure_request=current)
    approved_on = _check_date(approved_on or _today(), "答复日期", not_before=current.received_on)
    decision.status = Decision.Status.APPROVED
    decision.approved_by = actor if getattr(actor, "pk", None) else None
    decision.approved_at = timezone.now()
    decision.save(update_fields=["status", "approved_by", "approved_at"])
    current.outcome = decision.outcome
    current.status = Status.DECIDED
    explanation = _append(
        current, Kind.ANSWERED, approved_on, actor=actor, data={"outcome": decision.outcome}
    )
    _save(current, "outcome", "status", "due_on")
    _log(
        current, "decision_approved", actor=actor, outcome=decision.outcome,
        answered_on=approved_on, answered_late=explanation.answered_late,
    )  # fmt: skip
    notifications.notify_applicant(
        current, "decided", answered_on=approved_on, outcome_label=_outcome(decision.outcome).label
    )
    _copy_back(disclosure_request, current)
    return decision


@transaction.atomic
def disclosure_request_record_delivery(
    *,
    actor: Any,
    disclosure_request: DisclosureRequest,
    method: str,
    delivered_on: dt.date,
    proof: str,
    proof_file: Any = None,
) -> Delivery:
    """送达: the application closes only once the answer has been delivered."""
    current = _locked(disclosure_request)
    _check_handle(actor, current)
    _require_status(current, [Status.DECIDED], "登记送达")
    if method not in DeliveryMethod.values:
        raise ApplicationError("请选择送达方式。")
    proof = (proof or "").strip()
    if not proof and proof_file is None:
        raise ApplicationError("请填写送达凭证（如邮件回执、签收单号）或上传凭证文件。")
    answered = current.clock_events.filter(kind=Kind.ANSWERED).first()
    assert answered is not None
    _check_date(delivered_on, "送达日期", not_before=answered.occurred_on)
    delivery = Delivery(
        disclosure_request=current, method=method, delivered_on=delivered_on, proof=proof,
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )  # fmt: skip
    if proof_file is not None:
        delivery.proof_file.save(
            os.path.basename(proof_file.name or "proof"), proof_file, save=False
        )
    delivery.save()
    _append(current, Kind.DELIVERED, delivered_on, actor=actor, data={"method": method})
    current.status = Status.CLOSED
    current.closed_on = delivered_on
    _append(current, Kind.CLOSED, delivered_on, actor=actor, data={"outcome": current.outcome})
    _save(current, "status", "closed_on", "due_on")
    _log(current, "delivered", actor=actor, method=method, delivered_on=delivered_on, proof=proof)
    notifications.notify_applicant(current, "closed", closed_on=delivered_on)
    _copy_back(disclosure_request, current)
    return delivery


# --- split (一事一申请) and publication (第四十四条) -------------------------------------------


@transaction.atomic
def disclosure_request_split(
    *, actor: Any, disclosure_request: DisclosureRequest, parts: list[dict[str, Any]]
) -> list[DisclosureRequest]:
    """Split a multi-item application into separate ones, each with its own number and a clock
    starting at the original receipt. The original closes, pointing at its parts."""
    current = _locked(disclosure_request)
    _check_handle(actor, current)
    _require_status(current, _WORKING, "拆分")
    if current.parent_id is not None:
        raise ApplicationError("拆分出的申请不能再拆分。")
    if not isinstance(parts, list) or len(parts) < 2:
        raise ApplicationError("拆分至少需要两项所需信息。")
    assert current.received_on is not None
    wanted = {"information_title", "information_document_number", "information_description"}
    children = []
    for position, part in enumerate(parts, start=1):
        unknown = set(part) - wanted
        if unknown:
            raise ApplicationError(f"第{position}项含不可填写的字段：{'、'.join(sorted(unknown))}")
        values = {name: str(part.get(name) or "").strip() for name in wanted}
        if not any(values.values()):
            raise ApplicationError(f"第{position}项请填写所需信息的名称、文号或描述。")
        child = DisclosureRequest(
            organisation=current.organisation, department=current.department,
            handler=current.handler, parent=current, channel=current.channel,
            submitted_at=current.submitted_at, received_on=current.received_on,
            regime=current.regime, status=Status.IN_PROGRESS,
            access_code_hash=current.access_code_hash,  # the applicant's code opens every part
            created_by=actor if getattr(actor, "pk", None) else None,
        )  # fmt: skip
        for name in APPLICATION_FIELDS - wanted:
            setattr(child, name, getattr(current, name))
        for name, value in values.items():
            setattr(child, name, value)
        child.tracking_number = numbering.next_tracking_number(
            current.organisation, timezone.localtime(current.submitted_at).year
        )
        child.save()
        _append(
            child, Kind.RECEIVED, current.received_on, actor=actor,
            data={"channel": child.channel, "split_from": current.tracking_number},
        )  # fmt: skip
        _save(child, "due_on")
        _log(child, "split_created", actor=actor, parent=current.tracking_number)
        children.append(child)
    numbers = [child.tracking_number for child in children]
    today = _today()
    current.status = Status.CLOSED
    current.closed_on = today
    _append(current, Kind.CLOSED, today, actor=actor, data={"split_into": numbers})
    _save(current, "status", "closed_on", "due_on")
    _log(current, "split", actor=actor, parts=numbers)
    notifications.notify_applicant(current, "split", parts="、".join(numbers))
    _copy_back(disclosure_request, current)
    return children


@transaction.atomic
def disclosure_request_publish_to_catalogue(
    *, actor: Any, disclosure_request: DisclosureRequest, **item_fields: Any
) -> Any:
    """第四十四条: information disclosed on request that many may want becomes a catalogue
    draft, which then goes through the catalogue's own review and publication."""
    from gongkai.catalogue import services as catalogue_services
    from gongkai.catalogue.models import InformationItem

    current = _locked(disclosure_request)
    _check_handle(actor, current)
    if current.outcome not in ("disclose", "partial") or current.status not in (
        Status.DECIDED,
        Status.CLOSED,
    ):
        raise ApplicationError("只有已答复予以公开或部分公开的申请，才能转为主动公开。")
    fields: dict[str, Any] = {
        "title": current.information_title or current.information_description[:300],
        "document_number": current.information_document_number,
        "generated_on": current.received_on,
        "disclosure_mode": InformationItem.DisclosureMode.PROACTIVE,
        "summary": f"依申请公开（申请编号{current.tracking_number}）后转为主动公开（第四十四条）。",
    }
    fields.update(item_fields)
    item = catalogue_services.information_item_create(
        actor=actor, organisation=current.organisation, **fields
    )
    _log(current, "published_to_catalogue", actor=actor, information_item=item.pk)
    return item


# --- letters -----------------------------------------------------------------------------------


@transaction.atomic
def letter_generate(
    *,
    actor: Any,
    disclosure_request: DisclosureRequest,
    kind: str,
    issued_on: dt.date | None = None,
) -> Letter:
    """Render a letter (DOCX and PDF) in the organisation's wording and keep it as issued.
    Receipts kept here never carry the access code: that is only on the applicant's copy."""
    from gongkai.disclosure_requests import documents

    current = _locked(disclosure_request)
    if not (
        permissions.can_handle_disclosure_request(actor, current)
        or permissions.can_approve_disclosure_request(actor, current)
    ):
        raise _deny("您没有为该申请生成文书的权限。")
    if kind not in LetterKind.values:
        raise ApplicationError(f"文书类型“{kind}”无效。")
    if (
        kind == LetterKind.DECISION
        and not Decision.objects.filter(disclosure_request=current).exists()
    ):
        raise ApplicationError("尚未拟定答复，不能生成答复书。")
    if (
        kind == LetterKind.FEE_NOTICE
        and not FeeNotice.objects.filter(disclosure_request=current).exists()
    ):
        raise ApplicationError("尚未发出收费通知，不能生成收费通知书。")
    prerequisites: dict[str, tuple[str, str]] = {
        LetterKind.CORRECTION_NOTICE: (Kind.CORRECTION_REQUESTED, "尚未告知补正"),
        LetterKind.EXTENSION_NOTICE: (Kind.EXTENSION_APPROVED, "尚未批准延期"),
        LetterKind.CONSULTATION_LETTER: (Kind.CONSULTATION_STARTED, "尚未发出征求意见"),
    }
    required_event = prerequisites.get(kind)
    if required_event and not current.clock_events.filter(kind=required_event[0]).exists():
        raise ApplicationError(f"{required_event[1]}，不能生成该文书。")
    rendered = documents.render_letter(
        disclosure_request=current,
        kind=kind,
        template=None,  # the organisation's own wording, else the default
        issued_on=issued_on,
    )
    letter = Letter(
        disclosure_request=current,
        kind=kind,
        generated_by=actor if getattr(actor, "pk", None) else None,
    )
    letter.docx.save(f"{rendered.filename_base}.docx", ContentFile(rendered.docx), save=False)
    letter.pdf.save(f"{rendered.filename_base}.pdf", ContentFile(rendered.pdf), save=False)
    letter.save()
    audit.log(
        letter, "disclosure_requests.letter.generated", actor=actor,
        organisation=current.organisation,
        data={"request": current.tracking_number, "kind": kind},
    )  # fmt: skip
    _log(current, "letter_generated", actor=actor, kind=kind, letter=letter.pk)
    return letter


# --- a year's holiday schedule entered or corrected --------------------------------------------

DEADLINE_RECOMPUTED = "disclosure_requests.request.deadline_recomputed"


def disclosure_request_recompute_deadlines(
    *, actor: Any, years: Sequence[int]
) -> list[DeadlineChange]:
    """Recompute, from the ledger, the answer due date and an unpaid fee's payment date of
    every open application counted across `years`, whose schedule has just been entered or
    corrected (gongkai.workdays.services.DEADLINE_RECOMPUTERS). A date that moved is saved
    and audited; the others are left untouched. Each handler whose application moved is told
    by email after the commit.

    Only dates on or after 1 January of the first year can move: a period ending earlier never
    counted a day of the changed year.
    """
    first_day, last_day = dt.date(min(years), 1, 1), dt.date(max(years), 12, 31)
    candidates = (
        DisclosureRequest.objects.select_for_update(of=("self",))
        .select_related("organisation", "handler")
        .filter(status__in=_OPEN_RECEIVED, received_on__lte=last_day)
        .filter(
            Q(due_on__gte=first_day)
            | Q(fee_notice__status=FeeNotice.Status.PENDING, fee_notice__due_on__gte=first_day)
        )
        .order_by("pk")
    )
    changes: list[DeadlineChange] = []
    moved_by_handler: dict[int, list[DeadlineChange]] = {}
    for disclosure_request in candidates:
        moved = _recompute_dates(disclosure_request, actor=actor, years=years)
        handler = disclosure_request.handler
        if moved and handler is not None and handler.is_active and handler.email:
            moved_by_handler.setdefault(handler.pk, []).extend(moved)
        changes.extend(moved)
    for handler_pk, moved in moved_by_handler.items():
        transaction.on_commit(
            partial(
                notifications.send_deadlines_recomputed,
                user_id=handler_pk,
                changes=moved,
                years=years,
            )
        )
    return changes


def _recompute_dates(
    disclosure_request: DisclosureRequest, *, actor: Any, years: Sequence[int]
) -> list[DeadlineChange]:
    explanation = explain(disclosure_request)
    moved: list[DeadlineChange] = []

    def record(field: str, field_label: str, old: dt.date | None, new: dt.date | None) -> None:
        moved.append(
            deadline_change_record(
                disclosure_request,
                actor=actor,
                action=DEADLINE_RECOMPUTED,
                years=years,
                field=field,
                field_label=field_label,
                old=old,
                new=new,
                label=disclosure_request.tracking_number,
            )
        )

    if explanation.due_on != disclosure_request.due_on:
        record("due_on", "答复期限", disclosure_request.due_on, explanation.due_on)
        disclosure_request.due_on = explanation.due_on
        _save(disclosure_request, "due_on")
    fee_notice = FeeNotice.objects.filter(
        disclosure_request=disclosure_request, status=FeeNotice.Status.PENDING
    ).first()
    new_fee_due_on = explanation.fee_payment_due_on
    if fee_notice is not None and new_fee_due_on and new_fee_due_on != fee_notice.due_on:
        record("fee_due_on", "缴费期限", fee_notice.due_on, new_fee_due_on)
        fee_notice.due_on = new_fee_due_on
        fee_notice.save(update_fields=["due_on"])
    return moved
