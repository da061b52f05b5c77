"""Reads of the page-view counters for the back office."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Sum
from django.db.models.functions import TruncMonth

from gongkai.web_analytics.models import PageViewDaily


def _views(date_from: dt.date, date_to: dt.date, path: str = "") -> Any:
    rows = PageViewDaily.objects.filter(date__gte=date_from, date__lte=date_to)
    if path:
        rows = rows.filter(path=path)
    return rows


def page_views_daily(
    *, date_from: dt.date, date_to: dt.date, path: str = ""
) -> list[dict[str, Any]]:
    """[{"date", "views"}] per day with any views, in date order."""
    return list(
        _views(date_from, date_to, path)
        .values("date")
        .annotate(views=Sum("views"))
        .order_by("date")
    )


def page_views_monthly(
    *, date_from: dt.date, date_to: dt.date, path: str = ""
) -> list[dict[str, Any]]:
    """[{"month" (first day), "views"}] in month order."""
    rows = (
        _views(date_from, date_to, path)
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(views=Sum("views"))
        .order_by("month")
    )
    return list(rows)


def page_views_by_page(*, date_from: dt.date, date_to: dt.date) -> list[dict[str, Any]]:
    """[{"path", "views"}] most viewed first."""
    return list(
        _views(date_from, date_to)
        .values("path")
        .annotate(views=Sum("views"))
        .order_by("-views", "path")
    )


def page_view_paths() -> list[str]:
    return list(PageViewDaily.objects.order_by("path").values_list("path", flat=True).distinct())
