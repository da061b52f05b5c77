"""Factories for disclosure-request records. They write rows directly (no services, no audit
entries, no ledger recomputation); tests of the rules call the services instead.

`DisclosureRequestFactory()` is an application received and in progress, with its `received`
clock event; `DisclosureRequestFactory(pending=True)` one submitted online and awaiting
confirmation. The access code of every factory-made application is `ACCESS_CODE`.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import factory
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.utils import timezone

from gongkai.core.validators import credit_code_check_char, id_number_check_char
from gongkai.disclosure_requests import numbering
from gongkai.disclosure_requests.models import (
    ApplicantType,
    Channel,
    ClockEvent,
    Decision,
    Delivery,
    DeliveryMethod,
    DisclosureRequest,
    FeeNotice,
    FormWanted,
    IdType,
    Letter,
    LetterKind,
    LetterTemplate,
    RequestAttachment,
)
from gongkai.organisations.tests.factories import OrganisationFactory, UserFactory

ACCESS_CODE = "K7QM2XPA"
# Hashing once keeps factories fast; every application shares the same code.
_ACCESS_CODE_HASH: list[str] = []

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def access_code_hash() -> str:
    if not _ACCESS_CODE_HASH:
        _ACCESS_CODE_HASH.append(make_password(ACCESS_CODE))
    return _ACCESS_CODE_HASH[0]


def valid_id_number(n: int = 0, birth: dt.date = dt.date(1985, 6, 15)) -> str:
    """A GB 11643 resident ID number with a correct check digit (110105 = 北京市朝阳区)."""
    body = f"110105{birth:%Y%m%d}{n % 1000:03d}"
    return body + id_number_check_char(body)


def valid_credit_code(n: int = 0) -> str:
    """A GB 32100 统一社会信用代码 with a correct check character."""
    body = f"91110105{n % 10**9:09d}"
    return body + credit_code_check_char(body)


class DisclosureRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DisclosureRequest
        skip_postgeneration_save = True

    class Params:
        pending = factory.Trait(
            status=DisclosureRequest.Status.PENDING_CONFIRMATION,
            received_on=None,
            regime="",
            due_on=None,
            channel=Channel.ONLINE,
        )

    organisation = factory.SubFactory(OrganisationFactory)
    channel = Channel.IN_PERSON
    received_on = factory.LazyFunction(timezone.localdate)
    submitted_at = factory.LazyAttribute(
        lambda o: timezone.make_aware(
            dt.datetime.combine(o.received_on or timezone.localdate(), dt.time(10, 0))
        )
    )
    tracking_number = factory.LazyAttribute(
        lambda o: numbering.next_tracking_number(o.organisation, o.submitted_at.year)
    )
    access_code_hash = factory.LazyFunction(access_code_hash)
    regime = factory.LazyAttribute(
        lambda o: (
            ""
            if o.received_on is None
            else ("2019" if o.received_on >= dt.date(2019, 5, 15) else "2007")
        )
    )
    status = DisclosureRequest.Status.IN_PROGRESS
    applicant_type = ApplicantType.NATURAL_PERSON
    applicant_name = factory.Sequence(lambda n: f"申请人{n}")
    id_type = IdType.RESIDENT_ID
    id_number = factory.Sequence(valid_id_number)
    phone = "13812345678"
    email = factory.Sequence(lambda n: f"applicant{n}@example.com")
    address = "北京市朝阳区建国路88号3单元502室"
    postcode = "100022"
    information_title = factory.Sequence(lambda n: f"关于某项目环境影响评价的批复{n}")
    information_description = "请求公开该项目的环评批复文件全文。"
    form_wanted = FormWanted.ELECTRONIC
    delivery_method = DeliveryMethod.EMAIL
    # A plain 20-working-day approximation; services compute the real date from the ledger.
    due_on = factory.LazyAttribute(
        lambda o: None if o.received_on is None else o.received_on + dt.timedelta(days=28)
    )

    @factory.post_generation
    def received_event(obj, create, extracted, **kwargs):
        if create and obj.received_on is not None and extracted is not False:
            ClockEvent.objects.create(
                disclosure_request=obj,
                kind=ClockEvent.Kind.RECEIVED,
                occurred_on=obj.received_on,
                data={"channel": obj.channel},
            )


class ClockEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClockEvent

    disclosure_request = factory.SubFactory(DisclosureRequestFactory)
    kind = ClockEvent.Kind.RECEIVED
    occurred_on = factory.LazyAttribute(lambda o: o.disclosure_request.received_on)
    data = factory.LazyFunction(dict)


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    disclosure_request = factory.SubFactory(DisclosureRequestFactory)
    outcome = "disclose"
    legal_basis = "《中华人民共和国政府信息公开条例》第三十六条第（二）项"
    drafted_by = factory.SubFactory(UserFactory)
    drafted_at = factory.LazyFunction(timezone.now)
    remedies = (
        "如对本答复不服，可以在收到本答复之日起60日内申请行政复议，或者在6个月内提起行政诉讼。"
    )


class FeeNoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeeNotice

    disclosure_request = factory.SubFactory(DisclosureRequestFactory)
    method = FeeNotice.Method.PER_PAGE
    pages = 150
    amount = "20.00"
    basis_text = "国办函〔2020〕109号 第五条：101—200页（含200页），每件20元。"
    sent_on = factory.LazyFunction(timezone.localdate)
    due_on = factory.LazyAttribute(lambda o: o.sent_on + dt.timedelta(days=28))


class DeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delivery

    disclosure_request = factory.SubFactory(DisclosureRequestFactory)
    method = DeliveryMethod.EMAIL
    delivered_on = factory.LazyFunction(timezone.localdate)
    proof = "电子邮件发送回执"
    recorded_by = factory.SubFactory(UserFactory)


class LetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Letter

    disclosure_request = factory.SubFactory(DisclosureRequestFactory)
    kind = LetterKind.DECISION
    docx = factory.LazyFunction(lambda: ContentFile(b"PK\x03\x04", name="letter.docx"))
    pdf = factory.LazyFunction(lambda: ContentFile(MINIMAL_PDF, name="letter.pdf"))
    generated_by = factory.SubFactory(UserFactory)


class LetterTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LetterTemplate

    organisation = factory.SubFactory(OrganisationFactory)
    kind = LetterKind.CORRECTION_NOTICE
    title = "补正申请告知书"
    body = "{{ disclosure_request.applicant_name }}：\n请于{{ deadline_on }}前补正。"


class RequestAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequestAttachment

    disclosure_request = factory.SubFactory(DisclosureRequestFactory)
    file = factory.LazyFunction(lambda: ContentFile(MINIMAL_PDF, name="evidence.pdf"))
    original_name = "evidence.pdf"
    content_type = "application/pdf"
    size = len(MINIMAL_PDF)
    sha256 = hashlib.sha256(MINIMAL_PDF).hexdigest()
