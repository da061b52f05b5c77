"""Menu entries of 审批处长接访 and 政企互动, offered only to those who may open them."""

from __future__ import annotations

from django import template

from gongkai.organisations import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def reception_engagement_allowed(context: template.Context) -> dict[str, bool]:
    user = getattr(context.get("request"), "user", None)
    return {
        "reception": permissions.has_any_permission(user, permissions.RECEPTION_VIEW),
        "engagement": permissions.has_any_permission(user, permissions.ENGAGEMENT_VIEW),
    }
