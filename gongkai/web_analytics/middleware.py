"""Privacy-preserving page-view counting for the public portal.

Only the day, the page's URL name (e.g. "portal:item_detail", never the full address with its
query string) and, for an organisation's own pages, that organisation are counted. No cookie is
set; the IP address and user agent are never stored (the user agent is only looked at, in
memory, to leave out robots). Back office, API, static and media requests are not counted.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from gongkai.web_analytics import services

logger = logging.getLogger(__name__)

SKIPPED_PREFIXES = ("/staff/", "/api/", "/static/", "/media/", "/admin/", "/i18n/")
COUNTED_NAMESPACES = ("portal",)
BOT_PATTERN = re.compile(
    r"bot|spider|crawl|slurp|archiver|curl|wget|python-requests|httpclient|scrapy|feedfetcher",
    re.IGNORECASE,
)
# Pages whose `pk` is an organisation: the body's own column on the portal.
ORGANISATION_PAGES = frozenset({"portal:organisation_detail", "portal:guide"})


def page_key(request: HttpRequest) -> tuple[str, int | None] | None:
    """(URL name, organisation id) for a countable request, else None."""
    if request.path.startswith(SKIPPED_PREFIXES):
        return None
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name or match.namespace not in COUNTED_NAMESPACES:
        return None
    if BOT_PATTERN.search(request.headers.get("User-Agent", "")):
        return None
    # Prefetches and previews are not visits.
    if (
        request.headers.get("Sec-Purpose", "").startswith("prefetch")
        or request.headers.get("Purpose") == "prefetch"
    ):
        return None
    name = f"{match.namespace}:{match.url_name}"
    organisation_id = None
    if name in ORGANISATION_PAGES and isinstance(match.kwargs.get("pk"), int):
        organisation_id = match.kwargs["pk"]
    return name, organisation_id


class PageViewCounterMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method == "GET" and response.status_code == 200:
            key = page_key(request)
            if key is not None:
                try:
                    services.page_view_record(
                        date=timezone.localdate(), path=key[0], organisation_id=key[1]
                    )
                except DatabaseError:
                    # A counter must never cost a visitor the page.
                    logger.warning("page view not counted for %s", key[0], exc_info=True)
        return response
