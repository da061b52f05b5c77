import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from gongkai.catalogue.models import InformationItem
from gongkai.core.audit import entries_for
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import (
    OrganisationFactory,
    staff_with_role,
)
from gongkai.reports import charts, selectors, services
from gongkai.reports.models import AnnualReport, HistoricalStatistic
from gongkai.reports.tests.factories import application, published_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_2024")]


@pytest.fixture
def frozen_2024():
    with time_machine.travel(dt.datetime(2024, 1, 20, 10, 0), tick=False):
        yield


@pytest.fixture
def body():
    organisation = OrganisationFactory(name="测试市测试局")
    application(organisation, received_on=dt.date(2023, 3, 1), closed_on=dt.date(2023, 3, 20))
    application(organisation, received_on=dt.date(2023, 12, 20))
    published_item(organisation, on=dt.date(2023, 5, 1))
    return organisation


@pytest.fixture
def people(body):
    coordinator = staff_with_role(Role.COORDINATOR, body)
    approver = staff_with_role(Role.APPROVER, body)
    publisher = staff_with_role(Role.PUBLISHER, body)
    return {"coordinator": coordinator, "approver": approver, "publisher": publisher}


def _enter_all(report, actor):
    for key in ("rules.issued", "rules.repealed", "rules.in_force", "licensing.decisions",
                "penalties.decisions", "enforcement.decisions", "fees.amount_wan"):  # fmt: skip
        report = services.report_set_entered_figure(
            actor=actor, annual_report=report, key=key, value="0", source="本机关无此事项"
        )
    return report


def _approved(body, people):
    report = services.report_create(
        actor=people["coordinator"], organisation=body, year=2023, format_code="national-2021"
    )
    report = _enter_all(report, people["coordinator"])
    report = services.report_submit(actor=people["coordinator"], annual_report=report)
    return services.report_approve(actor=people["approver"], annual_report=report)


def test_the_draft_starts_from_placeholders_not_numbers(body, people):
    report = services.report_create(
        actor=people["coordinator"], organisation=body, year=2023, format_code="national-2021"
    )
    assert "{catalogue.total}" in report.narrative["一"]
    assert set(report.narrative) == {"一", "五", "六"}
    assert entries_for(report).filter(action="reports.report.created").exists()


def test_workflow_publishes_a_frozen_snapshot_and_a_catalogue_item(body, people):
    report = _approved(body, people)
    assert report.approved_by == people["approver"]
    report = services.report_publish(actor=people["publisher"], annual_report=report)
    assert report.status == AnnualReport.Status.PUBLISHED
    item = report.published_item
    assert item.status == InformationItem.Status.PUBLISHED
    assert item.title == "测试市测试局2023年政府信息公开工作年度报告"
    assert item.genre == InformationItem.Genre.REPORT
    assert report.snapshot is not None
    assert report.snapshot["statistics"]["requests.new.total"] == 2
    # Later records do not change the published report.
    application(body, received_on=dt.date(2023, 6, 1))
    frozen = services.report_data(AnnualReport.objects.get(pk=report.pk))
    assert frozen["statistics"]["requests.new.total"] == 2
    actions = set(entries_for(report).values_list("action", flat=True))
    assert {
        "reports.report.submitted",
        "reports.report.approved",
        "reports.report.published",
    } <= actions


def test_the_charts_earlier_years_are_frozen_with_the_published_report(body, people):
    HistoricalStatistic.objects.create(
        organisation=body, year=2022, key="requests.new.total", value=Decimal("5")
    )
    report = services.report_publish(
        actor=people["publisher"], annual_report=_approved(body, people)
    )
    assert report.snapshot is not None
    frozen = {(e["year"], e["key"]): e["value"] for e in report.snapshot["history"]}
    assert Decimal(frozen[(2022, "requests.new.total")]) == 5
    # A later import for 2022 does not redraw the published 2023 report.
    HistoricalStatistic.objects.filter(organisation=body, year=2022).update(value=Decimal("50"))
    data = services.report_data(AnnualReport.objects.get(pk=report.pk))
    assert charts.history_for(data)[2022]["requests.new.total"].value == 5


def test_warnings_need_the_approvers_acknowledgement(body, people):
    report = services.report_create(
        actor=people["coordinator"], organisation=body, year=2023, format_code="national-2021"
    )
    report = services.report_submit(actor=people["coordinator"], annual_report=report)
    with pytest.raises(ApplicationError, match="提示"):
        services.report_approve(actor=people["approver"], annual_report=report)
    report = services.report_approve(
        actor=people["approver"], annual_report=report, acknowledge_warnings=True
    )
    assert any(w.startswith("entered.missing.") for w in report.acknowledged_warnings)
    entry = entries_for(report).get(action="reports.report.approved")
    assert entry.data["acknowledged_warnings"] == report.acknowledged_warnings


def test_submitting_is_refused_while_an_error_stands(body, people):
    application(body, received_on=dt.date(2023, 3, 1), closed_on=dt.date(2022, 12, 1))
    report = services.report_create(
        actor=people["coordinator"], organisation=body, year=2023, format_code="national-2021"
    )
    with pytest.raises(ApplicationError, match="错误"):
        services.report_submit(actor=people["coordinator"], annual_report=report)


def test_publishing_is_refused_when_records_now_break_an_identity(body, people):
    report = _approved(body, people)
    application(body, received_on=dt.date(2023, 3, 1), closed_on=dt.date(2022, 12, 1))
    with pytest.raises(ApplicationError, match="不能发布"):
        services.report_publish(actor=people["publisher"], annual_report=report)
    assert AnnualReport.objects.get(pk=report.pk).status == AnnualReport.Status.APPROVED


def test_a_correction_is_a_new_version_and_both_are_kept(body, people):
    published = services.report_publish(
        actor=people["publisher"], annual_report=_approved(body, people)
    )
    with pytest.raises(ApplicationError, match="更正说明"):
        services.report_correct(
            actor=people["coordinator"], annual_report=published, change_note=" "
        )
    correction = services.report_correct(
        actor=people["coordinator"], annual_report=published, change_note="更正表三数据"
    )
    assert (correction.version, correction.parent, correction.status) == (2, published, "draft")
    assert correction.narrative == published.narrative
    correction = services.report_submit(actor=people["coordinator"], annual_report=correction)
    correction = services.report_approve(actor=people["approver"], annual_report=correction)
    correction = services.report_publish(actor=people["publisher"], annual_report=correction)
    assert "更正" in correction.published_item.title
    assert list(selectors.annual_report_published_list(organisation=body)) == [
        correction,
        published,
    ]


def test_permissions(body, people):
    handler = staff_with_role(Role.HANDLER, body)
    with pytest.raises(PermissionDeniedError):
        services.report_create(
            actor=handler, organisation=body, year=2023, format_code="national-2021"
        )
    report = services.report_create(
        actor=people["coordinator"], organisation=body, year=2023, format_code="national-2021"
    )
    report = services.report_submit(actor=people["coordinator"], annual_report=report)
    with pytest.raises(PermissionDeniedError):
        services.report_approve(
            actor=people["coordinator"], annual_report=report, acknowledge_warnings=True
        )
    report = services.report_approve(
        actor=people["approver"], annual_report=report, acknowledge_warnings=True
    )
    # Drafting the report does not give the right to publish it.
    with pytest.raises(PermissionDeniedError):
        services.report_publish(actor=people["coordinator"], annual_report=report)
    outsider = staff_with_role(Role.COORDINATOR, OrganisationFactory())
    assert selectors.annual_report_get(actor=outsider, pk=report.pk) is None
    assert selectors.annual_report_get(actor=handler, pk=report.pk) == report


def test_bad_input_to_services(body, people):
    coordinator = people["coordinator"]
    with pytest.raises(ApplicationError, match="未知的报告格式"):
        services.report_create(actor=coordinator, organisation=body, year=2023, format_code="x")
    report = services.report_create(
        actor=coordinator, organisation=body, year=2023, format_code="national-2021"
    )
    with pytest.raises(ApplicationError, match="已经存在"):
        services.report_create(
            actor=coordinator, organisation=body, year=2023, format_code="national-2021"
        )
    with pytest.raises(ApplicationError, match="不是有效数字"):
        services.report_set_entered_figure(
            actor=coordinator,
            annual_report=report,
            key="licensing.decisions",
            value="十二",
            source="x",
        )
    with pytest.raises(ApplicationError, match="来源"):
        services.report_set_entered_figure(
            actor=coordinator,
            annual_report=report,
            key="licensing.decisions",
            value="12",
            source="",
        )
    with pytest.raises(ApplicationError, match="没有填报项"):
        services.report_set_entered_figure(
            actor=coordinator, annual_report=report, key="nope", value="1", source="x"
        )
    with pytest.raises(ApplicationError, match="可编辑的正文"):
        services.report_update_narrative(
            actor=coordinator, annual_report=report, section_code="三", text="x"
        )


def test_narrative_lines_are_stored_with_plain_line_feeds(body, people):
    report = services.report_create(
        actor=people["coordinator"], organisation=body, year=2023, format_code="national-2021"
    )
    report = services.report_update_narrative(
        actor=people["coordinator"],
        annual_report=report,
        section_code="六",
        text="第一段。\r\n第二段。\r第三段。",
    )
    assert report.narrative["六"] == "第一段。\n第二段。\n第三段。"


def test_last_years_published_figure_is_checked_against_this_years(body, people):
    published = services.report_publish(
        actor=people["publisher"], annual_report=_approved(body, people)
    )
    snapshot = dict(published.snapshot)
    snapshot["statistics"] = {**snapshot["statistics"], "requests.carried_forward.total": 5}
    AnnualReport.objects.filter(pk=published.pk).update(snapshot=snapshot)
    previous = selectors.previous_year(body, 2024, False)
    assert previous.values["requests.carried_forward.total"] == 5
    from gongkai.reports.build import build_report

    data = build_report(organisation=body, year=2024, format_code="national-2021",
                        previous_lookup=selectors.previous_year, run_auditor=False)  # fmt: skip
    mismatch = [c for c in data["checks"] if c["code"] == "carried_over.total"]
    assert mismatch and mismatch[0]["severity"] == "error"
    assert (mismatch[0]["stated"], mismatch[0]["expected"]) == ("1", "5")


def test_historical_statistics_import(body, people):
    rows = services.historical_statistics_import(
        actor=people["coordinator"], organisation=body, year=2009, source="2009年度报告",
        figures={"catalogue.total": 81, "web.page_views": {"value": 100000, "approximate": True}},
    )  # fmt: skip
    assert len(rows) == 2
    web = HistoricalStatistic.objects.get(organisation=body, year=2009, key="web.page_views")
    assert web.approximate and web.value == 100000
    services.historical_statistics_import(
        actor=people["coordinator"], organisation=body, year=2009,
        figures=[{"key": "catalogue.total", "value": "82"}],
    )  # fmt: skip
    assert (
        HistoricalStatistic.objects.get(organisation=body, year=2009, key="catalogue.total").value
        == 82
    )
    with pytest.raises(ApplicationError, match="不是有效数字"):
        services.historical_statistics_import(
            actor=people["coordinator"], organisation=body, year=2009, figures={"x": "很多"}
        )
    with pytest.raises(PermissionDeniedError):
        services.historical_statistics_import(
            actor=people["approver"], organisation=body, year=2009, figures={"x": 1}
        )
