"""Menu helper and dashboard panel of 政府信息公开工作年度报告."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from gongkai.organisations import permissions
from gongkai.reports import deadlines

register = template.Library()


def _user(context: template.Context) -> Any:
    request = context.get("request")
    return getattr(request, "user", None)


@register.simple_tag(takes_context=True)
def reports_allowed(context: template.Context) -> bool:
    user = _user(context)
    return user is not None and permissions.has_any_permission(user, permissions.REPORTS_VIEW)


@register.simple_tag(takes_context=True)
def reports_dashboard(context: template.Context) -> dict[str, Any]:
    user = _user(context)
    if user is None or not permissions.has_any_permission(user, permissions.REPORTS_VIEW):
        return {"can_view": False}
    today = timezone.localdate()
    year = deadlines.last_report_year(today)
    rows = deadlines.unpublished_bodies_for_actor(actor=user, year=year, today=today)
    return {
        "can_view": True,
        "year": year,
        "rows": rows,
        "overdue": sum(1 for row in rows if row.overdue),
    }
