"""The shared-database engine: PostgreSQL full text over the same character bigrams.

PostgreSQL's text-search parser would split bigrams containing punctuation or mixing scripts,
so each bigram is stored as an ASCII token: "x" followed by the hex code of each character
(4 digits, or "z" and 6 digits beyond the BMP). The encoding is prefix-free per character, so
a one-character term is the prefix query 'x4e2d':*, and a longer term is the same phrase of
bigrams as in the embedded engine, written with the <N> distance operator.

Limit: tsvector positions stop at 16,383, so phrases that start beyond that point of a very
long text are not found by this backend.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice, pairwise
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from tqdm import tqdm

from gongkai.catalogue.models import InformationItem
from gongkai.search import tokenize
from gongkai.search.backends.common import IndexRow, published_count, published_rows, rows_for
from gongkai.search.engine import SearchFilters, SearchHit, SearchResults
from gongkai.search.models import SearchDocument

BATCH_SIZE = 1000
# ts_rank weights {D, C, B, A}: the title (A) counts ten times the body (D).
RANK_WEIGHTS = "{0.1, 0.2, 0.4, 1.0}"


def _char_code(char: str) -> str:
    code = ord(char)
    return f"{code:04x}" if code <= 0xFFFF else f"z{code:06x}"


def encode_bigram(bigram: str) -> str:
    return "x" + _char_code(bigram[0]) + _char_code(bigram[1])


def encode_text(normalised: str) -> str:
    padded = normalised + tokenize.SENTINEL
    codes = [_char_code(char) for char in padded]
    return " ".join("x" + first + second for first, second in pairwise(codes))


def _term_tsquery(term: str) -> str:
    if len(term) == 1:
        return f"'x{_char_code(term)}':*"
    parts: list[str] = []
    previous = 0
    for offset, bigram in tokenize.term_bigrams(term):
        if parts:
            parts.append(f"<{offset - previous}>")
        parts.append(f"'{encode_bigram(bigram)}'")
        previous = offset
    return "(" + " ".join(parts) + ")"


def build_tsquery(query: str) -> str | None:
    terms = tokenize.query_terms(query)
    if not terms:
        return None
    return " & ".join(_term_tsquery(term) for term in terms)


def _document(row: IndexRow) -> SearchDocument:
    return SearchDocument(
        item_id=row.item_id,
        title_tokens=encode_text(tokenize.normalise(row.title)),
        body_tokens=encode_text(
            tokenize.join_fields(row.summary, row.body_text, row.document_number)
        ),
        organisation_id=row.organisation_id,
        category_id=row.category_id,
        year=row.year,
        article20_item=row.article20_item,
        validity=row.validity,
        published_at=row.published_at,
    )


def _batches(rows: Iterable[IndexRow]) -> Iterator[list[SearchDocument]]:
    iterator = iter(rows)
    while batch := [_document(row) for row in islice(iterator, BATCH_SIZE)]:
        yield batch


class PostgresBackend:
    def __init__(self) -> None:
        if connection.vendor != "postgresql":
            raise ImproperlyConfigured(
                "GONGKAI_SEARCH_BACKEND=postgres needs a PostgreSQL DATABASE_URL."
            )

    def _where(self, filters: SearchFilters) -> tuple[list[str], list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if filters.organisation_ids is not None:
            clauses.append("organisation_id = ANY(%s)")
            params.append(list(filters.organisation_ids))
        if filters.category_ids is not None:
            clauses.append("category_id = ANY(%s)")
            params.append(list(filters.category_ids))
        if filters.year is not None:
            clauses.append("year = %s")
            params.append(filters.year)
        if filters.article20_item is not None:
            clauses.append("article20_item = %s")
            params.append(filters.article20_item)
        if filters.validity:
            clauses.append("validity = %s")
            params.append(filters.validity)
        return clauses, params

    def search(
        self,
        query: str,
        *,
        filters: SearchFilters | None = None,
        page: int = 1,
        page_size: int = 20,
    ) -> SearchResults:
        page = max(page, 1)
        clauses, params = self._where(filters or SearchFilters())
        tsquery = build_tsquery(query)
        if tsquery is None and not clauses:
            return SearchResults(total=0, hits=[], page=page, page_size=page_size)
        if tsquery is None:
            score, order, score_params = "0", "published_at DESC NULLS LAST, item_id DESC", []
        else:
            clauses.insert(0, "vector @@ to_tsquery('simple', %s)")
            params.insert(0, tsquery)
            score = "ts_rank(%s, vector, to_tsquery('simple', %s))"
            score_params = [RANK_WEIGHTS, tsquery]
            order = "score DESC, item_id"
        where = " AND ".join(clauses)
        table = SearchDocument._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {table} WHERE {where}", params)
            total = cursor.fetchone()[0]
            cursor.execute(
                f"SELECT item_id, {score} AS score FROM {table} WHERE {where} "
                f"ORDER BY {order} LIMIT %s OFFSET %s",
                [*score_params, *params, page_size, (page - 1) * page_size],
            )
            hits = [SearchHit(item_id=row[0], score=float(row[1])) for row in cursor.fetchall()]
        return SearchResults(total=total, hits=hits, page=page, page_size=page_size)

    def all_ids(self, query: str, filters: SearchFilters | None = None) -> set[int]:
        tsquery = build_tsquery(query)
        if tsquery is None:
            return set()
        clauses, params = self._where(filters or SearchFilters())
        clauses.insert(0, "vector @@ to_tsquery('simple', %s)")
        params.insert(0, tsquery)
        table = SearchDocument._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT item_id FROM {table} WHERE {' AND '.join(clauses)}",
                params,
            )
            return {row[0] for row in cursor.fetchall()}

    def count(self) -> int:
        return SearchDocument.objects.count()

    def index_items(self, items: Iterable[InformationItem]) -> int:
        rows, others = rows_for(items)
        with transaction.atomic():
            SearchDocument.objects.filter(
                item_id__in=[row.item_id for row in rows] + others
            ).delete()
            SearchDocument.objects.bulk_create([_document(row) for row in rows])
        return len(rows)

    def remove_items(self, item_ids: Iterable[int]) -> None:
        SearchDocument.objects.filter(item_id__in=list(item_ids)).delete()

    def rebuild(self, *, progress: bool = False) -> int:
        total = published_count() if progress else None
        count = 0
        with transaction.atomic(), tqdm(total=total, unit="条", disable=not progress) as bar:
            SearchDocument.objects.all().delete()
            for batch in _batches(published_rows()):
                SearchDocument.objects.bulk_create(batch)
                count += len(batch)
                bar.update(len(batch))
        return count

    def clear(self) -> None:
        SearchDocument.objects.all().delete()
