"""Counting page views: one F() increment of a daily counter, never a row per visit.

Counters are not audited: a view is no state change anyone decides, and an audit entry per
page view would itself become the visitor log this app exists to avoid.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F

from gongkai.web_analytics.models import PageViewDaily

MAX_PATH_LENGTH = 200


def page_view_record(
    *, date: dt.date, path: str, organisation_id: int | None = None, views: int = 1
) -> None:
    """Add `views` to the (date, page, organisation) counter, creating it on first use."""
    path = path[:MAX_PATH_LENGTH]
    counters = PageViewDaily.objects.filter(date=date, path=path)
    counters = (
        counters.filter(organisation__isnull=True)
        if organisation_id is None
        else counters.filter(organisation_id=organisation_id)
    )
    with transaction.atomic():
        if counters.update(views=F("views") + views):
            return
        try:
            # A savepoint, so that losing a creation race leaves the outer transaction usable.
            with transaction.atomic():
                PageViewDaily.objects.create(
                    date=date, path=path, organisation_id=organisation_id, views=views
                )
        except IntegrityError:
            counters.update(views=F("views") + views)
