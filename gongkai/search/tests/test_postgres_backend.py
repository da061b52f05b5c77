import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from gongkai.search.engine import SearchFilters, get_backend
from gongkai.search.tests.factories import generated_items

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the PostgreSQL backend needs DATABASE_URL pointing at PostgreSQL",
)


@pytest.mark.skipif(connection.vendor == "postgresql", reason="checks the SQLite refusal")
def test_refuses_to_run_without_postgresql():
    with pytest.raises(ImproperlyConfigured):
        get_backend("postgres")


@postgres_only
@pytest.mark.postgres_only
@pytest.mark.parametrize(
    "query",
    ["局", "公开", "环保", "办事指南", "广州市环境保护局", "公开 环保", "www.gz", "〔2009〕"],
)
def test_same_results_as_the_embedded_engine(query):
    items = generated_items(300)
    tantivy_backend, postgres_backend = get_backend("tantivy"), get_backend("postgres")
    assert tantivy_backend.rebuild() == postgres_backend.rebuild() == 300

    assert postgres_backend.all_ids(query) == tantivy_backend.all_ids(query)
    assert postgres_backend.search(query).total == tantivy_backend.search(query).total
    filters = SearchFilters(organisation_ids=[items[0].organisation_id], year=2009)
    assert {
        hit.item_id for hit in postgres_backend.search(query, filters=filters, page_size=500).hits
    } == {hit.item_id for hit in tantivy_backend.search(query, filters=filters, page_size=500).hits}


@postgres_only
@pytest.mark.postgres_only
def test_title_match_ranks_first_and_withdrawn_items_leave():
    items = generated_items(50)
    backend = get_backend("postgres")
    backend.rebuild()
    results = backend.search("办事指南")
    titles = [next(i.title for i in items if i.pk == hit.item_id) for hit in results.hits]
    in_title = [title for title in titles if "办事指南" in title]
    assert titles[: len(in_title)] == in_title
    assert items[0].pk in backend.all_ids(items[0].title)
    backend.remove_items([items[0].pk])
    assert items[0].pk not in backend.all_ids(items[0].title)
    assert backend.count() == 49
