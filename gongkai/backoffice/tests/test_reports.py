"""The annual-report pages of the back office: list, create, the report page, the narrative
editor, the workflow through the buttons, downloads and the deadline dashboard."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from gongkai.core.audit import entries_for
from gongkai.organisations.models import Organisation, Role
from gongkai.organisations.tests.factories import (
    OrganisationFactory,
    staff_with_role,
)
from gongkai.reports.models import AnnualReport
from gongkai.reports.tests.factories import application, published_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_2024")]

ENTERED_KEYS = (
    "rules.issued", "rules.repealed", "rules.in_force", "licensing.decisions",
    "penalties.decisions", "enforcement.decisions", "fees.amount_wan",
)  # fmt: skip


@pytest.fixture
def frozen_2024():
    with time_machine.travel(dt.datetime(2024, 1, 20, 10, 0), tick=False):
        yield


@pytest.fixture
def body():
    organisation = OrganisationFactory(name="测试市测试局", kind=Organisation.Kind.DEPARTMENT)
    application(organisation, received_on=dt.date(2023, 3, 1), closed_on=dt.date(2023, 3, 20))
    application(organisation, received_on=dt.date(2023, 12, 20))
    published_item(organisation, on=dt.date(2023, 5, 1))
    return organisation


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def people(body):
    publisher = staff_with_role(Role.PUBLISHER, body)
    return {
        "coordinator": _client(staff_with_role(Role.COORDINATOR, body)),
        "approver": _client(staff_with_role(Role.APPROVER, body)),
        "publisher": _client(publisher),
        "auditor": _client(staff_with_role(Role.AUDITOR, body)),
    }


def _create(client: Client, body: Organisation) -> AnnualReport:
    response = client.post(
        reverse("backoffice:report_create"),
        {"organisation": body.pk, "year": 2023, "format_code": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return AnnualReport.objects.get(organisation=body, year=2023)


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def _detail(client: Client, report: AnnualReport):
    return client.get(reverse("backoffice:report_detail", args=[report.pk]))


def test_create_chooses_the_format_of_the_year_and_opens_the_draft(body, people):
    report = _create(people["coordinator"], body)
    assert report.format_code == "national-2021"
    page = _detail(people["coordinator"], report)
    html = page.content.decode()
    assert page.status_code == 200
    # Every table with its official caption and scoped headers, the checks, the downloads.
    assert "<caption>" in html and 'scope="col"' in html
    assert "检查结果" in html and "尚未填报" in html
    for kind in ("html", "docx", "pdf", "xlsx", "md", "json"):
        assert reverse("backoffice:report_download", args=[report.pk, kind]) in html
    assert reverse("backoffice:report_narrative", args=[report.pk, "一"]) in html


def test_create_refuses_a_duplicate_and_a_future_year(body, people):
    _create(people["coordinator"], body)
    again = people["coordinator"].post(
        reverse("backoffice:report_create"),
        {"organisation": body.pk, "year": 2023, "format_code": "national-2021"},
    )
    assert again.status_code == 400 and "已经存在" in again.content.decode()
    future = people["coordinator"].post(
        reverse("backoffice:report_create"),
        {"organisation": body.pk, "year": 2030, "format_code": "national-2021"},
    )
    assert future.status_code == 400 and "无效" in future.content.decode()


def test_list_filters_by_year_and_organisation(body, people):
    report = _create(people["coordinator"], body)
    listed = people["auditor"].get(reverse("backoffice:report_list"), {"year": 2023})
    assert report in listed.context["reports"]
    empty = people["auditor"].get(reverse("backoffice:report_list"), {"year": 2020})
    assert list(empty.context["reports"]) == []


def test_narrative_editor_lists_placeholders_and_flags_typed_numbers(body, people):
    report = _create(people["coordinator"], body)
    url = reverse("backoffice:report_narrative", args=[report.pk, "一"])
    page = people["coordinator"].get(url)
    html = page.content.decode()
    assert "{catalogue.total}" in html and "{organisation.name}" in html
    keys = {row["key"]: row["value"] for row in page.context["placeholders"]}
    assert keys["catalogue.total"] == "1"
    assert keys["requests.new.total"] == "2"
    saved = people["coordinator"].post(
        url, {"text": "全年主动公开政府信息{catalogue.total}条，受理申请35件。"}, follow=True
    )
    assert "手工输入的数字" in _messages(saved)
    report.refresh_from_db()
    assert report.narrative["一"].startswith("全年主动公开政府信息{catalogue.total}条")
    html = saved.content.decode()
    assert "全年主动公开政府信息1条" in html  # rendered from the placeholder
    assert "“35”" in html  # flagged on the report page
    assert any(c["code"] == "narrative.hand_typed" for c in saved.context["warnings"])


def test_narrative_editor_refuses_an_unknown_section(body, people):
    report = _create(people["coordinator"], body)
    url = reverse("backoffice:report_narrative", args=[report.pk, "二"])  # a table section
    assert people["coordinator"].get(url).status_code == 404


def test_workflow_through_the_buttons(body, people):
    report = _create(people["coordinator"], body)
    figure_url = reverse("backoffice:report_entered_figure", args=[report.pk])
    refused = people["coordinator"].post(
        figure_url, {"key": "rules.issued", "value": "3", "source": ""}, follow=True
    )
    assert "来源" in _messages(refused)
    for key in ENTERED_KEYS:
        people["coordinator"].post(
            figure_url, {"key": key, "value": "0", "source": "本机关无此事项"}
        )
    report.refresh_from_db()
    assert report.entered_figures["rules.issued"] == {"value": "0", "source": "本机关无此事项"}
    page = _detail(people["coordinator"], report)
    assert "本机关无此事项" in page.content.decode()

    people["coordinator"].post(reverse("backoffice:report_submit", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.IN_REVIEW

    # The narrative drafts are bound to placeholders: no warnings after figures are entered,
    # so hand-type one to make the approver acknowledge it.
    approve_url = reverse("backoffice:report_approve", args=[report.pk])
    back = people["approver"].post(
        reverse("backoffice:report_return", args=[report.pk]), {"reason": "补充说明"}
    )
    assert back.status_code == 302
    people["coordinator"].post(
        reverse("backoffice:report_narrative", args=[report.pk, "六"]),
        {"text": "下一步将开展3次培训。"},
    )
    people["coordinator"].post(reverse("backoffice:report_submit", args=[report.pk]))
    without = people["approver"].post(approve_url, {}, follow=True)
    assert "提示" in _messages(without)
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.IN_REVIEW
    people["approver"].post(approve_url, {"acknowledge_warnings": "on"})
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.APPROVED
    assert any(w.startswith("narrative.hand_typed") for w in report.acknowledged_warnings)
    assert "已确认" in _detail(people["approver"], report).content.decode()

    published = people["publisher"].post(
        reverse("backoffice:report_publish", args=[report.pk]), follow=True
    )
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.PUBLISHED, _messages(published)
    assert report.published_item is not None

    correction = people["coordinator"].post(
        reverse("backoffice:report_correct", args=[report.pk]),
        {"change_note": "更正培训次数"},
        follow=True,
    )
    new = AnnualReport.objects.get(parent=report)
    assert new.version == 2 and new.change_note == "更正培训次数"
    assert correction.context["annual_report"] == new
    actions = set(entries_for(report).values_list("action", flat=True))
    assert {
        "reports.report.submitted",
        "reports.report.approved",
        "reports.report.published",
    } <= actions


def test_publishing_is_refused_while_an_error_stands_with_the_reasons(body, people):
    report = _create(people["coordinator"], body)
    figure_url = reverse("backoffice:report_entered_figure", args=[report.pk])
    for key in ENTERED_KEYS:
        people["coordinator"].post(figure_url, {"key": key, "value": "0", "source": "无"})
    people["coordinator"].post(reverse("backoffice:report_submit", args=[report.pk]))
    people["approver"].post(reverse("backoffice:report_approve", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.APPROVED
    # A record closed before it was received breaks 一+二 = 三（七）+四.
    application(body, received_on=dt.date(2023, 3, 1), closed_on=dt.date(2022, 12, 1))
    page = _detail(people["publisher"], report)
    assert "报告有错误，不能发布" in page.content.decode()
    refused = people["publisher"].post(
        reverse("backoffice:report_publish", args=[report.pk]), follow=True
    )
    assert "不能发布" in _messages(refused)
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.APPROVED


def test_downloads_in_every_output(body, people):
    report = _create(people["coordinator"], body)
    client = people["auditor"]
    html = client.get(reverse("backoffice:report_download", args=[report.pk, "html"]))
    assert html.status_code == 200 and "<table>" in html.content.decode()
    data = json.loads(
        client.get(reverse("backoffice:report_download", args=[report.pk, "json"])).content
    )
    assert data["organisation"]["name"] == "测试市测试局"
    for kind, magic in (("docx", b"PK"), ("xlsx", b"PK"), ("pdf", b"%PDF")):
        response = client.get(reverse("backoffice:report_download", args=[report.pk, kind]))
        assert response.status_code == 200, kind
        assert response.content.startswith(magic), kind
        assert "attachment" in response["Content-Disposition"]
    markdown = client.get(reverse("backoffice:report_download", args=[report.pk, "md"]))
    assert "测试市测试局2023年政府信息公开工作年度报告" in markdown.content.decode()
    assert (
        client.get(reverse("backoffice:report_download", args=[report.pk, "exe"])).status_code
        == 404
    )


def test_a_missing_renderer_is_a_message_not_a_crash(body, people, monkeypatch):
    from gongkai.backoffice.views import reports as views
    from gongkai.core.exceptions import ApplicationError

    def unavailable(data, kind):
        raise ApplicationError(f"输出格式“{kind}”尚未提供。")

    monkeypatch.setattr(views, "render_report", unavailable)
    report = _create(people["coordinator"], body)
    response = people["coordinator"].get(
        reverse("backoffice:report_download", args=[report.pk, "pdf"]), follow=True
    )
    assert "尚未提供" in _messages(response)


def test_deadline_dashboard_and_panel(body, people):
    government = OrganisationFactory(name="测试市人民政府", kind=Organisation.Kind.GOVERNMENT)
    staff = _client(staff_with_role(Role.AUDITOR, government))
    page = staff.get(reverse("backoffice:report_deadlines"))
    rows = {row.organisation.name: row for row in page.context["rows"]}
    assert page.context["year"] == 2023
    assert rows["测试市人民政府"].deadline.due_on == dt.date(2024, 3, 31)
    assert "第四十九条" in page.content.decode()
    # The department's own staff see their body, due 31 January 2024, 11 days ahead.
    own = people["auditor"].get(reverse("backoffice:report_deadlines"))
    (row,) = own.context["rows"]
    assert row.deadline.due_on == dt.date(2024, 1, 31) and row.days_left == 11
    dashboard = people["auditor"].get(reverse("backoffice:dashboard")).content.decode()
    assert "2023年度政府信息公开工作年度报告" in dashboard
    assert "1 个机关尚未公布" in dashboard
    older = people["auditor"].get(reverse("backoffice:report_deadlines"), {"year": 2015})
    (row,) = older.context["rows"]
    assert row.deadline.due_on == dt.date(2016, 3, 31)
    assert "第三十一条" in older.content.decode()


def test_other_organisations_reports_are_not_found(body, people):
    report = _create(people["coordinator"], body)
    other = OrganisationFactory(name="测试市其他局")
    outsider = _client(staff_with_role(Role.COORDINATOR, other))
    assert outsider.get(reverse("backoffice:report_detail", args=[report.pk])).status_code == 404
    assert outsider.post(reverse("backoffice:report_submit", args=[report.pk])).status_code == 404
