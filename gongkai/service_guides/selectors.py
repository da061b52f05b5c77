"""Reads of 办事指南: staff lists scoped to the actor; the public sees published versions only."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Max, Q, QuerySet

from gongkai.organisations import permissions
from gongkai.service_guides.models import GuidePrintRun, ServiceGuide, ServiceItem


def service_item_list_for_actor(*, actor: Any, query: str | None = None) -> QuerySet[ServiceItem]:
    organisations = permissions.organisations_with(actor, permissions.SERVICE_GUIDES_VIEW)
    items = ServiceItem.objects.filter(organisation__in=organisations)
    if query:
        items = items.filter(Q(name__icontains=query) | Q(code__icontains=query))
    return (
        items.select_related("organisation", "department")
        .annotate(version_count=Count("guides"), last_version=Max("guides__version"))
        .order_by("code", "id")
    )


def service_item_get_for_actor(*, actor: Any, pk: int) -> ServiceItem | None:
    organisations = permissions.organisations_with(actor, permissions.SERVICE_GUIDES_VIEW)
    return (
        ServiceItem.objects.filter(organisation__in=organisations, pk=pk)
        .select_related("organisation", "department")
        .first()
    )


def guide_get_for_actor(*, actor: Any, pk: int) -> ServiceGuide | None:
    organisations = permissions.organisations_with(actor, permissions.SERVICE_GUIDES_VIEW)
    return (
        ServiceGuide.objects.filter(service_item__organisation__in=organisations, pk=pk)
        .select_related("service_item__organisation")
        .first()
    )


def latest_guide(service_item: ServiceItem) -> ServiceGuide | None:
    return service_item.guides.order_by("-version").first()


# --- public -----------------------------------------------------------------------------------


def service_item_list_public(*, query: str | None = None) -> QuerySet[ServiceItem]:
    items = ServiceItem.objects.filter(guides__published=True, organisation__is_active=True)
    if query:
        items = items.filter(Q(name__icontains=query) | Q(code__icontains=query))
    return (
        items.select_related("organisation", "department")
        .annotate(current_version=Max("guides__version", filter=Q(guides__published=True)))
        .order_by("code", "id")
        .distinct()
    )


def service_item_get_public(*, pk: int) -> ServiceItem | None:
    return service_item_list_public().filter(pk=pk).first()


def published_versions(service_item: ServiceItem) -> QuerySet[ServiceGuide]:
    """Newest first; the first is the current guide."""
    return service_item.guides.filter(published=True).order_by("-version")


def print_run_list_for_actor(
    *, actor: Any, kind: str | None = None, year: int | None = None
) -> QuerySet[GuidePrintRun]:
    organisations = permissions.organisations_with(actor, permissions.SERVICE_GUIDES_VIEW)
    runs = GuidePrintRun.objects.filter(organisation__in=organisations)
    if kind:
        runs = runs.filter(kind=kind)
    if year:
        runs = runs.filter(printed_on__year=year)
    return runs.select_related("organisation").order_by("-printed_on", "-id")
