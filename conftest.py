"""Cross-cutting fixtures and hooks only; each app keeps its factories in tests/factories.py."""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from pytest_django.plugin import blocking_manager_key

from gongkai.demo.tests import shared

# Data the migrations seed. A transactional test ends by flushing every table, which removes
# these rows too (post_migrate recreates content types and permissions, not data migrations),
# so a transactional test that finds them gone puts them back before it starts.
SEED_MIGRATIONS = (
    "gongkai.workdays.migrations.0002_seed_calendar_2004_2026",
    "gongkai.appeals.migrations.0002_seed_statutory_deadlines",
)


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
    # The tests reading the shared demo run first and one after another, so a process loads it
    # once. Under xdist they all go to the first worker, which is sent a run of consecutive
    # tests from the front (--dist load), while the other worker starts on the rest.
    uses_demo = {item: "shared_demo" in getattr(item, "fixturenames", ()) for item in items}
    items.sort(key=lambda item: not uses_demo[item])


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if "shared_demo" not in getattr(item, "fixturenames", ()):
        shared.leave(item.config.stash[blocking_manager_key])
