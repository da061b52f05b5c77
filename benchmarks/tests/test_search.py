import pytest
from django.db import connection

from benchmarks import search

pytestmark = pytest.mark.django_db


def test_the_engine_finds_what_the_like_scan_finds_for_every_benchmark_query():
    result = search.run(items=300, seed=7)

    assert result["index"]["documents"] == 300
    for name, entry in result["classes"].items():
        for query, figures in entry["queries"].items():
            assert figures["hits"] == figures["baseline_hits"], (name, query)
    assert all(check["identical"] for check in result["recall_single_term"].values())
    summary = result["summary"]
    assert summary["worst_recall"] == 1.0
    assert summary["target_classes"] == search.TARGET_CLASSES

    postgres = result["postgres_backend"]
    if connection.vendor != "postgresql":
        assert "skipped" in postgres
        assert set(postgres) == {"skipped"}
        return
    assert postgres["index"]["documents"] == 300
    assert postgres["repeats"]["engine"] == search.POSTGRES_REPEATS
    assert set(postgres["classes"]) == set(search.QUERY_CLASSES)
    for name, entry in postgres["classes"].items():
        assert set(entry["queries"]) == set(search.QUERY_CLASSES[name])
        for query, figures in entry["queries"].items():
            assert figures["hits"] == figures["baseline_hits"], (name, query)
            embedded = result["classes"][name]["queries"][query]
            # Both engines are compared with the same baseline samples.
            assert figures["baseline_p50_ms"] == embedded["baseline_p50_ms"]
        assert entry["baseline_p95_ms"] == result["classes"][name]["baseline_p95_ms"]
    assert set(postgres["recall_single_term"]) == set(search.RECALL_QUERIES)
    assert all(check["identical"] for check in postgres["recall_single_term"].values())
