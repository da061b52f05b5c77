from __future__ import annotations

import datetime as dt

import pytest

from gongkai.consultations import selectors
from gongkai.consultations.models import Channel
from gongkai.consultations.tests.factories import (
    ConsultationFactory,
    ConsultationTallyFactory,
    FaqEntryFactory,
)
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db


def test_staff_see_only_their_organisations_records():
    mine, theirs = OrganisationFactory(), OrganisationFactory()
    auditor = staff_with_role(Role.AUDITOR, mine)
    own = ConsultationFactory(organisation=mine)
    ConsultationFactory(organisation=theirs)
    ConsultationTallyFactory(organisation=theirs)
    assert list(selectors.consultation_list_for_actor(actor=auditor)) == [own]
    assert not selectors.tally_list_for_actor(actor=auditor).exists()
    publisher = staff_with_role(Role.PUBLISHER, mine)
    assert not selectors.consultation_list_for_actor(actor=publisher).exists()


def test_contact_is_masked_for_read_only_roles():
    organisation = OrganisationFactory()
    consultation = ConsultationFactory(organisation=organisation, asker_contact="13812345678",
                                       asker_name="王小明")  # fmt: skip
    auditor = staff_with_role(Role.AUDITOR, organisation)
    handler = staff_with_role(Role.HANDLER, organisation)
    assert selectors.asker_contact_for(actor=auditor, consultation=consultation) == "138****5678"
    assert selectors.asker_contact_for(actor=handler, consultation=consultation) == "13812345678"
    assert selectors.masked_asker_name(consultation) == "王**"


def test_day_totals_add_records_and_tallies():
    organisation = OrganisationFactory()
    ConsultationFactory.create_batch(3, organisation=organisation, channel=Channel.PHONE)
    ConsultationTallyFactory(organisation=organisation, count=20)
    ConsultationTallyFactory(organisation=organisation, count=4, date=dt.date(2025, 3, 4))
    totals = selectors.day_totals(organisation=organisation, day=dt.date(2025, 3, 3))
    assert totals["phone"] == 23 and totals["on_site"] == 0 and totals["total"] == 23


def test_public_list_shows_only_answered_messages_the_asker_allowed():
    organisation = OrganisationFactory()
    shown = ConsultationFactory(organisation=organisation, channel=Channel.ONLINE_MESSAGE,
                                allow_publish=True, answer="可以。")  # fmt: skip
    ConsultationFactory(organisation=organisation, channel=Channel.ONLINE_MESSAGE,
                        allow_publish=False, answer="可以。")  # fmt: skip
    ConsultationFactory(organisation=organisation, channel=Channel.ONLINE_MESSAGE,
                        allow_publish=True, answer="")  # fmt: skip
    ConsultationFactory(organisation=organisation, channel=Channel.PHONE, allow_publish=True,
                        answer="可以。")  # fmt: skip
    assert list(selectors.consultation_list_public()) == [shown]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("办公时间", True),
        ("办公 节假日", True),  # every term, anywhere
        ("办公时间 年终", False),
        ("９：００", True),  # full-width folds to half-width
        ("间周", False),  # never across question and answer
        ("", True),
        ("公", True),  # one character
    ],
)
def test_faq_search_has_the_catalogues_substring_semantics(query, found):
    FaqEntryFactory(
        question="政务服务中心的办公时间", answer="周一至周五9:00开始，法定节假日除外。"
    )
    assert selectors.faq_search_public(query=query).exists() is found


def test_unpublished_faq_entries_are_not_public():
    FaqEntryFactory(published=False)
    assert not selectors.faq_search_public(query="办公").exists()
