from __future__ import annotations

import pytest
from django.urls import reverse

from gongkai.consultations.models import Channel, Consultation
from gongkai.consultations.tests.factories import ConsultationFactory, FaqEntryFactory
from gongkai.core.models import AuditEntry
from gongkai.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_visitor_leaves_a_message_which_is_not_shown_before_it_is_answered(client):
    organisation = OrganisationFactory(name="测试市政务管理办公室")
    response = client.post(
        reverse("portal:consultation_submit"),
        {
            "organisation": organisation.pk,
            "asker_name": "王小明",
            "asker_contact": "13800138000",
            "question": "请问企业名称预先核准可以网上办理吗？",
            "allow_publish": "on",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:consultation_thanks")
    consultation = Consultation.objects.get()
    assert consultation.channel == Channel.ONLINE_MESSAGE and consultation.allow_publish
    assert AuditEntry.objects.get().action == "consultations.consultation.submitted"
    listing = client.get(reverse("portal:consultation_list")).content.decode()
    assert "企业名称预先核准" not in listing


def test_a_message_without_contact_is_refused_and_nothing_is_saved(client):
    organisation = OrganisationFactory()
    response = client.post(
        reverse("portal:consultation_submit"),
        {"organisation": organisation.pk, "asker_name": "王小明", "question": "请问怎么办？"},
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"asker_contact"}
    assert not Consultation.objects.exists()


def test_answered_allowed_messages_are_listed_with_masked_name_and_no_contact(client):
    shown = ConsultationFactory(
        channel=Channel.ONLINE_MESSAGE, allow_publish=True, asker_name="王小明",
        asker_contact="13800138000", question="办事指南在哪里下载？", answer="政务在线网站首页。",
    )  # fmt: skip
    hidden = ConsultationFactory(
        channel=Channel.ONLINE_MESSAGE, allow_publish=False, question="不愿公开的问题内容",
        answer="已电话答复。",
    )  # fmt: skip
    listing = client.get(reverse("portal:consultation_list")).content.decode()
    assert "办事指南在哪里下载" in listing and "不愿公开的问题内容" not in listing
    assert "王**" in listing and "王小明" not in listing
    detail = client.get(reverse("portal:consultation_detail", args=[shown.pk])).content.decode()
    assert "政务在线网站首页" in detail and "13800138000" not in detail
    assert client.get(reverse("portal:consultation_detail", args=[hidden.pk])).status_code == 404


def test_the_faq_is_searchable_and_shows_only_published_entries(client):
    FaqEntryFactory(question="便民服务卡在哪里领取？", answer="政务服务大厅一楼咨询台。")
    FaqEntryFactory(question="内部草稿问题", answer="草稿。", published=False)
    page = client.get(reverse("portal:faq")).content.decode()
    assert "便民服务卡" in page and "内部草稿问题" not in page
    found = client.get(reverse("portal:faq"), {"q": "咨询台"}).content.decode()
    assert "便民服务卡在哪里领取" in found
    missed = client.get(reverse("portal:faq"), {"q": "咨询 年报"}).content.decode()
    assert "便民服务卡在哪里领取" not in missed and "没有找到相关问题" in missed
