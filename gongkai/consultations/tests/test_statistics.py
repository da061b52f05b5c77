from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from gongkai.consultations.models import Channel
from gongkai.consultations.statistics import (
    CHANNEL_KEYS,
    NO_TOPIC,
    year_statistics,
    year_statistics_by_topic,
)
from gongkai.consultations.tests.factories import (
    ConsultationFactory,
    ConsultationTallyFactory,
    ConsultationTopicFactory,
)
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.organisations.tests.factories import OrganisationFactory

# After every date the tests enter.
frozen_clock = frozen_clock_at(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI))


def _at(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour))


@pytest.mark.django_db
def test_records_and_tallies_count_alike_per_channel_in_a_fixed_number_of_queries():
    organisation = OrganisationFactory()
    ConsultationFactory.create_batch(3, organisation=organisation, channel=Channel.PHONE,
                                     occurred_at=_at(2009, 6, 3))  # fmt: skip
    ConsultationFactory(organisation=organisation, channel=Channel.ON_SITE,
                        occurred_at=_at(2009, 6, 3), referred=True,
                        referred_to="市环保局")  # fmt: skip
    ConsultationFactory(organisation=organisation, channel=Channel.ONLINE_MESSAGE,
                        occurred_at=_at(2009, 7, 1))  # fmt: skip
    ConsultationTallyFactory(organisation=organisation, date=dt.date(2009, 6, 3), count=57)
    ConsultationTallyFactory(organisation=organisation, date=dt.date(2009, 6, 4),
                             channel=Channel.ON_SITE, count=80)  # fmt: skip
    ConsultationTallyFactory(organisation=organisation, date=dt.date(2009, 6, 4),
                             channel=Channel.LETTER, count=2)  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        figures = year_statistics(organisation_ids=[organisation.pk], year=2009)
    # One index range count per channel, one for referrals, one for the tallies.
    assert len(queries) == len(CHANNEL_KEYS) + 2
    assert figures == {
        "consultations.phone": 60,
        "consultations.on_site": 81,
        "consultations.online": 1,
        "consultations.letter": 2,
        "consultations.email": 0,
        "consultations.total": 144,
        "consultations.referred": 1,
    }


@pytest.mark.django_db
def test_years_are_local_and_other_organisations_do_not_count():
    organisation, other = OrganisationFactory(), OrganisationFactory()
    # 2009-12-31 23:30 in 广州 is still 2009 though it is 2009-12-31 15:30 UTC... and
    # 2010-01-01 00:30 local is 2009-12-31 16:30 UTC but belongs to 2010.
    ConsultationFactory(organisation=organisation, occurred_at=_at(2009, 12, 31, 23))
    ConsultationFactory(organisation=organisation, occurred_at=_at(2010, 1, 1, 0))
    ConsultationTallyFactory(organisation=organisation, date=dt.date(2010, 1, 1), count=5)
    ConsultationTallyFactory(organisation=other, date=dt.date(2009, 5, 5), count=7)
    assert (
        year_statistics(organisation_ids=[organisation.pk], year=2009)["consultations.total"] == 1
    )
    assert (
        year_statistics(organisation_ids=[organisation.pk], year=2010)["consultations.total"] == 6
    )
    both = year_statistics(organisation_ids=[organisation.pk, other.pk], year=2009)
    assert both["consultations.phone"] == 8


@pytest.mark.django_db
def test_by_topic_adds_up_to_the_total():
    organisation = OrganisationFactory()
    topic = ConsultationTopicFactory(organisation=organisation, name="企业登记")
    ConsultationFactory(organisation=organisation, topic=topic, occurred_at=_at(2009, 3, 2))
    ConsultationFactory(organisation=organisation, occurred_at=_at(2009, 3, 2))
    ConsultationTallyFactory(organisation=organisation, topic=topic, date=dt.date(2009, 3, 2),
                             count=40)  # fmt: skip
    by_topic = year_statistics_by_topic(organisation_ids=[organisation.pk], year=2009)
    assert by_topic == {"consultations.by_topic.企业登记": 41, NO_TOPIC: 1}
    total = year_statistics(organisation_ids=[organisation.pk], year=2009)["consultations.total"]
    assert sum(by_topic.values()) == total


class TallyEqualsRecordsTest(TestCase):
    @settings(max_examples=15, deadline=None)
    @given(
        counts=st.lists(
            st.tuples(st.sampled_from(Channel.values), st.integers(min_value=1, max_value=30)),
            min_size=1,
            max_size=4,
        )
    )
    def test_a_tally_of_n_counts_as_n_records(self, counts):
        as_records, as_tallies = OrganisationFactory(), OrganisationFactory()
        for channel, count in counts:
            ConsultationFactory.create_batch(
                count, organisation=as_records, channel=channel, occurred_at=_at(2009, 6, 3)
            )
            ConsultationTallyFactory(
                organisation=as_tallies, channel=channel, count=count, date=dt.date(2009, 6, 3)
            )
        assert year_statistics(organisation_ids=[as_records.pk], year=2009) == year_statistics(
            organisation_ids=[as_tallies.pk], year=2009
        )
