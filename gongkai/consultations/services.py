"""Writes of the consultation register. Each service checks the actor, validates, writes and
logs its audit entry in one transaction; rule violations raise ApplicationError."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone

from gongkai.consultations.models import (
    Channel,
    Consultation,
    ConsultationTally,
    ConsultationTopic,
    FaqEntry,
)
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.disclosure_requests import services as disclosure_services
from gongkai.disclosure_requests.models import Channel as RequestChannel
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.search.tokenize import join_fields

# The consultation's channel suggests how the application came in (第三十一条 decides the day).
# A phone caller who really applies is recorded by staff as an oral application made in person.
REQUEST_CHANNEL_FOR: dict[str, str] = {
    Channel.PHONE: RequestChannel.IN_PERSON,
    Channel.ON_SITE: RequestChannel.IN_PERSON,
    Channel.ONLINE_MESSAGE: RequestChannel.ONLINE,
    Channel.LETTER: RequestChannel.POST_ORDINARY,
    Channel.EMAIL: RequestChannel.EMAIL,
}
EDITABLE_FIELDS = frozenset(
    {
        "channel",
        "occurred_at",
        "topic",
        "question",
        "answer",
        "department",
        "duration_minutes",
        "referred",
        "referred_to",
        "allow_publish",
    }
)
MAX_TALLY_COUNT = 100_000


def _require_manage(actor: Any, organisation: Organisation) -> None:
    if not permissions.can_manage_consultations(actor, organisation):
        raise PermissionDeniedError(f"您没有在“{organisation.name}”登记咨询的权限。")


def _check_channel(channel: str) -> None:
    if channel not in Channel.values:
        raise ApplicationError(f"咨询方式“{channel}”无效。")


def _check_topic(topic: ConsultationTopic | None, organisation: Organisation) -> None:
    if topic is not None and topic.organisation_id != organisation.pk:
        raise ApplicationError(f"咨询主题“{topic.name}”不属于“{organisation.name}”。")


def _check_department(department: Organisation | None, organisation: Organisation) -> None:
    if department is not None and not department.path.startswith(organisation.path):
        raise ApplicationError(f"“{department.name}”不是“{organisation.name}”的下属部门。")


def _check_not_future(moment: dt.date, label: str) -> None:
    if moment > timezone.localdate():
        raise ApplicationError(f"{label}不能晚于今天。")


def _clean_referral(referred: bool, referred_to: str) -> str:
    referred_to = (referred_to or "").strip()
    if referred and not referred_to:
        raise ApplicationError("已转办的咨询请填写转办单位。")
    if not referred and referred_to:
        raise ApplicationError("未勾选“已转办”时不要填写转办单位。")
    return referred_to


# --- topics ------------------------------------------------------------------------------------


@transaction.atomic
def consultation_topic_create(
    *, actor: Any, organisation: Organisation, name: str, sort_order: int = 0
) -> ConsultationTopic:
    _require_manage(actor, organisation)
    name = (name or "").strip()
    if not name:
        raise ApplicationError("请填写咨询主题名称。")
    if ConsultationTopic.objects.filter(organisation=organisation, name=name).exists():
        raise ApplicationError(f"“{organisation.name}”已有咨询主题“{name}”。")
    topic = ConsultationTopic.objects.create(
        organisation=organisation, name=name, sort_order=sort_order
    )
    audit.log(topic, "consultations.topic.created", actor=actor, data={"name": name})
    return topic


@transaction.atomic
def consultation_topic_update(
    *, actor: Any, topic: ConsultationTopic, name: str, sort_order: int, is_active: bool
) -> ConsultationTopic:
    _require_manage(actor, topic.organisation)
    name = (name or "").strip()
    if not name:
        raise ApplicationError("请填写咨询主题名称。")
    clash = ConsultationTopic.objects.filter(organisation=topic.organisation, name=name)
    if clash.exclude(pk=topic.pk).exists():
        raise ApplicationError(f"“{topic.organisation.name}”已有咨询主题“{name}”。")
    topic.name, topic.sort_order, topic.is_active = name, sort_order, is_active
    topic.save()
    audit.log(topic, "consultations.topic.updated", actor=actor, data={"name": name})
    return topic


# --- individual consultations ----------------------------------------------------------------


@transaction.atomic
def consultation_record(
    *,
    actor: Any,
    organisation: Organisation,
    channel: str,
    question: str,
    occurred_at: dt.datetime | None = None,
    topic: ConsultationTopic | None = None,
    answer: str = "",
    department: Organisation | None = None,
    duration_minutes: int | None = None,
    referred: bool = False,
    referred_to: str = "",
) -> Consultation:
    """Staff record of one consultation taken at the counter, on the phone, by letter..."""
    _require_manage(actor, organisation)
    _check_channel(channel)
    _check_topic(topic, organisation)
    _check_department(department, organisation)
    question = (question or "").strip()
    if not question:
        raise ApplicationError("请填写咨询问题。")
    occurred_at = occurred_at or timezone.now()
    _check_not_future(timezone.localdate(occurred_at), "咨询时间")
    if duration_minutes is not None and duration_minutes < 0:
        raise ApplicationError("咨询时长不能为负数。")
    answer = (answer or "").strip()
    consultation = Consultation.objects.create(
        organisation=organisation,
        department=department,
        channel=channel,
        occurred_at=occurred_at,
        topic=topic,
        question=question,
        answer=answer,
        answered_at=timezone.now() if answer else None,
        staff=actor,
        duration_minutes=duration_minutes,
        referred=referred,
        referred_to=_clean_referral(referred, referred_to),
    )
    audit.log(
        consultation,
        "consultations.consultation.recorded",
        actor=actor,
        data={"channel": channel, "topic": topic.name if topic else ""},
    )
    return consultation


@transaction.atomic
def consultation_update(*, actor: Any, consultation: Consultation, **fields: Any) -> Consultation:
    """Correct or answer a consultation. An answer given for the first time is stamped."""
    organisation = consultation.organisation
    _require_manage(actor, organisation)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ApplicationError(f"不可修改的字段：{'、'.join(sorted(unknown))}")
    if "channel" in fields:
        _check_channel(fields["channel"])
    if "topic" in fields:
        _check_topic(fields["topic"], organisation)
    if "department" in fields:
        _check_department(fields["department"], organisation)
    if "question" in fields:
        fields["question"] = (fields["question"] or "").strip()
        if not fields["question"]:
            raise ApplicationError("请填写咨询问题。")
    if fields.get("occurred_at") is not None:
        _check_not_future(timezone.localdate(fields["occurred_at"]), "咨询时间")
    elif "occurred_at" in fields:
        raise ApplicationError("请填写咨询时间。")
    if (fields.get("duration_minutes") or 0) < 0:
        raise ApplicationError("咨询时长不能为负数。")
    referred = fields.get("referred", consultation.referred)
    referred_to = fields.get("referred_to", consultation.referred_to if referred else "")
    fields["referred_to"] = _clean_referral(referred, referred_to)
    if "answer" in fields:
        fields["answer"] = (fields["answer"] or "").strip()
    was_answered = consultation.is_answered
    changed = {
        name: value for name, value in fields.items() if getattr(consultation, name) != value
    }
    for name, value in changed.items():
        setattr(consultation, name, value)
    if consultation.is_answered and not was_answered:
        consultation.answered_at = timezone.now()
        consultation.staff = actor
    if not consultation.is_answered:
        consultation.answered_at = None
    consultation.save()
    action = (
        "consultations.consultation.answered"
        if consultation.is_answered and not was_answered
        else "consultations.consultation.updated"
    )
    audit.log(consultation, action, actor=actor, data={"fields": sorted(changed)})
    return consultation


@transaction.atomic
def consultation_submit_online(
    *,
    organisation: Organisation,
    asker_name: str,
    asker_contact: str,
    question: str,
    allow_publish: bool,
    topic: ConsultationTopic | None = None,
) -> Consultation:
    """留言咨询 from the portal (no staff actor)."""
    if not isinstance(organisation, Organisation) or not organisation.is_active:
        raise ApplicationError("请选择咨询的机构。")
    _check_topic(topic, organisation)
    asker_name = (asker_name or "").strip()
    asker_contact = (asker_contact or "").strip()
    question = (question or "").strip()
    if not asker_name:
        raise ApplicationError("请填写您的姓名。")
    if not asker_contact:
        raise ApplicationError("请填写联系方式（电话或电子邮箱），以便答复。")
    if len(question) < 5:
        raise ApplicationError("请具体描述您要咨询的问题（至少5个字）。")
    consultation = Consultation.objects.create(
        organisation=organisation,
        channel=Channel.ONLINE_MESSAGE,
        occurred_at=timezone.now(),
        topic=topic,
        question=question,
        asker_name=asker_name,
        asker_contact=asker_contact,
        allow_publish=allow_publish,
    )
    audit.log(
        consultation,
        "consultations.consultation.submitted",
        actor=None,
        data={"allow_publish": allow_publish},
    )
    return consultation


@transaction.atomic
def consultation_convert_to_request(
    *,
    actor: Any,
    consultation: Consultation,
    data: Mapping[str, Any],
    channel: str | None = None,
    receipt_day: dt.date | None = None,
) -> DisclosureRequest:
    """Register the disclosure application a consultation really was, and link the two.

    `receipt_day` is passed to the register service under the argument the channel's
    第三十一条 rule names (submitted, signed or confirmed day).
    """
    _require_manage(actor, consultation.organisation)
    if consultation.converted_request_id is not None:
        raise ApplicationError("该咨询已转为政府信息公开申请，不能重复转换。")
    channel = channel or REQUEST_CHANNEL_FOR[consultation.channel]
    if channel not in disclosure_services.RECEIPT_DATE_RULES:
        raise ApplicationError(f"申请方式“{channel}”无效。")
    date_argument = disclosure_services.RECEIPT_DATE_RULES[channel][0]
    receipt: dict[str, Any] = {date_argument: receipt_day} if receipt_day else {}
    disclosure_request = disclosure_services.disclosure_request_register(
        actor=actor,
        organisation=consultation.organisation,
        channel=channel,
        data=data,
        **receipt,
    )
    consultation.converted_request = disclosure_request
    consultation.save(update_fields=["converted_request", "updated_at"])
    audit.log(
        consultation,
        "consultations.consultation.converted",
        actor=actor,
        data={"tracking_number": disclosure_request.tracking_number, "channel": channel},
    )
    return disclosure_request


# --- daily tallies ----------------------------------------------------------------------------


def _check_count(count: Any) -> int:
    if isinstance(count, bool) or not isinstance(count, int):
        raise ApplicationError("人次须为整数。")
    if count < 0:
        raise ApplicationError(f"人次不能为负数（填写的是 {count}）。")
    if count == 0:
        raise ApplicationError("人次须大于零；当天没有该方式的咨询时不必登记。")
    if count > MAX_TALLY_COUNT:
        raise ApplicationError(f"一天的人次不能超过 {MAX_TALLY_COUNT}，请核对。")
    return count


@transaction.atomic
def consultation_tally_record(
    *,
    actor: Any,
    organisation: Organisation,
    date: dt.date,
    channel: str,
    count: int,
    topic: ConsultationTopic | None = None,
    note: str = "",
) -> ConsultationTally:
    """`count` consultations of a day entered as a number; counted exactly like records."""
    _require_manage(actor, organisation)
    _check_channel(channel)
    _check_topic(topic, organisation)
    count = _check_count(count)
    if not isinstance(date, dt.date):
        raise ApplicationError("请填写日期。")
    _check_not_future(date, "统计日期")
    tally = ConsultationTally.objects.create(
        organisation=organisation,
        date=date,
        channel=channel,
        topic=topic,
        count=count,
        note=(note or "").strip(),
        entered_by=actor,
    )
    audit.log(
        tally,
        "consultations.tally.recorded",
        actor=actor,
        data={"date": date.isoformat(), "channel": channel, "count": count},
    )
    return tally


@transaction.atomic
def consultation_tally_correct(
    *, actor: Any, tally: ConsultationTally, count: int, note: str = ""
) -> ConsultationTally:
    _require_manage(actor, tally.organisation)
    count = _check_count(count)
    previous = tally.count
    tally.count = count
    tally.note = (note or tally.note).strip()
    tally.save(update_fields=["count", "note", "updated_at"])
    audit.log(
        tally, "consultations.tally.corrected", actor=actor, data={"from": previous, "to": count}
    )
    return tally


# --- FAQ (常见问题及疑难问题解答) --------------------------------------------------------------


def _faq_fields(question: str, answer: str) -> tuple[str, str]:
    question, answer = (question or "").strip(), (answer or "").strip()
    if not question:
        raise ApplicationError("请填写问题。")
    if not answer:
        raise ApplicationError("请填写解答。")
    return question, answer


@transaction.atomic
def faq_entry_create(
    *,
    actor: Any,
    organisation: Organisation,
    question: str,
    answer: str,
    topic: ConsultationTopic | None = None,
    published: bool = False,
    sort_order: int = 0,
    source_consultation: Consultation | None = None,
) -> FaqEntry:
    _require_manage(actor, organisation)
    _check_topic(topic, organisation)
    question, answer = _faq_fields(question, answer)
    faq_entry = FaqEntry.objects.create(
        organisation=organisation,
        topic=topic,
        question=question,
        answer=answer,
        published=published,
        sort_order=sort_order,
        source_consultation=source_consultation,
        search_text=join_fields(question, answer),
    )
    audit.log(
        faq_entry, "consultations.faq_entry.created", actor=actor, data={"published": published}
    )
    return faq_entry


@transaction.atomic
def faq_entry_create_from_consultation(*, actor: Any, consultation: Consultation) -> FaqEntry:
    """An unpublished FAQ draft from an answered consultation, for staff to edit and publish."""
    if not consultation.is_answered:
        raise ApplicationError("只有已答复的咨询才能整理为常见问题。")
    return faq_entry_create(
        actor=actor,
        organisation=consultation.organisation,
        question=consultation.question[:500],
        answer=consultation.answer,
        topic=consultation.topic,
        source_consultation=consultation,
    )


@transaction.atomic
def faq_entry_update(
    *,
    actor: Any,
    faq_entry: FaqEntry,
    question: str,
    answer: str,
    topic: ConsultationTopic | None,
    published: bool,
    sort_order: int = 0,
) -> FaqEntry:
    _require_manage(actor, faq_entry.organisation)
    _check_topic(topic, faq_entry.organisation)
    question, answer = _faq_fields(question, answer)
    was_published = faq_entry.published
    faq_entry.question, faq_entry.answer = question, answer
    faq_entry.topic, faq_entry.published, faq_entry.sort_order = topic, published, sort_order
    faq_entry.search_text = join_fields(question, answer)
    faq_entry.save()
    if published and not was_published:
        action = "consultations.faq_entry.published"
    elif was_published and not published:
        action = "consultations.faq_entry.withdrawn"
    else:
        action = "consultations.faq_entry.updated"
    audit.log(faq_entry, action, actor=actor)
    return faq_entry
