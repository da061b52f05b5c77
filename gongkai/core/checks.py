"""System checks on the portal's public address (GONGKAI_PUBLIC_BASE_URL).

Mails to applicants, reminders to staff, QR codes, feeds and the sitemap carry absolute links
built from this setting, outside any web request, so a wrong value fails silently: the mail
goes out and its link leads nowhere. The address must therefore be checked before deployment.
"""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.http.request import validate_host

LOCAL_HOSTS = {"localhost", "localhost.localdomain"}
HINT = (
    "Set GONGKAI_PUBLIC_BASE_URL to the portal's address as the public reaches it, "
    "e.g. https://gongkai.example.gov.cn (no query string, no user name)."
)


def _is_local(host: str) -> bool:
    if host in LOCAL_HOSTS or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _split(value: str) -> tuple[str, str] | None:
    """(scheme, host) of an absolute http(s) URL without query or fragment, else None."""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  (raises ValueError on a port that is not a number)
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    if parts.query or parts.fragment or parts.username or parts.password:
        return None
    return parts.scheme, parts.hostname


@checks.register()
def check_public_base_url(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    value = settings.GONGKAI_PUBLIC_BASE_URL
    if _split(value or "") is None:
        return [
            checks.Error(
                f"GONGKAI_PUBLIC_BASE_URL {value!r} is not an absolute http(s) address.",
                hint=HINT,
                id="core.E001",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def check_public_base_url_deployed(
    app_configs: Any = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    split = _split(settings.GONGKAI_PUBLIC_BASE_URL or "")
    if split is None:
        return []  # core.E001 already says so
    scheme, host = split
    messages: list[checks.CheckMessage] = []
    if _is_local(host):
        messages.append(
            checks.Warning(
                f"GONGKAI_PUBLIC_BASE_URL points at this machine ({host}): links in mails to "
                "applicants and staff, QR codes, feeds and the sitemap will lead nowhere.",
                hint=HINT,
                id="core.W001",
            )
        )
    elif not validate_host(host, settings.ALLOWED_HOSTS):
        messages.append(
            checks.Warning(
                f"GONGKAI_PUBLIC_BASE_URL's host {host} is not in ALLOWED_HOSTS, so the "
                "links built from it would be refused with 400 Bad Request.",
                hint="Add the host to ALLOWED_HOSTS, or correct GONGKAI_PUBLIC_BASE_URL.",
                id="core.W002",
            )
        )
    if scheme != "https":
        messages.append(
            checks.Warning(
                "GONGKAI_PUBLIC_BASE_URL is not an https address: applicants would follow "
                "links to the tracking page over an unencrypted connection.",
                hint=HINT,
                id="core.W003",
            )
        )
    return messages
