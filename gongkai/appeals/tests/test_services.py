"""Registering cases, recording decisions and documents: rules, permissions and the audit."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.appeals import services
from gongkai.appeals.models import AppealCase, AppealDocument, CaseKind, CaseResult
from gongkai.appeals.tests.factories import AppealCaseFactory
from gongkai.catalogue.tests.factories import MINIMAL_PDF
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.models import AuditEntry
from gongkai.disclosure_requests.tests.factories import DisclosureRequestFactory
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def _today_is_2_june_2025():
    with time_machine.travel(dt.datetime(2025, 6, 2, 10, tzinfo=SHANGHAI), tick=False):
        yield


@pytest.fixture
def organisation():
    return OrganisationFactory(name="测试市甲局")


@pytest.fixture
def coordinator(organisation):
    return staff_with_role(Role.COORDINATOR, organisation, username="coord")


def _register(actor, organisation, **overrides):
    fields = {
        "kind": CaseKind.ADMINISTRATIVE_REVIEW,
        "handling_body": "测试市人民政府",
        "filed_on": dt.date(2025, 3, 10),
        "accepted_on": dt.date(2025, 3, 12),
        "case_number": "测府行复〔2025〕12号",
    }
    fields.update(overrides)
    return services.appeal_case_create(actor=actor, organisation=organisation, **fields)


def test_register_links_the_application_computes_the_deadline_and_audits(
    organisation, coordinator
) -> None:
    disclosure_request = DisclosureRequestFactory(
        organisation=organisation, received_on=dt.date(2025, 1, 6)
    )
    case = _register(coordinator, organisation, disclosure_request=disclosure_request)
    assert case.is_pending and case.result_label == "尚未审结"
    # Accepted 12 March: +60 days = 11 May 2025, a Sunday -> Monday 12 May.
    assert case.decision_due_on == dt.date(2025, 5, 12)
    assert "第六十二条" in case.decision_due_basis
    entry = AuditEntry.objects.get(action="appeals.case.registered")
    assert entry.actor == coordinator and entry.organisation == organisation
    assert entry.data["disclosure_request"] == disclosure_request.pk


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"handling_body": "  "}, "请填写受理机关"),
        ({"kind": "appeal"}, "请选择案件类型"),
        ({"filed_on": dt.date(2025, 6, 3), "accepted_on": None}, "晚于今天"),
        ({"accepted_on": dt.date(2025, 3, 1)}, "不能早于提出日期"),
    ],
)
def test_bad_registrations_are_refused_and_nothing_is_saved(
    organisation, coordinator, overrides, message
) -> None:
    with pytest.raises(ApplicationError, match=message):
        _register(coordinator, organisation, **overrides)
    assert not AppealCase.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="appeals.").exists()


def test_the_application_must_be_this_bodys_and_earlier(organisation, coordinator) -> None:
    other = DisclosureRequestFactory(received_on=dt.date(2025, 1, 6))
    with pytest.raises(ApplicationError, match="不是本机关办理的申请"):
        _register(coordinator, organisation, disclosure_request=other)
    later = DisclosureRequestFactory(organisation=organisation, received_on=dt.date(2025, 4, 1))
    with pytest.raises(ApplicationError, match="早于该申请的提交日期"):
        _register(coordinator, organisation, disclosure_request=later)
    assert not AppealCase.objects.exists()


def test_lawsuit_after_review_links_only_a_review_of_the_same_body(
    organisation, coordinator
) -> None:
    review = _register(coordinator, organisation)
    lawsuit = _register(
        coordinator,
        organisation,
        kind=CaseKind.LITIGATION_AFTER_REVIEW,
        handling_body="测试市中级人民法院",
        filed_on=dt.date(2025, 5, 20),
        accepted_on=dt.date(2025, 5, 27),
        review_case=review,
    )
    # 6 months from 27 May: 27 November 2025 (a Thursday).
    assert lawsuit.decision_due_on == dt.date(2025, 11, 27)
    with pytest.raises(ApplicationError, match="复议后起诉"):
        _register(coordinator, organisation, kind=CaseKind.LITIGATION_DIRECT, review_case=review)
    foreign = AppealCaseFactory()
    with pytest.raises(ApplicationError, match="同一机关"):
        _register(
            coordinator,
            organisation,
            kind=CaseKind.LITIGATION_AFTER_REVIEW,
            review_case=foreign,
        )


def test_only_coordinators_and_approvers_register(organisation) -> None:
    for role in (Role.COORDINATOR, Role.APPROVER):
        user = staff_with_role(role, organisation, username=f"ok_{role}")
        assert _register(user, organisation).pk
    for role in (Role.HANDLER, Role.AUDITOR, Role.PUBLISHER, Role.ORG_ADMIN):
        user = staff_with_role(role, organisation, username=f"no_{role}")
        with pytest.raises(PermissionDeniedError):
            _register(user, organisation)
    other = OrganisationFactory()
    stranger = staff_with_role(Role.COORDINATOR, other, username="stranger")
    with pytest.raises(PermissionDeniedError):
        _register(stranger, organisation)


def test_record_decision_and_refusals(organisation, coordinator) -> None:
    case = _register(coordinator, organisation)
    with pytest.raises(ApplicationError, match="纠正措施"):
        services.appeal_case_record_decision(
            actor=coordinator,
            appeal_case=case,
            decided_on=dt.date(2025, 5, 6),
            result=CaseResult.CORRECTED,
        )
    with pytest.raises(ApplicationError, match="不能早于"):
        services.appeal_case_record_decision(
            actor=coordinator, appeal_case=case, decided_on=dt.date(2025, 3, 11), result="upheld"
        )
    with pytest.raises(ApplicationError, match="晚于今天"):
        services.appeal_case_record_decision(
            actor=coordinator, appeal_case=case, decided_on=dt.date(2025, 7, 1), result="upheld"
        )
    with pytest.raises(ApplicationError, match="请选择结果"):
        services.appeal_case_record_decision(
            actor=coordinator, appeal_case=case, decided_on=dt.date(2025, 5, 6), result="pending"
        )
    case.refresh_from_db()
    assert case.is_pending
    decided = services.appeal_case_record_decision(
        actor=coordinator,
        appeal_case=case,
        decided_on=dt.date(2025, 5, 6),
        result=CaseResult.CORRECTED,
        corrective_action="重新作出答复，公开所申请的信息。",
    )
    assert decided.result_label == "结果纠正"
    assert AuditEntry.objects.filter(action="appeals.case.decided").count() == 1
    with pytest.raises(ApplicationError, match="不能重复记录结果"):
        services.appeal_case_record_decision(
            actor=coordinator, appeal_case=case, decided_on=dt.date(2025, 5, 7), result="upheld"
        )


def test_update_recomputes_the_deadline_and_refuses_unknown_fields(
    organisation, coordinator
) -> None:
    case = _register(coordinator, organisation)
    updated = services.appeal_case_update(
        actor=coordinator, appeal_case=case, accepted_on=dt.date(2025, 3, 17)
    )
    assert updated.decision_due_on == dt.date(2025, 5, 16)
    entry = AuditEntry.objects.get(action="appeals.case.updated")
    assert entry.data["changed"]["accepted_on"] == ["2025-03-12", "2025-03-17"]
    with pytest.raises(ApplicationError, match="不能在此修改"):
        services.appeal_case_update(actor=coordinator, appeal_case=case, result="upheld")
    auditor = staff_with_role(Role.AUDITOR, organisation, username="aud")
    with pytest.raises(PermissionDeniedError):
        services.appeal_case_update(actor=auditor, appeal_case=case, case_number="x")


def test_documents_are_checked_like_catalogue_attachments(organisation, coordinator) -> None:
    case = _register(coordinator, organisation)
    document = services.appeal_document_add(
        actor=coordinator,
        appeal_case=case,
        uploaded_file=SimpleUploadedFile("决定书.pdf", MINIMAL_PDF),
        title="行政复议决定书",
    )
    assert document.content_type == "application/pdf" and document.size == len(MINIMAL_PDF)
    with pytest.raises(ApplicationError, match="可执行"):
        services.appeal_document_add(
            actor=coordinator,
            appeal_case=case,
            uploaded_file=SimpleUploadedFile("起诉状.pdf", b"MZ\x90\x00" + b"\x00" * 64),
        )
    assert AppealDocument.objects.count() == 1
    services.appeal_document_remove(actor=coordinator, document=document)
    assert not AppealDocument.objects.exists()
    actions = list(AuditEntry.objects.values_list("action", flat=True).order_by("id"))
    assert actions[-2:] == ["appeals.document.added", "appeals.document.removed"]
