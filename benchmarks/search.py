"""Search over generated items: the embedded engine against Django admin's LIKE scan.

Both sides answer the same question a search page asks — the total number of hits and the
first page of 20 — on the same database in the same run. The baseline is what Django admin
search does: every term icontains in some field (OR across fields, AND across terms),
count(), then the first 20 by newest publication.

When the benchmark database is PostgreSQL, the PostgreSQL full-text backend (the one for
several application servers) is measured in the same run on the same queries: its rebuild,
its first-page latency against the same baseline samples, and its recall against the same
LIKE sets. It is reported under "postgres_backend"; "summary" is about the embedded engine.
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from datetime import time as clock
from functools import partial
from typing import Any, NamedTuple, Protocol

from django.db import connection
from django.db.models import Q, QuerySet

from gongkai.catalogue.models import Category, InformationItem
from gongkai.core.validators import organisation_code_check_char
from gongkai.demo.textgen import DEPARTMENTS, generate_item_fields
from gongkai.organisations.models import Organisation
from gongkai.search.backends.postgres import PostgresBackend
from gongkai.search.backends.tantivy_backend import TantivyBackend
from gongkai.search.engine import SearchBackend, SearchFilters, get_backend
from gongkai.search.models import SearchDocument

QUERY_CLASSES = {
    "two_character": ["公开", "环保", "交通"],
    "four_character": ["办事指南", "行政许可", "环境保护"],
    "two_term": ["公开 指南", "环保 审批"],
    # Measured and reported too, but not among the classes the targets name.
    "one_character": ["公", "局"],
    "three_character": ["公安局", "办事处", "委员会"],
    "long_term": ["政府信息公开", "中华人民共和国", "广州市环境保护局"],
}
TARGET_CLASSES = ["two_character", "four_character", "two_term"]
RECALL_QUERIES = [
    "局",
    "公开",
    "环保",
    "交通",
    "公安局",
    "办事指南",
    "行政许可",
    "环境保护",
    "政府信息公开",
    "广州市环境保护局",
]
ENGINE_REPEATS = 50
# The PostgreSQL backend answers in tens to hundreds of milliseconds: fewer repeats.
POSTGRES_REPEATS = 10
BASELINE_REPEATS = 3
PAGE_SIZE = 20
BATCH_SIZE = 5000
TARGETS = {"p95_ms": 10.0, "speedup": 50.0, "recall": 1.0, "build_items_per_s": 3000.0}


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _organisations() -> list[Organisation]:
    organisations = []
    for number, name in enumerate(DEPARTMENTS):
        body = f"{number + 70000000:08d}"
        organisation, _ = Organisation.objects.get_or_create(
            name=name, defaults={"code": body + organisation_code_check_char(body)}
        )
        organisation.path = f"/{organisation.pk}/"
        organisation.save(update_fields=["path"])
        for code, label in [
            ("functions", "机构职能"),
            ("rules", "规章制度"),
            ("business", "业务类"),
        ]:
            Category.objects.get_or_create(organisation=organisation, code=code, name=label)
        organisations.append(organisation)
    return organisations


def generate(count: int, seed: int) -> float:
    """Bulk-create `count` published items; returns seconds taken."""
    started = time.perf_counter()
    rng = random.Random(seed)
    organisations = _organisations()
    categories = {
        organisation.pk: list(Category.objects.filter(organisation=organisation))
        for organisation in organisations
    }
    existing = InformationItem.objects.count()
    for start in range(existing, count, BATCH_SIZE):
        batch = []
        for _ in range(min(BATCH_SIZE, count - start)):
            organisation = organisations[int(rng.random() * len(organisations))]
            year = rng.randint(2008, 2025)
            fields = generate_item_fields(rng, organisation_name=organisation.name, year=year)
            published_on = fields["generated_on"]
            batch.append(
                InformationItem(
                    organisation=organisation,
                    category=categories[organisation.pk][int(rng.random() * 3)],
                    body="".join(
                        f"<p>{line}</p>" for line in fields["body_text"].split("\n") if line
                    ),
                    status=InformationItem.Status.PUBLISHED,
                    published_at=datetime.combine(published_on, clock(9, 30), tzinfo=UTC),
                    **fields,
                )
            )
        InformationItem.objects.bulk_create(batch)
        _log(f"generated {start + len(batch)}/{count}")
    return time.perf_counter() - started


def _published() -> QuerySet[InformationItem]:
    return InformationItem.objects.filter(status=InformationItem.Status.PUBLISHED)


def _like(query: str) -> QuerySet[InformationItem]:
    items = _published()
    for term in query.split():
        items = items.filter(
            Q(title__icontains=term)
            | Q(summary__icontains=term)
            | Q(body_text__icontains=term)
            | Q(document_number__icontains=term)
        )
    return items


def baseline_page(query: str) -> tuple[int, list[int]]:
    items = _like(query)
    total = items.count()
    first_page = list(
        items.order_by("-published_at", "-id").values_list("pk", flat=True)[:PAGE_SIZE]
    )
    return total, first_page


class _Backend(SearchBackend, Protocol):
    """Both backends can also list every matching item, which the recall check needs."""

    def all_ids(self, query: str, filters: SearchFilters | None = None) -> set[int]: ...


class _Engine(NamedTuple):
    backend: _Backend
    repeats: int


def _timed(function: Callable[[], Any], repeats: int) -> tuple[list[float], Any]:
    samples, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples, result


def _build(backend: _Backend) -> tuple[int, float]:
    """Rebuild the index from scratch; returns the documents indexed and the seconds taken."""
    started = time.perf_counter()
    indexed = backend.rebuild()
    return indexed, time.perf_counter() - started


def _settle_postgres_index() -> tuple[str, float]:
    """Bring the index table to the state autovacuum would soon leave it in after a rebuild.

    Without statistics the planner guesses at the table's size, and rows not yet vacuumed
    keep count() from skipping heap pages and leave GIN entries in the pending list.
    VACUUM cannot run inside a transaction (as in the tests), so there it is only ANALYZE.
    """
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(f"{command} {SearchDocument._meta.db_table}")
    return command, time.perf_counter() - started


def _search_samples(engine: _Engine, query: str) -> tuple[list[float], int]:
    """Milliseconds per first page over the engine's repeats, and the total number of hits."""
    engine.backend.search(query, page_size=PAGE_SIZE)  # warm the searcher and the page cache
    samples, result = _timed(
        partial(engine.backend.search, query, page_size=PAGE_SIZE), engine.repeats
    )
    return samples, result.total


def _class_figures(engine: list[float], baseline: list[float]) -> dict[str, float]:
    engine_p50, engine_p95 = statistics.median(engine), _percentile(engine, 0.95)
    baseline_p50, baseline_p95 = statistics.median(baseline), _percentile(baseline, 0.95)
    return {
        "engine_p50_ms": round(engine_p50, 3),
        "engine_p95_ms": round(engine_p95, 3),
        "baseline_p50_ms": round(baseline_p50, 1),
        "baseline_p95_ms": round(baseline_p95, 1),
        "speedup_p50": round(baseline_p50 / engine_p50, 1),
        "speedup_p95": round(baseline_p95 / engine_p95, 1),
    }


def _measure_classes(engines: dict[str, _Engine]) -> dict[str, dict[str, Any]]:
    """Per engine, per query class: latencies and hits against the one LIKE baseline."""
    classes: dict[str, dict[str, Any]] = {label: {} for label in engines}
    for name, queries in QUERY_CLASSES.items():
        baseline_samples: list[float] = []
        engine_samples: dict[str, list[float]] = {label: [] for label in engines}
        per_query: dict[str, dict[str, Any]] = {label: {} for label in engines}
        for query in queries:
            measured: dict[str, tuple[list[float], int]] = {}
            for label, engine in engines.items():
                _log(f"{name}: {query} ({label})")
                measured[label] = _search_samples(engine, query)
            _log(f"{name}: {query} (LIKE)")
            theirs, (baseline_total, _page) = _timed(
                partial(baseline_page, query), BASELINE_REPEATS
            )
            baseline_samples += theirs
            for label, (ours, hits) in measured.items():
                engine_samples[label] += ours
                per_query[label][query] = {
                    "hits": hits,
                    "baseline_hits": baseline_total,
                    "engine_p50_ms": round(statistics.median(ours), 3),
                    "baseline_p50_ms": round(statistics.median(theirs), 1),
                }
        for label in engines:
            classes[label][name] = {
                "queries": per_query[label],
                **_class_figures(engine_samples[label], baseline_samples),
            }
    return classes


def _measure_recall(engines: dict[str, _Engine]) -> dict[str, dict[str, Any]]:
    """Per engine: every document the LIKE scan finds for each recall query, and no other?"""
    recall: dict[str, dict[str, Any]] = {label: {} for label in engines}
    for query in RECALL_QUERIES:
        _log(f"recall: {query}")
        expected = set(_like(query).values_list("pk", flat=True))
        for label, engine in engines.items():
            found = engine.backend.all_ids(query)
            recall[label][query] = {
                "baseline_hits": len(expected),
                "engine_hits": len(found),
                "recall": round(len(found & expected) / len(expected), 6) if expected else 1.0,
                "precision": round(len(found & expected) / len(found), 6) if found else 1.0,
                "identical": found == expected,
            }
    return recall


def run(*, items: int = 200_000, seed: int = 2009) -> dict[str, Any]:
    generation_s = generate(items, seed)
    rss_before_build = _peak_rss_mb()

    backend = get_backend("tantivy")
    assert isinstance(backend, TantivyBackend)
    _log("building the index")
    indexed, build_s = _build(backend)
    build_rate = indexed / build_s
    engines = {"tantivy": _Engine(backend, ENGINE_REPEATS)}
    rss_after_build = _peak_rss_mb()

    postgres: dict[str, Any]
    if connection.vendor == "postgresql":
        postgres_backend = PostgresBackend()
        _log("building the PostgreSQL backend's index")
        postgres_indexed, postgres_build_s = _build(postgres_backend)
        settle_command, settle_s = _settle_postgres_index()
        engines["postgres"] = _Engine(postgres_backend, POSTGRES_REPEATS)
        postgres = {
            "engine": "postgres",
            "index": {
                "documents": postgres_indexed,
                "build_s": round(postgres_build_s, 2),
                "build_items_per_s": round(postgres_indexed / postgres_build_s),
                "after_build": settle_command,
                "after_build_s": round(settle_s, 2),
            },
            "repeats": {"engine": POSTGRES_REPEATS, "baseline": BASELINE_REPEATS},
        }
    else:
        postgres = {"skipped": f"the benchmark database is {connection.vendor}, not PostgreSQL"}

    classes = _measure_classes(engines)
    recall = _measure_recall(engines)
    if "postgres" in engines:
        postgres |= {"classes": classes["postgres"], "recall_single_term": recall["postgres"]}

    targeted = [classes["tantivy"][name] for name in TARGET_CLASSES]
    worst_p95 = max(entry["engine_p95_ms"] for entry in targeted)
    worst_speedup = min(entry["speedup_p95"] for entry in targeted)
    worst_recall = min(entry["recall"] for entry in recall["tantivy"].values())
    return {
        "database": connection.vendor,
        "items": items,
        "generation_s": round(generation_s, 1),
        "index": {
            "engine": "tantivy",
            "documents": indexed,
            "build_s": round(build_s, 2),
            "build_items_per_s": round(build_rate),
            "peak_rss_mb_before_build": round(rss_before_build, 1),
            "peak_rss_mb": round(rss_after_build, 1),
        },
        "repeats": {"engine": ENGINE_REPEATS, "baseline": BASELINE_REPEATS},
        "classes": classes["tantivy"],
        "recall_single_term": recall["tantivy"],
        "summary": {
            "worst_engine_p95_ms": worst_p95,
            "worst_speedup_p95": worst_speedup,
            "worst_recall": worst_recall,
            "build_items_per_s": round(build_rate),
            "targets": TARGETS,
            "target_classes": TARGET_CLASSES,
            "meets_targets": worst_p95 <= TARGETS["p95_ms"]
            and worst_speedup >= TARGETS["speedup"]
            and worst_recall >= TARGETS["recall"]
            and build_rate >= TARGETS["build_items_per_s"],
        },
        "postgres_backend": postgres,
    }
