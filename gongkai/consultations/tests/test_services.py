from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from gongkai.consultations import services
from gongkai.consultations.models import Channel, Consultation, ConsultationTally, FaqEntry
from gongkai.consultations.tests.factories import (
    ConsultationFactory,
    ConsultationTallyFactory,
    ConsultationTopicFactory,
)
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.models import AuditEntry
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.disclosure_requests.tests.factories import valid_id_number
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel("2025-03-04 10:00 +0800", tick=False):
        yield


@pytest.fixture
def organisation():
    return OrganisationFactory(name="测试市政务管理办公室")


@pytest.fixture
def handler(organisation):
    return staff_with_role(Role.HANDLER, organisation, username="counter")


@pytest.fixture
def coordinator(organisation):
    return staff_with_role(Role.COORDINATOR, organisation, username="office")


# --- tallies: bad input changes nothing --------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "message"),
    [
        (-5, "人次不能为负数（填写的是 -5）。"),
        (0, "人次须大于零；当天没有该方式的咨询时不必登记。"),
    ],
)
def test_a_tally_with_a_negative_or_zero_count_is_refused_and_nothing_is_written(
    organisation, handler, count, message
):
    with pytest.raises(ApplicationError) as raised:
        services.consultation_tally_record(
            actor=handler,
            organisation=organisation,
            date=dt.date(2025, 3, 3),
            channel=Channel.PHONE,
            count=count,
        )
    assert raised.value.message == message
    assert ConsultationTally.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_a_tally_is_recorded_with_its_audit_entry(organisation, handler):
    topic = ConsultationTopicFactory(organisation=organisation, name="企业登记")
    tally = services.consultation_tally_record(
        actor=handler,
        organisation=organisation,
        date=dt.date(2025, 3, 3),
        channel=Channel.PHONE,
        count=57,
        topic=topic,
    )
    assert (tally.count, tally.entered_by, tally.topic) == (57, handler, topic)
    entry = AuditEntry.objects.get()
    assert entry.action == "consultations.tally.recorded"
    assert entry.data == {"date": "2025-03-03", "channel": "phone", "count": 57}


@pytest.mark.parametrize("count", [-1, 0, 1.5, "3", True])
def test_a_tally_correction_with_a_bad_count_keeps_the_old_one(organisation, handler, count):
    tally = ConsultationTallyFactory(organisation=organisation, count=12)
    with pytest.raises(ApplicationError):
        services.consultation_tally_correct(actor=handler, tally=tally, count=count)
    tally.refresh_from_db()
    assert tally.count == 12


def test_a_tally_for_a_future_day_or_unknown_channel_is_refused(organisation, handler):
    for kwargs, message in [
        ({"date": dt.date(2025, 3, 5), "channel": "phone"}, "统计日期不能晚于今天。"),
        ({"date": dt.date(2025, 3, 3), "channel": "fax"}, "咨询方式“fax”无效。"),
    ]:
        with pytest.raises(ApplicationError, match=message):
            services.consultation_tally_record(
                actor=handler, organisation=organisation, count=3, **kwargs
            )
    assert not ConsultationTally.objects.exists()


def test_a_topic_of_another_organisation_is_refused(organisation, handler):
    foreign = ConsultationTopicFactory(name="别家主题")
    with pytest.raises(ApplicationError, match="不属于"):
        services.consultation_tally_record(
            actor=handler,
            organisation=organisation,
            date=dt.date(2025, 3, 3),
            channel=Channel.PHONE,
            count=3,
            topic=foreign,
        )


def test_read_only_roles_cannot_enter(organisation):
    auditor = staff_with_role(Role.AUDITOR, organisation, username="reader")
    with pytest.raises(PermissionDeniedError):
        services.consultation_record(
            actor=auditor, organisation=organisation, channel=Channel.PHONE, question="问一下"
        )
    with pytest.raises(PermissionDeniedError):
        services.consultation_tally_record(
            actor=auditor,
            organisation=organisation,
            date=dt.date(2025, 3, 3),
            channel=Channel.PHONE,
            count=3,
        )


# --- individual records -----------------------------------------------------------------------


def test_a_record_is_stamped_with_staff_and_answer_time(organisation, handler):
    consultation = services.consultation_record(
        actor=handler,
        organisation=organisation,
        channel=Channel.ON_SITE,
        question="办理建设工程规划许可要多久？",
        answer="法定时限20个工作日，承诺时限15个工作日。",
        duration_minutes=6,
    )
    assert consultation.staff == handler
    assert consultation.answered_at == timezone.now()
    assert consultation.occurred_at == timezone.now()
    assert AuditEntry.objects.get().action == "consultations.consultation.recorded"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"question": "  "}, "请填写咨询问题。"),
        ({"referred": True}, "已转办的咨询请填写转办单位。"),
        ({"referred_to": "市环保局"}, "未勾选“已转办”时不要填写转办单位。"),
        ({"duration_minutes": -3}, "咨询时长不能为负数。"),
        (
            {"occurred_at": timezone.make_aware(dt.datetime(2025, 3, 9, 9, 0))},
            "咨询时间不能晚于今天。",
        ),
    ],
)
def test_bad_records_are_refused(organisation, handler, kwargs, message):
    fields = {"question": "咨询内容", "channel": Channel.PHONE, **kwargs}
    with pytest.raises(ApplicationError, match=message):
        services.consultation_record(actor=handler, organisation=organisation, **fields)
    assert not Consultation.objects.exists()


def test_answering_a_portal_message_is_logged_as_answered(organisation, handler):
    consultation = services.consultation_submit_online(
        organisation=organisation,
        asker_name="王小明",
        asker_contact="13800138000",
        question="请问企业名称预先核准可以网上办理吗？",
        allow_publish=True,
    )
    assert consultation.channel == Channel.ONLINE_MESSAGE and not consultation.is_public
    services.consultation_update(
        actor=handler, consultation=consultation, answer="可以，登录政务在线网上办事大厅申报。"
    )
    consultation.refresh_from_db()
    assert consultation.is_public and consultation.staff == handler
    assert [e.action for e in AuditEntry.objects.order_by("id")] == [
        "consultations.consultation.submitted",
        "consultations.consultation.answered",
    ]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"asker_name": ""}, "请填写您的姓名。"),
        ({"asker_contact": ""}, "请填写联系方式"),
        ({"question": "请问"}, "至少5个字"),
    ],
)
def test_portal_messages_need_name_contact_and_a_question(organisation, fields, message):
    data = {
        "asker_name": "王小明",
        "asker_contact": "wang@example.com",
        "question": "请问办事指南在哪里领取？",
        "allow_publish": False,
        **fields,
    }
    with pytest.raises(ApplicationError, match=message):
        services.consultation_submit_online(organisation=organisation, **data)
    assert not Consultation.objects.exists()


def test_an_update_with_an_unknown_field_is_refused(organisation, handler):
    consultation = ConsultationFactory(organisation=organisation)
    with pytest.raises(ApplicationError, match="不可修改的字段"):
        services.consultation_update(actor=handler, consultation=consultation, staff=None)


# --- conversion to an application -------------------------------------------------------------


def _application(**overrides):
    return {
        "applicant_type": "natural_person",
        "applicant_name": "张三",
        "id_type": "resident_id",
        "id_number": valid_id_number(3),
        "phone": "13812345678",
        "information_title": "2024年度进驻部门名单",
        "form_wanted": "paper",
        "delivery_method": "in_person",
        **overrides,
    }


def test_an_on_site_consultation_becomes_an_in_person_application(organisation, coordinator):
    consultation = ConsultationFactory(organisation=organisation, channel=Channel.ON_SITE)
    disclosure_request = services.consultation_convert_to_request(
        actor=coordinator,
        consultation=consultation,
        data=_application(),
        receipt_day=dt.date(2025, 3, 3),
    )
    consultation.refresh_from_db()
    assert consultation.converted_request == disclosure_request
    assert disclosure_request.channel == "in_person"
    assert disclosure_request.received_on == dt.date(2025, 3, 3)
    assert "consultations.consultation.converted" in set(
        AuditEntry.objects.values_list("action", flat=True)
    )
    with pytest.raises(ApplicationError, match="不能重复转换"):
        services.consultation_convert_to_request(
            actor=coordinator, consultation=consultation, data=_application()
        )


def test_a_conversion_with_a_bad_application_changes_nothing(organisation, coordinator):
    consultation = ConsultationFactory(organisation=organisation, channel=Channel.ON_SITE)
    with pytest.raises(ApplicationError, match="申请人姓名"):
        services.consultation_convert_to_request(
            actor=coordinator,
            consultation=consultation,
            data=_application(applicant_name=""),
            receipt_day=dt.date(2025, 3, 3),
        )
    consultation.refresh_from_db()
    assert consultation.converted_request is None
    assert not DisclosureRequest.objects.exists()


def test_handlers_cannot_register_applications_from_consultations(organisation, handler):
    consultation = ConsultationFactory(organisation=organisation, channel=Channel.ON_SITE)
    with pytest.raises(PermissionDeniedError):
        services.consultation_convert_to_request(
            actor=handler,
            consultation=consultation,
            data=_application(),
            receipt_day=dt.date(2025, 3, 3),
        )
    assert not DisclosureRequest.objects.exists()


# --- FAQ -------------------------------------------------------------------------------------


def test_an_answered_consultation_becomes_an_unpublished_faq_draft(organisation, handler):
    consultation = ConsultationFactory(
        organisation=organisation, answer="可在一楼咨询台领取。", question="便民服务卡在哪里领？"
    )
    faq_entry = services.faq_entry_create_from_consultation(
        actor=handler, consultation=consultation
    )
    assert not faq_entry.published and faq_entry.source_consultation == consultation
    assert "便民服务卡" in faq_entry.search_text
    services.faq_entry_update(
        actor=handler,
        faq_entry=faq_entry,
        question="便民服务卡在哪里领取？",
        answer=faq_entry.answer,
        topic=None,
        published=True,
    )
    assert AuditEntry.objects.filter(action="consultations.faq_entry.published").exists()


def test_an_unanswered_consultation_cannot_become_a_faq(organisation, handler):
    consultation = ConsultationFactory(organisation=organisation, answer="")
    with pytest.raises(ApplicationError, match="只有已答复的咨询"):
        services.faq_entry_create_from_consultation(actor=handler, consultation=consultation)
    assert not FaqEntry.objects.exists()


def test_topic_names_are_unique_per_organisation(organisation, handler):
    services.consultation_topic_create(actor=handler, organisation=organisation, name="投资项目")
    with pytest.raises(ApplicationError, match="已有咨询主题"):
        services.consultation_topic_create(
            actor=handler, organisation=organisation, name=" 投资项目 "
        )
