"""Writes to the organisation tree and memberships."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.core.validators import normalise_code
from gongkai.organisations.models import Membership, Organisation


def _assign_path(organisation: Organisation) -> None:
    prefix = organisation.parent.path if organisation.parent else "/"
    organisation.path = f"{prefix}{organisation.pk}/"
    organisation.save(update_fields=["path"])


@transaction.atomic
def organisation_create(
    *, actor: Any, name: str, code: str, parent: Organisation | None = None, **fields: Any
) -> Organisation:
    organisation = Organisation(name=name, code=normalise_code(code), parent=parent, **fields)
    organisation.full_clean()
    organisation.save()
    _assign_path(organisation)
    audit.log(
        organisation,
        "organisations.organisation.created",
        actor=actor,
        organisation=organisation,
        data={"name": name, "code": organisation.code},
    )
    return organisation


_EDITABLE = {
    "name",
    "short_name",
    "kind",
    "sort_order",
    "description",
    "disclosure_office",
    "address",
    "postcode",
    "office_hours",
    "phone",
    "fax",
    "email",
    "website",
    "index_scheme",
    "is_active",
}


@transaction.atomic
def organisation_update(*, actor: Any, organisation: Organisation, **changes: Any) -> Organisation:
    unknown = set(changes) - _EDITABLE
    if unknown:
        raise ApplicationError(f"不可修改的字段：{', '.join(sorted(unknown))}")
    before = {k: getattr(organisation, k) for k in changes}
    for key, value in changes.items():
        setattr(organisation, key, value)
    organisation.full_clean()
    organisation.save()
    audit.log(
        organisation,
        "organisations.organisation.updated",
        actor=actor,
        organisation=organisation,
        data={
            "changes": {k: [str(before[k]), str(v)] for k, v in changes.items() if before[k] != v}
        },
    )
    return organisation


@transaction.atomic
def membership_grant(*, actor: Any, user: Any, organisation: Organisation, role: str) -> Membership:
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role
    )
    audit.log(
        membership,
        "organisations.membership.granted",
        actor=actor,
        organisation=organisation,
        data={"user": user.username, "role": role},
    )
    return membership


@transaction.atomic
def membership_revoke(*, actor: Any, membership: Membership) -> None:
    audit.log(
        membership,
        "organisations.membership.revoked",
        actor=actor,
        organisation=membership.organisation,
        data={"user": membership.user.username, "role": membership.role},
    )
    membership.delete()
