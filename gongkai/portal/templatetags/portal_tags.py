"""Presentation helpers for the public portal: Chinese dates and numbers, the site name."""

from __future__ import annotations

import datetime as dt

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

register = template.Library()

# The default GONGKAI_SITE_NAME, marked so that makemessages collects it for translation.
DEFAULT_SITE_NAME = gettext_noop("政府信息公开平台")


@register.filter
def cn_date(value: dt.date | dt.datetime | None) -> str:
    """2009年12月31日 — the form government documents use; ISO dates for English readers."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    if (get_language() or "").startswith("en"):
        return value.isoformat()
    return f"{value.year}年{value.month}月{value.day}日"


@register.filter
def cn_number(value: int | str | None) -> str:
    """Group digits by thousands (12,345), the CLDR pattern for zh-Hans; non-numbers pass."""
    if value is None or value == "":
        return ""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return str(value)
    return f"{number:,}"


@register.simple_tag
def site_name() -> str:
    # The default name is also a msgid, so the English site shows "Government Information ...".
    return _(settings.GONGKAI_SITE_NAME)
