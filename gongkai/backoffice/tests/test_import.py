"""The import page: preview per-row errors, all-or-nothing, or skip bad rows on request."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gongkai.catalogue.models import InformationItem
from gongkai.catalogue.tests.factories import CategoryFactory
from gongkai.organisations.models import Organisation, Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db

HEADER = (
    "索引号,名称,内容概述,生成日期,文号,主题分类,体裁,关键词,目录分类,第二十条事项,"
    "公开方式,公开时限,公开范围,有效性,施行日期,废止日期,正文"
)
_REST = ",,综合政务,{genre},,业务类,5,主动公开,长期公开,面向社会,现行有效,,,正文"
GOOD = ",关于公布{n}号事项办理结果的公告,办理结果。,2024-03-15" + _REST.format(genre="公告")
BAD_DATE = ",日期写错的条目,概述,2024-13-45" + _REST.format(genre="通知")


def _csv(*rows: str) -> SimpleUploadedFile:
    content = "\n".join([HEADER, *rows]).encode("utf-8")
    return SimpleUploadedFile("目录.csv", content, content_type="text/csv")


Setting = tuple[Client, Organisation]


@pytest.fixture
def setting() -> Setting:
    organisation = OrganisationFactory(name="测试市丙局")
    CategoryFactory(organisation=organisation, name="业务类", code="business")
    client = Client()
    client.force_login(staff_with_role(Role.COORDINATOR, organisation))
    return client, organisation


def _post(
    client: Client, organisation: Organisation, upload: SimpleUploadedFile, **extra: str
) -> Any:
    data = {"organisation": organisation.pk, "file": upload, **extra}
    return client.post(reverse("backoffice:import"), data)


def test_preview_lists_row_errors_and_imports_nothing(setting: Setting) -> None:
    client, organisation = setting
    response = _post(client, organisation, _csv(GOOD.format(n=1), BAD_DATE), preview="1")
    assert response.status_code == 200
    page = response.content.decode()
    assert "预检结果" in page
    report = response.context["report"]
    assert [error.row for error in report.errors] == [3]
    assert "生成日期" in page
    assert InformationItem.objects.count() == 0


def test_preview_with_skip_shows_what_would_be_imported_but_keeps_nothing(setting: Setting) -> None:
    client, organisation = setting
    response = _post(
        client, organisation, _csv(GOOD.format(n=1), BAD_DATE), preview="1", skip_bad_rows="on"
    )
    assert response.context["report"].imported == 1
    assert InformationItem.objects.count() == 0


def test_file_with_a_bad_row_imports_nothing(setting: Setting) -> None:
    client, organisation = setting
    response = _post(client, organisation, _csv(GOOD.format(n=1), BAD_DATE), **{"import": "1"})
    assert response.status_code == 200
    assert any("未导入任何条目" in str(m) for m in response.context["messages"])
    assert InformationItem.objects.count() == 0


def test_skip_bad_rows_imports_the_good_ones(setting: Setting) -> None:
    client, organisation = setting
    response = _post(
        client,
        organisation,
        _csv(GOOD.format(n=1), BAD_DATE, GOOD.format(n=2)),
        skip_bad_rows="on",
        **{"import": "1"},
    )
    assert response.context["report"].imported == 2
    assert InformationItem.objects.filter(organisation=organisation).count() == 2
    assert any("已导入 2 条" in str(m) for m in response.context["messages"])


def test_import_and_publish_needs_the_publisher_role(setting: Setting) -> None:
    client, organisation = setting
    response = _post(client, organisation, _csv(GOOD.format(n=1)), publish="on", **{"import": "1"})
    assert response.status_code == 400
    assert any("发布员" in str(m) for m in response.context["messages"])
    assert InformationItem.objects.count() == 0


def test_wrong_file_type_is_a_form_error(setting: Setting) -> None:
    client, organisation = setting
    upload = SimpleUploadedFile("目录.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = _post(client, organisation, upload, **{"import": "1"})
    assert response.status_code == 400
    assert "只支持 CSV 或 XLSX 文件" in response.content.decode()


def test_template_download(setting: Setting) -> None:
    client, _ = setting
    response = client.get(reverse("backoffice:import_template"))
    assert response.status_code == 200
    assert "名称" in b"".join(response.streaming_content).decode("utf-8-sig")
