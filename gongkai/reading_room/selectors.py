"""Reads of the reading room: public (library, database directory) and actor-scoped registers."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet

from gongkai.organisations import permissions
from gongkai.reading_room.models import (
    CurrentDocument,
    ExternalDatabase,
    Periodical,
    PeriodicalLoan,
    Terminal,
    VisitingGroup,
    VisitorTally,
)
from gongkai.search.tokenize import query_terms

M = TypeVar("M", bound=Model)

REGISTER_MODELS: dict[str, type[Model]] = {
    "document": CurrentDocument,
    "database": ExternalDatabase,
    "group": VisitingGroup,
    "visitor": VisitorTally,
    "periodical": Periodical,
    "loan": PeriodicalLoan,
    "terminal": Terminal,
}


def _scoped(model: type[M], actor: Any) -> QuerySet[M]:
    organisations = permissions.organisations_with(actor, permissions.READING_ROOM_VIEW)
    return model._default_manager.filter(organisation__in=organisations)  # type: ignore[misc]


def register_list_for_actor(*, actor: Any, register: str) -> QuerySet[Any]:
    """All records of one register (a key of REGISTER_MODELS) in the actor's organisations."""
    queryset = _scoped(REGISTER_MODELS[register], actor).select_related("organisation")
    if register == "loan":
        queryset = queryset.select_related("periodical")
    return queryset


def register_get_for_actor(*, actor: Any, register: str, pk: int) -> Any:
    return register_list_for_actor(actor=actor, register=register).filter(pk=pk).first()


def register_filter(
    queryset: QuerySet[M],
    *,
    register: str,
    organisation_id: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    q: str = "",
    status: str = "",
) -> QuerySet[M]:
    """The list pages' filters. The date field is each register's own date."""
    date_field = {
        "document": "issued_on",
        "database": "linked_on",
        "group": "visited_on",
        "visitor": "date",
        "periodical": "created_at__date",
        "loan": "lent_on",
        "terminal": "installed_on",
    }[register]
    if organisation_id:
        queryset = queryset.filter(organisation_id=organisation_id)
    if date_from:
        queryset = queryset.filter(**{f"{date_field}__gte": date_from})
    if date_to:
        queryset = queryset.filter(**{f"{date_field}__lte": date_to})
    if q:
        queryset = queryset.filter(_text_condition(register, q))
    if status:
        queryset = _status_filter(queryset, register, status)
    return queryset


def _text_condition(register: str, q: str) -> Q:
    if register == "document":
        return _document_condition(q)
    fields = {
        "database": ["name", "department", "url"],
        "group": ["group_name"],
        "visitor": [],
        "periodical": ["title", "call_number"],
        "loan": ["reader_name", "reader_card_number", "periodical__title"],
        "terminal": ["name", "location"],
    }[register]
    condition = Q(pk__in=[])
    for name in fields:
        condition |= Q(**{f"{name}__icontains": q.strip()})
    return condition


def _status_filter(queryset: QuerySet[M], register: str, status: str) -> QuerySet[M]:
    if register == "loan":
        today = dt.date.today()
        if status == "open":
            return queryset.filter(returned_on__isnull=True)
        if status == "returned":
            return queryset.filter(returned_on__isnull=False)
        if status == "overdue":
            return queryset.filter(returned_on__isnull=True, due_on__lt=today)
    if register == "database" and status in ExternalDatabase.Status.values:
        return queryset.filter(last_status=status)
    if register == "terminal" and status in Terminal.Status.values:
        return queryset.filter(status=status)
    return queryset


def loan_list_overdue(*, actor: Any, today: dt.date) -> QuerySet[PeriodicalLoan]:
    """Loans not returned whose due date has passed, oldest due first."""
    return (
        register_list_for_actor(actor=actor, register="loan")
        .filter(returned_on__isnull=True, due_on__lt=today)
        .order_by("due_on", "id")
    )


def periodical_list_available(*, actor: Any) -> QuerySet[Periodical]:
    """Copies on the shelf (no open loan), for the lending form."""
    return (
        register_list_for_actor(actor=actor, register="periodical")
        .exclude(
            pk__in=PeriodicalLoan.objects.filter(returned_on__isnull=True).values("periodical_id")
        )
        .order_by("title", "issue")
    )


# --- 现行文件查询（public） ---------------------------------------------------------------------


def _document_condition(query: str) -> Q:
    # The catalogue's semantics: every normalised term must occur as a substring of the
    # document's normalised fields (which a field separator keeps terms from crossing).
    condition = Q()
    for term in query_terms(query):
        condition &= Q(search_text__contains=term)
    return condition


def document_list_public() -> QuerySet[CurrentDocument]:
    return CurrentDocument.objects.select_related("organisation").defer("search_text")


def document_search_public(
    *,
    query: str = "",
    issuing_body: str = "",
    year: int | None = None,
) -> QuerySet[CurrentDocument]:
    """The library's search: all terms must match; newest first."""
    documents = document_list_public()
    if query.strip():
        documents = documents.filter(_document_condition(query))
    if issuing_body:
        documents = documents.filter(issuing_body=issuing_body)
    if year:
        documents = documents.filter(issued_on__year=year)
    return documents.order_by("-issued_on", "-id")


def document_get_public(*, pk: int) -> CurrentDocument | None:
    return document_list_public().filter(pk=pk).first()


def document_issuing_bodies() -> list[str]:
    return list(
        CurrentDocument.objects.order_by("issuing_body")
        .values_list("issuing_body", flat=True)
        .distinct()
    )


def external_database_list_public() -> QuerySet[ExternalDatabase]:
    return ExternalDatabase.objects.select_related("organisation").order_by("department", "name")


def external_database_list_for_check(
    *, organisation_ids: list[int] | None = None
) -> QuerySet[ExternalDatabase]:
    databases = ExternalDatabase.objects.order_by("id")
    if organisation_ids:
        databases = databases.filter(organisation_id__in=organisation_ids)
    return databases
