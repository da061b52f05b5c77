"""Reads of the complaint channel, scoped to the actor (receiving body or routed department)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.hashers import check_password, make_password
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from gongkai.complaints.models import Complaint, ComplaintSettings
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation


def overdue_condition(today: dt.date) -> Q:
    """Not answered by its due date: answered late, or unanswered and past due."""
    return Q(replied_on__gt=F("due_on")) | Q(replied_on__isnull=True, due_on__lt=today)


def _visible(actor: Any) -> QuerySet[Complaint]:
    organisations = permissions.organisations_with(actor, permissions.COMPLAINTS_VIEW)
    return Complaint.objects.filter(
        Q(organisation__in=organisations) | Q(department__in=organisations)
    ).distinct()


def complaint_list_for_actor(
    *,
    actor: Any,
    kind: str | None = None,
    status: str | None = None,
    overdue: bool | None = None,
    year: int | None = None,
    query: str | None = None,
    today: dt.date | None = None,
) -> QuerySet[Complaint]:
    complaints = _visible(actor)
    if kind:
        complaints = complaints.filter(kind=kind)
    if status:
        complaints = complaints.filter(status=status)
    if overdue is not None:
        condition = overdue_condition(today or timezone.localdate())
        complaints = complaints.filter(condition) if overdue else complaints.exclude(condition)
    if year:
        complaints = complaints.filter(received_on__year=year)
    if query:
        complaints = complaints.filter(
            Q(tracking_number__icontains=query)
            | Q(subject__icontains=query)
            | Q(content__icontains=query)
        )
    return complaints.select_related("organisation", "department").order_by("-received_on", "-id")


def complaint_get_for_actor(*, actor: Any, pk: int) -> Complaint | None:
    return _visible(actor).select_related("organisation", "department").filter(pk=pk).first()


_DUMMY_HASH: list[str] = []


def complaint_get_for_complainant(*, tracking_number: str, access_code: str) -> Complaint | None:
    """The complainant's own record, or None; an unknown number and a wrong code cost the
    same (a password hash is checked either way)."""
    number = (tracking_number or "").strip().upper()
    code = (access_code or "").strip().upper().replace(" ", "")
    complaint = (
        Complaint.objects.select_related("organisation", "department")
        .filter(tracking_number=number)
        .first()
        if number
        else None
    )
    if complaint is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(make_password("unknown-tracking-number"))
        check_password(code, _DUMMY_HASH[0])
        return None
    if not code or not check_password(code, complaint.access_code_hash):
        return None
    return complaint


def complaint_is_overdue(complaint: Complaint, *, today: dt.date | None = None) -> bool:
    if complaint.replied_on is not None:
        return complaint.replied_on > complaint.due_on
    return complaint.due_on < (today or timezone.localdate())


def complaint_settings_for(organisation: Organisation) -> ComplaintSettings | None:
    return ComplaintSettings.objects.filter(organisation=organisation).first()


def organisations_for_complaint_entry(actor: Any) -> QuerySet[Organisation]:
    return permissions.organisations_with(actor, permissions.COMPLAINTS_MANAGE).filter(
        is_active=True
    )
