import pytest

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
