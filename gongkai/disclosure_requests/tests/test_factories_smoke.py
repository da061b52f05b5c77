import pytest

from gongkai.core.validators import is_valid_credit_code, is_valid_id_number
from gongkai.disclosure_requests.models import ClockEvent, DisclosureRequest
from gongkai.disclosure_requests.tests.factories import (
    DecisionFactory,
    DisclosureRequestFactory,
    FeeNoticeFactory,
    LetterFactory,
    LetterTemplateFactory,
    RequestAttachmentFactory,
    valid_credit_code,
    valid_id_number,
)
from gongkai.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_factories_build_consistent_rows():
    organisation = OrganisationFactory()
    first = DisclosureRequestFactory(organisation=organisation)
    second = DisclosureRequestFactory(organisation=organisation, pending=True)
    assert first.tracking_number.endswith("-00001")
    assert second.tracking_number.endswith("-00002")
    assert second.status == DisclosureRequest.Status.PENDING_CONFIRMATION
    assert second.received_on is None and second.regime == ""
    assert list(first.clock_events.values_list("kind", flat=True)) == [ClockEvent.Kind.RECEIVED]
    assert not second.clock_events.exists()
    assert is_valid_id_number(first.id_number)
    for maker in (
        DecisionFactory,
        FeeNoticeFactory,
        LetterFactory,
        LetterTemplateFactory,
        RequestAttachmentFactory,
    ):
        assert maker().pk


def test_identifier_helpers_pass_their_check_digits():
    assert all(is_valid_id_number(valid_id_number(n)) for n in range(50))
    assert all(is_valid_credit_code(valid_credit_code(n)) for n in range(50))
