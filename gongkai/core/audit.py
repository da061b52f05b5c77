"""Write and read the audit trail. Only services call `log`, inside their transaction."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction

from gongkai.core.models import AuditEntry


def _object_type(obj: models.Model) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def log(
    obj: models.Model,
    action: str,
    *,
    actor: Any,
    organisation: Any = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    # The audit entry must commit or roll back with the change it records.
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.log must run inside the service's transaction")
    if organisation is None:
        organisation = getattr(obj, "organisation", None)
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        organisation=organisation,
        object_type=_object_type(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        data=data or {},
    )


def entries_for(obj: models.Model) -> models.QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(
        object_type=_object_type(obj), object_id=str(obj.pk)
    ).select_related("actor")
