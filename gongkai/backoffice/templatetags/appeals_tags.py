"""Menu helper for 行政复议、行政诉讼和申诉."""

from __future__ import annotations

from django import template

from gongkai.organisations import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def appeals_allowed(context: template.Context) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None)
    return user is not None and permissions.has_any_permission(user, permissions.APPEALS_VIEW)
