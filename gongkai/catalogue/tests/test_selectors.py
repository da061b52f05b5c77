from __future__ import annotations

import datetime as dt

import pytest

from gongkai.catalogue import selectors
from gongkai.catalogue.models import InformationItem
from gongkai.catalogue.tests.factories import CategoryFactory, InformationItemFactory
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import (
    OrganisationFactory,
    UserFactory,
    staff_with_role,
)
from gongkai.search.engine import get_backend

pytestmark = pytest.mark.django_db

Status = InformationItem.Status


@pytest.fixture
def catalogue(organisation, people, category):
    office = OrganisationFactory(name="综合处", parent=organisation)
    rules = CategoryFactory(organisation=organisation, name="规章制度", code="rules")
    return {
        "public": InformationItemFactory(
            organisation=organisation, category=category, published=True, article20_item=5,
            generated_on=dt.date(2023, 6, 1),
        ),
        "repealed": InformationItemFactory(
            organisation=organisation, category=rules, published=True, validity="repealed",
            repealed_on=dt.date(2024, 1, 1), generated_on=dt.date(2022, 1, 1),
        ),
        "applicant_only": InformationItemFactory(
            organisation=organisation, published=True, disclosure_scope="applicant"
        ),
        "draft": InformationItemFactory(organisation=organisation, category=category),
        "withdrawn": InformationItemFactory(
            organisation=organisation, status=Status.WITHDRAWN, index_number="LEGACY-2024-0001"
        ),
        "office": InformationItemFactory(organisation=office, published=True),
        "other": InformationItemFactory(organisation=people.other_organisation, published=True),
        "office_org": office,
        "rules": rules,
    }  # fmt: skip


def test_public_list_shows_only_published_public_items(catalogue):
    public = set(selectors.item_list_public())
    assert public == {catalogue[k] for k in ("public", "repealed", "office", "other")}


def test_public_list_filters(organisation, category, catalogue):
    assert set(selectors.item_list_public(organisation=organisation)) == {
        catalogue["public"],
        catalogue["repealed"],
    }
    assert list(selectors.item_list_public(category=category)) == [catalogue["public"]]
    assert list(selectors.item_list_public(organisation=organisation, year=2022)) == [
        catalogue["repealed"]
    ]
    assert list(selectors.item_list_public(article20_item=5)) == [catalogue["public"]]
    assert list(selectors.item_list_public(validity="repealed")) == [catalogue["repealed"]]


def test_public_get(catalogue):
    assert selectors.item_get_public(pk=catalogue["public"].pk) == catalogue["public"]
    for hidden in ("draft", "withdrawn", "applicant_only"):
        assert selectors.item_get_public(pk=catalogue[hidden].pk) is None
    assert selectors.item_get_public(pk=999999) is None


def test_public_years(catalogue):
    assert selectors.item_years_public() == [2024, 2023, 2022]


def test_staff_see_their_organisation_and_its_sub_tree_only(people, catalogue):
    mine = {catalogue[k] for k in ("public", "repealed", "applicant_only", "draft", "withdrawn")}
    for role in ("handler", "coordinator", "approver", "publisher", "auditor", "org_admin"):
        seen = set(selectors.item_list_for_actor(actor=getattr(people, role)))
        assert seen == mine | {catalogue["office"]}, role
    assert set(selectors.item_list_for_actor(actor=people.outsider)) == {catalogue["other"]}
    assert selectors.item_get_for_actor(actor=people.outsider, pk=catalogue["draft"].pk) is None
    assert (
        selectors.item_get_for_actor(actor=people.handler, pk=catalogue["draft"].pk)
        == (catalogue["draft"])
    )


def test_office_staff_do_not_see_the_parent(catalogue):
    office_handler = staff_with_role(Role.HANDLER, catalogue["office_org"])
    assert list(selectors.item_list_for_actor(actor=office_handler)) == [catalogue["office"]]


def test_people_without_a_role_see_nothing(catalogue):
    from django.contrib.auth.models import AnonymousUser

    assert not selectors.item_list_for_actor(actor=UserFactory()).exists()
    assert not selectors.item_list_for_actor(actor=AnonymousUser()).exists()
    assert selectors.item_list_for_actor(actor=UserFactory(is_superuser=True)).count() == 7


def test_staff_list_filters(organisation, people, category, catalogue):
    handler = people.handler
    assert list(selectors.item_list_for_actor(actor=handler, status=Status.DRAFT)) == [
        catalogue["draft"]
    ]
    assert set(selectors.item_list_for_actor(actor=handler, category=catalogue["rules"])) == {
        catalogue["repealed"]
    }
    assert list(
        selectors.item_list_for_actor(actor=handler, organisation=catalogue["office_org"])
    ) == [catalogue["office"]]
    number = catalogue["public"].document_number
    assert list(selectors.item_list_for_actor(actor=handler, query=number)) == [catalogue["public"]]
    assert list(selectors.item_list_for_actor(actor=handler, query="legacy-2024")) == [
        catalogue["withdrawn"]
    ]


def test_counts_by_category_include_empty_and_uncategorised(organisation, category, catalogue):
    CategoryFactory(organisation=organisation, name="机构职能", code="functions", sort_order=0)
    InformationItemFactory(organisation=organisation, category=None, published=True)
    counts = selectors.catalogue_counts_by_category(organisation=organisation)
    assert [(c.category.name if c.category else None, c.count) for c in counts] == [
        ("机构职能", 0),
        ("业务类", 1),
        ("规章制度", 1),
        (None, 1),
    ]
    by_year = selectors.catalogue_counts_by_category(organisation=organisation, year=2022)
    assert [c.count for c in by_year] == [0, 0, 1]


def test_category_list_is_per_organisation(organisation, people, category, catalogue):
    assert [c.code for c in selectors.category_list(organisation=organisation)] == [
        "business",
        "rules",
    ]
    assert [
        c.organisation for c in selectors.category_list(organisation=people.other_organisation)
    ] == [people.other_organisation]


# --- search ----------------------------------------------------------------------------------


@pytest.fixture
def indexed(organisation, category):
    def make(**fields):
        return InformationItemFactory(organisation=organisation, category=category, published=True,
                                      **fields)  # fmt: skip

    items = {
        "title": make(
            title="广州市环境保护局关于开展环保专项检查的通知",
            summary="部署年度检查工作。",
            body_text="各区开展检查。",
        ),
        "body": make(
            title="关于做好年度工作的通知",
            summary="年度工作安排。",
            body_text="其中包括环保专项检查和督查。",
        ),
        "none": make(title="关于公布收费项目的公告", summary="收费标准。", body_text="收费。"),
    }
    get_backend().index_items(InformationItem.objects.all())
    return items


def test_search_keeps_the_engine_ranking_and_highlights(indexed):
    page = selectors.catalogue_search(query="环保")
    assert page.total == 2
    assert [result.item for result in page.results] == [indexed["title"], indexed["body"]]
    first, second = page.results
    assert "<mark>环保</mark>" in first.title_html
    assert first.title_html.startswith("广州市环境保护局")
    assert "<mark>环保</mark>" in second.snippet
    assert first.score >= second.score


def test_search_escapes_stored_text(organisation, category):
    item = InformationItemFactory(
        organisation=organisation,
        category=category,
        published=True,
        title="关于增长率<5%地区的说明",
        summary="增长率<b>说明</b>",
    )
    get_backend().index_items(InformationItem.objects.filter(pk=item.pk))
    result = selectors.catalogue_search(query="增长率").results[0]
    assert "&lt;5%" in result.title_html and "<b>" not in result.snippet


def test_search_filters_and_pagination(organisation, people, indexed):
    assert (
        selectors.catalogue_search(query="通知", organisation=people.other_organisation).total == 0
    )
    page = selectors.catalogue_search(query="通知", page=2, page_size=1)
    assert (page.total, page.page, page.num_pages) == (2, 2, 2)
    assert page.has_previous and not page.has_next
    assert len(page.results) == 1


def test_search_leaves_out_items_the_index_still_holds(indexed):
    # Withdrawn a moment ago, before the index caught up: the database decides.
    InformationItem.objects.filter(pk=indexed["title"].pk).update(status=Status.WITHDRAWN)
    page = selectors.catalogue_search(query="环保")
    assert [result.item for result in page.results] == [indexed["body"]]


def test_empty_query_finds_nothing(indexed):
    page = selectors.catalogue_search(query="   ")
    assert (page.total, page.results, page.num_pages) == (0, [], 1)
