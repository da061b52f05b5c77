"""Reads of the consultation register: staff reads scoped to the actor's organisations, public
reads of answered online messages the askers allowed and of the published FAQ."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from gongkai.consultations.models import (
    Channel,
    Consultation,
    ConsultationTally,
    ConsultationTopic,
    FaqEntry,
)
from gongkai.disclosure_requests.privacy import mask_email, mask_name, mask_phone
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.search.tokenize import query_terms


def _visible_organisations(actor: Any) -> QuerySet[Organisation]:
    return permissions.organisations_with(actor, permissions.CONSULTATIONS_VIEW)


def consultation_list_for_actor(
    *,
    actor: Any,
    organisation: Organisation | None = None,
    channel: str | None = None,
    topic: ConsultationTopic | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    answered: bool | None = None,
    query: str | None = None,
) -> QuerySet[Consultation]:
    consultations = Consultation.objects.filter(
        organisation__in=_visible_organisations(actor)
    ).select_related("organisation", "topic", "staff", "department")
    if organisation is not None:
        consultations = consultations.filter(organisation=organisation)
    if channel:
        consultations = consultations.filter(channel=channel)
    if topic is not None:
        consultations = consultations.filter(topic=topic)
    if date_from is not None:
        consultations = consultations.filter(occurred_at__date__gte=date_from)
    if date_to is not None:
        consultations = consultations.filter(occurred_at__date__lte=date_to)
    if answered is True:
        consultations = consultations.exclude(answer="")
    elif answered is False:
        consultations = consultations.filter(answer="")
    for term in (query or "").split():
        consultations = consultations.filter(
            Q(question__icontains=term) | Q(answer__icontains=term)
        )
    return consultations


def consultation_get_for_actor(*, actor: Any, pk: int) -> Consultation | None:
    return consultation_list_for_actor(actor=actor).filter(pk=pk).first()


def tally_list_for_actor(
    *,
    actor: Any,
    organisation: Organisation | None = None,
    channel: str | None = None,
    topic: ConsultationTopic | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[ConsultationTally]:
    tallies = ConsultationTally.objects.filter(
        organisation__in=_visible_organisations(actor)
    ).select_related("organisation", "topic", "entered_by")
    if organisation is not None:
        tallies = tallies.filter(organisation=organisation)
    if channel:
        tallies = tallies.filter(channel=channel)
    if topic is not None:
        tallies = tallies.filter(topic=topic)
    if date_from is not None:
        tallies = tallies.filter(date__gte=date_from)
    if date_to is not None:
        tallies = tallies.filter(date__lte=date_to)
    return tallies


def tally_get_for_actor(*, actor: Any, pk: int) -> ConsultationTally | None:
    return tally_list_for_actor(actor=actor).filter(pk=pk).first()


def topic_list_for_actor(*, actor: Any, active_only: bool = False) -> QuerySet[ConsultationTopic]:
    topics = ConsultationTopic.objects.filter(
        organisation__in=_visible_organisations(actor)
    ).select_related("organisation")
    if active_only:
        topics = topics.filter(is_active=True)
    return topics.order_by("organisation__path", "sort_order", "id")


def topic_list(*, organisation: Organisation) -> QuerySet[ConsultationTopic]:
    return ConsultationTopic.objects.filter(organisation=organisation, is_active=True)


def topic_get_for_actor(*, actor: Any, pk: int) -> ConsultationTopic | None:
    return topic_list_for_actor(actor=actor).filter(pk=pk).first()


def day_totals(*, organisation: Organisation, day: dt.date | None = None) -> dict[str, int]:
    """Consultations of one day per channel, records and tallies together (the fast entry
    page's running total), plus "total"."""
    day = day or timezone.localdate()
    totals = dict.fromkeys(Channel.values, 0)
    records = (
        Consultation.objects.filter(organisation=organisation, occurred_at__date=day)
        .values("channel")
        .annotate(n=Count("id"))
    )
    for row in records:
        totals[row["channel"]] += row["n"]
    tallies = (
        ConsultationTally.objects.filter(organisation=organisation, date=day)
        .values("channel")
        .annotate(n=Sum("count"))
    )
    for row in tallies:
        totals[row["channel"]] += row["n"] or 0
    totals["total"] = sum(totals.values())
    return totals


def faq_list_for_actor(
    *, actor: Any, published: bool | None = None, query: str | None = None
) -> QuerySet[FaqEntry]:
    entries = FaqEntry.objects.filter(organisation__in=_visible_organisations(actor))
    if published is not None:
        entries = entries.filter(published=published)
    return _search(entries, query).select_related("organisation", "topic")


def faq_get_for_actor(*, actor: Any, pk: int) -> FaqEntry | None:
    return faq_list_for_actor(actor=actor).filter(pk=pk).first()


def _search(entries: QuerySet[FaqEntry], query: str | None) -> QuerySet[FaqEntry]:
    # The catalogue's semantics: every whitespace-separated term must occur, after the same
    # normalisation, as an exact substring of the question or the answer (never across them).
    for term in query_terms(query or ""):
        entries = entries.filter(search_text__contains=term)
    return entries


def faq_search_public(
    *,
    query: str | None = None,
    organisation: Organisation | None = None,
    topic: ConsultationTopic | None = None,
) -> QuerySet[FaqEntry]:
    entries = FaqEntry.objects.filter(published=True, organisation__is_active=True)
    if organisation is not None:
        entries = entries.filter(organisation=organisation)
    if topic is not None:
        entries = entries.filter(topic=topic)
    return _search(entries, query).select_related("organisation", "topic")


def faq_get_public(*, pk: int) -> FaqEntry | None:
    return faq_search_public().filter(pk=pk).first()


def consultation_list_public(*, organisation: Organisation | None = None) -> QuerySet[Consultation]:
    """留言咨询 answered and allowed to be shown by the asker, newest answer first."""
    consultations = (
        Consultation.objects.filter(
            channel=Channel.ONLINE_MESSAGE, allow_publish=True, organisation__is_active=True
        )
        .exclude(answer="")
        .select_related("organisation", "topic")
    )
    if organisation is not None:
        consultations = consultations.filter(organisation=organisation)
    return consultations.order_by("-answered_at", "-id")


def consultation_get_public(*, pk: int) -> Consultation | None:
    return consultation_list_public().filter(pk=pk).first()


def masked_asker_name(consultation: Consultation) -> str:
    return mask_name(consultation.asker_name)


def masked_asker_contact(consultation: Consultation) -> str:
    contact = consultation.asker_contact
    return mask_email(contact) if "@" in contact else mask_phone(contact)


def asker_contact_for(*, actor: Any, consultation: Consultation) -> str:
    """The asker's contact as the actor may see it: in full for those who answer."""
    if permissions.can_view_consultation_contact(actor, consultation):
        return consultation.asker_contact
    return masked_asker_contact(consultation)
