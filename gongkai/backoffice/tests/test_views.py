"""Back-office behaviour beyond access: sign-in lockout, workflow POSTs, service refusals shown
as messages, uploads, scoping of lists, organisations and API tokens."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from gongkai.backoffice.tests.world import World, build_world
from gongkai.catalogue.models import Attachment, InformationItem
from gongkai.catalogue.tests.factories import MINIMAL_PDF, InformationItemFactory
from gongkai.core.models import AuditEntry
from gongkai.organisations.models import Organisation, Role
from gongkai.organisations.tests.factories import (
    OrganisationFactory,
    UserFactory,
    staff_with_role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return build_world()


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _messages(response: Any) -> list[str]:
    return [str(message) for message in response.context["messages"]]


# --- sign-in ---------------------------------------------------------------------------------


def test_login_with_correct_password_opens_the_dashboard(client: Client) -> None:
    organisation = OrganisationFactory()
    staff_with_role(Role.HANDLER, organisation, username="wang")
    response = client.post(
        reverse("backoffice:login"), {"username": "wang", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:dashboard")


def test_five_failed_logins_lock_the_account_with_a_clear_message(client: Client) -> None:
    organisation = OrganisationFactory()
    staff_with_role(Role.HANDLER, organisation, username="li")
    url = reverse("backoffice:login")
    for _ in range(4):
        response = client.post(url, {"username": "li", "password": "wrong"})
        assert response.status_code == 200
        assert "请输入一个正确的" in response.content.decode() or response.context["form"].errors
    response = client.post(url, {"username": "li", "password": "wrong"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "账号已被临时锁定" in page
    assert "5次" in page and "30分钟后再试" in page
    # Locked: even the right password is refused now.
    response = client.post(url, {"username": "li", "password": "correct horse battery"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_logout_is_post_only(world: World) -> None:
    client = _client(world.user("org1:handler"))
    assert client.get(reverse("backoffice:logout")).status_code == 405
    response = client.post(reverse("backoffice:logout"))
    assert response.status_code == 302
    assert client.get(reverse("backoffice:dashboard")).status_code == 302


def test_admin_site_is_for_superusers_only(world: World) -> None:
    staff = world.user("org1:org_admin")
    assert staff.is_staff
    assert _client(staff).get("/admin/").status_code == 302
    assert _client(world.user("superuser")).get("/admin/").status_code == 200


def test_navigation_offers_only_permitted_sections(world: World) -> None:
    page = _client(world.user("org1:handler")).get(reverse("backoffice:dashboard"))
    html = page.content.decode()
    assert reverse("backoffice:item_list") in html
    assert reverse("backoffice:audit_log") not in html
    assert reverse("backoffice:calendar_list") not in html
    admin_page = _client(world.user("org1:org_admin")).get(reverse("backoffice:dashboard"))
    assert reverse("backoffice:calendar_list") in admin_page.content.decode()


@pytest.mark.parametrize("role", [role.value for role in Role])
def test_every_link_on_the_dashboard_opens_for_whoever_sees_it(world: World, role: str) -> None:
    import re

    client = _client(world.user(f"org1:{role}"))
    html = client.get(reverse("backoffice:dashboard")).content.decode()
    links = set(re.findall(r'href="(/staff/[^"#?]*)', html)) - {reverse("backoffice:logout")}
    assert links
    refused = [link for link in sorted(links) if client.get(link).status_code == 403]
    assert refused == []


# --- scoping ---------------------------------------------------------------------------------


def test_lists_never_show_another_organisations_records(world: World) -> None:
    client = _client(world.user("org2:publisher"))
    listing = client.get(reverse("backoffice:item_list")).content.decode()
    assert "乙局草稿：预算初稿" in listing
    assert "甲局" not in listing
    dashboard = client.get(reverse("backoffice:dashboard")).content.decode()
    assert "甲局" not in dashboard
    organisations = client.get(reverse("backoffice:organisation_list")).content.decode()
    assert "测试市乙局" in organisations and "测试市甲局" not in organisations
    # Filtering by the other organisation's id is refused, not answered.
    response = client.get(reverse("backoffice:item_list"), {"organisation": world.org1.pk})
    assert "甲局" not in response.content.decode()


def test_parent_organisation_roles_reach_the_sub_tree(world: World) -> None:
    city_publisher = staff_with_role(Role.PUBLISHER, world.parent)
    listing = _client(city_publisher).get(reverse("backoffice:item_list")).content.decode()
    assert "甲局草稿：内部讨论稿" in listing and "乙局草稿：预算初稿" in listing


def test_audit_log_page_is_scoped(world: World) -> None:
    _client(world.user("org1:handler")).post(
        reverse("backoffice:item_submit", args=[world.draft.pk])
    )
    org1_page = _client(world.user("org1:auditor")).get(reverse("backoffice:audit_log"))
    assert "catalogue.item.submitted" in org1_page.content.decode()
    org2_page = _client(world.user("org2:auditor")).get(reverse("backoffice:audit_log"))
    assert "catalogue.item.submitted" not in org2_page.content.decode()
    filtered = _client(world.user("org1:auditor")).get(
        reverse("backoffice:audit_log"), {"action": "catalogue.item.published"}
    )
    assert "catalogue.item.submitted" not in filtered.content.decode()


def test_item_list_filters(world: World) -> None:
    client = _client(world.user("org1:coordinator"))
    url = reverse("backoffice:item_list")
    pending = client.get(url, {"status": "pending_review"}).content.decode()
    assert "甲局待审核信息" in pending and "甲局草稿" not in pending
    by_text = client.get(url, {"q": "内部讨论"}).content.decode()
    assert "甲局草稿：内部讨论稿" in by_text and "甲局待审核信息" not in by_text
    assert "甲局已发布信息" not in client.get(url, {"year": 2019}).content.decode()
    assert "甲局已发布信息" in client.get(url, {"year": 2024}).content.decode()


def test_item_list_paginates(world: World) -> None:
    InformationItemFactory.create_batch(30, organisation=world.org1, title="批量条目")
    client = _client(world.user("org1:auditor"))
    first = client.get(reverse("backoffice:item_list"), {"q": "批量"})
    assert first.context["page_obj"].paginator.count == 30
    assert len(first.context["items"]) == 25
    second = client.get(reverse("backoffice:item_list"), {"q": "批量", "page": 2})
    assert len(second.context["items"]) == 5
    assert "q=%E6%89%B9%E9%87%8F&amp;page=1" in second.content.decode()


# --- workflow --------------------------------------------------------------------------------


def test_create_edit_submit_publish_withdraw(world: World) -> None:
    handler = _client(world.user("org1:handler"))
    response = handler.post(
        reverse("backoffice:item_create"),
        {
            "organisation": world.org1.pk,
            "title": "关于开展政务公开专项检查的通知",
            "summary": "部署专项检查。",
            "body": "<p>各处室：</p><script>alert(1)</script><p>请于月底前自查。</p>",
            "generated_on": "2024-03-01",
            "category": world.category.pk,
            "genre": "notice",
            "disclosure_mode": "proactive",
            "disclosure_timing": "permanent",
            "disclosure_scope": "public",
            "validity": "in_force",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    information_item = InformationItem.objects.get(title="关于开展政务公开专项检查的通知")
    assert "<script" not in information_item.body
    assert information_item.status == InformationItem.Status.DRAFT
    detail_url = reverse("backoffice:item_detail", args=[information_item.pk])
    assert response["Location"] == detail_url

    response = handler.post(reverse("backoffice:item_submit", args=[information_item.pk]))
    assert response.status_code == 302
    information_item.refresh_from_db()
    assert information_item.status == InformationItem.Status.PENDING_REVIEW

    publisher = _client(world.user("org1:publisher"))
    page = publisher.get(detail_url).content.decode()
    assert reverse("backoffice:item_publish", args=[information_item.pk]) in page
    publisher.post(reverse("backoffice:item_publish", args=[information_item.pk]))
    information_item.refresh_from_db()
    assert information_item.status == InformationItem.Status.PUBLISHED
    assert information_item.index_number

    publisher.post(
        reverse("backoffice:item_withdraw", args=[information_item.pk]), {"reason": "文号有误"}
    )
    information_item.refresh_from_db()
    assert information_item.status == InformationItem.Status.WITHDRAWN
    assert information_item.withdrawal_reason == "文号有误"

    page = publisher.get(detail_url).content.decode()
    for action in ("created", "submitted", "published", "withdrawn"):
        assert f"catalogue.item.{action}" in page


def test_return_needs_a_reason(world: World) -> None:
    publisher = _client(world.user("org1:publisher"))
    url = reverse("backoffice:item_return", args=[world.pending.pk])
    response = publisher.post(url, {"reason": ""}, follow=True)
    assert "请填写原因。" in _messages(response)
    world.pending.refresh_from_db()
    assert world.pending.status == InformationItem.Status.PENDING_REVIEW
    response = publisher.post(url, {"reason": "请补充附件"}, follow=True)
    world.pending.refresh_from_db()
    assert world.pending.status == InformationItem.Status.DRAFT
    assert "catalogue.item.returned" in response.content.decode()


def test_service_refusal_is_shown_as_a_message_not_an_error_page(world: World) -> None:
    handler = _client(world.user("org1:handler"))
    url = reverse("backoffice:item_submit", args=[world.pending.pk])
    response = handler.post(url, follow=True)
    assert response.status_code == 200
    assert any("只有草稿可以提交审核" in message for message in _messages(response))


def test_buttons_appear_only_for_permitted_actions(world: World) -> None:
    url = reverse("backoffice:item_detail", args=[world.pending.pk])
    publish_url = reverse("backoffice:item_publish", args=[world.pending.pk])
    assert publish_url not in _client(world.user("org1:handler")).get(url).content.decode()
    assert publish_url not in _client(world.user("org1:approver")).get(url).content.decode()
    assert publish_url in _client(world.user("org1:publisher")).get(url).content.decode()


def test_create_form_errors_keep_input_and_save_nothing(world: World) -> None:
    before = InformationItem.objects.count()
    response = _client(world.user("org1:handler")).post(
        reverse("backoffice:item_create"),
        {
            "organisation": world.org1.pk,
            "title": "<script>alert(1)</script>通知",
            "generated_on": "2024-03-01",
            "genre": "notice",
            "disclosure_mode": "proactive",
            "disclosure_timing": "permanent",
            "disclosure_scope": "public",
            "validity": "in_force",
        },
    )
    assert response.status_code == 400
    assert "名称不能包含HTML标签" in response.content.decode()
    assert InformationItem.objects.count() == before


def test_category_must_belong_to_the_organisation(world: World) -> None:
    other = OrganisationFactory(parent=world.org1)
    response = _client(world.user("org1:handler")).post(
        reverse("backoffice:item_create"),
        {
            "organisation": other.pk,
            "title": "下级机构的通知",
            "generated_on": "2024-03-01",
            "category": world.category.pk,
            "genre": "notice",
            "disclosure_mode": "proactive",
            "disclosure_timing": "permanent",
            "disclosure_scope": "public",
            "validity": "in_force",
        },
    )
    assert response.status_code == 400
    assert "所选分类不属于该机构的目录" in response.content.decode()


# --- attachments -----------------------------------------------------------------------------


def test_attachment_upload_and_download(world: World) -> None:
    handler = _client(world.user("org1:handler"))
    url = reverse("backoffice:attachment_upload", args=[world.draft.pk])
    upload = SimpleUploadedFile("实施方案.pdf", MINIMAL_PDF, content_type="application/pdf")
    response = handler.post(url, {"file": upload}, follow=True)
    assert any("已上传附件" in message for message in _messages(response))
    attachment = Attachment.objects.get(original_name="实施方案.pdf")
    download = handler.get(
        reverse("backoffice:attachment_download", args=[world.draft.pk, attachment.pk])
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")  # type: ignore[attr-defined]


def test_executable_renamed_pdf_is_refused_and_nothing_is_saved(world: World) -> None:
    handler = _client(world.user("org1:handler"))
    before = Attachment.objects.count()
    entries_before = AuditEntry.objects.count()
    fake = SimpleUploadedFile(
        "通知.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, content_type="application/pdf"
    )
    response = handler.post(
        reverse("backoffice:attachment_upload", args=[world.draft.pk]),
        {"file": fake},
        follow=True,
    )
    assert response.status_code == 200
    assert _messages(response), "the refusal must be shown"
    assert Attachment.objects.count() == before
    assert AuditEntry.objects.count() == entries_before


# --- organisations ---------------------------------------------------------------------------


def test_org_admin_edits_the_contact_block(world: World) -> None:
    admin = _client(world.user("org1:org_admin"))
    response = admin.post(
        reverse("backoffice:organisation_edit", args=[world.org1.pk]),
        {
            "name": world.org1.name,
            "kind": "department",
            "sort_order": 0,
            "index_scheme": "national",
            "is_active": "on",
            "disclosure_office": "甲局办公室",
            "address": "测试市府前路1号",
            "office_hours": "工作日 9:00-12:00，13:30-17:30",
            "phone": "020-83123456",
            "email": "gk@example.gov.cn",
        },
    )
    assert response.status_code == 302
    world.org1.refresh_from_db()
    assert world.org1.disclosure_office == "甲局办公室"
    page = admin.get(reverse("backoffice:organisation_detail", args=[world.org1.pk]))
    html = page.content.decode()
    assert "测试市府前路1号" in html and "organisations.organisation.updated" in html
    assert "org1_handler" in html  # the membership list


def test_invalid_email_is_a_form_error(world: World) -> None:
    response = _client(world.user("org1:org_admin")).post(
        reverse("backoffice:organisation_edit", args=[world.org1.pk]),
        {"name": world.org1.name, "kind": "department", "sort_order": 0,
         "index_scheme": "national", "email": "not-an-email"},
    )  # fmt: skip
    assert response.status_code == 400
    world.org1.refresh_from_db()
    assert world.org1.email == ""


def test_invalid_organisation_code_is_refused(world: World) -> None:
    admin = _client(world.user("org1:org_admin"))
    data = {
        "parent": world.org1.pk,
        "code": "12345678-0",  # check character should be 8
        "name": "甲局政务服务处",
        "kind": "office",
        "sort_order": 0,
        "index_scheme": "national",
        "is_active": "on",
    }
    response = admin.post(reverse("backoffice:organisation_create"), data)
    assert response.status_code == 400
    assert "校验码不正确" in response.content.decode()
    assert not Organisation.objects.filter(name="甲局政务服务处").exists()
    data["code"] = "12345678-8"
    response = admin.post(reverse("backoffice:organisation_create"), data)
    assert response.status_code == 302
    created = Organisation.objects.get(name="甲局政务服务处")
    assert created.code == "123456788" and created.parent == world.org1


# --- account and API token -------------------------------------------------------------------


def test_api_token_regenerate_replaces_the_old_token(world: World) -> None:
    user = world.user("org1:handler")
    client = _client(user)
    client.post(reverse("backoffice:api_token_regenerate"))
    first = Token.objects.get(user=user).key
    page = client.get(reverse("backoffice:account")).content.decode()
    assert first in page
    client.post(reverse("backoffice:api_token_regenerate"))
    second = Token.objects.get(user=user).key
    assert first != second
    assert AuditEntry.objects.filter(action="accounts.api_token.regenerated").count() == 2
    assert all(second not in str(entry.data) for entry in AuditEntry.objects.all())
    client.post(reverse("backoffice:api_token_revoke"))
    assert not Token.objects.filter(user=user).exists()


def test_user_without_role_sees_an_explanation(world: World) -> None:
    response = _client(UserFactory(username="newcomer")).get(reverse("backoffice:dashboard"))
    assert response.status_code == 403
    assert "尚未分配任何机构岗位" in response.content.decode()


def test_dashboard_shows_counts_overdue_pending_and_recent_entries(world: World) -> None:
    import datetime as dt

    InformationItemFactory(
        organisation=world.org1,
        title="逾期未公开的通知",
        publication_due_on=dt.date(2020, 1, 31),
        generated_on=dt.date(2020, 1, 2),
    )
    _client(world.user("org1:handler")).post(
        reverse("backoffice:item_submit", args=[world.draft.pk])
    )
    response = _client(world.user("org1:coordinator")).get(reverse("backoffice:dashboard"))
    page = response.content.decode()
    counts = {value: count for value, _label, count in response.context["status_counts"]}
    assert counts == {"draft": 1, "pending_review": 2, "published": 1, "withdrawn": 0}
    assert "逾期未公开的通知" in page and "2020-01-31" in page
    assert [i.title for i in response.context["pending_items"]].count("甲局草稿：内部讨论稿") == 1
    assert "catalogue.item.submitted" in page
    detail = _client(world.user("org1:coordinator")).get(
        reverse(
            "backoffice:item_detail",
            args=[InformationItem.objects.get(title="逾期未公开的通知").pk],
        )
    )
    assert "已逾期，尚未公开" in detail.content.decode()
