"""Cross-cutting fixtures only; each app keeps its factories in tests/factories.py."""

import pytest


@pytest.fixture(autouse=True)
def _isolated_media_and_index(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GONGKAI_SEARCH_INDEX_DIR = tmp_path / "search-index"
