"""Public full-text search over the published catalogue."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.catalogue.selectors import catalogue_search
from gongkai.core.exceptions import ApplicationError
from gongkai.portal.forms import SearchForm, page_number

PAGE_SIZE = 20


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    filters = form.selector_filters() if form.is_bound else {}
    query = (form.cleaned_data.get("q") or "") if form.is_bound else ""
    search_page = None
    if query:
        try:
            search_page = catalogue_search(
                query=query,
                page=page_number(request.GET.get("page")),
                page_size=PAGE_SIZE,
                **filters,
            )
        except ApplicationError as error:
            messages.error(request, error.message)
    return render(
        request,
        "portal/search.html",
        {
            "nav_section": "search",
            "form": form,
            "search_query": query,
            "search_page": search_page,
            "page_range": _page_range(search_page.page, search_page.num_pages)
            if search_page
            else [],
        },
    )


def _page_range(current: int, last: int, *, around: int = 3) -> list[int]:
    """Page numbers near the current one; long result lists must not print 10,000 links."""
    return list(range(max(1, current - around), min(last, current + around) + 1))
