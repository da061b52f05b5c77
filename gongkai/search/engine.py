"""The search engine seen by the rest of the project: one interface, two backends.

"tantivy" (default) keeps an embedded index on local disk; "postgres" keeps its index in the
shared database so that several application servers see the same results.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from gongkai.catalogue.models import InformationItem


@dataclass(frozen=True)
class SearchFilters:
    organisation_ids: list[int] | None = None
    category_ids: list[int] | None = None
    # The year of the item's 生成日期 (generated_on), as the catalogue groups items.
    year: int | None = None
    article20_item: int | None = None
    validity: str | None = None


@dataclass(frozen=True)
class SearchHit:
    item_id: int
    score: float


@dataclass(frozen=True)
class SearchResults:
    total: int
    hits: list[SearchHit] = field(default_factory=list)
    page: int = 1
    page_size: int = 20

    @property
    def item_ids(self) -> list[int]:
        return [hit.item_id for hit in self.hits]


class SearchBackend(Protocol):
    def search(
        self,
        query: str,
        *,
        filters: SearchFilters | None = None,
        page: int = 1,
        page_size: int = 20,
    ) -> SearchResults: ...

    def index_items(self, items: Iterable[InformationItem]) -> int: ...

    def remove_items(self, item_ids: Iterable[int]) -> None: ...

    def rebuild(self, *, progress: bool = False) -> int: ...

    def clear(self) -> None: ...


def get_backend(name: str | None = None) -> SearchBackend:
    name = name or settings.GONGKAI_SEARCH_BACKEND
    if name == "tantivy":
        from gongkai.search.backends.tantivy_backend import TantivyBackend

        return TantivyBackend(settings.GONGKAI_SEARCH_INDEX_DIR)
    if name == "postgres":
        from gongkai.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    raise ImproperlyConfigured(f"Unknown GONGKAI_SEARCH_BACKEND {name!r}: use tantivy or postgres.")
