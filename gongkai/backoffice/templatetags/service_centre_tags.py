"""Navigation flags for the complaint, service-guide and service-desk registers."""

from __future__ import annotations

from typing import Any

from django import template

from gongkai.organisations import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def service_centre_allowed(context: dict[str, Any]) -> dict[str, bool]:
    user = context["request"].user
    return {
        "complaints": permissions.has_any_permission(user, permissions.COMPLAINTS_VIEW),
        "guides": permissions.has_any_permission(user, permissions.SERVICE_GUIDES_VIEW),
        "desk": permissions.has_any_permission(user, permissions.SERVICE_DESK_VIEW),
    }
