"""Reads of 依申请公开, scoped to what the actor may see (gongkai.organisations.permissions)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.hashers import check_password, make_password
from django.db.models import Q, QuerySet
from django.utils import timezone

from gongkai.core.models import AuditEntry
from gongkai.disclosure_requests import services
from gongkai.disclosure_requests.models import ClockEvent, DisclosureRequest
from gongkai.disclosure_requests.rules.ledger import DeadlineExplanation
from gongkai.organisations import permissions
from gongkai.organisations.models import Membership, Organisation, Role

Status = DisclosureRequest.Status

# The agency owes an answer in these (awaiting 补正 the clock is stopped: no due date).
ANSWER_OWED = (
    Status.IN_PROGRESS,
    Status.IN_CONSULTATION,
    Status.AWAITING_FEE,
    Status.AWAITING_APPROVAL,
)


def _visible(actor: Any) -> QuerySet[DisclosureRequest]:
    organisations = permissions.organisations_with(actor, permissions.REQUESTS_VIEW)
    return DisclosureRequest.objects.filter(
        Q(organisation__in=organisations) | Q(department__in=organisations)
    ).select_related("organisation", "department", "handler")


def _overdue_condition(today: dt.date) -> Q:
    return Q(status__in=ANSWER_OWED, due_on__lt=today)


def _due_within_condition(today: dt.date, days: int) -> Q:
    return Q(status__in=ANSWER_OWED, due_on__gte=today, due_on__lte=today + dt.timedelta(days))


def request_list_for_actor(
    *,
    actor: Any,
    status: str | None = None,
    overdue: bool | None = None,
    due_within_days: int | None = None,
    query: str | None = None,
    handler: Any = None,
    organisation: Organisation | None = None,
    today: dt.date | None = None,
) -> QuerySet[DisclosureRequest]:
    """The back-office queue: what the actor may see, due first (undated last), then newest."""
    today = today or timezone.localdate()
    requests = _visible(actor)
    if status:
        requests = requests.filter(status=status)
    if organisation is not None:
        requests = requests.filter(Q(organisation=organisation) | Q(department=organisation))
    if handler is not None:
        requests = requests.filter(handler=handler)
    if overdue is not None:
        condition = _overdue_condition(today)
        requests = requests.filter(condition) if overdue else requests.exclude(condition)
    if due_within_days is not None:
        requests = requests.filter(_due_within_condition(today, due_within_days))
    if query:
        for term in query.split():
            requests = requests.filter(
                Q(tracking_number__icontains=term)
                | Q(applicant_name__icontains=term)
                | Q(information_title__icontains=term)
                | Q(information_document_number__icontains=term)
            )
    return requests.order_by("due_on", "-submitted_at", "-id")


def request_list_pending_confirmation(*, actor: Any) -> QuerySet[DisclosureRequest]:
    """The to-confirm queue (第三十一条): online, fax, email and ordinary-letter applications."""
    return _visible(actor).filter(status=Status.PENDING_CONFIRMATION).order_by("submitted_at")


def request_get_for_actor(*, actor: Any, pk: int) -> DisclosureRequest | None:
    return (
        _visible(actor)
        .select_related("parent", "created_by")
        .prefetch_related("clock_events", "letters", "deliveries", "attachments", "parts")
        .filter(pk=pk)
        .first()
    )


def request_list_overdue(
    *, actor: Any, today: dt.date | None = None
) -> QuerySet[DisclosureRequest]:
    """Past their due date with no answer yet, the longest overdue first."""
    today = today or timezone.localdate()
    return _visible(actor).filter(_overdue_condition(today)).order_by("due_on", "id")


def request_list_due_soon(
    *, actor: Any, days: int = 5, today: dt.date | None = None
) -> QuerySet[DisclosureRequest]:
    """Due today or within `days` calendar days, unanswered."""
    today = today or timezone.localdate()
    return _visible(actor).filter(_due_within_condition(today, days)).order_by("due_on", "id")


# A real hash to check against when the number is unknown, so both failures cost the same.
_DUMMY_HASH: list[str] = []


def request_get_for_applicant(
    *, tracking_number: str, access_code: str
) -> DisclosureRequest | None:
    """The applicant's own application, or None. An unknown number and a wrong code give the
    same answer in about the same time (a password hash is checked either way)."""
    number = (tracking_number or "").strip().upper()
    code = (access_code or "").strip().upper().replace(" ", "")
    disclosure_request = (
        DisclosureRequest.objects.select_related("organisation")
        .filter(tracking_number=number)
        .first()
        if number
        else None
    )
    if disclosure_request is None:
        if not _DUMMY_HASH:
            _DUMMY_HASH.append(make_password("unknown-tracking-number"))
        check_password(code, _DUMMY_HASH[0])
        return None
    if not code or not check_password(code, disclosure_request.access_code_hash):
        return None
    return disclosure_request


def ledger_for(
    disclosure_request: DisclosureRequest, *, today: dt.date | None = None
) -> DeadlineExplanation | None:
    """The due-date explanation; None while the application awaits confirmation (no clock)."""
    if disclosure_request.received_on is None:
        return None
    return services.explain(disclosure_request, today=today)


def clock_events_for(disclosure_request: DisclosureRequest) -> QuerySet[ClockEvent]:
    return ClockEvent.objects.filter(disclosure_request=disclosure_request).select_related("actor")


def requests_needing_reminder(
    *, today: dt.date, days: int
) -> tuple[QuerySet[DisclosureRequest], QuerySet[DisclosureRequest]]:
    """System-wide (for the reminder command, not for people): overdue and due soon."""
    base = DisclosureRequest.objects.select_related("organisation", "handler")
    return (
        base.filter(_overdue_condition(today)).order_by("due_on", "id"),
        base.filter(_due_within_condition(today, days)).order_by("due_on", "id"),
    )


def coordinators_of(organisation: Organisation) -> QuerySet[Membership]:
    """Coordinators whose role reaches `organisation` (held on it or an ancestor)."""
    parts = [p for p in organisation.path.split("/") if p]
    ancestors = ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]
    return Membership.objects.filter(
        role=Role.COORDINATOR, organisation__path__in=ancestors, user__is_active=True
    ).select_related("user")


@dataclass(frozen=True)
class RecomputedDeadline:
    """A date of the actor's application that entering a year's holiday schedule moved."""

    disclosure_request_id: int
    tracking_number: str
    field_label: str
    old: dt.date | None
    new: dt.date | None
    recomputed_at: dt.datetime
    calendar_years: tuple[int, ...]


def recomputed_deadlines_for_handler(*, actor: Any, since: dt.datetime) -> list[RecomputedDeadline]:
    """Dates of the open applications `actor` handles that a calendar entry moved since `since`,
    newest first: the back office's notice to the handler (the mail is the other)."""
    handled = {
        str(pk): tracking_number
        for pk, tracking_number in DisclosureRequest.objects.filter(
            handler=actor, status__in=(*ANSWER_OWED, Status.AWAITING_CORRECTION)
        ).values_list("pk", "tracking_number")
    }
    if not handled:
        return []
    entries = AuditEntry.objects.filter(
        action=services.DEADLINE_RECOMPUTED,
        object_type="disclosure_requests.disclosurerequest",
        object_id__in=list(handled),
        created_at__gte=since,
    ).order_by("-created_at", "-pk")
    return [
        RecomputedDeadline(
            disclosure_request_id=int(entry.object_id),
            tracking_number=handled[entry.object_id],
            field_label=entry.data.get("field_label", ""),
            old=_date_or_none(entry.data.get("old")),
            new=_date_or_none(entry.data.get("new")),
            recomputed_at=entry.created_at,
            calendar_years=tuple(entry.data.get("calendar_years", ())),
        )
        for entry in entries[:50]
    ]


def _date_or_none(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
