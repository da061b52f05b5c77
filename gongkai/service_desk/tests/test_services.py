"""Evaluations on the four dimensions (1–5 each) and fault reports with time to resolve."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.service_desk import selectors, services, statistics
from gongkai.service_desk.models import FaultReport, ServiceEvaluation
from gongkai.service_desk.tests.factories import FaultReportFactory, ServiceEvaluationFactory

pytestmark = pytest.mark.django_db

# After every date the tests enter.
frozen_clock = frozen_clock_at(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI))
SCORES = {"attitude": 5, "quality": 4, "efficiency": 4, "conduct": 5}


def _evaluate(actor, organisation, **fields):
    data = {
        "evaluator_department": "市工商局窗口",
        "period_start": dt.date(2025, 1, 1),
        "period_end": dt.date(2025, 3, 31),
        "scores": SCORES,
        "evaluated_team": "咨询岗",
        **fields,
    }
    return services.service_evaluation_record(actor=actor, organisation=organisation, **data)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"scores": {**SCORES, "attitude": 6}}, "服务态度须为1至5分"),
        ({"scores": {**SCORES, "conduct": 0}}, "工作作风须为1至5分"),
        ({"scores": {"attitude": 5}}, "请为服务质量、办事效率、工作作风打分"),
        ({"period_end": dt.date(2024, 12, 1)}, "评价期止不能早于"),
        ({"evaluator_department": ""}, "请填写评价部门"),
        ({"evaluated_team": ""}, "被评价人员"),
    ],
)
def test_bad_evaluation_is_refused(fields, message) -> None:
    organisation = OrganisationFactory()
    handler = staff_with_role(Role.HANDLER, organisation)
    with pytest.raises(ApplicationError, match=message):
        _evaluate(handler, organisation, **fields)
    assert not ServiceEvaluation.objects.exists()


def test_evaluation_needs_the_manage_permission() -> None:
    organisation = OrganisationFactory()
    with pytest.raises(PermissionDeniedError):
        _evaluate(staff_with_role(Role.APPROVER, organisation), organisation)
    _evaluate(staff_with_role(Role.COORDINATOR, organisation), organisation)
    assert ServiceEvaluation.objects.count() == 1


@time_machine.travel(dt.datetime(2025, 3, 3, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False)
def test_fault_lifecycle_and_time_to_resolve() -> None:
    organisation = OrganisationFactory()
    handler = staff_with_role(Role.HANDLER, organisation)
    reported = timezone.make_aware(dt.datetime(2025, 3, 3, 9, 15))
    report = services.fault_report_record(
        actor=handler,
        organisation=organisation,
        reporting_department="市交委窗口",
        description="叫号机无声音。",
        reported_at=reported,
    )
    services.fault_report_start(actor=handler, fault_report=report)
    with pytest.raises(ApplicationError, match="只有待处理"):
        services.fault_report_start(actor=handler, fault_report=report)
    with pytest.raises(ApplicationError, match="不能早于申报时间"):
        services.fault_report_resolve(
            actor=handler,
            fault_report=report,
            resolution="已修复",
            resolved_at=reported - dt.timedelta(hours=1),
        )
    services.fault_report_resolve(actor=handler, fault_report=report, resolution="已更换喇叭。")
    loaded = selectors.fault_get_for_actor(actor=handler, pk=report.pk)
    assert loaded is not None and loaded.status == FaultReport.Status.RESOLVED
    assert loaded.time_to_resolve == dt.timedelta(hours=2, minutes=45)
    assert selectors.format_duration(loaded.time_to_resolve) == "2小时45分钟"
    with pytest.raises(ApplicationError, match="已经解决"):
        services.fault_report_resolve(actor=handler, fault_report=report, resolution="again")
    with pytest.raises(ApplicationError, match="请填写故障描述"):
        services.fault_report_record(
            actor=handler, organisation=organisation, reporting_department="x", description=" "
        )


def test_fault_lists_are_scoped() -> None:
    mine, other = OrganisationFactory(), OrganisationFactory()
    FaultReportFactory(organisation=mine)
    FaultReportFactory(organisation=other)
    viewer = staff_with_role(Role.AUDITOR, mine)
    assert [r.organisation for r in selectors.fault_list_for_actor(actor=viewer)] == [mine]


def test_statistics() -> None:
    organisation = OrganisationFactory()
    ServiceEvaluationFactory(organisation=organisation, attitude=5, quality=3)
    ServiceEvaluationFactory(organisation=organisation, attitude=4, quality=4)
    ServiceEvaluationFactory(
        organisation=organisation,
        period_start=dt.date(2024, 10, 1),
        period_end=dt.date(2024, 12, 31),
    )
    FaultReportFactory(organisation=organisation)
    FaultReportFactory(
        organisation=organisation,
        status="resolved",
        resolved_at=timezone.make_aware(dt.datetime(2025, 3, 3, 11, 0)),
    )
    figures = statistics.year_statistics(organisation_ids=[organisation.pk], year=2025)
    assert figures["service_desk.evaluations"] == 2
    assert figures["service_desk.avg_attitude_x100"] == 450
    assert figures["service_desk.avg_quality_x100"] == 350
    assert figures["service_desk.faults"] == 2
    assert figures["service_desk.faults_resolved"] == 1
