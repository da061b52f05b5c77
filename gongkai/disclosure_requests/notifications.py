"""Emails about applications: to the applicant on each step, to staff about deadlines.

Services call `notify_applicant` inside their transaction; the mail leaves only after the
commit (a rolled-back step tells nobody anything), through the Celery task, which runs inline
when no broker is configured. Mails never carry the access code or unmasked personal data
beyond what the applicant gave.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.workdays import selectors as workdays_selectors
from gongkai.workdays.calendar import provisional_note

# Step code -> (subject, first paragraph). `{…}` fields come from the step's context.
APPLICANT_STEPS: dict[str, tuple[str, str]] = {
    "submitted": (
        "已收到您的政府信息公开申请",
        "您的政府信息公开申请已提交，我们将与您确认收到申请的日期（《条例》第三十一条）。",
    ),
    "received": (
        "政府信息公开申请已受理",
        "您的申请已于{received_on}收到，答复期限为{due_on}。",
    ),
    "correction_requested": (
        "请补正您的政府信息公开申请",
        "您的申请内容需要补正（《条例》第三十条）：{items}\n请于{deadline_on}前补正。"
        "逾期无正当理由不补正的，视为放弃申请。",
    ),
    "correction_received": (
        "已收到补正后的申请",
        "已于{received_on}收到您补正后的申请，答复期限重新计算为{due_on}。",
    ),
    "extended": (
        "政府信息公开申请延期答复告知",
        "经政府信息公开工作机构负责人同意，答复期限延长{days}个工作日，至{due_on}"
        "（《条例》第三十三条第二款）。理由：{reason}",
    ),
    "fee_notice": (
        "政府信息公开信息处理费缴费通知",
        "您的申请需缴纳信息处理费{amount}元（{basis}），请于{due_on}前缴纳；"
        "逾期未缴纳的，视为放弃申请。",
    ),
    "fee_paid": ("已收到信息处理费", "已收到您于{paid_on}缴纳的信息处理费。"),
    "decided": (
        "政府信息公开申请已答复",
        "您的申请已于{answered_on}作出答复（{outcome_label}），答复书将按您选择的方式送达。",
    ),
    "closed": ("政府信息公开申请已办结", "您的申请已于{closed_on}办结。"),
    "correction_missed": (
        "政府信息公开申请已终止",
        "您未在补正期限内补正申请，视为放弃申请（《条例》第三十条）。",
    ),
    "fee_missed": (
        "政府信息公开申请已终止",
        "您未在期限内缴纳信息处理费，视为放弃申请。",
    ),
    "split": (
        "您的政府信息公开申请已拆分办理",
        "按照“一事一申请”，您的申请已拆分为以下申请分别办理：{parts}",
    ),
}


def notify_applicant(disclosure_request: DisclosureRequest, step: str, **context: Any) -> None:
    """Queue the step's email to the applicant, sent after the surrounding commit."""
    if not disclosure_request.email or step not in APPLICANT_STEPS:
        return
    values = {key: _text(value) for key, value in context.items()}
    _mark_provisional_deadlines(context, values)
    pk = disclosure_request.pk

    def send() -> None:
        from gongkai.disclosure_requests import tasks

        tasks.send_applicant_notification.delay(pk, step, values)

    transaction.on_commit(send)


PROVISIONAL_MARK = "（暂定）"


def _mark_provisional_deadlines(context: dict[str, Any], values: dict[str, str]) -> None:
    """A deadline (`due_on`) in a year whose notice is not entered is written （暂定）, and the
    mail says why (docs/calendar.md)."""
    deadlines = {
        key: value
        for key, value in context.items()
        if key.endswith("due_on") and isinstance(value, date)
    }
    if not deadlines:
        return
    entered = workdays_selectors.entered_years()
    years = set()
    for key, day in deadlines.items():
        if workdays_selectors.stored_date_is_provisional(day, entered):
            values[key] += PROVISIONAL_MARK
            years.add(day.year)
    if years:
        values["provisional_note"] = provisional_note(sorted(years))


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if hasattr(value, "isoformat") and hasattr(value, "year"):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def send_applicant_notification(
    disclosure_request_id: int, step: str, context: dict[str, str]
) -> bool:
    disclosure_request = (
        DisclosureRequest.objects.select_related("organisation")
        .filter(pk=disclosure_request_id)
        .first()
    )
    if disclosure_request is None or not disclosure_request.email:
        return False
    subject, paragraph = APPLICANT_STEPS[step]
    body = "\n\n".join(
        [
            f"{disclosure_request.applicant_name}：",
            f"申请编号：{disclosure_request.tracking_number}",
            paragraph.format_map(_Defaulting(context)),
            *([context["provisional_note"]] if context.get("provisional_note") else []),
            "您可以凭申请编号和查询码在"
            f"{settings.GONGKAI_PUBLIC_BASE_URL.rstrip('/')}/track/ 查询办理进度。",
            disclosure_request.organisation.name,
        ]
    )
    send_mail(
        f"【{disclosure_request.organisation.name}】{subject}（{disclosure_request.tracking_number}）",
        body,
        settings.DEFAULT_FROM_EMAIL,
        [disclosure_request.email],
    )
    return True


class _Defaulting(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "—"


def send_staff_reminder(
    *,
    email: str,
    name: str,
    overdue: Sequence[DisclosureRequest],
    due_soon: Sequence[DisclosureRequest],
) -> None:
    """One digest per person: the applications past their due date, then those due soon."""
    lines = [f"{name}：", ""]
    entered = workdays_selectors.entered_years()
    if overdue:
        lines.append(f"已超过答复期限的申请（{len(overdue)}件）：")
        lines += [_staff_line(item, entered) for item in overdue]
        lines.append("")
    if due_soon:
        lines.append(f"即将到期的申请（{len(due_soon)}件）：")
        lines += [_staff_line(item, entered) for item in due_soon]
        lines.append("")
    provisional_years = sorted(
        {
            item.due_on.year
            for item in [*overdue, *due_soon]
            if item.due_on is not None
            and workdays_selectors.stored_date_is_provisional(item.due_on, entered)
        }
    )
    if provisional_years:
        lines += [provisional_note(provisional_years), ""]
    lines.append(f"请登录 {settings.GONGKAI_PUBLIC_BASE_URL.rstrip('/')}/staff/ 办理。")
    send_mail(
        f"依申请公开答复期限提醒：逾期{len(overdue)}件，即将到期{len(due_soon)}件",
        "\n".join(lines),
        settings.DEFAULT_FROM_EMAIL,
        [email],
    )


def _staff_line(disclosure_request: DisclosureRequest, entered: frozenset[int]) -> str:
    due = disclosure_request.due_on.isoformat() if disclosure_request.due_on else "—"
    if workdays_selectors.stored_date_is_provisional(disclosure_request.due_on, entered):
        due += PROVISIONAL_MARK
    title = disclosure_request.information_title or disclosure_request.information_description
    return f"  {disclosure_request.tracking_number}  期限 {due}  {title[:40]}"


def send_deadlines_recomputed(
    *, user_id: int, changes: Sequence[Any], years: Sequence[int]
) -> bool:
    """Tell a handler that entering a year's holiday schedule moved their applications' dates.

    `changes` are gongkai.workdays.services.DeadlineChange of that handler's applications.
    """
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or not changes:
        return False
    named_years = "、".join(f"{year}年" for year in sorted(years))
    lines = [
        f"{user.get_full_name() or user.get_username()}：",
        "",
        f"{named_years}的节假日安排已录入，您承办的以下申请的期限已按新的工作日历重新计算：",
    ]
    lines += [
        f"  {change.label}  {change.field_label} {_iso(change.old)} → {_iso(change.new)}"
        for change in changes
    ]
    lines += ["", f"请登录 {settings.GONGKAI_PUBLIC_BASE_URL.rstrip('/')}/staff/ 查看。"]
    send_mail(
        f"依申请公开期限已重新计算（{named_years}节假日安排录入）：{len(changes)}项",
        "\n".join(lines),
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )
    return True


def _iso(day: Any) -> str:
    return day.isoformat() if day else "—"
