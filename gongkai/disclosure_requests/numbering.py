"""Tracking numbers: "<organisation code>-<year>-<NNNNN>", gap-free per organisation and year.

The serial is taken from a TrackingNumberSequence row locked with SELECT ... FOR UPDATE inside
the caller's transaction, so a rolled-back submission gives its number back and two concurrent
submissions never see the same value. SQLite has no row locks; there the IMMEDIATE transaction
mode (config/settings/base.py) serialises writers instead.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from gongkai.disclosure_requests.models import TrackingNumberSequence
from gongkai.organisations.models import Organisation


def format_tracking_number(organisation: Organisation, year: int, serial: int) -> str:
    return f"{organisation.code}-{year}-{serial:05d}"


def _locked_sequence(organisation: Organisation, year: int) -> TrackingNumberSequence:
    sequences = TrackingNumberSequence.objects.select_for_update()
    try:
        return sequences.get(organisation=organisation, year=year)
    except TrackingNumberSequence.DoesNotExist:
        pass
    try:
        # The first number of a year: two submissions may race to create the row; the loser's
        # savepoint rolls back and it then waits on the winner's row lock.
        with transaction.atomic():
            TrackingNumberSequence.objects.create(organisation=organisation, year=year)
    except IntegrityError:
        pass
    return sequences.get(organisation=organisation, year=year)


def next_tracking_number(organisation: Organisation, year: int) -> str:
    """Take the next serial for `organisation` in `year`; call inside the saving transaction."""
    with transaction.atomic():
        sequence = _locked_sequence(organisation, year)
        sequence.last_number += 1
        sequence.save(update_fields=["last_number"])
        return format_tracking_number(organisation, year, sequence.last_number)
