"""Dashboard panel of the working-day calendar: the next year's notice, provisional years, and
the due dates that entering a notice moved for the signed-in handler."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils import timezone

from gongkai.disclosure_requests import selectors as request_selectors
from gongkai.organisations import permissions
from gongkai.workdays import calendar
from gongkai.workdays import selectors as calendar_selectors

register = template.Library()

# How long a handler is shown the dates that entering a notice moved.
RECOMPUTED_SHOWN_FOR = dt.timedelta(days=30)


@register.simple_tag(takes_context=True)
def calendar_dashboard(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not permissions.is_back_office_user(user):
        return {}
    today = timezone.localdate()
    provisional_years = calendar_selectors.calendar_provisional_years_ahead(today)
    return {
        "missing_year": (
            calendar_selectors.calendar_next_year_missing(today)
            if permissions.can_manage_calendar(user)
            else None
        ),
        "provisional_years": provisional_years,
        "provisional_note": calendar.provisional_note(provisional_years),
        "recomputed": request_selectors.recomputed_deadlines_for_handler(
            actor=user, since=timezone.now() - RECOMPUTED_SHOWN_FOR
        ),
    }
