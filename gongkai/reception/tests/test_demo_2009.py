"""The seed body's 2009 receptions, as the 2009 report states them."""

from __future__ import annotations

import pytest

from gongkai.demo import reception_demo, seed
from gongkai.organisations.models import Organisation
from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.reception.models import ReceptionSession
from gongkai.reception.statistics import year_statistics

pytestmark = pytest.mark.django_db


def _load() -> tuple[Organisation, dict[str, object], list[str]]:
    # The seed body alone: this section needs nothing else of the demo.
    zwb = OrganisationFactory(name="广州市人民政府政务管理办公室")
    organisations = {seed.ZWB: zwb}
    users = {seed.SUPERUSER: None}
    return zwb, users, reception_demo.load(organisations=organisations, users=users, rng_seed=2009)


def test_2009_figures_equal_the_seed_report() -> None:
    zwb, _users, lines = _load()
    figures = year_statistics(organisation_ids=[zwb.pk], year=2009)
    assert figures["reception.staff_attendances"] == 1078
    assert figures["reception.visitors"] == 1540
    assert figures["reception.questions_answered"] == 1540
    # Monthly per stationed department, from March 2009 only.
    departments = len(reception_demo.STATIONED_DEPARTMENTS)
    assert figures["reception.sessions"] == 10 * departments
    sessions = ReceptionSession.objects.filter(organisation=zwb, held_on__year=2009)
    assert not sessions.filter(held_on__month__lt=3).exists()
    assert all(session.held_on.weekday() < 5 for session in sessions)
    assert not sessions.filter(staff_dispatched=0).exists()
    assert lines and "1078" in lines[0]


def test_loading_twice_creates_nothing_more() -> None:
    zwb, users, _lines = _load()
    before = year_statistics(organisation_ids=[zwb.pk], year=2009)
    count = ReceptionSession.objects.count()
    again = reception_demo.load(organisations={seed.ZWB: zwb}, users=users, rng_seed=2009)
    assert "跳过" in again[0]
    assert ReceptionSession.objects.count() == count
    assert year_statistics(organisation_ids=[zwb.pk], year=2009) == before
