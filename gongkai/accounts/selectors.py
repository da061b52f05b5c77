"""Reads of staff accounts."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework.authtoken.models import Token

from gongkai.organisations.models import Membership


def api_token_get(*, user: Any) -> Token | None:
    return Token.objects.filter(user=user).first()


def membership_list_for_user(*, user: Any) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__path", "role")
    )
