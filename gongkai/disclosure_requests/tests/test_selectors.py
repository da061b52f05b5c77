"""Reads: scoping to the actor, overdue and due-soon lists, the applicant's own lookup."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.disclosure_requests import selectors
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.disclosure_requests.tests.factories import ACCESS_CODE, DisclosureRequestFactory
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db

# After every date the tests enter.
frozen_clock = frozen_clock_at(dt.datetime(2024, 11, 4, 10, tzinfo=SHANGHAI))

TODAY = dt.date(2024, 9, 20)


@pytest.fixture
def organisation():
    return OrganisationFactory()


def test_staff_see_only_their_organisations_applications(organisation):
    mine = DisclosureRequestFactory(organisation=organisation)
    DisclosureRequestFactory()  # another body's
    handler = staff_with_role(Role.HANDLER, organisation)
    publisher = staff_with_role(Role.PUBLISHER, organisation)
    assert list(selectors.request_list_for_actor(actor=handler)) == [mine]
    assert selectors.request_get_for_actor(actor=handler, pk=mine.pk) == mine
    assert not selectors.request_list_for_actor(actor=publisher).exists()
    assert selectors.request_get_for_actor(actor=publisher, pk=mine.pk) is None


def test_overdue_and_due_soon_lists(organisation):
    overdue = DisclosureRequestFactory(organisation=organisation, due_on=TODAY - dt.timedelta(1))
    due_today = DisclosureRequestFactory(organisation=organisation, due_on=TODAY)
    due_in_5 = DisclosureRequestFactory(organisation=organisation, due_on=TODAY + dt.timedelta(5))
    DisclosureRequestFactory(organisation=organisation, due_on=TODAY + dt.timedelta(6))
    # Answered or closed applications are never overdue, whatever their due date.
    DisclosureRequestFactory(
        organisation=organisation,
        due_on=TODAY - dt.timedelta(10),
        status=DisclosureRequest.Status.DECIDED,
    )
    DisclosureRequestFactory(
        organisation=organisation,
        due_on=TODAY - dt.timedelta(10),
        status=DisclosureRequest.Status.CLOSED,
    )
    coordinator = staff_with_role(Role.COORDINATOR, organisation)
    assert list(selectors.request_list_overdue(actor=coordinator, today=TODAY)) == [overdue]
    assert list(selectors.request_list_due_soon(actor=coordinator, days=5, today=TODAY)) == [
        due_today,
        due_in_5,
    ]
    assert list(selectors.request_list_for_actor(actor=coordinator, overdue=True, today=TODAY)) == [
        overdue
    ]
    assert (
        selectors.request_list_for_actor(actor=coordinator, due_within_days=5, today=TODAY).count()
        == 2
    )


def test_filters_by_status_handler_and_query(organisation):
    handler = staff_with_role(Role.HANDLER, organisation)
    wanted = DisclosureRequestFactory(
        organisation=organisation, handler=handler, information_title="河道整治工程环评批复"
    )
    DisclosureRequestFactory(organisation=organisation, pending=True)
    coordinator = staff_with_role(Role.COORDINATOR, organisation)
    assert list(selectors.request_list_for_actor(actor=coordinator, handler=handler)) == [wanted]
    assert list(selectors.request_list_for_actor(actor=coordinator, query="河道 环评")) == [wanted]
    assert list(
        selectors.request_list_for_actor(actor=coordinator, query=wanted.tracking_number)
    ) == [wanted]
    pending = selectors.request_list_pending_confirmation(actor=coordinator)
    assert [item.status for item in pending] == [DisclosureRequest.Status.PENDING_CONFIRMATION]


def test_the_applicant_finds_the_application_only_with_the_right_code(organisation):
    disclosure_request = DisclosureRequestFactory(organisation=organisation)
    found = selectors.request_get_for_applicant(
        tracking_number=f" {disclosure_request.tracking_number.lower()} ",
        access_code=ACCESS_CODE.lower(),
    )
    assert found == disclosure_request
    wrong_code = selectors.request_get_for_applicant(
        tracking_number=disclosure_request.tracking_number, access_code="WRONG123"
    )
    unknown_number = selectors.request_get_for_applicant(
        tracking_number="000000000-2024-99999", access_code=ACCESS_CODE
    )
    empty = selectors.request_get_for_applicant(tracking_number="", access_code="")
    assert wrong_code is None and unknown_number is None and empty is None


def test_ledger_for_explains_the_due_date(organisation):
    disclosure_request = DisclosureRequestFactory(organisation=organisation, received_on=TODAY)
    explanation = selectors.ledger_for(disclosure_request, today=TODAY)
    assert explanation is not None
    assert explanation.due_on == dt.date(2024, 10, 23)
    assert any("国庆" in step for step in explanation.steps)
    assert selectors.ledger_for(DisclosureRequestFactory(pending=True)) is None
