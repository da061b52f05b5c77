"""暂定 marks for deadlines in a year whose holiday notice is not entered (docs/calendar.md).

Shared by the portal and the back office: ``{% load provisional_tags %}``.

* ``{% provisional_badge day %}``: a stored date (due_on, publication_due_on, …). The entered
  years are read once per request, so a list of a hundred rows costs one query, not a hundred.
* ``{% provisional_badge day visible=True %}``: the badge followed by the note in words, for
  detail pages (a tooltip alone is not read by everyone).
* ``{% provisional_mark flag note %}``: a date of a computed explanation, which knows itself
  whether it is provisional (e.g. ``explanation.due_on_provisional``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from gongkai.workdays import selectors

register = template.Library()

_CACHE_ATTRIBUTE = "_gongkai_entered_years"


def _entered_years(context: template.Context) -> frozenset[int]:
    # On the request when there is one (shared by every template of the page), otherwise on
    # this render.
    holder: Any = context.get("request")
    if holder is None:
        holder = context.render_context
        cached = holder.get(_CACHE_ATTRIBUTE)
        if cached is None:
            cached = holder[_CACHE_ATTRIBUTE] = selectors.entered_years()
        return cached
    cached = getattr(holder, _CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = selectors.entered_years()
        setattr(holder, _CACHE_ATTRIBUTE, cached)
    return cached


def _badge(note: str, *, visible: bool) -> SafeString:
    badge = format_html('<span class="provisional-badge" title="{}">{}</span>', note, _("暂定"))
    if visible:
        return format_html('{} <span class="provisional-note">{}</span>', badge, note)
    return badge


@register.simple_tag(takes_context=True)
def provisional_badge(
    context: template.Context, day: dt.date | None, visible: bool = False
) -> SafeString | str:
    if not isinstance(day, dt.date):
        return ""
    note = selectors.stored_date_provisional_note(day, _entered_years(context))
    return _badge(note, visible=visible) if note else ""


@register.simple_tag(takes_context=True)
def date_is_provisional(context: template.Context, day: dt.date | None) -> bool:
    """For `{% date_is_provisional day as provisional %}` where a page words it its own way."""
    return isinstance(day, dt.date) and selectors.stored_date_is_provisional(
        day, _entered_years(context)
    )


@register.simple_tag
def provisional_mark(flag: bool, note: str, visible: bool = False) -> SafeString | str:
    return _badge(note, visible=visible) if flag and note else ""
