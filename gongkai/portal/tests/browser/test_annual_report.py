"""The 政府信息公开工作年度报告 workflow in a real browser: the 公开办 drafts the report from the
year's records, completes it and submits it, the approver approves it, the publisher publishes
it, and the public reads and downloads it on the portal and checks a report's figures with the
public auditor.

Same Chromium as test_search_and_open_item (Debian's /usr/bin/chromium through Playwright).
The clock is pinned to January of the following year, before a department's statutory
deadline (31 January), so the create form offers last year by default.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import pytest
import time_machine

from gongkai.catalogue.models import InformationItem
from gongkai.core.audit import entries_for
from gongkai.organisations.models import Organisation, Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.portal.tests.browser.staff import sign_in
from gongkai.reports.models import AnnualReport
from gongkai.reports.tests.factories import application, published_item

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Monday 2025-01-13, 09:00 in Beijing; time moves on from there.
START = "2025-01-13 09:00:00+08:00"
YEAR = 2024
ORGANISATION = "示范市生态环境局"
TITLE = f"{ORGANISATION}{YEAR}年政府信息公开工作年度报告"

# The national-2021 figures the system does not hold: (label on the page, value, source).
ENTERED = (
    ("规章本年制发件数", "0", "本局不具有规章制定权"),
    ("规章本年废止件数", "0", "本局不具有规章制定权"),
    ("现行有效规章件数", "0", "本局不具有规章制定权"),
    ("行政许可本年处理决定数量", "126", "本局行政审批科台账"),
    ("行政处罚本年处理决定数量", "35", "本局执法支队案件系统"),
    ("行政强制本年处理决定数量", "4", "本局执法支队案件系统"),
    ("行政事业性收费本年收费金额", "0", "本局无行政事业性收费项目"),
)

INCONSISTENT = (
    "本年度主动公开政府信息81条。机构职能类3条，占总数的3.7%；规章制度类12条，占总数的14.8%；"
    "业务类61条，占总数的81.5%。"
)
CONSISTENT = (
    "本年度主动公开政府信息81条。机构职能类3条，占总数的3.7%；规章制度类12条，占总数的14.8%；"
    "业务类66条，占总数的81.5%。"
)


def _open_report_from_navigation(page: Any) -> None:
    """工作台导航 › 年度报告 › the year's report, as staff find it."""
    from playwright.sync_api import expect

    page.get_by_role("navigation", name="工作台导航").get_by_role("link", name="年度报告").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("政府信息公开工作年度报告")
    page.get_by_role("main").get_by_role("link", name=TITLE, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)


def _expect_message(page: Any, text: str) -> None:
    """The success or error note in the page's one status area."""
    from playwright.sync_api import expect

    expect(page.get_by_role("status").filter(has_text=text)).to_have_count(1)


def _download(page: Any, link_name: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name, exact=True).click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


@pytest.mark.slow(
    reason="the whole annual-report workflow through a browser, as four people: draft, narrative, "
    "entered figures, approval, publication, the portal's downloads and the public auditor"
)
def test_draft_approve_publish_read_and_audit_an_annual_report(
    live_server: Any, new_page: Any
) -> None:
    from playwright.sync_api import expect

    with time_machine.travel(START, tick=True):
        government = OrganisationFactory(name="示范市人民政府", kind=Organisation.Kind.GOVERNMENT)
        organisation = OrganisationFactory(
            name=ORGANISATION, parent=government, kind=Organisation.Kind.DEPARTMENT
        )
        staff_with_role(Role.COORDINATOR, organisation, username="gkb", full_name="公开办小林")
        staff_with_role(Role.APPROVER, organisation, username="fuzeren", full_name="负责人老张")
        staff_with_role(Role.PUBLISHER, organisation, username="fabu", full_name="发布员小赵")
        # The year's applications: two answered (a person, a company), one carried into 2025.
        application(organisation, received_on=dt.date(2024, 3, 4), closed_on=dt.date(2024, 3, 22))
        application(
            organisation,
            received_on=dt.date(2024, 6, 3),
            closed_on=dt.date(2024, 6, 21),
            applicant_type="commercial",
        )
        application(organisation, received_on=dt.date(2024, 12, 23))
        # The year's catalogue, and an item of the year before that must not count.
        for on in (dt.date(2024, 2, 1), dt.date(2024, 5, 10), dt.date(2024, 9, 2)):
            published_item(organisation, on=on)
        published_item(organisation, on=dt.date(2023, 11, 1))
        base = live_server.url

        # 1. The 公开办 drafts the report from the records.
        coordinator = new_page()
        sign_in(coordinator, base, "gkb")
        coordinator.get_by_role("navigation", name="工作台导航").get_by_role(
            "link", name="年度报告"
        ).click()
        expect(coordinator.get_by_role("heading", level=1)).to_have_text("政府信息公开工作年度报告")
        expect(coordinator.get_by_text("没有年度报告。")).to_be_visible()
        coordinator.get_by_role("link", name="编制年度报告").click()
        expect(coordinator).to_have_url(re.compile(r"/staff/reports/new/$"))
        expect(coordinator.get_by_role("heading", level=1)).to_have_text("编制年度报告")
        coordinator.get_by_label("机构").select_option(label=ORGANISATION)
        expect(coordinator.get_by_label("报告年度")).to_have_value(str(YEAR))
        coordinator.get_by_role("button", name="生成草稿").click()

        expect(coordinator.get_by_role("heading", level=1)).to_have_text(TITLE)
        _expect_message(coordinator, "已生成年度报告草稿。")
        expect(coordinator.locator("#report-status")).to_have_text("草稿")
        report = AnnualReport.objects.get(organisation=organisation, year=YEAR)
        assert report.format_code == "national-2021"

        # Table 三 counts the year's applications by applicant type (the last column is 总计).
        table_three = coordinator.get_by_role("table", name="收到和处理政府信息公开申请情况")
        expected_rows = {
            "一、本年新收政府信息公开申请数量": ["2", "1", "0", "0", "0", "0", "3"],
            "（一）予以公开": ["1", "1", "0", "0", "0", "0", "2"],
            "（七）总计": ["1", "1", "0", "0", "0", "0", "2"],
            "四、结转下年度继续办理": ["1", "0", "0", "0", "0", "0", "1"],
        }
        for label, cells in expected_rows.items():
            row = table_three.get_by_role("row").filter(
                has=coordinator.get_by_role("rowheader", name=label, exact=True)
            )
            expect(row.get_by_role("cell")).to_have_text(cells)
        # The overview's figures come from the same records.
        overview = coordinator.get_by_role("article", name=re.compile("一、总体情况"))
        expect(overview).to_contain_text("全年主动公开政府信息3条")
        expect(overview).to_contain_text("全年新收政府信息公开申请3件")
        expect(coordinator.get_by_role("heading", name=re.compile("检查结果"))).to_contain_text(
            "错误 0 项"
        )

        # 2. The 公开办 rewrites section 六 in the narrative editor; a typed number is flagged.
        other = coordinator.get_by_role("article", name=re.compile("六、其他需要报告的事项"))
        other.get_by_role("link", name="编辑").click()
        expect(coordinator.get_by_role("heading", level=1)).to_have_text(
            "编辑正文：六、其他需要报告的事项"
        )
        expect(
            coordinator.get_by_role("region", name="可用的占位符").get_by_role(
                "cell", name="{catalogue.total}"
            )
        ).to_be_visible()
        coordinator.get_by_role("textbox", name="正文").fill(
            "依据《政府信息公开信息处理费管理办法》，本年度发出收取信息处理费通知"
            "{requests.fees.notices}件，实际收取信息处理费{requests.fees.collected}元。\n"
            "本年度举办政府信息公开业务培训2期。"
        )
        coordinator.get_by_role("button", name="保存").click()
        expect(coordinator.get_by_role("heading", level=1)).to_have_text(TITLE)
        _expect_message(coordinator, "已保存。正文中有1处手工输入的数字，请改用占位符。")
        other = coordinator.get_by_role("article", name=re.compile("六、其他需要报告的事项"))
        expect(other).to_contain_text("本年度发出收取信息处理费通知0件")
        expect(other.get_by_role("note")).to_contain_text("“2”")

        # 3. The 公开办 enters the figures the system does not hold, each with its source.
        entered = coordinator.get_by_role("region", name=re.compile("填报数据"))
        for label, value, source in ENTERED:
            entered.get_by_label(f"{label} 数值", exact=True).fill(value)
            entered.get_by_label(f"{label} 来源", exact=True).fill(source)
            row = entered.get_by_role("row").filter(
                has=coordinator.get_by_role("rowheader", name=re.compile(label))
            )
            row.get_by_role("button", name="保存").click()
            # The source is shown as text (not only in the field) once the page has saved it.
            expect(row).to_contain_text(source)
            _expect_message(coordinator, "已保存填报数据。")
        expect(entered).to_contain_text("本局执法支队案件系统")
        licensing = coordinator.get_by_role("table", name="第二十条第（五）项")
        expect(licensing.get_by_role("cell")).to_have_text(["126"])

        coordinator.get_by_role("button", name="提交审核").click()
        _expect_message(coordinator, "已提交审核。")
        expect(coordinator.locator("#report-status")).to_have_text("待审核")
        expect(coordinator.get_by_role("link", name="编辑")).to_have_count(0)

        # 4. The approver reads the warnings and approves, acknowledging them.
        approver = new_page()
        sign_in(approver, base, "fuzeren")
        _open_report_from_navigation(approver)
        warnings = approver.get_by_role("list", name="提示（审核人确认后方可通过）")
        expect(warnings.get_by_role("listitem")).not_to_have_count(0)
        expect(warnings).to_contain_text("手工")
        approver.get_by_role("checkbox", name="我已阅读全部提示，确认通过").check()
        approver.get_by_role("button", name="审核通过").click()
        _expect_message(approver, "已审核通过。")
        expect(approver.locator("#report-status")).to_have_text("已审核")
        warnings = approver.get_by_role("list", name="提示（审核人确认后方可通过）")
        for item in warnings.get_by_role("listitem").all():
            expect(item).to_contain_text("已确认")

        # 5. The publisher publishes it, which also puts it in the catalogue.
        publisher = new_page()
        sign_in(publisher, base, "fabu")
        _open_report_from_navigation(publisher)
        publisher.get_by_role("button", name="发布", exact=True).click()
        _expect_message(publisher, "已发布年度报告，并在政府信息公开目录中公开。")
        expect(publisher.locator("#report-status")).to_have_text("已发布")
        expect(publisher.get_by_role("link", name="目录条目")).to_be_visible()

        # 6. The public reads the report on the portal and downloads it.
        public = new_page()
        public.goto(f"{base}/")
        public.get_by_role("navigation", name="主导航").get_by_role(
            "link", name="年度报告", exact=True
        ).click()
        expect(public.get_by_role("heading", level=1)).to_have_text("政府信息公开工作年度报告")
        expect(public.get_by_role("heading", name=f"{YEAR}年度")).to_be_visible()
        public.get_by_role("link", name=TITLE).click()
        expect(public).to_have_url(re.compile(rf"/reports/{report.pk}/$"))
        expect(public.get_by_role("heading", level=1)).to_have_text(TITLE)
        public_three = public.get_by_role("table", name="收到和处理政府信息公开申请情况")
        new_row = public_three.get_by_role("row").filter(
            has=public.get_by_role("rowheader", name="一、本年新收政府信息公开申请数量")
        )
        expect(new_row.get_by_role("cell").last).to_have_text("3")
        expect(public.get_by_text("本年度举办政府信息公开业务培训2期。")).to_be_visible()

        name, content = _download(public, "PDF")
        assert name == f"{TITLE}.pdf"
        assert content.startswith(b"%PDF")
        name, content = _download(public, "Word（DOCX）")
        assert name == f"{TITLE}.docx"
        assert content.startswith(b"PK")

        # 7. The public auditor finds parts that do not add up, and passes a consistent text.
        public.get_by_role("link", name="政府信息公开工作年度报告", exact=True).click()
        public.get_by_role("link", name=re.compile("^年度报告数字核对工具")).click()
        expect(public.get_by_role("heading", level=1)).to_have_text("年度报告数字核对")
        public.get_by_role("textbox", name="粘贴报告全文").fill(INCONSISTENT)
        public.get_by_role("button", name="核对").click()
        result = public.get_by_role("status")
        expect(result.get_by_role("heading", name="核对结果")).to_be_visible()
        findings = result.get_by_role("table", name="发现的问题")
        parts_sum = findings.get_by_role("row").filter(has_text="分项之和与总数不符")
        expect(parts_sum).to_have_count(1)
        expect(parts_sum).to_contain_text("3+12+61 = 76条")
        expect(parts_sum.get_by_role("cell").nth(2)).to_have_text("81条")
        expect(parts_sum.get_by_role("cell").nth(3)).to_have_text("76条")

        public.get_by_role("textbox", name="粘贴报告全文").fill(CONSISTENT)
        public.get_by_role("button", name="核对").click()
        expect(public.get_by_role("status")).to_contain_text("未发现数字不一致。")
        expect(public.get_by_role("table", name="发现的问题")).to_have_count(0)

    # What the pages did is what the records say.
    report.refresh_from_db()
    assert report.status == AnnualReport.Status.PUBLISHED
    assert report.approved_by is not None and report.approved_by.username == "fuzeren"
    assert any(w.startswith("narrative.hand_typed") for w in report.acknowledged_warnings)
    assert report.entered_figures["licensing.decisions"] == {
        "value": "126",
        "source": "本局行政审批科台账",
    }
    assert "培训2期" in report.narrative["六"]
    assert report.snapshot is not None
    assert report.snapshot["statistics"]["requests.new.total"] == 3
    item = report.published_item
    assert item is not None and item.status == InformationItem.Status.PUBLISHED
    assert item.title == TITLE
    actions = set(entries_for(report).values_list("action", flat=True))
    assert {
        "reports.report.created",
        "reports.report.submitted",
        "reports.report.approved",
        "reports.report.published",
    } <= actions
