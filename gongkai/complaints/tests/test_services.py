"""Complaint rules: deadline from the organisation's working days, routing, reply, rating 1–5,
gap-free numbers; bad input is refused with a clear message and changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.complaints import selectors, services, statistics
from gongkai.complaints.models import Complaint
from gongkai.complaints.tests.factories import ACCESS_CODE, ComplaintFactory
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.models import AuditEntry
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2025, 9, 26, 10, 0)


def _submit(organisation, **fields):
    data = {"kind": "complaint", "subject": "排队久", "content": "等了两小时。", **fields}
    return services.complaint_submit(organisation=organisation, **data)


@time_machine.travel(NOW, tick=False)
def test_deadline_uses_the_organisations_working_days_across_the_national_day() -> None:
    organisation = OrganisationFactory()
    complaint, code = _submit(organisation)
    # Friday 26 September 2025: 15 working days skip 1–8 October and count Sunday 28 September
    # and Saturday 11 October (make-up days).
    assert complaint.received_on == dt.date(2025, 9, 26)
    assert complaint.due_on == dt.date(2025, 10, 23)
    assert len(code) == 8 and code not in complaint.access_code_hash

    coordinator = staff_with_role(Role.COORDINATOR, organisation)
    services.complaint_settings_update(
        actor=coordinator, organisation=organisation, answer_working_days=5
    )
    second, _code = _submit(organisation)
    assert second.due_on == dt.date(2025, 10, 10)
    assert [complaint.tracking_number[-5:], second.tracking_number[-5:]] == ["00001", "00002"]


@pytest.mark.parametrize("days", [0, -3, 61, "abc"])
def test_settings_refuse_bad_working_days(days) -> None:
    organisation = OrganisationFactory()
    coordinator = staff_with_role(Role.COORDINATOR, organisation)
    with pytest.raises(ApplicationError):
        services.complaint_settings_update(
            actor=coordinator, organisation=organisation, answer_working_days=days
        )
    assert services.answer_working_days(organisation) == 15


@time_machine.travel(NOW, tick=False)
def test_bad_submission_lists_every_problem_and_saves_nothing() -> None:
    organisation = OrganisationFactory()
    with pytest.raises(ApplicationError) as error:
        _submit(organisation, kind="rant", subject=" ", content="", contact_email="x@")
    assert set(error.value.extra["errors"]) == {"kind", "subject", "content", "contact_email"}
    assert not Complaint.objects.exists()
    assert not AuditEntry.objects.exists()
    # The number was given back: the next complaint is still the first of the year.
    complaint, _code = _submit(organisation)
    assert complaint.tracking_number.endswith("-2025-00001")


@pytest.mark.parametrize("rating", [0, 6, -1, "4.5", "五", None, ""])
def test_rating_outside_one_to_five_is_refused(rating) -> None:
    complaint = ComplaintFactory(status="answered", reply="已处理", replied_on=dt.date(2025, 3, 5))
    with pytest.raises(ApplicationError, match="满意度须为1至5的整数"):
        services.complaint_rate(complaint=complaint, satisfaction=rating)
    complaint.refresh_from_db()
    assert complaint.satisfaction is None
    assert not AuditEntry.objects.filter(action="complaints.complaint.rated").exists()


def test_rating_only_after_reply_and_only_once() -> None:
    complaint = ComplaintFactory()
    with pytest.raises(ApplicationError, match="答复之后"):
        services.complaint_rate(complaint=complaint, satisfaction=5)
    handler = staff_with_role(Role.HANDLER, complaint.organisation)
    with time_machine.travel(dt.datetime(2025, 3, 10, 9, 0), tick=False):
        services.complaint_reply(actor=handler, complaint=complaint, reply="已增开窗口。")
    services.complaint_rate(complaint=complaint, satisfaction="5")
    with pytest.raises(ApplicationError, match="重复评价"):
        services.complaint_rate(complaint=complaint, satisfaction=1)
    complaint.refresh_from_db()
    assert complaint.satisfaction == 5


@time_machine.travel(NOW, tick=False)
def test_route_and_reply_rules_and_permissions() -> None:
    organisation = OrganisationFactory()
    department = OrganisationFactory(parent=organisation)
    complaint = ComplaintFactory(
        organisation=organisation, received_on=dt.date(2025, 9, 1), due_on=dt.date(2025, 9, 22)
    )
    auditor = staff_with_role(Role.AUDITOR, organisation)
    with pytest.raises(PermissionDeniedError):
        services.complaint_reply(actor=auditor, complaint=complaint, reply="好")
    handler = staff_with_role(Role.HANDLER, organisation)
    services.complaint_route(actor=handler, complaint=complaint, department=department)
    # Staff of the department it was routed to now reach it.
    department_handler = staff_with_role(Role.HANDLER, department)
    assert selectors.complaint_get_for_actor(actor=department_handler, pk=complaint.pk)
    with pytest.raises(ApplicationError, match="请填写答复内容"):
        services.complaint_reply(actor=department_handler, complaint=complaint, reply="  ")
    with pytest.raises(ApplicationError, match="不能晚于今天"):
        services.complaint_reply(
            actor=department_handler,
            complaint=complaint,
            reply="好",
            replied_on=dt.date(2025, 12, 1),
        )
    services.complaint_reply(actor=department_handler, complaint=complaint, reply="已整改。")
    with pytest.raises(ApplicationError, match="已经答复"):
        services.complaint_reply(actor=department_handler, complaint=complaint, reply="再答")
    with pytest.raises(ApplicationError, match="不能再转办"):
        services.complaint_route(actor=handler, complaint=complaint, department=organisation)
    assert list(
        AuditEntry.objects.filter(object_id=str(complaint.pk)).values_list("action", flat=True)
    ) == ["complaints.complaint.replied", "complaints.complaint.routed"]


def test_complainant_lookup_needs_number_and_code() -> None:
    complaint = ComplaintFactory()
    found = selectors.complaint_get_for_complainant(
        tracking_number=complaint.tracking_number.lower(), access_code=ACCESS_CODE.lower()
    )
    assert found == complaint
    assert (
        selectors.complaint_get_for_complainant(
            tracking_number=complaint.tracking_number, access_code="WRONG123"
        )
        is None
    )


def test_statistics_count_by_kind_outcome_and_satisfaction() -> None:
    organisation = OrganisationFactory()
    other = OrganisationFactory()
    today = dt.date(2025, 12, 31)
    common = {"organisation": organisation, "received_on": dt.date(2025, 3, 3)}
    ComplaintFactory(**common, kind="complaint", replied_on=dt.date(2025, 3, 10), satisfaction=5)
    ComplaintFactory(**common, kind="complaint", replied_on=dt.date(2025, 4, 30), satisfaction=2)
    ComplaintFactory(**common, kind="suggestion")  # unanswered, past due
    ComplaintFactory(**common, kind="praise", replied_on=dt.date(2025, 3, 4))
    ComplaintFactory(organisation=organisation, received_on=dt.date(2024, 3, 4))
    ComplaintFactory(organisation=other, received_on=dt.date(2025, 3, 3))
    figures = statistics.year_statistics(organisation_ids=[organisation.pk], year=2025, today=today)
    assert figures == {
        "complaints.received": 4,
        "complaints.complaint": 2,
        "complaints.suggestion": 1,
        "complaints.praise": 1,
        "complaints.answered": 3,
        "complaints.overdue": 2,
        "complaints.rated": 2,
        "complaints.avg_satisfaction_x100": 350,
    }
    assert statistics.complaints_by_kind(organisation_ids=[organisation.pk], year=2025) == {
        "complaint": 2,
        "suggestion": 1,
        "praise": 1,
    }


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["complaint", "suggestion", "praise"]), max_size=12))
def test_kinds_always_add_up_to_received(kinds: list[str]) -> None:
    organisation = OrganisationFactory()
    for kind in kinds:
        ComplaintFactory(organisation=organisation, kind=kind)
    figures = statistics.year_statistics(organisation_ids=[organisation.pk], year=2025)
    assert figures["complaints.received"] == len(kinds)
    assert sum(figures[f"complaints.{k}"] for k in ("complaint", "suggestion", "praise")) == len(
        kinds
    )
