"""Portal: file a complaint, track it with the receipt's code, see the reply, rate it; read
published guides and their older versions."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from gongkai.complaints import services as complaint_services
from gongkai.complaints.models import Complaint
from gongkai.core.models import AuditEntry
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.service_guides.tests.factories import ServiceGuideFactory, ServiceItemFactory

pytestmark = pytest.mark.django_db

# After every date the tests enter.
frozen_clock = frozen_clock_at(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI))


@time_machine.travel(dt.datetime(2025, 3, 3, 10, 0), tick=False)
def test_file_track_see_reply_and_rate() -> None:
    organisation = OrganisationFactory(name="测试市政务服务中心")
    client = Client()
    response = client.post(
        reverse("portal:complaint_new"),
        {
            "organisation": organisation.pk,
            "kind": "complaint",
            "subject": "窗口排队时间长",
            "content": "周一上午排队两小时。",
            "contact_email": "zhang@example.com",
        },
    )
    assert response.status_code == 302
    receipt = client.get(reverse("portal:complaint_receipt"))
    number = receipt.context["receipt"]["tracking_number"]
    code = receipt.context["receipt"]["access_code"]
    assert number == f"TS-{organisation.code}-2025-00001"
    complaint = Complaint.objects.get(tracking_number=number)
    # 15 working days after Monday 3 March 2025.
    assert complaint.due_on == dt.date(2025, 3, 24)

    handler = staff_with_role(Role.HANDLER, organisation)
    complaint_services.complaint_reply(
        actor=handler, complaint=complaint, reply="已增开两个窗口，感谢监督。"
    )

    tracked = client.post(
        reverse("portal:complaint_track"), {"tracking_number": number, "access_code": code}
    )
    assert tracked.status_code == 200
    assert "已增开两个窗口" in tracked.content.decode()
    assert tracked.context["rating_form"] is not None

    bad = client.post(reverse("portal:complaint_rate"), {"satisfaction": "6"})
    assert bad.status_code == 400
    assert "满意度须为1至5的整数" in bad.content.decode()
    complaint.refresh_from_db()
    assert complaint.satisfaction is None

    good = client.post(reverse("portal:complaint_rate"), {"satisfaction": "4", "comment": "快"})
    assert good.status_code == 302
    complaint.refresh_from_db()
    assert complaint.satisfaction == 4
    assert AuditEntry.objects.filter(action="complaints.complaint.rated").count() == 1


def test_wrong_code_gives_the_same_answer_as_unknown_number() -> None:
    complaint, _code = complaint_services.complaint_submit(
        organisation=OrganisationFactory(), kind="suggestion", subject="建议", content="内容"
    )
    client = Client()
    wrong = client.post(
        reverse("portal:complaint_track"),
        {"tracking_number": complaint.tracking_number, "access_code": "AAAAAAAA"},
    )
    unknown = client.post(
        reverse("portal:complaint_track"),
        {"tracking_number": "TS-X-2025-99999", "access_code": "AAAAAAAA"},
    )
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.context["error"] == unknown.context["error"]
    assert "complaint" not in wrong.context


def test_invalid_submission_shows_messages_and_saves_nothing() -> None:
    organisation = OrganisationFactory()
    response = Client().post(
        reverse("portal:complaint_new"),
        {
            "organisation": organisation.pk,
            "kind": "complaint",
            "subject": "主题",
            "content": "内容",
            "contact_email": "not-an-email",
        },
    )
    assert response.status_code == 400
    assert "电子邮箱格式不正确" in response.content.decode()
    assert not Complaint.objects.exists()


def test_published_guide_and_older_versions() -> None:
    item = ServiceItemFactory(name="排污许可证核发")
    ServiceGuideFactory(service_item=item, version=1, published=True, time_limit="20个工作日")
    ServiceGuideFactory(
        service_item=item, version=2, published=True, time_limit="10个工作日", change_note="提速"
    )
    ServiceGuideFactory(service_item=item, version=3, published=False, time_limit="草稿")
    hidden = ServiceItemFactory(name="未发布事项")
    ServiceGuideFactory(service_item=hidden, published=False)
    client = Client()

    listing = client.get(reverse("portal:service_guide_list")).content.decode()
    assert "排污许可证核发" in listing and "未发布事项" not in listing

    current = client.get(reverse("portal:service_guide_detail", args=[item.pk]))
    assert current.context["guide"].version == 2
    assert "10个工作日" in current.content.decode() and "草稿" not in current.content.decode()

    older = client.get(reverse("portal:service_guide_version", args=[item.pk, 1]))
    assert older.status_code == 200 and "20个工作日" in older.content.decode()
    assert client.get(reverse("portal:service_guide_version", args=[item.pk, 3])).status_code == 404
    assert client.get(reverse("portal:service_guide_detail", args=[hidden.pk])).status_code == 404
