import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from gongkai.core.models import AuditEntry
from gongkai.core.validators import is_valid_credit_code, is_valid_id_number
from gongkai.demo.requests import DEMO_ACCESS_CODE, REQUESTS_ACTION, WAITING
from gongkai.demo.tests import shared
from gongkai.disclosure_requests.models import (
    ApplicantType,
    Channel,
    ClockEvent,
    Decision,
    Delivery,
    DisclosureRequest,
    FeeNotice,
    IdType,
    Letter,
)
from gongkai.disclosure_requests.rules.ledger import LedgerEvent, compute_deadline
from gongkai.disclosure_requests.rules.outcomes import OUTCOMES
from gongkai.disclosure_requests.selectors import request_get_for_applicant

pytestmark = pytest.mark.django_db

# Small enough to be quick, large enough for every outcome to have an old application; the
# shared demo (gongkai/demo/tests/shared.py) has as many.
COUNT = 70


def load(requests: int = COUNT) -> str:
    out = StringIO()
    call_command("load_demo", generated=0, requests=requests, stdout=out)
    return out.getvalue()


def ledger(disclosure_request: DisclosureRequest) -> list[LedgerEvent]:
    return [
        LedgerEvent(event.kind, event.occurred_on, event.data)
        for event in disclosure_request.clock_events.order_by("occurred_on", "recorded_at", "id")
    ]


def test_the_demo_applications_go_through_every_path(shared_demo):
    output = shared_demo.output
    requests = DisclosureRequest.objects.all()
    assert requests.count() >= shared.REQUESTS == COUNT
    assert "依申请公开：本次新建申请" in output

    # Every outcome of the vocabulary, including the two ends without an answer.
    outcomes = set(requests.exclude(outcome="").values_list("outcome", flat=True))
    assert outcomes == {outcome.code for outcome in OUTCOMES}
    missed_correction = requests.filter(outcome="other_correction_overdue").first()
    assert missed_correction is not None
    assert missed_correction.clock_events.filter(kind="correction_deadline_missed").exists()
    assert requests.filter(outcome="other_fee_overdue").exists()

    # Every channel and applicant type; identity numbers pass their check digits.
    assert set(requests.values_list("channel", flat=True)) == set(Channel.values)
    assert set(requests.values_list("applicant_type", flat=True)) == set(ApplicantType.values)
    for id_number in requests.filter(id_type=IdType.RESIDENT_ID).values_list(
        "id_number", flat=True
    ):
        assert is_valid_id_number(id_number), id_number
    for credit_code in requests.exclude(credit_code="").values_list("credit_code", flat=True):
        assert is_valid_credit_code(credit_code), credit_code

    # 补正 answered and missed, consultation of both kinds, extension, fees both ways.
    events = ClockEvent.objects.all()
    for kind in (
        "correction_received",
        "correction_deadline_missed",
        "consultation_ended",
        "extension_approved",
        "fee_paid",
        "fee_deadline_missed",
    ):
        assert events.filter(kind=kind).exists(), kind
    parties = {data.get("party_kind") for data in events.filter(kind="consultation_started")
               .values_list("data", flat=True)}  # fmt: skip
    assert parties == {"third_party", "agency"}
    assert set(FeeNotice.objects.values_list("method", flat=True)) == {"per_item", "per_page"}
    assert set(FeeNotice.objects.values_list("status", flat=True)) >= {"paid", "overdue"}
    assert requests.filter(regime="2007").exists() and requests.filter(regime="2019").exists()
    assert requests.filter(parent__isnull=False).count() >= 2  # 一事一申请

    # Overdue and still open; one waiting for confirmation; answers carried over a year end.
    today = timezone.localdate()
    assert requests.filter(status="pending_confirmation", received_on=None).exists()
    assert requests.filter(status__in=WAITING, due_on__lt=today).exists()
    answered = events.filter(
        kind="answered", occurred_on__year__gt=F("disclosure_request__received_on__year")
    )
    assert answered.exists()

    # The cached due date is the ledger's, for every application; nothing answered needs a
    # date the calendar cannot give.
    for disclosure_request in requests.exclude(received_on=None):
        explanation = compute_deadline(ledger(disclosure_request), today=today)
        assert disclosure_request.due_on == explanation.due_on, disclosure_request.tracking_number

    # Every answered and delivered application has its approved decision and delivery proof.
    for disclosure_request in requests.filter(status="closed").exclude(
        outcome__in=["", "other_correction_overdue", "other_fee_overdue"]
    ):
        decision = Decision.objects.get(disclosure_request=disclosure_request)
        assert decision.status == Decision.Status.APPROVED and decision.legal_basis
        delivery = Delivery.objects.get(disclosure_request=disclosure_request)
        assert delivery.proof and delivery.delivered_on >= decision.approved_at.date()

    # A handful of letters, as files; the history is dated when it happened.
    letters = Letter.objects.all()
    assert 1 <= letters.count() <= 8
    for letter in letters:
        assert letter.docx.size > 0 and letter.pdf.read(5) == b"%PDF-"
    first = requests.exclude(received_on=None).order_by("received_on").first()
    assert first is not None and first.received_on is not None
    assert first.received_on < dt.date(2020, 1, 1)
    assert (
        AuditEntry.objects.filter(
            object_id=str(first.pk), action__startswith="disclosure_requests.request."
        )
        .earliest("created_at")
        .created_at.year
        == first.received_on.year
    )

    # Any demo application can be tracked with the shared demo access code.
    assert (
        request_get_for_applicant(
            tracking_number=first.tracking_number, access_code=DEMO_ACCESS_CODE
        )
        == first
    )


@pytest.mark.slow(
    reason="its own demo with 70 applications and their letters (PDF and DOCX), loaded twice: "
    "the second load must create nothing"
)
def test_a_second_load_creates_nothing():
    load()
    counts = {
        "requests": DisclosureRequest.objects.count(),
        "events": ClockEvent.objects.count(),
        "letters": Letter.objects.count(),
        "audit": AuditEntry.objects.count(),
    }
    assert AuditEntry.objects.filter(action=REQUESTS_ACTION).count() == 1

    output = load()

    assert "依申请公开演示数据已存在，未重复创建。" in output
    assert counts == {
        "requests": DisclosureRequest.objects.count(),
        "events": ClockEvent.objects.count(),
        "letters": Letter.objects.count(),
        "audit": AuditEntry.objects.count(),
    }
