"""Template helpers of the 咨询 pages: whether the menu offers them."""

from __future__ import annotations

from django import template

from gongkai.organisations import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def can_view_consultations(context: template.Context) -> bool:
    user = getattr(context.get("request"), "user", None)
    return user is not None and permissions.has_any_permission(user, permissions.CONSULTATIONS_VIEW)
