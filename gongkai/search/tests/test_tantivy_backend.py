from datetime import date
from itertools import count

import pytest
from django.core.management import call_command
from django.db.models import Q
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.catalogue.models import InformationItem
from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.search import tokenize
from gongkai.search.backends.tantivy_backend import TantivyBackend
from gongkai.search.engine import SearchFilters, get_backend
from gongkai.search.services import search_sync_item
from gongkai.search.tests.factories import CategoryFactory, InformationItemFactory, generated_items

pytestmark = pytest.mark.django_db


def like_scan(query: str) -> set[int]:
    """Django admin search: every term icontains in some field, terms ANDed."""
    items = InformationItem.objects.filter(status=InformationItem.Status.PUBLISHED)
    for term in query.split():
        items = items.filter(
            Q(title__icontains=term)
            | Q(summary__icontains=term)
            | Q(body_text__icontains=term)
            | Q(document_number__icontains=term)
        )
    return set(items.values_list("pk", flat=True))


@pytest.fixture
def corpus():
    items = generated_items(400)
    InformationItemFactory(
        title="质量管理体系ISO9001认证",
        body_text="按GB/T 19001-2016执行。",
        organisation=items[0].organisation,
    )
    InformationItemFactory(
        title="草稿不应被检索到的公开指南",
        status=InformationItem.Status.DRAFT,
        organisation=items[0].organisation,
    )
    backend = get_backend("tantivy")
    backend.rebuild()
    return backend


@pytest.mark.parametrize(
    "query",
    [
        "局",
        "公开",
        "环保",
        "公安局",
        "办事指南",
        "行政许可",
        "环境保护",
        "信息公开",
        "广州市环境保护局",
        "www.gz",
        "gb/t 19001",
        "iso9001",
        "〔2009〕",
    ],
)
def test_recall_and_precision_equal_the_like_scan(corpus, query):
    expected = like_scan(query)
    assert corpus.all_ids(query) == expected
    assert corpus.search(query).total == len(expected)


def test_common_and_rare_terms_hit_realistic_shares(corpus):
    counts = {q: len(like_scan(q)) for q in ["公开", "环保", "办事指南", "广州市环境保护局"]}
    assert counts["公开"] > counts["环保"] > 0
    assert counts["公开"] > counts["办事指南"] > 0
    assert 0 < counts["广州市环境保护局"] < 400


def test_several_terms_mean_and(corpus):
    both = corpus.all_ids("公开 环保")
    assert both == corpus.all_ids("公开") & corpus.all_ids("环保")
    assert both == like_scan("公开 环保")
    assert corpus.all_ids("公开 不存在的词语") == set()


def test_full_width_query_finds_half_width_text(corpus):
    assert corpus.all_ids("ＩＳＯ９００１") == like_scan("ISO9001") != set()


def test_title_match_ranks_above_body_match():
    organisation = OrganisationFactory()
    in_body = InformationItemFactory(
        organisation=organisation, title="工作通知", body_text="关于办事指南的说明。" * 3
    )
    in_title = InformationItemFactory(
        organisation=organisation, title="建设项目办事指南", body_text="详见附件。"
    )
    backend = get_backend("tantivy")
    backend.rebuild()
    results = backend.search("办事指南")
    assert results.total == 2
    assert results.item_ids == [in_title.pk, in_body.pk]


def test_filters_restrict_without_changing_the_matching():
    first, second = OrganisationFactory(), OrganisationFactory()
    category = CategoryFactory(organisation=first)
    a = InformationItemFactory(
        organisation=first,
        category=category,
        title="环保通知",
        article20_item=13,
        generated_on=date(2009, 3, 1),
    )
    b = InformationItemFactory(
        organisation=second,
        title="环保公告",
        validity=InformationItem.Validity.REPEALED,
        generated_on=date(2010, 3, 1),
    )
    backend = get_backend("tantivy")
    backend.rebuild()

    def ids(**filters):
        return set(backend.search("环保", filters=SearchFilters(**filters)).item_ids)

    assert ids() == {a.pk, b.pk}
    assert ids(organisation_ids=[second.pk]) == {b.pk}
    assert ids(category_ids=[category.pk]) == {a.pk}
    assert ids(year=2010) == {b.pk}
    assert ids(article20_item=13) == {a.pk}
    assert ids(validity="repealed") == {b.pk}
    assert ids(year=2010, organisation_ids=[first.pk]) == set()
    # Filters alone list the matching items, newest first.
    assert backend.search("", filters=SearchFilters(year=2009)).item_ids == [a.pk]
    assert backend.search("").total == 0


def test_pages_do_not_overlap(corpus):
    first = corpus.search("公开", page=1, page_size=10)
    second = corpus.search("公开", page=2, page_size=10)
    assert len(first.hits) == len(second.hits) == 10
    assert not set(first.item_ids) & set(second.item_ids)
    assert first.total == second.total


def test_sync_follows_publish_and_withdraw():
    item = InformationItemFactory(
        title="饮用水源保护区划定方案", status=InformationItem.Status.DRAFT
    )
    backend = get_backend("tantivy")
    search_sync_item(item_id=item.pk)
    assert backend.search("饮用水源").total == 0

    InformationItem.objects.filter(pk=item.pk).update(status=InformationItem.Status.PUBLISHED)
    search_sync_item(item_id=item.pk)
    search_sync_item(item_id=item.pk)  # indexing twice keeps one copy
    assert backend.search("饮用水源").item_ids == [item.pk]

    InformationItem.objects.filter(pk=item.pk).update(status=InformationItem.Status.WITHDRAWN)
    search_sync_item(item_id=item.pk)
    assert backend.search("饮用水源").total == 0


def test_sync_of_a_deleted_item_removes_it():
    item = InformationItemFactory(title="危险废物经营许可")
    search_sync_item(item_id=item.pk)
    pk = item.pk
    item.delete()
    search_sync_item(item_id=pk)
    assert get_backend("tantivy").search("危险废物").total == 0


def test_rebuild_command_indexes_only_published_items(capsys):
    InformationItemFactory(title="公开指南")
    InformationItemFactory(title="公开目录", status=InformationItem.Status.WITHDRAWN)
    call_command("search_rebuild", "--no-progress", "--backend", "tantivy")
    assert "已索引 1 条" in capsys.readouterr().out
    assert get_backend("tantivy").search("公开").total == 1


def test_clear_empties_the_index(corpus):
    corpus.clear()
    assert corpus.search("公开").total == 0


_item_ids = count(1)


def _unsaved_item(title: str, body_text: str) -> InformationItem:
    # The index reads only plain field values, so unsaved items need no database.
    return InformationItem(
        id=next(_item_ids),
        title=title,
        body_text=body_text,
        organisation_id=1,
        status=InformationItem.Status.PUBLISHED,
    )


@pytest.mark.parametrize(
    ("text", "term", "found"),
    [
        ("行政许可事项", "行政许可", True),  # four characters: one gram lookup
        ("许可事项行政许可", "行政许可", True),
        ("行政 许可", "行政许可", False),  # whitespace breaks every gram across it
        ("行政许", "行政许可", False),
        ("关于公安局", "公安局", True),  # three characters at the very end of a text
        ("公安局", "公安局", True),
        ("公安 局", "公安局", False),
        ("局公安", "公安局", False),
        ("广州市环境保护局", "环境保护局", True),  # five and more: the bigram phrase
        ("环境保护 局", "环境保护局", False),
        ("a", "a", True),
    ],
)
def test_every_term_length_matches_exactly_the_substring(tmp_path, text, term, found):
    backend = TantivyBackend(tmp_path)
    item = _unsaved_item("标题", text)
    backend.index_items([item])
    assert (backend.all_ids(term) == {item.pk}) is found


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(st.text(alphabet="公开信息ab 1，", max_size=12), min_size=1, max_size=6),
    term=st.text(alphabet="公开信息ab1，", min_size=1, max_size=6),
)
def test_the_index_finds_exactly_the_items_containing_the_term(tmp_path_factory, texts, term):
    backend = TantivyBackend(tmp_path_factory.mktemp("index"))
    items = [_unsaved_item(f"第{number}号", text) for number, text in enumerate(texts)]
    backend.index_items(items)
    needle = tokenize.normalise(term)
    expected = {
        item.pk
        for item in items
        if needle in tokenize.normalise(item.title) or needle in tokenize.normalise(item.body_text)
    }
    assert backend.all_ids(term) == expected
