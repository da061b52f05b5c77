"""Published annual reports on the portal, and the public report auditor."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    staff_with_role,
)
from gongkai.reports import public_audit, services
from gongkai.reports.models import AnnualReport
from gongkai.reports.renderers import render as render_report
from gongkai.reports.tests.factories import application, published_item

SEED = (
    Path(__file__).resolve().parents[2]
    / "reports"
    / "audit"
    / "tests"
    / "fixtures"
    / "seed_2009_legacy.txt"
)
ENTERED_KEYS = (
    "rules.issued", "rules.repealed", "rules.in_force", "licensing.decisions",
    "penalties.decisions", "enforcement.decisions", "fees.amount_wan",
)  # fmt: skip


@pytest.fixture
def frozen_2024():
    with time_machine.travel(dt.datetime(2024, 1, 20, 10, 0), tick=False):
        yield


def publish_report(organisation, year: int = 2023) -> AnnualReport:
    coordinator = staff_with_role(Role.COORDINATOR, organisation)
    approver = staff_with_role(Role.APPROVER, organisation)
    publisher = staff_with_role(Role.PUBLISHER, organisation)
    MembershipFactory(user=publisher, organisation=organisation, role=Role.COORDINATOR)
    report = services.report_create(
        actor=coordinator, organisation=organisation, year=year, format_code="national-2021"
    )
    for key in ENTERED_KEYS:
        report = services.report_set_entered_figure(
            actor=coordinator, annual_report=report, key=key, value="0", source="本机关无此事项"
        )
    report = services.report_submit(actor=coordinator, annual_report=report)
    report = services.report_approve(actor=approver, annual_report=report)
    return services.report_publish(actor=publisher, annual_report=report)


@pytest.fixture
def body():
    organisation = OrganisationFactory(name="测试市测试局")
    application(organisation, received_on=dt.date(2023, 3, 1), closed_on=dt.date(2023, 3, 20))
    application(organisation, received_on=dt.date(2023, 12, 20))
    published_item(organisation, on=dt.date(2023, 5, 1))
    return organisation


@pytest.mark.django_db
@pytest.mark.usefixtures("frozen_2024")
class TestPublishedReports:
    def test_list_shows_published_reports_only(self, body):
        report = publish_report(body)
        other = OrganisationFactory(name="测试市未发布局")
        AnnualReport.objects.create(organisation=other, year=2023, format_code="national-2021")
        page = Client().get(reverse("portal:report_list"))
        html = page.content.decode()
        assert page.status_code == 200
        assert reverse("portal:report_detail", args=[report.pk]) in html
        assert "测试市未发布局" not in html.split("<main", 1)[-1].split("</form>", 1)[-1]
        filtered = Client().get(reverse("portal:report_list"), {"year": 2020})
        assert reverse("portal:report_detail", args=[report.pk]) not in filtered.content.decode()

    def test_detail_is_the_frozen_accessible_html(self, body):
        report = publish_report(body)
        application(body, received_on=dt.date(2023, 6, 1))  # after publishing
        page = Client().get(reverse("portal:report_detail", args=[report.pk]))
        html = page.content.decode()
        assert page.status_code == 200
        assert "<caption>" in html and 'scope="col"' in html and 'scope="row"' in html
        assert "测试市测试局2023年政府信息公开工作年度报告" in html
        row = (report.snapshot or {})["statistics"]["requests.new.total"]
        assert row == 2  # the snapshot, not the records as they are now
        assert 'aria-current="page">年度报告</a>' in html

    def test_unpublished_reports_are_not_found(self, body):
        draft = AnnualReport.objects.create(
            organisation=body, year=2022, format_code="national-2021"
        )
        assert Client().get(reverse("portal:report_detail", args=[draft.pk])).status_code == 404
        url = reverse("portal:report_download", args=[draft.pk, "pdf"])
        assert Client().get(url).status_code == 404

    def test_downloads(self, body):
        report = publish_report(body)
        client = Client()
        for kind, magic in (("docx", b"PK"), ("xlsx", b"PK"), ("pdf", b"%PDF"), ("json", b"{")):
            response = client.get(reverse("portal:report_download", args=[report.pk, kind]))
            assert response.status_code == 200, kind
            assert response.content.lstrip().startswith(magic), kind
        assert (
            client.get(reverse("portal:report_download", args=[report.pk, "exe"])).status_code
            == 404
        )

    def test_an_output_not_available_is_a_message(self, body, monkeypatch):
        from gongkai.core.exceptions import ApplicationError
        from gongkai.portal.views import reports as views

        def unavailable(data, kind):
            raise ApplicationError(f"输出格式“{kind}”尚未提供。")

        report = publish_report(body)
        monkeypatch.setattr(views, "render_report", unavailable)
        response = Client().get(reverse("portal:report_download", args=[report.pk, "pdf"]))
        assert response.status_code == 503
        assert "尚未提供" in response.content.decode()


def _post(**data):
    return Client().post(reverse("portal:report_audit"), data)


def _upload(content: bytes, name: str = "report.txt", content_type: str = "text/plain"):
    return _post(file=SimpleUploadedFile(name, content, content_type=content_type))


@pytest.mark.django_db
class TestPublicAuditor:
    def test_the_page_explains_itself(self):
        page = Client().get(reverse("portal:report_audit"))
        assert page.status_code == 200
        assert "10万多" in page.content.decode()

    def test_pasted_seed_text_shows_findings_with_stated_expected_location(self):
        response = _post(text=SEED.read_text(encoding="utf-8"))
        assert response.status_code == 200
        findings = response.context["findings"]
        assert findings, "the seed has inconsistencies"
        first = findings[0]
        assert first["stated"] and first["expected"] and first["location"]
        html = response.content.decode()
        assert first["stated"] in html and "所述" in html and "应为" in html and "位置" in html

    def test_uploaded_seed_file_and_a_docx(self):
        assert _upload(SEED.read_bytes(), "seed.txt").context["findings"]
        docx = render_report(_sample_report_data(), "docx")
        response = _upload(docx, "report.docx", "application/octet-stream")
        assert response.status_code == 200, response.content.decode()[-2000:]
        assert response.context["checked"].source == "docx"

    def test_a_file_named_docx_that_is_text_is_read_by_its_content(self):
        response = _upload(SEED.read_bytes(), "seed.docx", "application/msword")
        assert response.status_code == 200
        assert response.context["findings"]

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"text": ""}, "请粘贴年度报告全文"),
            ({"text": "   \n "}, "请粘贴年度报告全文"),
            ({"text": "今天天气很好，我们去公园散步。"}, "不是政府信息公开年度报告"),
        ],
    )
    def test_bad_pasted_input_is_a_clear_message(self, data, message):
        response = _post(**data)
        assert response.status_code == 400
        assert message in response.context["error"]

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"", "文件为空"),
            (b"\x00\x01\x02\xff" * 100, "二进制"),
            (b"%PDF-1.4\n%\xe2\xe3\n1 0 obj", "二进制"),
            (b"PK\x03\x04 not really a zip", "已损坏"),
            ("我们去公园散步。".encode(), "不是政府信息公开年度报告"),
        ],
    )
    def test_bad_files_are_a_clear_message(self, content, message):
        response = _upload(content)
        assert response.status_code == 400
        assert message in response.content.decode() or message in response.context.get("error", "")

    def test_a_zip_that_is_not_a_word_document(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("hello.txt", "政府信息公开")
        response = _upload(buffer.getvalue(), "report.docx")
        assert response.status_code == 400
        assert "不是 Word" in response.context["error"]

    def test_an_oversized_file(self, monkeypatch):
        monkeypatch.setattr(public_audit, "MAX_BYTES", 1000)
        response = _upload(b"x" * 2000)
        assert response.status_code == 400
        assert "文件过大" in response.context["error"]

    def test_an_auditor_crash_is_a_message_not_a_500(self, monkeypatch):
        def broken(*args, **kwargs):
            raise RecursionError("deeply nested")

        monkeypatch.setattr(public_audit, "audit", broken)
        response = _post(text="政府信息公开工作年度报告")
        assert response.status_code == 400
        assert "无法读取" in response.context["error"]


def _sample_report_data():
    organisation = OrganisationFactory(name="测试市样本局")
    published_item(organisation, on=dt.date(2023, 5, 1))
    from gongkai.reports.build import build_report

    return build_report(
        organisation=organisation, year=2023, format_code="national-2021", run_auditor=False
    )
