"""Applicant personal data: masked everywhere except for the handler, approvers and
coordinators of the application; every unmasked view is audited (issue 3 §5)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from gongkai.core import audit
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.organisations import permissions

PERSONAL_FIELDS = ("id_number", "phone", "email", "address")


def mask_id_number(value: str) -> str:
    """Keep the first 3 and last 4 characters: 110***********123X."""
    value = value or ""
    if len(value) <= 7:
        return "*" * len(value)
    return value[:3] + "*" * (len(value) - 7) + value[-4:]


def mask_phone(value: str) -> str:
    """Keep the first 3 and last 4 digits: 138****5678."""
    digits = value or ""
    if len(digits) <= 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_address(value: str) -> str:
    """Keep the first 6 characters (province and city, usually), hide the rest."""
    value = value or ""
    if not value:
        return ""
    return value[:6] + "****"


def mask_email(value: str) -> str:
    if "@" not in (value or ""):
        return "*" * len(value or "")
    local, domain = value.split("@", 1)
    return (local[:1] or "*") + "***@" + domain


def mask_name(value: str) -> str:
    """For lists shown beyond staff: 张** ; staff see names (they are needed to work)."""
    value = value or ""
    return value[:1] + "*" * max(len(value) - 1, 1) if value else ""


_MASKS = {
    "id_number": mask_id_number,
    "phone": mask_phone,
    "email": mask_email,
    "address": mask_address,
}


def masked_personal_data(disclosure_request: DisclosureRequest) -> dict[str, str]:
    return {name: _MASKS[name](getattr(disclosure_request, name)) for name in PERSONAL_FIELDS}


def applicant_view(
    disclosure_request: DisclosureRequest, user: Any, *, reveal: bool = False
) -> dict[str, Any]:
    """The applicant block for `user`. Masked unless `reveal` is asked for and the user may see
    personal data; an unmasked view writes "disclosure_requests.request.personal_data_viewed".

    Returns the applicant's fields plus `masked` (bool) and `can_reveal` (bool).
    """
    can_reveal = permissions.can_view_applicant_personal_data(user, disclosure_request)
    view: dict[str, Any] = {
        "applicant_type": disclosure_request.get_applicant_type_display(),
        "applicant_name": disclosure_request.applicant_name,
        "id_type": disclosure_request.get_id_type_display() if disclosure_request.id_type else "",
        "credit_code": disclosure_request.credit_code,
        "contact_person": disclosure_request.contact_person,
        "postcode": disclosure_request.postcode,
        "can_reveal": can_reveal,
    }
    if reveal and can_reveal:
        with transaction.atomic():
            audit.log(
                disclosure_request,
                "disclosure_requests.request.personal_data_viewed",
                actor=user,
                data={"fields": list(PERSONAL_FIELDS)},
            )
        view.update({name: getattr(disclosure_request, name) for name in PERSONAL_FIELDS})
        view["masked"] = False
    else:
        view.update(masked_personal_data(disclosure_request))
        view["masked"] = True
    return view
