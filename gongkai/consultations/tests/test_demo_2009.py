"""The seed body's 2009 consultations, as the 2009 report's 附表2 states them."""

from __future__ import annotations

import pytest
from django.db.models import Count, Sum
from django.db.models.functions import ExtractMonth

from gongkai.consultations import selectors
from gongkai.consultations.models import Channel, Consultation, ConsultationTally, FaqEntry
from gongkai.consultations.statistics import year_statistics, year_statistics_by_topic
from gongkai.demo import consultations_demo, seed
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.workdays.calendar import is_working_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    zwb = OrganisationFactory(name="广州市人民政府政务管理办公室", short_name="市政务办")
    users = {
        seed.SUPERUSER: None,
        "coordinator": staff_with_role(Role.COORDINATOR, zwb, username="coordinator"),
        "handler": staff_with_role(Role.HANDLER, zwb, username="handler"),
    }
    lines = consultations_demo.load(organisations={seed.ZWB: zwb}, users=users, rng_seed=2009)
    return zwb, users, lines


def test_2009_figures_equal_the_seed_reports_table(demo):
    zwb, _users, lines = demo
    figures = year_statistics(organisation_ids=[zwb.pk], year=2009)
    assert figures["consultations.phone"] == 14330  # 咨询电话接听数
    assert figures["consultations.on_site"] == 19840  # 现场咨询 (附表, not the text's 17,500)
    assert figures["consultations.total"] == 34170  # 共接受市民咨询34170人次
    assert figures["consultations.online"] == 0
    assert figures["consultations.letter"] == figures["consultations.email"] == 0
    assert figures["consultations.referred"] == 5
    assert "14330" in lines[0] and "19840" in lines[0]
    by_topic = year_statistics_by_topic(organisation_ids=[zwb.pk], year=2009)
    assert sum(by_topic.values()) == 34170


def test_2009_is_spread_over_working_days_with_a_monthly_rhythm(demo):
    zwb, _users, _lines = demo
    tallies = ConsultationTally.objects.filter(organisation=zwb, date__year=2009)
    assert all(is_working_day(day) for day in tallies.values_list("date", flat=True).distinct())
    records = Consultation.objects.filter(organisation=zwb, occurred_at__year=2009)
    assert records.filter(channel=Channel.PHONE).count() == 30
    assert records.filter(channel=Channel.ON_SITE).count() == 40
    monthly = dict(
        tallies.annotate(month=ExtractMonth("date"))
        .values("month")
        .annotate(n=Sum("count"))
        .values_list("month", "n")
    )
    assert sorted(monthly) == list(range(1, 13))
    # Roughly 34,000 over ~250 working days: no month empty, none holding a third of the year.
    assert all(1500 < n < 4500 for n in monthly.values()), monthly
    daily = tallies.values("date").annotate(n=Sum("count"), rows=Count("id"))
    assert all(n > 0 for n in daily.values_list("n", flat=True))


def test_the_faq_and_portal_messages_are_there_and_searchable(demo):
    zwb, _users, _lines = demo
    assert FaqEntry.objects.filter(organisation=zwb, published=True).count() == len(
        consultations_demo.FAQ
    )
    assert selectors.faq_search_public(query="38920001").count() == 1
    public = selectors.consultation_list_public(organisation=zwb)
    assert public.exists()
    assert all(c.is_public for c in public)


def test_loading_twice_creates_nothing(demo):
    zwb, users, _lines = demo
    counts = (Consultation.objects.count(), ConsultationTally.objects.count(),
              FaqEntry.objects.count())  # fmt: skip
    lines = consultations_demo.load(organisations={seed.ZWB: zwb}, users=users, rng_seed=7)
    assert all("跳过" in line for line in lines)
    assert counts == (Consultation.objects.count(), ConsultationTally.objects.count(),
                      FaqEntry.objects.count())  # fmt: skip
