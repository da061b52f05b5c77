"""Kiosk mode for the reading room's self-service terminals (/kiosk/).

Large touch targets, navigation on screen only, no link that leaves the kiosk, and a return
to the kiosk home after a period without touches (GONGKAI_KIOSK_IDLE_SECONDS, default 120).
Attachments, external links and the public site's header and footer are not rendered.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.catalogue.selectors import catalogue_search, item_get_public, item_list_public
from gongkai.organisations.selectors import organisation_list_public
from gongkai.portal.views.reading_room import document_or_404, library_context

DEFAULT_IDLE_SECONDS = 120
# Touch-friendly search suggestions: a tap fills the query, no on-screen keyboard needed.
SUGGESTED_TERMS = ["办事指南", "政府信息公开", "财政预算", "招标", "环境保护", "社会保险", "规划"]


def _render(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    context.setdefault(
        "idle_seconds",
        int(getattr(settings, "GONGKAI_KIOSK_IDLE_SECONDS", DEFAULT_IDLE_SECONDS)),
    )
    return render(request, f"portal/kiosk/{template}", context)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return _render(request, "home.html", {"kiosk_section": "home"})


@require_GET
def catalogue(request: HttpRequest) -> HttpResponse:
    items = item_list_public().select_related("organisation")
    page_obj = Paginator(items, 10).get_page(request.GET.get("page"))
    return _render(request, "catalogue.html", {"kiosk_section": "catalogue", "page_obj": page_obj})


@require_GET
def item(request: HttpRequest, pk: int) -> HttpResponse:
    information_item = item_get_public(pk=pk)
    if information_item is None:
        raise Http404
    return _render(request, "item.html", {"kiosk_section": "catalogue", "item": information_item})


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    try:
        page = max(int(request.GET.get("page", "1")), 1)
    except ValueError:
        page = 1
    results = catalogue_search(query=query, page=page, page_size=10) if query else None
    return _render(
        request,
        "search.html",
        {
            "kiosk_section": "search",
            "query": query,
            "results": results,
            "suggested_terms": SUGGESTED_TERMS,
        },
    )


@require_GET
def library(request: HttpRequest) -> HttpResponse:
    context = library_context(request)
    context["kiosk_section"] = "library"
    return _render(request, "library.html", context)


@require_GET
def library_document(request: HttpRequest, pk: int) -> HttpResponse:
    return _render(
        request, "document.html", {"kiosk_section": "library", "document": document_or_404(pk)}
    )


@require_GET
def guides(request: HttpRequest) -> HttpResponse:
    return _render(
        request,
        "guides.html",
        {"kiosk_section": "guides", "organisations": organisation_list_public()},
    )


@require_GET
def guide(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_list_public().filter(pk=pk).first()
    if organisation is None:
        raise Http404
    return _render(
        request,
        "guide.html",
        {
            "kiosk_section": "guides",
            "organisation": organisation,
            "item_count": item_list_public(organisation=organisation).count(),
        },
    )
