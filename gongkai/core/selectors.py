"""Reads of the audit trail, scoped to what the actor may audit."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from gongkai.core.models import AuditEntry
from gongkai.organisations import permissions


def audit_entry_list_for_actor(
    *,
    actor: Any,
    action: str | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    actor_name: str | None = None,
    organisation: Any = None,
) -> QuerySet[AuditEntry]:
    """Entries of organisations where `actor` holds audit.view (superusers: all entries)."""
    entries = AuditEntry.objects.select_related("actor", "organisation")
    if not getattr(actor, "is_superuser", False):
        entries = entries.filter(
            organisation__in=permissions.organisations_with(actor, permissions.AUDIT_VIEW)
        )
    if organisation is not None:
        entries = entries.filter(organisation=organisation)
    if action:
        entries = entries.filter(action__startswith=action)
    if object_type:
        entries = entries.filter(object_type=object_type)
    if object_id:
        entries = entries.filter(object_id=object_id)
    if actor_name:
        entries = entries.filter(
            Q(actor__username__icontains=actor_name) | Q(actor__full_name__icontains=actor_name)
        )
    return entries
