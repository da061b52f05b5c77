"""Small formatting helpers for back-office templates."""

from __future__ import annotations

import datetime as dt

from django import template

from gongkai.organisations import permissions

register = template.Library()


@register.filter
def minutes(value: dt.timedelta | None) -> int:
    """Whole minutes of a duration, rounded up (a lockout of 29.5 minutes reads as 30)."""
    if not value:
        return 0
    seconds = int(value.total_seconds())
    return -(-seconds // 60)


@register.simple_tag(takes_context=True)
def navigation_permissions(context: template.Context) -> dict[str, bool]:
    """Which sections the signed-in person may open, so the menu offers only those."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not permissions.is_back_office_user(user):
        return {}
    return {
        "import": permissions.has_any_permission(user, permissions.CATALOGUE_IMPORT),
        "audit": permissions.has_any_permission(user, permissions.AUDIT_VIEW),
        "calendar": permissions.can_manage_calendar(user),
        "requests": permissions.has_any_permission(user, permissions.REQUESTS_VIEW),
        "reading_room": permissions.has_any_permission(user, permissions.READING_ROOM_VIEW),
    }
