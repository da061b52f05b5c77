"""Services of 依申请公开: intake on every channel, the ledger steps, decisions, fees, delivery,
and every bad input of the acceptance list (a clear message, nothing changed)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth.hashers import check_password
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.catalogue.models import InformationItem
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.models import AuditEntry
from gongkai.disclosure_requests import services
from gongkai.disclosure_requests.models import (
    ClockEvent,
    Decision,
    DisclosureRequest,
    FeeNotice,
    Letter,
    TrackingNumberSequence,
)
from gongkai.disclosure_requests.tests.factories import (
    MINIMAL_PDF,
    DisclosureRequestFactory,
    valid_credit_code,
    valid_id_number,
)
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.workdays.calendar import add_working_days

pytestmark = pytest.mark.django_db

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
# 2024-09-20 is a Friday before National Day 2024 (Oct 1–7 off; Sep 29 and Oct 12 worked).
TODAY = dt.date(2024, 9, 20)
# Hand count from Sep 21: 23–27 (5), Sun 29 make-up (6), 30 (7), Oct 8–11 (11), Sat 12
# make-up (12), 14–18 (17), 21–23 (20).
DUE_FROM_TODAY = dt.date(2024, 10, 23)


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel(dt.datetime(2024, 9, 20, 10, tzinfo=SHANGHAI), tick=False):
        yield


@pytest.fixture
def organisation():
    return OrganisationFactory(name="某市生态环境局")


@pytest.fixture
def coordinator(organisation):
    return staff_with_role(Role.COORDINATOR, organisation)


@pytest.fixture
def handler(organisation):
    return staff_with_role(Role.HANDLER, organisation)


@pytest.fixture
def approver(organisation):
    return staff_with_role(Role.APPROVER, organisation)


def person_data(**overrides):
    data = {
        "applicant_type": "natural_person",
        "applicant_name": "李明",
        "id_type": "resident_id",
        "id_number": valid_id_number(7),
        "phone": "13812345678",
        "email": "liming@example.com",
        "address": "北京市朝阳区建国路88号",
        "information_title": "2023年度某河道整治工程环评批复",
        "form_wanted": "electronic",
        "delivery_method": "email",
    }
    data.update(overrides)
    return data


def company_data(**overrides):
    data = person_data(
        applicant_type="commercial",
        applicant_name="某某科技有限公司",
        id_type="",
        id_number="",
        credit_code=valid_credit_code(42),
        contact_person="王芳",
    )
    data.update(overrides)
    return data


def received(organisation, handler=None, on=TODAY):
    """An application received in person on `on`, through the service."""
    coordinator = staff_with_role(Role.COORDINATOR, organisation)
    disclosure_request = services.disclosure_request_register(
        actor=coordinator,
        organisation=organisation,
        channel="in_person",
        received_on=on,
        data=person_data(),
    )
    if handler is not None:
        services.disclosure_request_assign(
            actor=coordinator, disclosure_request=disclosure_request, handler=handler
        )
    return disclosure_request


def snapshot(disclosure_request):
    """Everything a refused step must leave as it was."""
    disclosure_request.refresh_from_db()
    return (
        disclosure_request.status,
        disclosure_request.due_on,
        disclosure_request.outcome,
        ClockEvent.objects.filter(disclosure_request=disclosure_request).count(),
        AuditEntry.objects.count(),
        Decision.objects.count(),
        FeeNotice.objects.count(),
    )


def refused(call, disclosure_request, match):
    before = snapshot(disclosure_request)
    with pytest.raises(ApplicationError, match=match):
        call()
    assert snapshot(disclosure_request) == before


# --- intake ---------------------------------------------------------------------------------


def test_online_submission_waits_for_confirmation_and_mails_the_applicant(
    organisation, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        disclosure_request, access_code = services.disclosure_request_submit_online(
            data={"organisation": organisation.pk, **person_data()}
        )
    assert disclosure_request.status == DisclosureRequest.Status.PENDING_CONFIRMATION
    assert disclosure_request.received_on is None and disclosure_request.due_on is None
    assert disclosure_request.tracking_number == f"{organisation.code}-2024-00001"
    assert len(access_code) == 8 and access_code.isalnum()
    assert check_password(access_code, disclosure_request.access_code_hash)
    assert access_code not in disclosure_request.access_code_hash
    assert AuditEntry.objects.filter(action="disclosure_requests.request.submitted").count() == 1
    assert len(mailoutbox) == 1
    assert disclosure_request.tracking_number in mailoutbox[0].subject
    assert access_code not in mailoutbox[0].body


def test_online_submission_keeps_validated_attachments(organisation):
    upload = SimpleUploadedFile("身份证明.pdf", MINIMAL_PDF, content_type="application/pdf")
    disclosure_request, _ = services.disclosure_request_submit_online(
        data={"organisation": organisation, **person_data()}, attachments=[upload]
    )
    attachment = disclosure_request.attachments.get()
    assert attachment.original_name == "身份证明.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.size == len(MINIMAL_PDF)


def test_a_legal_person_applies_with_a_valid_credit_code(organisation):
    disclosure_request, _ = services.disclosure_request_submit_online(
        data={"organisation": organisation, **company_data(credit_code=valid_credit_code(42))}
    )
    assert disclosure_request.credit_code == valid_credit_code(42)
    assert disclosure_request.is_legal_person


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (person_data(id_number="110105198506150000"), "id_number", "GB 11643"),
        (person_data(id_number="110105198513450011"), "id_number", "居民身份证号码"),
        (company_data(credit_code="91110105000000042A"), "credit_code", "GB 32100"),
        (person_data(applicant_name=""), "applicant_name", "申请人姓名"),
        (
            person_data(information_title=""),
            "information_title",
            "名称、文号或者便于查询的其他特征性描述",
        ),
        (person_data(id_number=""), "id_number", "身份证件号码"),
        (company_data(contact_person=""), "contact_person", "联系人"),
        (person_data(phone="12345"), "phone", "联系电话"),
        (person_data(email="not-an-email"), "email", "电子邮箱"),
        (person_data(form_wanted=""), "form_wanted", "获取信息的形式"),
        (person_data(delivery_method="post", address=""), "address", "通信地址"),
    ],
)
def test_bad_applications_are_refused_with_a_clear_message_and_nothing_stored(
    organisation, data, field, message
):
    with pytest.raises(ApplicationError, match=message) as caught:
        services.disclosure_request_submit_online(data={"organisation": organisation, **data})
    assert field in caught.value.extra["errors"]
    assert not DisclosureRequest.objects.exists()
    assert not AuditEntry.objects.exists()
    # The refused submission took no number: the next one is still 00001.
    disclosure_request, _ = services.disclosure_request_submit_online(
        data={"organisation": organisation, **person_data()}
    )
    assert disclosure_request.tracking_number.endswith("-00001")


def test_submission_without_an_organisation_is_refused():
    with pytest.raises(ApplicationError, match="受理申请的行政机关"):
        services.disclosure_request_submit_online(data=person_data())
    assert not TrackingNumberSequence.objects.exists()


def test_in_person_application_is_received_the_day_submitted(organisation, coordinator):
    disclosure_request = services.disclosure_request_register(
        actor=coordinator,
        organisation=organisation,
        channel="in_person",
        received_on=TODAY,
        data=person_data(),
    )
    assert disclosure_request.status == DisclosureRequest.Status.IN_PROGRESS
    assert disclosure_request.received_on == TODAY
    assert disclosure_request.regime == "2019"
    assert disclosure_request.due_on == DUE_FROM_TODAY == add_working_days(TODAY, 20)
    assert len(disclosure_request.access_code) == 8
    event = disclosure_request.clock_events.get()
    assert event.kind == "received" and "第三十一条第（一）项" in event.data["rule"]


def test_signed_for_post_is_received_the_day_signed(organisation, coordinator):
    signed_on = dt.date(2024, 9, 18)
    disclosure_request = services.disclosure_request_register(
        actor=coordinator,
        organisation=organisation,
        channel="post_signed",
        signed_on=signed_on,
        data=person_data(),
    )
    assert disclosure_request.received_on == signed_on
    assert disclosure_request.due_on == add_working_days(signed_on, 20)


@pytest.mark.parametrize("channel", ["post_ordinary", "fax", "email"])
def test_unsigned_channels_wait_for_confirmation(organisation, coordinator, channel):
    disclosure_request = services.disclosure_request_register(
        actor=coordinator, organisation=organisation, channel=channel, data=person_data()
    )
    assert disclosure_request.status == DisclosureRequest.Status.PENDING_CONFIRMATION
    services.disclosure_request_confirm(
        actor=coordinator, disclosure_request=disclosure_request, confirmed_on=TODAY
    )
    assert disclosure_request.received_on == TODAY
    assert disclosure_request.due_on == DUE_FROM_TODAY


def test_the_receipt_date_must_follow_the_channel_rule(organisation, coordinator):
    with pytest.raises(ApplicationError, match="签收日期"):
        services.disclosure_request_register(
            actor=coordinator,
            organisation=organisation,
            channel="post_signed",
            received_on=TODAY,
            data=person_data(),
        )
    with pytest.raises(ApplicationError, match="提交日期"):
        services.disclosure_request_register(
            actor=coordinator, organisation=organisation, channel="in_person", data=person_data()
        )
    with pytest.raises(ApplicationError, match="不能晚于今天"):
        services.disclosure_request_register(
            actor=coordinator,
            organisation=organisation,
            channel="in_person",
            received_on=TODAY + dt.timedelta(days=1),
            data=person_data(),
        )
    assert not DisclosureRequest.objects.exists()


def test_an_old_paper_application_falls_under_the_2007_regime(organisation, coordinator):
    disclosure_request = services.disclosure_request_register(
        actor=coordinator,
        organisation=organisation,
        channel="in_person",
        received_on=dt.date(2019, 5, 14),
        data=person_data(),
    )
    assert disclosure_request.regime == "2007"
    assert disclosure_request.due_on == add_working_days(dt.date(2019, 5, 14), 15)
    assert disclosure_request.tracking_number.split("-")[1] == "2019"


def test_only_coordinators_register_and_confirm(organisation, handler):
    with pytest.raises(PermissionDeniedError):
        services.disclosure_request_register(
            actor=handler,
            organisation=organisation,
            channel="in_person",
            received_on=TODAY,
            data=person_data(),
        )
    pending = DisclosureRequestFactory(organisation=organisation, pending=True)
    refused(
        lambda: services.disclosure_request_confirm(
            actor=handler, disclosure_request=pending, confirmed_on=TODAY
        ),
        pending,
        "确认",
    )


def test_assignment_needs_a_handler_of_that_organisation(organisation, coordinator, handler):
    disclosure_request = received(organisation)
    outsider = staff_with_role(Role.HANDLER, OrganisationFactory())
    refused(
        lambda: services.disclosure_request_assign(
            actor=coordinator, disclosure_request=disclosure_request, handler=outsider
        ),
        disclosure_request,
        "不是该申请所属机构",
    )
    services.disclosure_request_assign(
        actor=coordinator, disclosure_request=disclosure_request, handler=handler
    )
    disclosure_request.refresh_from_db()
    assert disclosure_request.handler == handler
    with pytest.raises(PermissionDeniedError):
        services.disclosure_request_assign(
            actor=handler, disclosure_request=disclosure_request, handler=handler
        )


# --- 补正 -------------------------------------------------------------------------------------


def test_correction_stops_the_clock_and_restarts_it_from_the_corrected_application(
    organisation, handler
):
    disclosure_request = received(organisation, handler, on=dt.date(2024, 9, 18))
    services.disclosure_request_request_correction(
        actor=handler,
        disclosure_request=disclosure_request,
        items="请写明所需信息的文号或具体年份。",
        deadline_on=dt.date(2024, 10, 15),
        sent_on=dt.date(2024, 9, 19),
    )
    assert disclosure_request.status == DisclosureRequest.Status.AWAITING_CORRECTION
    assert disclosure_request.due_on is None
    services.disclosure_request_receive_correction(
        actor=handler, disclosure_request=disclosure_request, received_on=TODAY
    )
    assert disclosure_request.status == DisclosureRequest.Status.IN_PROGRESS
    assert disclosure_request.due_on == DUE_FROM_TODAY


def test_correction_may_be_asked_for_only_once(organisation, handler):
    disclosure_request = received(organisation, handler, on=dt.date(2024, 9, 18))
    services.disclosure_request_request_correction(
        actor=handler,
        disclosure_request=disclosure_request,
        items="请补充文号。",
        deadline_on=dt.date(2024, 10, 15),
        sent_on=dt.date(2024, 9, 19),
    )
    services.disclosure_request_receive_correction(
        actor=handler, disclosure_request=disclosure_request, received_on=TODAY
    )
    refused(
        lambda: services.disclosure_request_request_correction(
            actor=handler,
            disclosure_request=disclosure_request,
            items="再补充一次。",
            deadline_on=dt.date(2024, 10, 30),
        ),
        disclosure_request,
        "补正告知只能一次性发出",
    )


def test_a_late_correction_notice_is_recorded_with_a_warning(organisation, handler):
    disclosure_request = received(organisation, handler, on=dt.date(2024, 9, 2))
    # 7 working days after Sep 2 end on Sep 11; Sep 20 is late.
    services.disclosure_request_request_correction(
        actor=handler,
        disclosure_request=disclosure_request,
        items="请补充文号。",
        deadline_on=dt.date(2024, 10, 15),
    )
    event = disclosure_request.clock_events.get(kind="correction_requested")
    assert event.data["late_notice"] is True
    entry = AuditEntry.objects.get(action="disclosure_requests.request.correction_requested")
    assert entry.data["late_notice"] is True and entry.data["notice_due_on"] == "2024-09-11"


def test_a_missed_correction_ends_the_application(organisation, handler):
    disclosure_request = received(organisation, handler, on=dt.date(2024, 9, 2))
    services.disclosure_request_request_correction(
        actor=handler,
        disclosure_request=disclosure_request,
        items="请补充文号。",
        deadline_on=dt.date(2024, 9, 19),
        sent_on=dt.date(2024, 9, 3),
    )
    refused(
        lambda: services.disclosure_request_mark_correction_missed(
            actor=handler, disclosure_request=disclosure_request, on=dt.date(2024, 9, 19)
        ),
        disclosure_request,
        "尚未届满",
    )
    services.disclosure_request_mark_correction_missed(
        actor=handler, disclosure_request=disclosure_request
    )
    assert disclosure_request.status == DisclosureRequest.Status.CLOSED
    assert disclosure_request.outcome == "other_correction_overdue"
    assert disclosure_request.closed_on == TODAY


# --- consultation and extension --------------------------------------------------------------


def test_consultation_days_are_not_counted(organisation, handler):
    disclosure_request = received(organisation, handler, on=dt.date(2024, 9, 2))
    base_due_on = disclosure_request.due_on
    services.disclosure_request_start_consultation(
        actor=handler,
        disclosure_request=disclosure_request,
        party_kind="third_party",
        party_name="某化工有限公司",
        sent_on=dt.date(2024, 9, 10),
    )
    assert disclosure_request.status == DisclosureRequest.Status.IN_CONSULTATION
    services.disclosure_request_end_consultation(
        actor=handler,
        disclosure_request=disclosure_request,
        ended_on=dt.date(2024, 9, 13),
        opinion="不同意公开商业秘密部分。",
    )
    # Sep 11, 12, 13 are three paused working days: the due date moves three working days.
    assert disclosure_request.due_on == add_working_days(base_due_on, 3)
    assert disclosure_request.status == DisclosureRequest.Status.IN_PROGRESS


def test_extension_needs_an_approver_and_is_granted_once(organisation, handler, approver):
    disclosure_request = received(organisation, handler)
    refused(
        lambda: services.disclosure_request_extend(
            actor=handler, disclosure_request=disclosure_request, days=20, reason="需调取档案"
        ),
        disclosure_request,
        "负责人",
    )
    refused(
        lambda: services.disclosure_request_extend(
            actor=approver, disclosure_request=disclosure_request, days=21, reason="需调取档案"
        ),
        disclosure_request,
        "最长不得超过20个工作日",
    )
    services.disclosure_request_extend(
        actor=approver, disclosure_request=disclosure_request, days=20, reason="需调取档案"
    )
    assert disclosure_request.due_on == add_working_days(DUE_FROM_TODAY, 20)
    refused(
        lambda: services.disclosure_request_extend(
            actor=approver, disclosure_request=disclosure_request, days=5, reason="再延"
        ),
        disclosure_request,
        "只能延长一次",
    )


def test_the_applicant_is_told_of_the_extension(
    organisation, handler, approver, mailoutbox, django_capture_on_commit_callbacks
):
    disclosure_request = received(organisation, handler)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.disclosure_request_extend(
            actor=approver, disclosure_request=disclosure_request, days=10, reason="需调取档案"
        )
    assert len(mailoutbox) == 1
    assert "延期" in mailoutbox[0].subject
    assert "10个工作日" in mailoutbox[0].body and "需调取档案" in mailoutbox[0].body


def test_nothing_is_mailed_when_the_step_rolls_back(
    organisation, handler, approver, mailoutbox, django_capture_on_commit_callbacks
):
    disclosure_request = received(organisation, handler)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ApplicationError):
        services.disclosure_request_extend(
            actor=approver, disclosure_request=disclosure_request, days=99, reason="太长"
        )
    assert mailoutbox == []


# --- fees -----------------------------------------------------------------------------------


def test_a_fee_within_the_free_quota_is_refused(organisation, handler):
    disclosure_request = received(organisation, handler)
    refused(
        lambda: services.disclosure_request_issue_fee_notice(
            actor=handler, disclosure_request=disclosure_request, method="per_item"
        ),
        disclosure_request,
        "免费额度",
    )
    refused(
        lambda: services.disclosure_request_issue_fee_notice(
            actor=handler, disclosure_request=disclosure_request, method="per_page", pages=30
        ),
        disclosure_request,
        "免费额度",
    )


def test_per_page_fee_notice_and_payment(organisation, handler):
    disclosure_request = received(organisation, handler)
    fee_notice = services.disclosure_request_issue_fee_notice(
        actor=handler, disclosure_request=disclosure_request, method="per_page", pages=150
    )
    assert fee_notice.amount == Decimal("1700")
    assert fee_notice.due_on == add_working_days(TODAY, 20)
    assert "109号" in fee_notice.basis_text
    assert disclosure_request.status == DisclosureRequest.Status.AWAITING_FEE
    services.disclosure_request_record_fee_payment(
        actor=handler, disclosure_request=disclosure_request, paid_on=TODAY
    )
    fee_notice.refresh_from_db()
    assert fee_notice.status == FeeNotice.Status.PAID
    assert disclosure_request.status == DisclosureRequest.Status.IN_PROGRESS


def test_per_item_fee_counts_the_applicants_month(organisation, handler):
    number = valid_id_number(3)
    for _ in range(10):
        DisclosureRequestFactory(
            organisation=organisation, id_number=number, received_on=dt.date(2024, 9, 2)
        )
    # Another applicant and another month do not count.
    DisclosureRequestFactory(organisation=organisation, received_on=dt.date(2024, 9, 2))
    DisclosureRequestFactory(
        organisation=organisation, id_number=number, received_on=dt.date(2024, 8, 30)
    )
    eleventh = DisclosureRequestFactory(
        organisation=organisation, id_number=number, received_on=TODAY, handler=handler
    )
    assert services.applications_in_month_before(eleventh) == 10
    fee_notice = services.disclosure_request_issue_fee_notice(
        actor=handler, disclosure_request=eleventh, method="per_item"
    )
    assert fee_notice.amount == Decimal("100")


def test_unpaid_fee_ends_the_application(organisation, handler):
    disclosure_request = received(organisation, handler, on=dt.date(2024, 8, 1))
    with time_machine.travel(dt.datetime(2024, 8, 2, 10, tzinfo=SHANGHAI), tick=False):
        fee_notice = services.disclosure_request_issue_fee_notice(
            actor=handler, disclosure_request=disclosure_request, method="per_page", pages=40
        )
    assert fee_notice.due_on < TODAY
    services.disclosure_request_mark_fee_overdue(
        actor=handler, disclosure_request=disclosure_request
    )
    assert disclosure_request.outcome == "other_fee_overdue"
    assert disclosure_request.status == DisclosureRequest.Status.CLOSED


# --- decision, delivery ------------------------------------------------------------------------


def test_a_decision_without_legal_basis_is_refused(organisation, handler):
    disclosure_request = received(organisation, handler)
    refused(
        lambda: services.disclosure_request_draft_decision(
            actor=handler,
            disclosure_request=disclosure_request,
            outcome="disclose",
            legal_basis="   ",
        ),
        disclosure_request,
        "法律依据",
    )
    refused(
        lambda: services.disclosure_request_draft_decision(
            actor=handler,
            disclosure_request=disclosure_request,
            outcome="maybe",
            legal_basis="第三十六条",
        ),
        disclosure_request,
        "不在规定的答复类型中",
    )
    refused(
        lambda: services.disclosure_request_draft_decision(
            actor=handler,
            disclosure_request=disclosure_request,
            outcome="not_this_body",
            legal_basis="第三十六条第（五）项",
            reason_detail="该信息由市规划局制作。",
        ),
        disclosure_request,
        "负责公开该信息的行政机关",
    )


def test_decide_approve_deliver_closes_the_application(
    organisation, handler, approver, mailoutbox, django_capture_on_commit_callbacks
):
    disclosure_request = received(organisation, handler)
    decision = services.disclosure_request_draft_decision(
        actor=handler,
        disclosure_request=disclosure_request,
        outcome="disclose",
        legal_basis="《中华人民共和国政府信息公开条例》第三十六条第（二）项",
    )
    assert decision.status == Decision.Status.DRAFT
    assert "行政复议" in decision.remedies and "行政诉讼" in decision.remedies
    assert disclosure_request.status == DisclosureRequest.Status.AWAITING_APPROVAL
    with pytest.raises(PermissionDeniedError):
        services.disclosure_request_approve_decision(
            actor=handler, disclosure_request=disclosure_request
        )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.disclosure_request_approve_decision(
            actor=approver, disclosure_request=disclosure_request
        )
    assert disclosure_request.status == DisclosureRequest.Status.DECIDED
    assert disclosure_request.outcome == "disclose"
    assert "予以公开" in mailoutbox[0].body
    delivery = services.disclosure_request_record_delivery(
        actor=handler,
        disclosure_request=disclosure_request,
        method="email",
        delivered_on=TODAY,
        proof="电子邮件已发送，系统回执编号 20240920-001",
    )
    assert delivery.pk
    assert disclosure_request.status == DisclosureRequest.Status.CLOSED
    assert disclosure_request.closed_on == TODAY
    kinds = list(disclosure_request.clock_events.values_list("kind", flat=True))
    assert kinds == ["received", "answered", "delivered", "closed"]


def test_an_application_cannot_close_before_it_is_answered(organisation, handler):
    disclosure_request = received(organisation, handler)
    refused(
        lambda: services.disclosure_request_record_delivery(
            actor=handler,
            disclosure_request=disclosure_request,
            method="email",
            delivered_on=TODAY,
            proof="邮件",
        ),
        disclosure_request,
        "不能登记送达",
    )


# --- split, catalogue, letters ---------------------------------------------------------------


def test_split_gives_each_part_its_own_number_and_the_original_clock(organisation, handler):
    disclosure_request = received(organisation, handler, on=dt.date(2024, 9, 2))
    parts = services.disclosure_request_split(
        actor=handler,
        disclosure_request=disclosure_request,
        parts=[{"information_title": "环评批复"}, {"information_title": "验收报告"}],
    )
    prefix = f"{organisation.code}-2024-"
    assert [part.tracking_number for part in parts] == [f"{prefix}00002", f"{prefix}00003"]
    for part in parts:
        assert part.received_on == dt.date(2024, 9, 2)
        assert part.due_on == disclosure_request.due_on or part.due_on == add_working_days(
            dt.date(2024, 9, 2), 20
        )
        assert part.parent == disclosure_request and part.handler == handler
        assert part.id_number == disclosure_request.id_number
    assert disclosure_request.status == DisclosureRequest.Status.CLOSED
    refused(
        lambda: services.disclosure_request_split(
            actor=handler, disclosure_request=parts[0], parts=[{"information_title": "x"}] * 2
        ),
        parts[0],
        "不能再拆分",
    )
    single = received(organisation, handler)
    refused(
        lambda: services.disclosure_request_split(
            actor=handler, disclosure_request=single, parts=[{"information_title": "x"}]
        ),
        single,
        "至少需要两项",
    )


def test_disclosed_information_becomes_a_catalogue_draft(organisation, handler, approver):
    disclosure_request = received(organisation, handler)
    with pytest.raises(ApplicationError, match="予以公开或部分公开"):
        services.disclosure_request_publish_to_catalogue(
            actor=handler, disclosure_request=disclosure_request
        )
    services.disclosure_request_draft_decision(
        actor=handler, disclosure_request=disclosure_request, outcome="disclose",
        legal_basis="第三十六条第（二）项",
    )  # fmt: skip
    services.disclosure_request_approve_decision(
        actor=approver, disclosure_request=disclosure_request
    )
    item = services.disclosure_request_publish_to_catalogue(
        actor=handler, disclosure_request=disclosure_request
    )
    assert item.status == InformationItem.Status.DRAFT
    assert item.title == disclosure_request.information_title
    assert AuditEntry.objects.filter(
        action="disclosure_requests.request.published_to_catalogue"
    ).exists()


def test_letter_generate_stores_both_files(organisation, handler, approver):
    disclosure_request = received(organisation, handler)
    with pytest.raises(ApplicationError, match="尚未告知补正"):
        services.letter_generate(
            actor=handler, disclosure_request=disclosure_request, kind="correction_notice"
        )
    services.disclosure_request_extend(
        actor=approver, disclosure_request=disclosure_request, days=10, reason="需调取档案"
    )
    letter = services.letter_generate(
        actor=handler, disclosure_request=disclosure_request, kind="extension_notice"
    )
    assert Letter.objects.get() == letter
    assert letter.docx.read()[:2] == b"PK"
    assert letter.pdf.read()[:5] == b"%PDF-"
    outsider = staff_with_role(Role.HANDLER, OrganisationFactory())
    with pytest.raises(PermissionDeniedError):
        services.letter_generate(
            actor=outsider, disclosure_request=disclosure_request, kind="extension_notice"
        )
