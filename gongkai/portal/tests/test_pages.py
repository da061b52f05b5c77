"""Every public page renders for published data; nothing unpublished leaks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.catalogue.tests.factories import AttachmentFactory
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at

pytestmark = pytest.mark.django_db

# Items the catalogue fixture publishes are numbered in this year.
frozen_clock = frozen_clock_at(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI))


def test_home_lists_latest_items_organisations_and_categories(client, portal_catalogue):
    response = client.get(reverse("portal:home"))

    assert response.status_code == 200
    html = response.content.decode()
    assert portal_catalogue.published.title in html
    assert portal_catalogue.other_published.title in html
    assert portal_catalogue.draft.title not in html
    assert portal_catalogue.withdrawn.title not in html
    assert portal_catalogue.organisation.name in html
    assert "规章制度" in html and "业务类" in html
    assert 'name="q"' in html


def test_catalogue_index_shows_the_statutory_directory_columns(client, portal_catalogue):
    response = client.get(reverse("portal:catalogue_index"))

    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("索引号", "名称", "内容概述", "生成日期", "发布日期"):
        assert f">{heading}</th>" in html
    assert portal_catalogue.published.index_number in html
    assert "2009年12月31日" in html
    assert "2010年1月5日" in html
    assert portal_catalogue.draft.title not in html
    assert portal_catalogue.withdrawn.title not in html


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"year": "2009"}, "published", "other_published"),
        ({"article20_item": "5"}, "other_published", "published"),
        ({"validity": "in_force", "year": "2024"}, "other_published", "published"),
    ],
)
def test_catalogue_index_filters(client, portal_catalogue, params, shown, hidden):
    response = client.get(reverse("portal:catalogue_index"), params)

    html = response.content.decode()
    assert getattr(portal_catalogue, shown).title in html
    assert getattr(portal_catalogue, hidden).title not in html


def test_catalogue_index_filters_by_organisation_and_category(client, portal_catalogue):
    response = client.get(
        reverse("portal:catalogue_index"),
        {"organisation": portal_catalogue.organisation.pk, "category": portal_catalogue.rules.pk},
    )

    html = response.content.decode()
    assert portal_catalogue.published.title in html
    assert portal_catalogue.other_published.title not in html


def test_catalogue_index_ignores_a_malformed_filter(client, portal_catalogue):
    response = client.get(reverse("portal:catalogue_index"), {"year": "abc", "page": "x"})

    assert response.status_code == 200
    assert portal_catalogue.published.title in response.content.decode()


def test_catalogue_index_paginates(client, portal_catalogue):
    from gongkai.catalogue.tests.factories import InformationItemFactory

    InformationItemFactory.create_batch(
        25,
        published=True,
        organisation=portal_catalogue.organisation,
        category=portal_catalogue.business,
    )

    first = client.get(reverse("portal:catalogue_index")).content.decode()
    second = client.get(reverse("portal:catalogue_index"), {"page": 2}).content.decode()

    assert "共 27 条" in first
    assert 'rel="next"' in first
    assert 'aria-current="page">2<' in second


def test_category_page_lists_its_items_with_counts(client, portal_catalogue):
    response = client.get(reverse("portal:catalogue_category", args=[portal_catalogue.rules.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>规章制度</h1>" in html
    assert portal_catalogue.published.title in html
    assert portal_catalogue.other_published.title not in html
    # One public item under 业务类: the draft and the withdrawn item are not counted.
    assert '业务类</a> <span class="count">(1)</span>' in html


def test_unknown_category_is_404(client, db):
    assert client.get(reverse("portal:catalogue_category", args=[999999])).status_code == 404


def test_organisation_page(client, portal_catalogue):
    response = client.get(
        reverse("portal:organisation_detail", args=[portal_catalogue.organisation.pk])
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{portal_catalogue.organisation.name}</h1>" in html
    assert portal_catalogue.published.title in html
    assert reverse("portal:guide", args=[portal_catalogue.organisation.pk]) in html


def test_inactive_organisation_is_404(client, portal_catalogue):
    portal_catalogue.organisation.is_active = False
    portal_catalogue.organisation.save()

    url = reverse("portal:organisation_detail", args=[portal_catalogue.organisation.pk])
    assert client.get(url).status_code == 404


def test_item_detail_shows_every_catalogue_field(client, portal_catalogue, published_attachment):
    item = portal_catalogue.published

    response = client.get(reverse("portal:item_detail", args=[item.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "索引号",
        "名称",
        "内容概述",
        "生成日期",
        "发布日期",
        "发布机构",
        "文号",
        "主题分类",
        "体裁",
        "关键词",
        "公开方式",
        "公开时限",
        "公开范围",
        "有效性",
        "施行日期",
        "废止日期",
        "第二十条事项",
        "目录分类",
    ):
        assert f"<dt>{label}</dt>" in html, label
    for value in (
        item.index_number,
        "穗府〔2009〕12号",
        "2009年12月31日",
        "2010年1月5日",
        "2010年3月1日",
        "综合政务",
        "通知",
        "主动公开",
        "长期公开",
        "面向社会",
        "现行有效",
        "规章制度",
        "（一）行政法规、规章和规范性文件",
        "政府信息公开 规定",
    ):
        assert value in html, value
    # Full text is rendered as HTML, not escaped.
    assert "<p>第一条 为了保障公民" in html
    assert "实施细则（2009年）.pdf" in html
    assert reverse("portal:attachment_download", args=[published_attachment.pk]) in html
    assert '<svg role="img" aria-label="本页二维码"' in html
    assert "听全文" in html and 'data-action="play"' in html
    assert reverse("portal:item_print", args=[item.pk]) in html


def test_item_detail_qr_code_points_to_the_public_url(client, portal_catalogue, settings):
    settings.GONGKAI_PUBLIC_BASE_URL = "https://gk.example.gov.cn"
    item = portal_catalogue.published

    html = client.get(reverse("portal:item_detail", args=[item.pk])).content.decode()

    assert f"https://gk.example.gov.cn/catalogue/items/{item.pk}/" in html
    assert "<?xml" not in html


def test_item_print_view(client, portal_catalogue):
    item = portal_catalogue.published

    response = client.get(reverse("portal:item_print", args=[item.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h1 class="item-title">{item.title}</h1>' in html
    assert item.index_number in html
    assert 'class="site-nav"' not in html
    assert "<svg" in html


def test_item_qr_returns_svg(client, portal_catalogue):
    response = client.get(reverse("portal:item_qr", args=[portal_catalogue.published.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content


@pytest.mark.parametrize("name", ["item_detail", "item_print", "item_qr"])
@pytest.mark.parametrize("which", ["draft", "withdrawn"])
def test_unpublished_and_withdrawn_items_are_404(client, portal_catalogue, name, which):
    item = getattr(portal_catalogue, which)

    assert client.get(reverse(f"portal:{name}", args=[item.pk])).status_code == 404


def test_item_open_only_to_the_applicant_is_404(client, portal_catalogue):
    item = portal_catalogue.published
    item.disclosure_scope = item.DisclosureScope.APPLICANT
    item.save()

    assert client.get(reverse("portal:item_detail", args=[item.pk])).status_code == 404


def test_attachment_download_headers(client, published_attachment):
    response = client.get(reverse("portal:attachment_download", args=[published_attachment.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    # RFC 5987 encoding of 实施细则（2009年）.pdf
    assert "filename*=utf-8''%E5%AE%9E%E6%96%BD%E7%BB%86%E5%88%99" in disposition
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("which", ["draft", "withdrawn"])
def test_attachment_of_unpublished_item_is_404(client, portal_catalogue, which):
    attachment = AttachmentFactory(item=getattr(portal_catalogue, which))

    url = reverse("portal:attachment_download", args=[attachment.pk])
    assert client.get(url).status_code == 404


def test_directory_lists_organisations_with_counts(client, portal_catalogue):
    response = client.get(reverse("portal:directory"))

    assert response.status_code == 200
    html = response.content.decode()
    assert portal_catalogue.organisation.name in html
    assert portal_catalogue.organisation.code in html
    assert "<td>2</td>" in html


def test_guide_index_lets_the_reader_choose_an_organisation(client, portal_catalogue):
    response = client.get(reverse("portal:guide"))

    assert response.status_code == 200
    assert reverse("portal:guide", args=[portal_catalogue.organisation.pk]) in (
        response.content.decode()
    )


def test_guide_is_built_from_organisation_data(client, portal_catalogue):
    organisation = portal_catalogue.organisation

    response = client.get(reverse("portal:guide", args=[organisation.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{organisation.name}政府信息公开指南</h1>" in html
    for section in ("政府信息的分类", "编排体系", "获取方式", "政府信息公开工作机构", "监督和救济"):
        assert section in html
    # The organisation's own taxonomy and contact block.
    assert "规章制度" in html and "业务类" in html
    for value in (
        "广州市人民政府政务管理办公室综合处",
        "广州市越秀区府前路1号",
        "510032",
        "工作日上午9:00-12:00",
        "020-83123456",
        "020-83123457",
        "gkb@example.gov.cn",
        "https://www.example.gov.cn/",
    ):
        assert value in html, value
    assert f"{organisation.code}/2025-00001" in html
    assert "20个工作日" in html and "7个工作日" in html and "国办函〔2020〕109号" in html


def test_guide_for_unknown_organisation_is_404(client, db):
    assert client.get(reverse("portal:guide", args=[424242])).status_code == 404
