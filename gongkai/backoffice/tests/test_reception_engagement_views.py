"""Back-office reception and engagement pages: filters, exports, entry forms and refusals."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.core.models import AuditEntry
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.engagement.models import BroadcastMessage, Meeting, SubscriptionTopic
from gongkai.engagement.tests.factories import (
    BroadcastMessageFactory,
    EnterpriseFeedbackFactory,
    EnterpriseSubscriberFactory,
    MeetingFactory,
    MeetingRegistrationFactory,
)
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.reception.models import ReceptionSession
from gongkai.reception.tests.factories import (
    ReceptionBookingFactory,
    ReceptionScheduleFactory,
    ReceptionSessionFactory,
)

pytestmark = pytest.mark.django_db

# A Monday: the factories' reception slots and meetings fall a week or more later.
frozen_clock = frozen_clock_at(dt.datetime(2025, 3, 3, 10, tzinfo=SHANGHAI))


@pytest.fixture
def organisation():
    return OrganisationFactory(name="市政务办")


@pytest.fixture
def handler_client(client, organisation):
    client.force_login(staff_with_role(Role.HANDLER, organisation, username="bo_handler"))
    return client


def test_session_list_filters_and_exports_csv_and_xlsx(handler_client, organisation) -> None:
    ReceptionSessionFactory(organisation=organisation, stationed_department_name="市工商局")
    ReceptionSessionFactory(organisation=organisation, stationed_department_name="市规划局")
    ReceptionSessionFactory(stationed_department_name="别的机构")  # another organisation
    url = reverse("backoffice:reception_session_list")
    page = handler_client.get(url, {"department": "工商"}).content.decode()
    assert "市工商局" in page and "市规划局" not in page and "别的机构" not in page
    csv_body = handler_client.get(url, {"year": 2009, "export": "csv"}).content.decode("utf-8-sig")
    assert csv_body.splitlines()[0].startswith("接访日期,进驻部门,派出接访人次")
    assert len(csv_body.strip().splitlines()) == 3
    xlsx = handler_client.get(url, {"export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.values)
    assert rows[0][1] == "进驻部门" and len(rows) == 3


def test_record_a_session_and_refuse_negative_figures(handler_client, organisation) -> None:
    url = reverse("backoffice:reception_session_create")
    data = {
        "organisation": organisation.pk,
        "stationed_department_name": "市工商局",
        "held_on": "2009-06-10",
        "staff_dispatched": -2,
        "visitors_received": 4,
        "questions_answered_on_spot": 4,
    }
    refused = handler_client.post(url, data)
    assert refused.status_code == 400 and not ReceptionSession.objects.exists()
    data["staff_dispatched"] = 2
    saved = handler_client.post(url, data)
    session = ReceptionSession.objects.get()
    assert saved["Location"] == reverse("backoffice:reception_session_detail", args=[session.pk])
    detail = handler_client.get(saved["Location"]).content.decode()
    assert "reception.session.recorded" in detail


def test_schedule_slots_and_booking_cancellation(handler_client, organisation) -> None:
    schedule = ReceptionScheduleFactory(organisation=organisation)
    url = reverse("backoffice:reception_slot_create", args=[schedule.pk])
    wrong_month = handler_client.post(
        url, {"date": "2001-01-01", "start_time": "09:00", "end_time": "11:00",
              "place": "接访室", "capacity": 3},
    )  # fmt: skip
    assert wrong_month.status_code == 400 and "不在该安排的月份" in wrong_month.content.decode()
    booking = ReceptionBookingFactory(slot__schedule=schedule)
    handler_client.post(reverse("backoffice:reception_booking_cancel", args=[booking.pk]))
    booking.refresh_from_db()
    assert booking.status == "cancelled"


def test_meeting_entry_attendance_and_check_in(handler_client, organisation) -> None:
    created = handler_client.post(
        reverse("backoffice:meeting_create"),
        {"organisation": organisation.pk, "kind": "interaction", "title": "政企互动会",
         "held_on": "2026-06-10", "place": "四楼会议室", "co_organisers": "市环保局",
         "registration_open": "on", "is_published": "on"},
    )  # fmt: skip
    meeting = Meeting.objects.get()
    assert created.status_code == 302
    registration = MeetingRegistrationFactory(meeting=meeting)
    handler_client.post(reverse("backoffice:registration_check_in", args=[registration.pk]))
    meeting.refresh_from_db()
    assert meeting.attended_count == 1
    refused = handler_client.post(
        reverse("backoffice:meeting_attendance", args=[meeting.pk]), {"attended_count": -1}
    )
    assert refused.status_code == 400
    handler_client.post(
        reverse("backoffice:meeting_attendance", args=[meeting.pk]), {"attended_count": 85}
    )
    meeting.refresh_from_db()
    assert meeting.attended_count == 85


def test_topics_subscribers_message_sending_and_feedback(
    handler_client, organisation, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    handler_client.post(
        reverse("backoffice:topic_create"), {"organisation": organisation.pk, "name": "环保审批"}
    )
    topic = SubscriptionTopic.objects.get()
    bad = handler_client.post(
        reverse("backoffice:subscriber_create"),
        {"organisation": organisation.pk, "enterprise_name": "某公司", "email": "bad@",
         "topics": [topic.pk]},
    )  # fmt: skip
    assert bad.status_code == 400 and "格式不正确" in bad.content.decode()
    EnterpriseSubscriberFactory.create_batch(2, organisation=organisation, topics=[topic])
    handler_client.post(
        reverse("backoffice:message_create"),
        {"topic": topic.pk, "subject": "新政策", "body": "请关注。"},
    )
    message = BroadcastMessage.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        handler_client.post(reverse("backoffice:message_send", args=[message.pk]))
    message.refresh_from_db()
    assert message.status == "sent" and len(mailoutbox) == 2
    again = handler_client.post(reverse("backoffice:message_send", args=[message.pk]), follow=True)
    assert "已发送完毕" in again.content.decode() and len(mailoutbox) == 2
    feedback = EnterpriseFeedbackFactory(organisation=organisation)
    handler_client.post(
        reverse("backoffice:feedback_answer", args=[feedback.pk]), {"answer": "已采纳。"}
    )
    feedback.refresh_from_db()
    assert feedback.answer == "已采纳。"
    listing = handler_client.get(reverse("backoffice:feedback_list"), {"answered": "true"})
    assert "已采纳" in listing.content.decode()


def test_auditors_read_but_cannot_write(client, organisation) -> None:
    meeting = MeetingFactory(organisation=organisation)
    message = BroadcastMessageFactory(organisation=organisation)
    client.force_login(staff_with_role(Role.AUDITOR, organisation))
    page = client.get(reverse("backoffice:meeting_detail", args=[meeting.pk])).content.decode()
    assert meeting.title in page and "记录实到人数" not in page
    before = AuditEntry.objects.count()
    assert client.post(reverse("backoffice:message_send", args=[message.pk])).status_code == 403
    assert AuditEntry.objects.count() == before
