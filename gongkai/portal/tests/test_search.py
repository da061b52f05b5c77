"""The public search page: ranked, highlighted results with the total and pagination."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gongkai.catalogue.models import InformationItem
from gongkai.catalogue.tests.factories import InformationItemFactory
from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.search.engine import get_backend

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(portal_catalogue):
    """The fixture catalogue plus items of another body, all published items indexed."""
    environment_bureau = OrganisationFactory(name="广州市环境保护局")
    InformationItemFactory(
        published=True,
        organisation=environment_bureau,
        title="广州市环境保护局关于大气污染防治工作的通知",
        summary="部署全市大气污染防治和环保督查工作。",
        body="<p>加强环保执法。</p>",
        body_text="加强环保执法。",
    )
    backend = get_backend()
    backend.clear()
    backend.index_items(InformationItem.objects.filter(status=InformationItem.Status.PUBLISHED))
    return portal_catalogue


def _search(client, **params):
    response = client.get(reverse("portal:search"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_search_shows_the_total_and_highlighted_title(client, indexed):
    html = _search(client, q="办事指南")

    assert "“办事指南”共找到 1 条结果" in html
    assert "<mark>办事指南</mark>" in html
    assert reverse("portal:item_detail", args=[indexed.other_published.pk]) in html


def test_search_highlights_the_snippet(client, indexed):
    html = _search(client, q="环保")

    assert "共找到 1 条结果" in html
    assert "<mark>环保</mark>" in html


def test_a_one_character_query_works(client, indexed):
    html = _search(client, q="规")

    assert "共找到" in html
    assert "<mark>规</mark>" in html
    assert reverse("portal:item_detail", args=[indexed.published.pk]) in html


def test_several_terms_are_anded(client, indexed):
    html = _search(client, q="广州市 规定")

    assert reverse("portal:item_detail", args=[indexed.published.pk]) in html
    assert indexed.other_published.title not in html


def test_search_never_shows_unpublished_items(client, indexed):
    assert "没有找到包含“采购公告”的政府信息" in _search(client, q="采购公告")
    assert "没有找到包含“起草”的政府信息" in _search(client, q="起草")


def test_search_filters_by_organisation(client, indexed):
    html = _search(client, q="通知", organisation=indexed.organisation.pk)

    assert "大气污染" not in html


def test_empty_query_shows_guidance(client, indexed):
    html = _search(client)

    assert "请输入关键词" in html
    assert "共找到" not in html


def test_no_result_state(client, indexed):
    html = _search(client, q="量子计算机")

    assert "没有找到包含“量子计算机”的政府信息" in html


def test_search_paginates(client, indexed):
    InformationItemFactory.create_batch(
        23, published=True, organisation=indexed.organisation, title="政务公开年度工作要点"
    )
    get_backend().index_items(
        InformationItem.objects.filter(status=InformationItem.Status.PUBLISHED)
    )

    first = _search(client, q="工作要点")
    second = _search(client, q="工作要点", page=2)

    assert "共找到 23 条结果" in first
    assert "第 1 / 2 页" in first
    assert 'rel="next"' in first
    assert "第 2 / 2 页" in second
    assert second.count("<mark>工作要点</mark>") == 3
