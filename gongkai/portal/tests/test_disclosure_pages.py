"""The portal's 依申请公开 pages: apply, receipt (code shown once, PDF once) and tracking."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.disclosure_requests.models import DisclosureRequest, LetterKind
from gongkai.disclosure_requests.tests.factories import (
    ACCESS_CODE,
    MINIMAL_PDF,
    DeliveryFactory,
    DisclosureRequestFactory,
    LetterFactory,
    valid_credit_code,
    valid_id_number,
)
from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.portal.views.disclosure import TRACK_LIMIT

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def organisation() -> Any:
    return OrganisationFactory(name="广州市生态环境局")


def _application(organisation: Any, **overrides: Any) -> dict[str, Any]:
    data = {
        "organisation": organisation.pk,
        "applicant_type": "natural_person",
        "applicant_name": "王五",
        "id_type": "resident_id",
        "id_number": valid_id_number(3),
        "phone": "13800138000",
        "email": "wangwu@example.com",
        "address": "广州市天河区体育西路1号",
        "postcode": "510620",
        "information_title": "某化工项目环境影响报告书批复",
        "information_document_number": "穗环审〔2024〕12号",
        "information_description": "",
        "form_wanted": "electronic",
        "delivery_method": "email",
    }
    data.update(overrides)
    return data


def test_application_form_lists_every_article_29_field(client: Client, organisation: Any) -> None:
    response = client.get(reverse("portal:apply"))
    assert response.status_code == 200
    content = response.content.decode()
    for name in ("applicant_type", "id_number", "credit_code", "information_document_number"):
        assert f'name="{name}"' in content
    for label in ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "查阅"):
        assert label in content
    assert organisation.name in content


def test_submit_shows_receipt_once_and_the_pdf_downloads_once(
    client: Client, organisation: Any
) -> None:
    upload = SimpleUploadedFile("身份证复印件.pdf", MINIMAL_PDF, content_type="application/pdf")
    response = client.post(
        reverse("portal:apply"), {**_application(organisation), "attachments": [upload]}
    )
    assert response.status_code == 302
    disclosure_request = DisclosureRequest.objects.get()
    assert disclosure_request.status == DisclosureRequest.Status.PENDING_CONFIRMATION
    assert disclosure_request.received_on is None
    assert disclosure_request.attachments.get().original_name == "身份证复印件.pdf"
    receipt_url = reverse("portal:apply_receipt", args=[disclosure_request.tracking_number])
    assert response["Location"] == receipt_url

    receipt = client.get(receipt_url)
    assert receipt.status_code == 200
    code = receipt.context["access_code"]
    assert len(code) == 8
    assert disclosure_request.tracking_number in receipt.content.decode()
    assert code in receipt.content.decode()
    assert code not in disclosure_request.access_code_hash

    pdf = client.get(reverse("portal:apply_receipt_pdf", args=[disclosure_request.tracking_number]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    # Once downloaded, neither the PDF nor the code is offered again.
    again = client.get(
        reverse("portal:apply_receipt_pdf", args=[disclosure_request.tracking_number])
    )
    assert again.status_code == 404
    gone = client.get(receipt_url)
    assert gone.status_code == 404
    assert code not in gone.content.decode()
    # Another browser never sees the receipt.
    assert Client().get(receipt_url).status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"id_number": "110105198506150000"}, "id_number", "GB 11643"),
        (
            {
                "applicant_type": "commercial",
                "credit_code": "91110105000000000X",
                "contact_person": "赵六",
                "id_type": "",
                "id_number": "",
            },
            "credit_code",
            "GB 32100",
        ),
        (
            {"information_title": "", "information_document_number": ""},
            "information_title",
            "第二十九条",
        ),
        ({"applicant_name": ""}, "applicant_name", "必填"),
        ({"delivery_method": "email", "email": ""}, "email", "电子邮箱"),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_stored(
    client: Client, organisation: Any, overrides: dict[str, Any], field: str, words: str
) -> None:
    response = client.post(reverse("portal:apply"), _application(organisation, **overrides))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors, errors
    assert words in " ".join(errors[field])
    assert DisclosureRequest.objects.count() == 0


def test_a_legal_person_with_a_valid_credit_code_is_accepted(
    client: Client, organisation: Any
) -> None:
    data = _application(
        organisation,
        applicant_type="research",
        applicant_name="某大学环境研究所",
        id_type="",
        id_number="",
        credit_code=valid_credit_code(5),
        contact_person="孙七",
    )
    response = client.post(reverse("portal:apply"), data)
    assert response.status_code == 302
    assert DisclosureRequest.objects.get().credit_code == valid_credit_code(5)


def _track(client: Client, tracking_number: str, access_code: str) -> Any:
    return client.post(
        reverse("portal:track"), {"tracking_number": tracking_number, "access_code": access_code}
    )


def test_tracking_shows_status_due_date_letters_and_deliveries_only() -> None:
    disclosure_request = DisclosureRequestFactory(
        status=DisclosureRequest.Status.CLOSED, address="广州市越秀区某某路99号"
    )
    letter = LetterFactory(disclosure_request=disclosure_request, kind=LetterKind.DECISION)
    consultation = LetterFactory(
        disclosure_request=disclosure_request, kind=LetterKind.CONSULTATION_LETTER
    )
    DeliveryFactory(disclosure_request=disclosure_request)
    client = Client()
    response = _track(client, disclosure_request.tracking_number, ACCESS_CODE.lower())
    assert response.status_code == 200
    content = response.content.decode()
    assert "已办结" in content
    assert reverse("portal:track_letter", args=[letter.pk, "pdf"]) in content
    assert reverse("portal:track_letter", args=[consultation.pk, "pdf"]) not in content
    assert "电子邮件" in content  # the delivery
    for personal in (
        disclosure_request.id_number,
        disclosure_request.phone,
        disclosure_request.address,
        disclosure_request.applicant_name,
    ):
        assert personal not in content

    download = client.get(reverse("portal:track_letter", args=[letter.pk, "pdf"]))
    assert download.status_code == 200
    assert download.content.startswith(b"%PDF")
    # A letter not addressed to the applicant, or asked for by a browser that never tracked.
    assert (
        client.get(reverse("portal:track_letter", args=[consultation.pk, "pdf"])).status_code == 404
    )
    assert Client().get(reverse("portal:track_letter", args=[letter.pk, "pdf"])).status_code == 404


def test_unknown_number_and_wrong_code_get_the_same_answer() -> None:
    disclosure_request = DisclosureRequestFactory()
    wrong_code = _track(Client(), disclosure_request.tracking_number, "WRONG123")
    unknown = _track(Client(), "999999999-2025-99999", ACCESS_CODE)
    assert wrong_code.status_code == unknown.status_code == 404
    assert wrong_code.context["error"] == unknown.context["error"] == "申请编号或查询码不正确。"
    assert wrong_code.context.get("disclosure_request") is None
    assert disclosure_request.information_title not in wrong_code.content.decode()


def test_tracking_is_rate_limited_per_address_after_wrong_guesses() -> None:
    disclosure_request = DisclosureRequestFactory()
    client = Client()
    for _ in range(TRACK_LIMIT):
        assert _track(client, disclosure_request.tracking_number, "GUESS000").status_code == 404
    blocked = _track(client, disclosure_request.tracking_number, ACCESS_CODE)
    assert blocked.status_code == 429
    assert "查询次数过多" in blocked.content.decode()
    # Another address is not affected.
    other = Client(REMOTE_ADDR="10.0.0.2")
    assert _track(other, disclosure_request.tracking_number, ACCESS_CODE).status_code == 200


def test_portal_navigation_links_to_apply_and_track(client: Client) -> None:
    content = client.get(reverse("portal:home")).content.decode()
    assert reverse("portal:apply") in content
    assert reverse("portal:track") in content


def test_tracking_marks_a_due_date_in_a_year_not_entered_as_provisional() -> None:
    provisional = DisclosureRequestFactory(
        received_on=dt.date(2026, 12, 18), due_on=dt.date(2027, 1, 12)
    )
    response = _track(Client(), provisional.tracking_number, ACCESS_CODE)
    content = response.content.decode()
    assert "2027年1月12日" in content
    assert 'class="provisional-badge" title="暂定：2027年的放假安排尚未公布' in content
    assert '<span class="provisional-note">暂定：2027年的放假安排尚未公布' in content
    assert "录入" not in content

    entered = DisclosureRequestFactory(received_on=dt.date(2026, 3, 2), due_on=dt.date(2026, 3, 30))
    assert (
        "provisional-badge"
        not in _track(Client(), entered.tracking_number, ACCESS_CODE).content.decode()
    )
