"""Template helpers of the 依申请公开 pages (the dashboard panel fetches its own lists)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def disclosure_dashboard(context: template.Context) -> dict[str, Any]:
    from gongkai.backoffice.views.disclosure import dashboard_panel_context

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return {"can_view_requests": False}
    return dashboard_panel_context(user)
