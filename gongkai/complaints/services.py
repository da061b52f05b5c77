"""Writes of the complaint channel: submit (public or staff entry), route, reply, rate, settings.

Every rule refusal is an ApplicationError with a Chinese message; nothing is changed then.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from gongkai.complaints import numbering
from gongkai.complaints.models import DEFAULT_ANSWER_WORKING_DAYS, Complaint, ComplaintSettings
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.workdays.calendar import add_working_days
from gongkai.workdays.services import DeadlineChange, deadline_change_record

ACCESS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ACCESS_CODE_LENGTH = 8
MAX_ANSWER_WORKING_DAYS = 60


def new_access_code() -> str:
    return "".join(secrets.choice(ACCESS_CODE_ALPHABET) for _ in range(ACCESS_CODE_LENGTH))


def answer_working_days(organisation: Organisation) -> int:
    settings_row = ComplaintSettings.objects.filter(organisation=organisation).first()
    return settings_row.answer_working_days if settings_row else DEFAULT_ANSWER_WORKING_DAYS


def clean_complaint_data(
    *,
    kind: str,
    subject: str,
    content: str,
    contact_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
) -> dict[str, str]:
    """Normalise the complainant's fields; one ApplicationError lists every problem
    (`extra["errors"]` maps field -> message for forms)."""
    errors: dict[str, str] = {}
    cleaned = {
        "kind": (kind or "").strip(),
        "subject": (subject or "").strip(),
        "content": (content or "").strip(),
        "contact_name": (contact_name or "").strip(),
        "contact_phone": (contact_phone or "").strip(),
        "contact_email": (contact_email or "").strip(),
    }
    if cleaned["kind"] not in Complaint.Kind.values:
        errors["kind"] = "请选择类型：投诉、建议或表扬。"
    if not cleaned["subject"]:
        errors["subject"] = "请填写主题。"
    elif len(cleaned["subject"]) > 200:
        errors["subject"] = "主题不能超过200字。"
    if not cleaned["content"]:
        errors["content"] = "请填写内容。"
    elif len(cleaned["content"]) > 5000:
        errors["content"] = "内容不能超过5000字。"
    if len(cleaned["contact_name"]) > 100:
        errors["contact_name"] = "联系人不能超过100字。"
    phone = cleaned["contact_phone"]
    if phone and (len(phone) > 40 or not all(c.isdigit() or c in "-+() " for c in phone)):
        errors["contact_phone"] = "联系电话只能包含数字、空格和“-+()”。"
    if cleaned["contact_email"]:
        try:
            validate_email(cleaned["contact_email"])
        except ValidationError:
            errors["contact_email"] = "电子邮箱格式不正确。"
    if errors:
        raise ApplicationError("；".join(errors.values()), extra={"errors": errors})
    return cleaned


def _check_date(day: dt.date | None, label: str) -> dt.date:
    today = timezone.localdate()
    if day is None:
        return today
    if day > today:
        raise ApplicationError(f"{label}不能晚于今天。")
    return day


@transaction.atomic
def complaint_submit(
    *,
    actor: Any = None,
    organisation: Organisation,
    kind: str,
    subject: str,
    content: str,
    contact_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
    channel: str = Complaint.Channel.ONLINE,
    received_on: dt.date | None = None,
    department: Organisation | None = None,
) -> tuple[Complaint, str]:
    """Receive a complaint, suggestion or praise. Public submissions pass no actor (channel
    online, received today); staff entering a phone call or letter pass themselves.
    Returns the complaint and its access code (shown once, stored only as a hash)."""
    if actor is not None and getattr(actor, "is_authenticated", False):
        if not permissions.can_register_complaint(actor, organisation):
            raise PermissionDeniedError("您没有登记该机构投诉建议的权限。")
    else:
        actor = None
        channel = Complaint.Channel.ONLINE
        received_on = None
    if not organisation.is_active:
        raise ApplicationError("该机构不接受投诉建议。")
    if channel not in Complaint.Channel.values:
        raise ApplicationError("渠道不正确。")
    cleaned = clean_complaint_data(
        kind=kind,
        subject=subject,
        content=content,
        contact_name=contact_name,
        contact_phone=contact_phone,
        contact_email=contact_email,
    )
    received = _check_date(received_on, "受理日期")
    period = answer_working_days(organisation)
    due_on = add_working_days(received, period)
    access_code = new_access_code()
    complaint = Complaint.objects.create(
        organisation=organisation,
        department=department,
        tracking_number=numbering.next_tracking_number(organisation, received.year),
        access_code_hash=make_password(access_code),
        channel=channel,
        received_on=received,
        due_on=due_on,
        answer_working_days=period,
        status=Complaint.Status.ROUTED if department else Complaint.Status.RECEIVED,
        **cleaned,
    )
    audit.log(
        complaint,
        "complaints.complaint.received",
        actor=actor,
        data={"kind": complaint.kind, "channel": channel, "due_on": due_on.isoformat()},
    )
    return complaint, access_code


@transaction.atomic
def complaint_route(*, actor: Any, complaint: Complaint, department: Organisation) -> Complaint:
    """Hand the complaint to the responsible department."""
    if not permissions.can_manage_complaint(actor, complaint):
        raise PermissionDeniedError("您没有转办该投诉建议的权限。")
    if complaint.status == Complaint.Status.ANSWERED:
        raise ApplicationError("已答复的投诉建议不能再转办。")
    if not department.is_active:
        raise ApplicationError("所选部门已停用。")
    complaint.department = department
    complaint.status = Complaint.Status.ROUTED
    complaint.save(update_fields=["department", "status", "updated_at"])
    audit.log(
        complaint,
        "complaints.complaint.routed",
        actor=actor,
        data={"department": department.name},
    )
    return complaint


@transaction.atomic
def complaint_reply(
    *, actor: Any, complaint: Complaint, reply: str, replied_on: dt.date | None = None
) -> Complaint:
    """Answer the complaint; the reply is shown on the public tracking page."""
    if not permissions.can_manage_complaint(actor, complaint):
        raise PermissionDeniedError("您没有答复该投诉建议的权限。")
    text = (reply or "").strip()
    if not text:
        raise ApplicationError("请填写答复内容。")
    if complaint.status == Complaint.Status.ANSWERED:
        raise ApplicationError("该投诉建议已经答复。")
    day = _check_date(replied_on, "答复日期")
    if day < complaint.received_on:
        raise ApplicationError("答复日期不能早于受理日期。")
    complaint.reply = text
    complaint.replied_on = day
    complaint.replied_by = actor
    complaint.status = Complaint.Status.ANSWERED
    complaint.save(update_fields=["reply", "replied_on", "replied_by", "status", "updated_at"])
    audit.log(
        complaint,
        "complaints.complaint.replied",
        actor=actor,
        data={"replied_on": day.isoformat(), "late": day > complaint.due_on},
    )
    return complaint


DEADLINE_RECOMPUTED = "complaints.complaint.deadline_recomputed"


def complaint_recompute_deadlines(*, actor: Any, years: Sequence[int]) -> list[DeadlineChange]:
    """Answer due dates of unanswered complaints counted across `years`, whose schedule has
    just been entered or corrected (gongkai.workdays.services.DEADLINE_RECOMPUTERS), with the
    period each was received under: a date that moved is saved and audited."""
    first_day, last_day = dt.date(min(years), 1, 1), dt.date(max(years), 12, 31)
    candidates = (
        Complaint.objects.select_for_update()
        .exclude(status=Complaint.Status.ANSWERED)
        .filter(due_on__gte=first_day, received_on__lte=last_day, answer_working_days__isnull=False)
        .order_by("pk")
    )
    changes: list[DeadlineChange] = []
    for complaint in candidates:
        assert complaint.answer_working_days is not None
        new = add_working_days(complaint.received_on, complaint.answer_working_days)
        if new == complaint.due_on:
            continue
        changes.append(
            deadline_change_record(
                complaint,
                actor=actor,
                action=DEADLINE_RECOMPUTED,
                years=years,
                field="due_on",
                field_label="答复期限",
                old=complaint.due_on,
                new=new,
                label=complaint.tracking_number,
            )
        )
        complaint.due_on = new
        complaint.save(update_fields=["due_on", "updated_at"])
    return changes


def _satisfaction(value: Any) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ApplicationError("满意度须为1至5的整数。") from None
    if str(number) != str(value).strip() or not 1 <= number <= 5:
        raise ApplicationError("满意度须为1至5的整数。")
    return number


@transaction.atomic
def complaint_rate(*, complaint: Complaint, satisfaction: Any, comment: str = "") -> Complaint:
    """The complainant's satisfaction rating (1–5), once, after the reply."""
    score = _satisfaction(satisfaction)
    if complaint.status != Complaint.Status.ANSWERED:
        raise ApplicationError("答复之后才能评价。")
    if complaint.satisfaction is not None:
        raise ApplicationError("您已经评价过，不能重复评价。")
    text = (comment or "").strip()
    if len(text) > 500:
        raise ApplicationError("评价意见不能超过500字。")
    complaint.satisfaction = score
    complaint.satisfaction_comment = text
    complaint.rated_at = timezone.now()
    complaint.save(update_fields=["satisfaction", "satisfaction_comment", "rated_at", "updated_at"])
    audit.log(complaint, "complaints.complaint.rated", actor=None, data={"satisfaction": score})
    return complaint


@transaction.atomic
def complaint_settings_update(
    *, actor: Any, organisation: Organisation, answer_working_days: Any
) -> ComplaintSettings:
    """Set how many working days the organisation gives itself to answer (new complaints)."""
    if not permissions.can_configure_complaints(actor, organisation):
        raise PermissionDeniedError("您没有设置该机构投诉建议规则的权限。")
    try:
        days = int(answer_working_days)
    except (TypeError, ValueError):
        raise ApplicationError("答复期限须为整数个工作日。") from None
    if not 1 <= days <= MAX_ANSWER_WORKING_DAYS:
        raise ApplicationError(f"答复期限须在1至{MAX_ANSWER_WORKING_DAYS}个工作日之间。")
    settings_row, _created = ComplaintSettings.objects.get_or_create(organisation=organisation)
    previous = settings_row.answer_working_days
    settings_row.answer_working_days = days
    settings_row.save(update_fields=["answer_working_days"])
    audit.log(
        settings_row,
        "complaints.settings.updated",
        actor=actor,
        organisation=organisation,
        data={"answer_working_days": days, "previous": previous},
    )
    return settings_row
