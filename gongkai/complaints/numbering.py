"""Tracking numbers "TS-<organisation code>-<year>-<NNNNN>", gap-free per organisation and year.

As for disclosure applications: the serial row is locked (SELECT ... FOR UPDATE) inside the
saving transaction, so a rolled-back submission gives its number back and two concurrent ones
never share a number (SQLite serialises writers with its IMMEDIATE transactions instead).
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from gongkai.complaints.models import ComplaintNumberSequence
from gongkai.organisations.models import Organisation


def format_tracking_number(organisation: Organisation, year: int, serial: int) -> str:
    return f"TS-{organisation.code}-{year}-{serial:05d}"


def _locked_sequence(organisation: Organisation, year: int) -> ComplaintNumberSequence:
    sequences = ComplaintNumberSequence.objects.select_for_update()
    try:
        return sequences.get(organisation=organisation, year=year)
    except ComplaintNumberSequence.DoesNotExist:
        pass
    try:
        with transaction.atomic():
            ComplaintNumberSequence.objects.create(organisation=organisation, year=year)
    except IntegrityError:
        pass  # a concurrent first number of the year won; wait on its row lock below
    return sequences.get(organisation=organisation, year=year)


def next_tracking_numbers(organisation: Organisation, year: int, count: int = 1) -> list[str]:
    """Take `count` consecutive serials; call inside the saving transaction."""
    with transaction.atomic():
        sequence = _locked_sequence(organisation, year)
        first = sequence.last_number + 1
        sequence.last_number += count
        sequence.save(update_fields=["last_number"])
        return [
            format_tracking_number(organisation, year, serial)
            for serial in range(first, sequence.last_number + 1)
        ]


def next_tracking_number(organisation: Organisation, year: int) -> str:
    return next_tracking_numbers(organisation, year, 1)[0]
