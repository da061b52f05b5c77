"""Writes to staff accounts."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from rest_framework.authtoken.models import Token

from gongkai.core import audit


@transaction.atomic
def api_token_regenerate(*, actor: Any) -> Token:
    """Replace the actor's API token; the old one stops working at once."""
    Token.objects.filter(user=actor).delete()
    token = Token.objects.create(user=actor)
    # Logged against the user, never the token: the audit trail must not hold the secret.
    audit.log(actor, "accounts.api_token.regenerated", actor=actor, organisation=None)
    return token


@transaction.atomic
def api_token_revoke(*, actor: Any) -> None:
    deleted, _ = Token.objects.filter(user=actor).delete()
    if deleted:
        audit.log(actor, "accounts.api_token.revoked", actor=actor, organisation=None)
