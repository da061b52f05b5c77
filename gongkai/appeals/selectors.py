"""Reads of 复议诉讼案件, scoped to the organisations where the actor holds appeals.view."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from gongkai.appeals import deadlines
from gongkai.appeals.models import AppealCase, CaseKind, StatutoryDeadline
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation

PENDING = "pending"


def _visible(actor: Any) -> QuerySet[AppealCase]:
    organisations = permissions.organisations_with(actor, permissions.APPEALS_VIEW)
    return AppealCase.objects.filter(organisation__in=organisations).select_related(
        "organisation", "disclosure_request", "review_case"
    )


def appeal_case_list_for_actor(
    *,
    actor: Any,
    kind: str | None = None,
    result: str | None = None,
    year: int | None = None,
    organisation: Organisation | None = None,
    overdue: bool | None = None,
    query: str | None = None,
    today: dt.date | None = None,
) -> QuerySet[AppealCase]:
    """`result` is a CaseResult value or "pending"; `year` is the year of filing."""
    cases = _visible(actor)
    if kind:
        cases = cases.filter(kind=kind)
    if result == PENDING:
        cases = cases.filter(decided_on__isnull=True)
    elif result:
        cases = cases.filter(result=result)
    if year:
        cases = cases.filter(filed_on__year=year)
    if organisation is not None:
        cases = cases.filter(organisation=organisation)
    if overdue:
        cases = cases.filter(
            decided_on__isnull=True, decision_due_on__lt=today or timezone.localdate()
        )
    if query:
        cases = cases.filter(
            Q(case_number__icontains=query)
            | Q(handling_body__icontains=query)
            | Q(applicant_name__icontains=query)
            | Q(disclosure_request__tracking_number__icontains=query)
        )
    return cases.order_by("-filed_on", "-id")


def appeal_case_get_for_actor(*, actor: Any, pk: int) -> AppealCase | None:
    return _visible(actor).filter(pk=pk).first()


def review_cases_for(*, actor: Any) -> QuerySet[AppealCase]:
    """Reviews a 复议后起诉 lawsuit may follow, among the cases the actor may manage."""
    organisations = permissions.organisations_with(actor, permissions.APPEALS_MANAGE)
    return AppealCase.objects.filter(
        organisation__in=organisations, kind=CaseKind.ADMINISTRATIVE_REVIEW
    ).select_related("organisation")


def disclosure_requests_for(*, actor: Any) -> QuerySet[DisclosureRequest]:
    """Applications a case may concern: those of the organisations the actor manages cases for."""
    organisations = permissions.organisations_with(actor, permissions.APPEALS_MANAGE)
    return DisclosureRequest.objects.filter(
        Q(organisation__in=organisations) | Q(department__in=organisations)
    ).order_by("-submitted_at")


def deadlines_for(appeal_case: AppealCase) -> dict[str, Any]:
    """The statutory limits of the case: its decision deadline and the filing limit in force."""
    start = appeal_case.accepted_on or appeal_case.filed_on
    decision = deadlines.decision_deadline(appeal_case.kind, start)
    filing = deadlines.filing_limit(appeal_case.kind, appeal_case.filed_on)
    today = timezone.localdate()
    overdue_days = 0
    if decision is not None:
        end = appeal_case.decided_on or today
        overdue_days = max((end - decision.due_on).days, 0)
    return {
        "decision": decision,
        "filing": filing,
        "overdue_days": overdue_days,
        "accepted_assumed": appeal_case.accepted_on is None,
    }


def statutory_deadlines() -> QuerySet[StatutoryDeadline]:
    return StatutoryDeadline.objects.all()
