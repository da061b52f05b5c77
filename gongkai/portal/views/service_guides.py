"""办事指南 on the portal: published guides, the current version and every older one."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from gongkai.service_guides import selectors
from gongkai.service_guides.models import GUIDE_TEXT_FIELDS
from gongkai.service_guides.services import GUIDE_FIELD_LABELS

PAGE_SIZE = 30


@require_GET
def guide_list(request: HttpRequest) -> HttpResponse:
    query = (request.GET.get("q") or "").strip()[:100]
    items = selectors.service_item_list_public(query=query or None)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/service_guides/list.html",
        {"page_obj": page, "items": page.object_list, "q": query, "nav_section": "service_guides"},
    )


@require_GET
def guide_detail(request: HttpRequest, pk: int, version: int | None = None) -> HttpResponse:
    item = selectors.service_item_get_public(pk=pk)
    if item is None:
        raise Http404(_("没有找到该办事指南。"))
    versions = list(selectors.published_versions(item))
    current = versions[0]
    shown = (
        current if version is None else next((g for g in versions if g.version == version), None)
    )
    if shown is None:
        raise Http404(_("没有找到该版本。"))
    return render(
        request,
        "portal/service_guides/detail.html",
        {
            "item": item,
            "guide": shown,
            "is_current": shown.pk == current.pk,
            "current": current,
            "versions": versions,
            "sections": [
                (GUIDE_FIELD_LABELS[name], getattr(shown, name)) for name in GUIDE_TEXT_FIELDS
            ],
            "nav_section": "service_guides",
        },
    )
