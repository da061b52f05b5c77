"""Reads of the organisation tree."""

from __future__ import annotations

from django.db.models import QuerySet

from gongkai.organisations.models import Organisation


def organisation_list_public() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_active=True).order_by("path", "sort_order")


def organisation_get_by_code(*, code: str) -> Organisation | None:
    return Organisation.objects.filter(code=code.upper()).first()


def organisation_subtree(*, organisation: Organisation) -> QuerySet[Organisation]:
    return Organisation.objects.filter(path__startswith=organisation.path)
