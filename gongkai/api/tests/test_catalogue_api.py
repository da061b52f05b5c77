"""API flows with a token, public reads with filters, and JSON error bodies."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from gongkai.accounts.services import api_token_regenerate
from gongkai.catalogue import services as catalogue_services
from gongkai.catalogue.models import Attachment, InformationItem
from gongkai.catalogue.tests.factories import (
    MINIMAL_PDF,
    CategoryFactory,
    InformationItemFactory,
)
from gongkai.core.models import AuditEntry
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db


def _token_client(user: Any) -> APIClient:
    client = APIClient()
    token = api_token_regenerate(actor=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def bureau() -> Any:
    organisation = OrganisationFactory(
        name="测试市生态环境局",
        address="测试市环保路8号",
        phone="020-86000000",
        disclosure_office="局办公室",
    )
    CategoryFactory(organisation=organisation, name="业务类", code="business")
    return organisation


def test_create_submit_publish_withdraw_with_tokens(bureau: Any) -> None:
    handler = _token_client(staff_with_role(Role.HANDLER, bureau))
    publisher = _token_client(staff_with_role(Role.PUBLISHER, bureau))
    category = bureau.categories.get()
    response = handler.post(
        reverse("api:staff_item_list"),
        {
            "organisation": bureau.pk,
            "title": "关于2024年大气污染防治工作的通知",
            "summary": "部署年度大气污染防治。",
            "body": "<p>各区：</p><script>alert(1)</script>",
            "generated_on": "2024-03-01",
            "category": category.pk,
            "genre": "notice",
            "article20_item": 13,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["status"] == "draft" and created["index_number"] is None
    assert created["publication_due_on"] == "2024-03-29"  # 20 working days after 1 March
    assert "<script" not in created["body"]
    pk = created["id"]

    response = handler.patch(
        reverse("api:staff_item_detail", args=[pk]), {"keywords": "大气 污染"}, format="json"
    )
    assert response.status_code == 200 and response.json()["keywords"] == "大气 污染"

    upload = SimpleUploadedFile("方案.pdf", MINIMAL_PDF, content_type="application/pdf")
    response = handler.post(
        reverse("api:staff_attachment_upload", args=[pk]), {"file": upload}, format="multipart"
    )
    assert response.status_code == 201
    assert response.json()["content_type"] == "application/pdf"

    assert handler.post(reverse("api:staff_item_submit", args=[pk])).json()["status"] == (
        "pending_review"
    )
    # The handler cannot publish: 403 JSON with a message.
    response = handler.post(reverse("api:staff_item_publish", args=[pk]))
    assert response.status_code == 403 and response.json()["message"]

    response = publisher.post(reverse("api:staff_item_publish", args=[pk]))
    assert response.status_code == 200
    published = response.json()
    assert published["status"] == "published"
    assert published["index_number"].startswith(f"{bureau.code}/")

    public = APIClient().get(reverse("api:item_detail", args=[pk]))
    assert public.status_code == 200
    assert public.json()["attachments"][0]["url"].endswith(
        reverse("portal:attachment_download", args=[Attachment.objects.get().pk])
    )

    response = publisher.post(
        reverse("api:staff_item_withdraw", args=[pk]), {"reason": "文件已废止"}, format="json"
    )
    assert response.json()["status"] == "withdrawn"
    assert APIClient().get(reverse("api:item_detail", args=[pk])).status_code == 404
    actions = set(
        AuditEntry.objects.filter(
            object_id=str(pk), object_type="catalogue.informationitem"
        ).values_list("action", flat=True)
    )
    assert {"catalogue.item.created", "catalogue.item.published", "catalogue.item.withdrawn"} <= (
        actions
    )


def test_service_refusal_is_a_400_with_the_message(bureau: Any) -> None:
    handler = _token_client(staff_with_role(Role.HANDLER, bureau))
    item = InformationItemFactory(organisation=bureau, status=InformationItem.Status.PENDING_REVIEW)
    response = handler.post(reverse("api:staff_item_submit", args=[item.pk]))
    assert response.status_code == 400
    assert "只有草稿可以提交审核" in response.json()["message"]


def test_validation_errors_are_json_with_a_message(bureau: Any) -> None:
    handler = _token_client(staff_with_role(Role.HANDLER, bureau))
    response = handler.post(
        reverse("api:staff_item_list"),
        {"organisation": bureau.pk, "title": "缺少生成日期"},
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert body["message"] and "generated_on" in body["errors"]
    response = handler.post(
        reverse("api:staff_item_list"),
        {"organisation": bureau.pk, "title": "<b>带标签</b>", "generated_on": "2024-03-01"},
        format="json",
    )
    assert response.status_code == 400
    assert "名称不能包含HTML标签" in response.json()["message"]
    assert not InformationItem.objects.exists()


def test_executable_renamed_pdf_is_refused(bureau: Any) -> None:
    handler = _token_client(staff_with_role(Role.HANDLER, bureau))
    item = InformationItemFactory(organisation=bureau)
    fake = SimpleUploadedFile("报告.pdf", b"MZ\x90\x00" + b"\x00" * 300)
    response = handler.post(
        reverse("api:staff_attachment_upload", args=[item.pk]), {"file": fake}, format="multipart"
    )
    assert response.status_code == 400
    assert response.json()["message"]
    assert not Attachment.objects.exists()


def test_anonymous_staff_call_is_401_json() -> None:
    response = APIClient().post(reverse("api:staff_item_list"), {}, format="json")
    assert response.status_code == 401
    assert response.json()["message"]
    assert response["WWW-Authenticate"].startswith("Token")


def test_bad_token_is_401_json() -> None:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = client.get(reverse("api:staff_item_list"))
    assert response.status_code == 401 and response.json()["message"]


def test_unknown_path_and_wrong_method_are_json() -> None:
    client = Client()
    response = client.get("/api/v1/no-such-endpoint/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]
    response = client.delete(reverse("api:item_list"))
    assert response.status_code == 405
    assert response.json()["message"]


def test_the_api_root_points_to_the_documentation() -> None:
    response = Client().get("/api/v1/")
    assert response.status_code == 200
    links = response.json()
    assert links["docs"] == "http://testserver/api/v1/docs/"
    assert links["schema"] == "http://testserver/api/v1/schema/"
    assert Client().get(links["schema"]).status_code == 200


def test_unexpected_error_is_a_json_500(monkeypatch: pytest.MonkeyPatch) -> None:
    from gongkai.catalogue import selectors

    def broken(**kwargs: Any) -> Any:
        raise RuntimeError("database on fire")

    monkeypatch.setattr(selectors, "item_list_public", broken)
    response = APIClient().get(reverse("api:item_list"))
    assert response.status_code == 500
    assert response.json() == {"message": "服务器内部错误，请稍后再试。"}


def test_public_list_filters_and_pagination(bureau: Any) -> None:
    other = OrganisationFactory()
    for n in range(25):
        InformationItemFactory(organisation=bureau, published=True, title=f"生态环境信息{n}")
    InformationItemFactory(
        organisation=other, published=True, generated_on=dt.date(2019, 5, 5), article20_item=7,
        validity=InformationItem.Validity.REPEALED,
    )  # fmt: skip
    client = APIClient()
    page = client.get(reverse("api:item_list")).json()
    assert page["count"] == 26 and len(page["results"]) == 20 and page["next"]
    assert client.get(reverse("api:item_list"), {"organisation": other.pk}).json()["count"] == 1
    assert client.get(reverse("api:item_list"), {"year": 2019}).json()["count"] == 1
    assert client.get(reverse("api:item_list"), {"article20_item": 7}).json()["count"] == 1
    assert client.get(reverse("api:item_list"), {"validity": "repealed"}).json()["count"] == 1
    response = client.get(reverse("api:item_list"), {"year": "abc"})
    assert response.status_code == 400 and response.json()["message"]


def test_search_returns_highlighted_hits(bureau: Any) -> None:
    publisher = staff_with_role(Role.PUBLISHER, bureau)
    item = InformationItemFactory(
        organisation=bureau, title="广州市环境保护局关于噪声污染防治的通告",
        status=InformationItem.Status.PENDING_REVIEW,
    )  # fmt: skip
    InformationItemFactory(organisation=bureau, title="关于机关食堂的通知")
    # Through the service, so the search index follows the publication.
    catalogue_services.information_item_publish(actor=publisher, information_item=item)
    from gongkai.search.services import search_sync_item

    search_sync_item(item_id=item.pk)
    response = APIClient().get(reverse("api:search"), {"q": "噪声"})
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 1
    assert body["results"][0]["id"] == item.pk
    assert "<mark>" in body["results"][0]["title_html"]
    assert APIClient().get(reverse("api:search"), {"q": ""}).json()["total"] == 0


def test_organisation_detail_has_the_contact_block(bureau: Any) -> None:
    body = APIClient().get(reverse("api:organisation_detail", args=[bureau.pk])).json()
    assert body["contact"]["address"] == "测试市环保路8号"
    assert body["contact"]["disclosure_office"] == "局办公室"
    categories = APIClient().get(reverse("api:category_list"), {"organisation": bureau.pk})
    assert [row["name"] for row in categories.json()] == ["业务类"]
    assert APIClient().get(reverse("api:category_list")).status_code == 400


def test_docs_pages_use_no_external_assets() -> None:
    client = Client()
    for name in ("api:swagger_ui", "api:redoc"):
        html = client.get(reverse(name)).content.decode()
        assert "http://" not in html and "https://" not in html, name
        assert "/static/drf_spectacular_sidecar/" in html
    schema = client.get(reverse("api:schema"), HTTP_ACCEPT="application/json")
    assert schema.status_code == 200
    assert "/api/v1/staff/catalogue/items/{id}/publish/" in schema.content.decode()


def test_regenerated_token_replaces_the_old_one(bureau: Any) -> None:
    user = staff_with_role(Role.AUDITOR, bureau)
    old = api_token_regenerate(actor=user).key
    api_token_regenerate(actor=user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {old}")
    assert client.get(reverse("api:staff_item_list")).status_code == 401
    assert Token.objects.filter(user=user).count() == 1
