"""System checks: an embedded index left in an older layout after an upgrade."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility)
def check_index_layout(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    if settings.GONGKAI_SEARCH_BACKEND != "tantivy":
        return []
    from gongkai.search.backends.tantivy_backend import SCHEMA_VERSION

    directory = settings.GONGKAI_SEARCH_INDEX_DIR
    if not directory.is_dir() or (directory / SCHEMA_VERSION / "meta.json").exists():
        return []
    older = sorted(
        path.name
        for path in directory.iterdir()
        if path.is_dir() and path.name != SCHEMA_VERSION and (path / "meta.json").exists()
    )
    if not older:
        return []
    return [
        checks.Warning(
            f"The search index in {directory} is in layout {', '.join(older)}; this version "
            f"searches layout {SCHEMA_VERSION}, which has not been built yet, so searches find "
            "nothing.",
            hint="Run `gongkai search_rebuild` once; then the older folder can be deleted.",
            id="search.W001",
        )
    ]
