"""Small formatting helpers for back-office templates."""

from __future__ import annotations

import datetime as dt

from django import template

register = template.Library()


@register.filter
def minutes(value: dt.timedelta | None) -> int:
    """Whole minutes of a duration, rounded up (a lockout of 29.5 minutes reads as 30)."""
    if not value:
        return 0
    seconds = int(value.total_seconds())
    return -(-seconds // 60)
