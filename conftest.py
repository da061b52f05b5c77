"""Cross-cutting fixtures and hooks only; each app keeps its factories in tests/factories.py."""

from __future__ import annotations

import importlib
import time
from collections.abc import Generator, Iterator
from typing import Any

import pytest
from pytest_django.plugin import blocking_manager_key

from gongkai.demo.tests import shared

pytest_plugins = ["gongkai.core.testing.clock_plugin"]

# Data the migrations seed. A transactional test ends by flushing every table, which removes
# these rows too (post_migrate recreates content types and permissions, not data migrations),
# so a transactional test that finds them gone puts them back before it starts.
SEED_MIGRATIONS = (
    "gongkai.workdays.migrations.0002_seed_calendar_2004_2026",
    "gongkai.appeals.migrations.0002_seed_statutory_deadlines",
)

# A test slower than this fails unless @pytest.mark.slow(reason=...) says why it has to be. What
# counts is the test's own time: its call, and the setup and teardown of its function-scoped
# fixtures; a wider fixture (the test database, the shared demo, a browser) serves many tests and
# is not charged to the one that happens to set it up.
SLOW_TEST_SECONDS = 20.0

_spent_key = pytest.StashKey[float]()
_shared_setup_before_key = pytest.StashKey[float]()
_shared_setup_seconds = [0.0]  # setup time of fixtures wider than a function, in this process


@pytest.fixture(autouse=True)
def _isolated_media_and_index(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GONGKAI_SEARCH_INDEX_DIR = tmp_path / "search-index"


def _is_transactional(request: pytest.FixtureRequest) -> bool:
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        return True
    marker = request.node.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.fixture(autouse=True)
def _seed_data_after_flush(request):
    if not _is_transactional(request):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    from gongkai.appeals.models import StatutoryDeadline
    from gongkai.workdays import calendar
    from gongkai.workdays.models import CalendarYear

    # Two queries when nothing was flushed since the migrations seeded them.
    if CalendarYear.objects.exists() and StatutoryDeadline.objects.exists():
        return
    for module in SEED_MIGRATIONS:
        importlib.import_module(module).seed(apps, None)
    calendar.clear_cache()


# --- the shared demo (gongkai/demo/tests/shared.py) ----------------------------------------


@pytest.fixture(scope="session")
def _shared_demo_process(django_db_setup, django_db_blocker) -> Iterator[None]:
    yield
    shared.leave(django_db_blocker)  # before the test database is destroyed


@pytest.fixture(scope="module")
def _shared_demo_loaded(
    _shared_demo_process: None, django_db_blocker, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # Module scope, because pytest sets up wider fixtures first: the demo is loaded before the
    # test's own transaction (function scope) is opened, which then nests inside the demo's.
    shared.enter(django_db_blocker, tmp_path_factory)


@pytest.fixture
def shared_demo(
    _shared_demo_loaded: None, db, django_db_blocker, tmp_path_factory, settings
) -> shared.SharedDemo:
    """The demo (`gongkai load_demo`), loaded once per process, for tests that only read it."""
    demo = shared.current() or shared.load_for_this_test_only(tmp_path_factory)
    settings.MEDIA_ROOT = demo.media_root
    settings.GONGKAI_SEARCH_INDEX_DIR = demo.index_dir
    return demo


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        marker = item.get_closest_marker("slow")
        if marker is not None and not str(marker.kwargs.get("reason", "")).strip():
            raise pytest.UsageError(f"{item.nodeid}: @pytest.mark.slow needs reason='…'")
    # The tests reading the shared demo run first and one after another, so a process loads it
    # once. Under xdist they all go to the first worker, which is sent a run of consecutive
    # tests from the front (--dist load), while the other worker starts on the rest.
    uses_demo = {item: "shared_demo" in getattr(item, "fixturenames", ()) for item in items}
    items.sort(key=lambda item: not uses_demo[item])


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    item.stash[_shared_setup_before_key] = _shared_setup_seconds[0]
    if "shared_demo" not in getattr(item, "fixturenames", ()):
        shared.leave(item.config.stash[blocking_manager_key])


# --- the slow-test rule ------------------------------------------------------------------


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef[Any], request: Any) -> Generator[None]:
    if fixturedef.scope == "function":
        return (yield)
    started = time.perf_counter()
    try:
        return (yield)
    finally:
        _shared_setup_seconds[0] += time.perf_counter() - started


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    spent = item.stash.get(_spent_key, 0.0) + report.duration
    item.stash[_spent_key] = spent
    if report.when == "teardown" and report.passed and item.get_closest_marker("slow") is None:
        spent -= _shared_setup_seconds[0] - item.stash.get(_shared_setup_before_key, 0.0)
        if spent > SLOW_TEST_SECONDS:
            report.outcome = "failed"
            report.longrepr = (
                f"{item.nodeid} took {spent:.1f} s (limit {SLOW_TEST_SECONDS:.0f} s): make it "
                "faster, or mark it @pytest.mark.slow(reason=…) with why it cannot be"
            )
    return report
