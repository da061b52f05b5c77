"""The demo reconstructs the seed body's 2009 reading room with the seed report's figures."""

from __future__ import annotations

import itertools

import pytest

from gongkai.demo import reading_room_demo, seed
from gongkai.demo.days import working_days
from gongkai.organisations.models import Organisation
from gongkai.reading_room import statistics
from gongkai.reading_room.models import PeriodicalLoan
from gongkai.web_analytics import statistics as web_statistics

pytestmark = pytest.mark.django_db


@pytest.fixture
def zwb() -> Organisation:
    from gongkai.organisations.tests.factories import OrganisationFactory

    return OrganisationFactory(name="广州市人民政府政务管理办公室")


def test_the_seed_figures_for_2009(zwb: Organisation) -> None:
    lines = reading_room_demo.load(organisations={seed.ZWB: zwb}, users={}, rng_seed=2009)
    assert len(lines) == 7
    figures = statistics.year_statistics(organisation_ids=[zwb.pk], year=2009)
    assert figures == {
        "reading_room.visiting_groups": 106,
        "reading_room.visiting_group_people": 2204,
        "reading_room.visitors": 16025,
        "reading_room.loans": 1046,  # "1000余册"
        "reading_room.loan_readers": 428,
        "reading_room.documents": 5126,  # "5000多份"
        "reading_room.external_databases": 32,
        "reading_room.external_database_departments": 25,
        "reading_room.terminals": 30,
    }
    web = web_statistics.year_statistics(organisation_ids=[zwb.pk], year=2009)
    assert 100_000 < web["web.page_views"] < 110_000  # "10万多"
    assert web["web.page_views"] == reading_room_demo.PAGE_VIEWS
    # Nothing spills into neighbouring years.
    assert (
        statistics.year_statistics(organisation_ids=[zwb.pk], year=2010)["reading_room.visitors"]
        == 0
    )


def test_spread_plausibly_and_never_lending_a_copy_twice(zwb: Organisation) -> None:
    reading_room_demo.load(organisations={seed.ZWB: zwb}, users={}, rng_seed=7)
    months = {loan.lent_on.month for loan in PeriodicalLoan.objects.all()}
    assert months == set(range(1, 13))
    assert {loan.lent_on for loan in PeriodicalLoan.objects.all()} <= set(working_days(2009))
    by_copy: dict[int, list[PeriodicalLoan]] = {}
    for loan in PeriodicalLoan.objects.order_by("lent_on"):
        by_copy.setdefault(loan.periodical_id, []).append(loan)
    for loans in by_copy.values():
        for earlier, later in itertools.pairwise(loans):
            assert earlier.returned_on is not None and earlier.returned_on < later.lent_on


def test_load_is_idempotent(zwb: Organisation) -> None:
    reading_room_demo.load(organisations={seed.ZWB: zwb}, users={}, rng_seed=2009)
    before = statistics.year_statistics(organisation_ids=[zwb.pk], year=2009)
    lines = reading_room_demo.load(organisations={seed.ZWB: zwb}, users={}, rng_seed=2009)
    assert all("跳过" in line for line in lines)
    assert statistics.year_statistics(organisation_ids=[zwb.pk], year=2009) == before
