from pathlib import Path

from gongkai.search.backends.tantivy_backend import SCHEMA_VERSION
from gongkai.search.checks import check_index_layout


def _layout(directory: Path, name: str) -> None:
    (directory / name).mkdir(parents=True)
    (directory / name / "meta.json").write_text("{}")


def test_an_index_left_in_an_older_layout_asks_for_a_rebuild(settings, tmp_path):
    settings.GONGKAI_SEARCH_INDEX_DIR = tmp_path
    _layout(tmp_path, "v1")
    (warning,) = check_index_layout()
    assert warning.id == "search.W001"
    assert "search_rebuild" in (warning.hint or "")

    _layout(tmp_path, SCHEMA_VERSION)
    assert check_index_layout() == []


def test_a_new_installation_or_the_postgres_backend_is_not_warned_about(settings, tmp_path):
    settings.GONGKAI_SEARCH_INDEX_DIR = tmp_path / "absent"
    assert check_index_layout() == []
    settings.GONGKAI_SEARCH_INDEX_DIR = tmp_path
    assert check_index_layout() == []
    _layout(tmp_path, "v1")
    settings.GONGKAI_SEARCH_BACKEND = "postgres"
    assert check_index_layout() == []
