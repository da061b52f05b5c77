"""Reads of the catalogue.

Public selectors show only published items open to everyone (面向社会). Staff selectors are
scoped to the organisations where the actor holds ``catalogue.view`` (with their sub-trees).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.safestring import SafeString

from gongkai.catalogue.models import Category, InformationItem
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation

Status = InformationItem.Status


def _public_items() -> QuerySet[InformationItem]:
    return InformationItem.objects.filter(
        status=Status.PUBLISHED,
        disclosure_scope=InformationItem.DisclosureScope.PUBLIC,
    ).select_related("organisation", "category")


def item_list_public(
    *,
    organisation: Organisation | None = None,
    category: Category | None = None,
    year: int | None = None,
    article20_item: int | None = None,
    validity: str | None = None,
) -> QuerySet[InformationItem]:
    """Published public items, newest first. ``year`` is the year of 生成日期, as in search."""
    items = _public_items()
    if organisation is not None:
        items = items.filter(organisation=organisation)
    if category is not None:
        items = items.filter(category=category)
    if year is not None:
        items = items.filter(generated_on__year=year)
    if article20_item is not None:
        items = items.filter(article20_item=article20_item)
    if validity:
        items = items.filter(validity=validity)
    return items.order_by("-published_at", "-id")


def item_get_public(*, pk: int) -> InformationItem | None:
    return _public_items().prefetch_related("attachments").filter(pk=pk).first()


def item_years_public() -> list[int]:
    """Years (of 生成日期) that have public items, newest first."""
    return [day.year for day in _public_items().dates("generated_on", "year", order="DESC")]


def _staff_items(actor: Any) -> QuerySet[InformationItem]:
    return InformationItem.objects.filter(
        organisation__in=permissions.organisations_with(actor, permissions.CATALOGUE_VIEW)
    ).select_related("organisation", "category")


def _overdue_condition(today: dt.date) -> Q:
    return Q(
        status__in=[Status.DRAFT, Status.PENDING_REVIEW],
        disclosure_mode=InformationItem.DisclosureMode.PROACTIVE,
        publication_due_on__lt=today,
    )


def item_list_for_actor(
    *,
    actor: Any,
    status: str | None = None,
    organisation: Organisation | None = None,
    category: Category | None = None,
    query: str | None = None,
    overdue: bool | None = None,
) -> QuerySet[InformationItem]:
    """The back-office list: every item the actor may see, most recently changed first."""
    items = _staff_items(actor)
    if status:
        items = items.filter(status=status)
    if organisation is not None:
        items = items.filter(organisation=organisation)
    if category is not None:
        items = items.filter(category=category)
    if query:
        for term in query.split():
            items = items.filter(
                Q(title__icontains=term)
                | Q(document_number__icontains=term)
                | Q(index_number__icontains=term)
            )
    if overdue is not None:
        condition = _overdue_condition(timezone.localdate())
        items = items.filter(condition) if overdue else items.exclude(condition)
    return items.order_by("-updated_at", "-id")


def item_get_for_actor(*, actor: Any, pk: int) -> InformationItem | None:
    return _staff_items(actor).prefetch_related("attachments").filter(pk=pk).first()


def item_list_publication_overdue(
    *, actor: Any, today: dt.date | None = None
) -> QuerySet[InformationItem]:
    """第二十六条: items still unpublished after their 20 working days, oldest due first."""
    today = today or timezone.localdate()
    return _staff_items(actor).filter(_overdue_condition(today)).order_by("publication_due_on")


def item_list_published_late(*, actor: Any) -> QuerySet[InformationItem]:
    """Published items whose publication came after the due date (for reports and review)."""
    return (
        _staff_items(actor)
        .filter(status=Status.PUBLISHED, publication_due_on__isnull=False)
        .annotate(published_on=TruncDate("published_at"))
        .filter(published_on__gt=F("publication_due_on"))
        .order_by("-published_at")
    )


def category_list(*, organisation: Organisation) -> QuerySet[Category]:
    return Category.objects.filter(organisation=organisation).order_by("sort_order", "id")


@dataclass(frozen=True)
class CategoryCount:
    category: Category | None  # None: items without a category
    count: int


def catalogue_counts_by_category(
    *, organisation: Organisation, year: int | None = None
) -> list[CategoryCount]:
    """Public items per category of ``organisation`` (every category, also empty ones)."""
    items = item_list_public(organisation=organisation, year=year)
    counts: dict[int | None, int] = dict(
        items.order_by()
        .values("category_id")
        .annotate(n=Count("id"))
        .values_list("category_id", "n")
    )
    result = [
        CategoryCount(category=category, count=counts.get(category.pk, 0))
        for category in category_list(organisation=organisation)
    ]
    if counts.get(None):
        result.append(CategoryCount(category=None, count=counts[None]))
    return result


# --- search ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueSearchResult:
    item: InformationItem
    snippet: SafeString
    title_html: SafeString
    score: float


@dataclass(frozen=True)
class CatalogueSearchPage:
    total: int
    page: int
    page_size: int
    num_pages: int
    results: list[CatalogueSearchResult]

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages


def _snippet_source(item: InformationItem, query: str) -> str:
    terms = [term.casefold() for term in query.split()]
    for text in (item.summary, item.body_text, item.document_number):
        if text and any(term in text.casefold() for term in terms):
            return text
    return item.summary or item.body_text


def catalogue_search(
    *,
    query: str,
    organisation: Organisation | None = None,
    category: Category | None = None,
    year: int | None = None,
    article20_item: int | None = None,
    validity: str | None = None,
    page: int = 1,
    page_size: int = 20,
) -> CatalogueSearchPage:
    """Full-text search of the public catalogue, in the engine's relevance order."""
    from gongkai.search.engine import SearchFilters, get_backend
    from gongkai.search.highlight import highlight

    query = (query or "").strip()
    page = max(int(page), 1)
    if not query:
        return CatalogueSearchPage(total=0, page=1, page_size=page_size, num_pages=1, results=[])
    filters = SearchFilters(
        organisation_ids=[organisation.pk] if organisation is not None else None,
        category_ids=[category.pk] if category is not None else None,
        year=year,
        article20_item=article20_item,
        validity=validity or None,
    )
    found = get_backend().search(query, filters=filters, page=page, page_size=page_size)
    ids = [hit.item_id for hit in found.hits]
    # The database has the final word: an item withdrawn a moment ago is left out.
    items = _public_items().in_bulk(ids)
    results = [
        CatalogueSearchResult(
            item=items[hit.item_id],
            snippet=highlight(_snippet_source(items[hit.item_id], query), query),
            title_html=highlight(
                items[hit.item_id].title, query, length=max(len(items[hit.item_id].title), 160)
            ),
            score=hit.score,
        )
        for hit in found.hits
        if hit.item_id in items
    ]
    num_pages = max(math.ceil(found.total / page_size), 1) if page_size else 1
    return CatalogueSearchPage(
        total=found.total, page=page, page_size=page_size, num_pages=num_pages, results=results
    )
