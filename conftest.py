"""Cross-cutting fixtures only; each app keeps its factories in tests/factories.py."""

import importlib

import pytest

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
