"""Year figures of website visits, for the annual report. Aggregated in the database.

Keys of `year_statistics`:

- web.page_views: views in the year of the pages belonging to the given organisations (their
  columns on the portal, e.g. the organisation page), summed from the daily counters.
"""

from __future__ import annotations

from django.db.models import Sum

from gongkai.web_analytics.models import PageViewDaily


def year_statistics(*, organisation_ids: list[int], year: int) -> dict[str, int]:
    total = PageViewDaily.objects.filter(
        organisation_id__in=organisation_ids, date__year=year
    ).aggregate(views=Sum("views"))["views"]
    return {"web.page_views": total or 0}
