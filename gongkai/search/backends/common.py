"""What both backends index about an item, read straight from the database as plain values."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from gongkai.catalogue.models import InformationItem

FIELDS = (
    "id",
    "title",
    "summary",
    "body_text",
    "document_number",
    "organisation_id",
    "category_id",
    "generated_on",
    "article20_item",
    "validity",
    "published_at",
)
CHUNK_SIZE = 2000


@dataclass(frozen=True, slots=True)
class IndexRow:
    item_id: int
    title: str
    summary: str
    body_text: str
    document_number: str
    organisation_id: int
    category_id: int | None
    generated_on: date | None
    article20_item: int | None
    validity: str
    published_at: datetime | None

    @property
    def year(self) -> int | None:
        return self.generated_on.year if self.generated_on else None


def published_rows() -> Iterator[IndexRow]:
    """Every published item, streamed in chunks without building model instances."""
    rows = (
        InformationItem.objects.filter(status=InformationItem.Status.PUBLISHED)
        .order_by()
        .values_list(*FIELDS)
    )
    for values in rows.iterator(chunk_size=CHUNK_SIZE):
        yield IndexRow(*values)


def published_count() -> int:
    return InformationItem.objects.filter(status=InformationItem.Status.PUBLISHED).count()


def rows_for(items: Iterable[InformationItem]) -> tuple[list[IndexRow], list[int]]:
    """Split items into rows to index (published) and ids to drop from the index (the rest)."""
    rows: list[IndexRow] = []
    others: list[int] = []
    for item in items:
        if item.status == InformationItem.Status.PUBLISHED:
            rows.append(IndexRow(*(getattr(item, name) for name in FIELDS)))
        else:
            others.append(item.pk)
    return rows, others
