"""The embedded engine: a tantivy index on local disk.

Each text is indexed twice (see `gongkai.search.tokenize`), both laid out by us as
space-separated grams for tantivy's whitespace tokenizer: character bigrams, which answer
terms of one and two characters, and four-character grams with their positions, which answer
every longer term. (tantivy's own n-gram tokenizer would cut the grams in Rust, but it gives
every gram position 0, so no phrase could be built from them.)
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tantivy
from tqdm import tqdm

from gongkai.catalogue.models import InformationItem
from gongkai.search import tokenize
from gongkai.search.backends.common import IndexRow, published_count, published_rows, rows_for
from gongkai.search.engine import SearchFilters, SearchHit, SearchResults

logger = logging.getLogger(__name__)

# Bump when the schema or the tokens change; `search_rebuild` then builds the new layout.
SCHEMA_VERSION = "v2"
TITLE_BOOST = 3.0
WRITER_HEAP_BYTES = 200_000_000
QUAD_FIELDS = {"title": "title_quad", "text": "text_quad"}
# Another process (a web worker, a rebuild) may hold tantivy's single-writer lock.
WRITER_LOCK_WAIT_SECONDS = 30.0


def _build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("item_id", indexed=True, fast=True)
    for name in ("organisation_id", "category_id", "year", "article20_item"):
        # 0 stands for "none": ids and years start at 1.
        builder.add_unsigned_field(name, indexed=True, fast=True)
    builder.add_unsigned_field("published", fast=True)
    builder.add_text_field("validity", tokenizer_name="raw", index_option="basic")
    # Bigrams are looked up one at a time: frequencies for the ranking, no positions.
    builder.add_text_field("title", tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("text", tokenizer_name="whitespace", index_option="freq")
    # Four-character grams with positions: a longer term is a phrase of them.
    for field in QUAD_FIELDS.values():
        builder.add_text_field(field, tokenizer_name="whitespace", index_option="position")
    return builder.build()


SCHEMA = _build_schema()
_indexes: dict[Path, tantivy.Index] = {}
_indexes_lock = threading.Lock()


def _open_index(directory: Path) -> tantivy.Index:
    path = directory / SCHEMA_VERSION
    with _indexes_lock:
        index = _indexes.get(path)
        if index is None:
            path.mkdir(parents=True, exist_ok=True)
            index = tantivy.Index(SCHEMA, path=str(path), reuse=True)
            _indexes[path] = index
        return index


def _document(row: IndexRow) -> tantivy.Document:
    title = tokenize.normalise(row.title)
    text = tokenize.join_fields(row.summary, row.body_text, row.document_number)
    # Field by field: about twice as fast as Document.from_dict for the same document.
    document = tantivy.Document()
    document.add_unsigned("item_id", row.item_id)
    document.add_unsigned("organisation_id", row.organisation_id)
    document.add_unsigned("category_id", row.category_id or 0)
    document.add_unsigned("year", row.year or 0)
    document.add_unsigned("article20_item", row.article20_item or 0)
    document.add_unsigned("published", int(row.published_at.timestamp()) if row.published_at else 0)
    document.add_text("validity", row.validity)
    document.add_text("title", tokenize.bigram_text(title))
    document.add_text("text", tokenize.bigram_text(text))
    document.add_text(QUAD_FIELDS["title"], tokenize.quadgram_text(title))
    document.add_text(QUAD_FIELDS["text"], tokenize.quadgram_text(text))
    return document


def _literal(term: str) -> str:
    """The term as a regular expression matching exactly its characters."""
    return "".join(f"\\x{{{ord(char):x}}}" for char in term)


def _field_query(field: str, term: str) -> tantivy.Query:
    """Documents whose field contains the normalised term as a substring."""
    if len(term) == 1:
        # Every character starts a bigram (texts end with a sentinel): match by prefix.
        return tantivy.Query.regex_query(SCHEMA, field, _literal(term) + ".")
    if len(term) == 2:
        return tantivy.Query.term_query(SCHEMA, field, term)
    if len(term) == 3:
        # The grams that start with it (the texts end with a sentinel, so there always is one).
        return tantivy.Query.regex_query(SCHEMA, QUAD_FIELDS[field], _literal(term) + ".")
    if len(term) == 4:
        return tantivy.Query.term_query(SCHEMA, QUAD_FIELDS[field], term)
    words: list[Any] = tokenize.term_quadgrams(term)
    return tantivy.Query.phrase_query(SCHEMA, QUAD_FIELDS[field], words)


def _term_query(term: str) -> tantivy.Query:
    """Title or text contains the term as a substring; a title match weighs more."""
    return tantivy.Query.boolean_query(
        [
            (
                tantivy.Occur.Should,
                tantivy.Query.boost_query(_field_query("title", term), TITLE_BOOST),
            ),
            (tantivy.Occur.Should, _field_query("text", term)),
        ]
    )


def _filter_queries(filters: SearchFilters) -> list[tantivy.Query]:
    queries: list[tantivy.Query] = []
    if filters.organisation_ids is not None:
        queries.append(
            tantivy.Query.term_set_query(SCHEMA, "organisation_id", list(filters.organisation_ids))
        )
    if filters.category_ids is not None:
        queries.append(
            tantivy.Query.term_set_query(SCHEMA, "category_id", list(filters.category_ids))
        )
    if filters.year is not None:
        queries.append(tantivy.Query.term_query(SCHEMA, "year", filters.year))
    if filters.article20_item is not None:
        queries.append(tantivy.Query.term_query(SCHEMA, "article20_item", filters.article20_item))
    if filters.validity:
        queries.append(tantivy.Query.term_query(SCHEMA, "validity", filters.validity))
    # Filters restrict, they do not rank.
    return [tantivy.Query.const_score_query(query, 0.0) for query in queries]


def _delete(writer: tantivy.IndexWriter, item_ids: list[int]) -> None:
    # Deleting by a query: delete_documents_by_term does not match unsigned fields.
    if item_ids:
        writer.delete_documents_by_query(tantivy.Query.term_set_query(SCHEMA, "item_id", item_ids))


class TantivyBackend:
    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)

    @property
    def index(self) -> tantivy.Index:
        return _open_index(self.directory)

    # Reading -----------------------------------------------------------------------------

    def build_query(self, query: str, filters: SearchFilters | None = None) -> tantivy.Query | None:
        terms = tokenize.query_terms(query)
        clauses = [_term_query(term) for term in terms]
        clauses += _filter_queries(filters or SearchFilters())
        if not clauses:
            return None
        if not terms:
            clauses.append(tantivy.Query.all_query())
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, clause) for clause in clauses])

    def search(
        self,
        query: str,
        *,
        filters: SearchFilters | None = None,
        page: int = 1,
        page_size: int = 20,
    ) -> SearchResults:
        page = max(page, 1)
        compiled = self.build_query(query, filters)
        if compiled is None or not tokenize.query_terms(query):
            # No words: nothing to rank, so filters alone list the newest items first.
            if compiled is None:
                return SearchResults(total=0, hits=[], page=page, page_size=page_size)
            return self._run(compiled, page, page_size, order_by_field="published")
        return self._run(compiled, page, page_size)

    def _run(
        self,
        compiled: tantivy.Query,
        page: int,
        page_size: int,
        order_by_field: str | None = None,
    ) -> SearchResults:
        index = self.index
        # Another process may have committed: pick up its segments (cheap when unchanged).
        index.reload()
        searcher = index.searcher()
        result = searcher.search(
            compiled,
            limit=page_size,
            offset=(page - 1) * page_size,
            count=True,
            order_by_field=order_by_field,
        )
        addresses = [address for _score, address in result.hits]
        item_ids = searcher.fast_field_values("item_id", addresses) if addresses else []
        hits = [
            SearchHit(
                item_id=int(item_id or 0), score=float(score) if order_by_field is None else 0.0
            )
            for (score, _address), item_id in zip(result.hits, item_ids, strict=True)
        ]
        return SearchResults(
            total=int(getattr(result, "count", 0) or 0), hits=hits, page=page, page_size=page_size
        )

    def all_ids(self, query: str, filters: SearchFilters | None = None) -> set[int]:
        """Every matching item id (for recall checks and benchmarks, not for pages)."""
        compiled = self.build_query(query, filters)
        if compiled is None:
            return set()
        index = self.index
        index.reload()
        searcher = index.searcher()
        limit = max(searcher.num_docs, 1)
        result = searcher.search(compiled, limit=limit, count=False)
        addresses = [address for _score, address in result.hits]
        if not addresses:
            return set()
        return {int(value or 0) for value in searcher.fast_field_values("item_id", addresses)}

    def count(self) -> int:
        index = self.index
        index.reload()
        return int(index.searcher().num_docs)

    # Writing -----------------------------------------------------------------------------

    def _writer(self, *, heap: int = 50_000_000, threads: int = 1) -> tantivy.IndexWriter:
        deadline = time.monotonic() + WRITER_LOCK_WAIT_SECONDS
        while True:
            try:
                return self.index.writer(heap_size=heap, num_threads=threads)
            except ValueError as error:
                if "lock" not in str(error).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _commit(self, writer: tantivy.IndexWriter) -> None:
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def index_items(self, items: Iterable[InformationItem]) -> int:
        rows, others = rows_for(items)
        if not rows and not others:
            return 0
        writer = self._writer()
        _delete(writer, [row.item_id for row in rows] + others)
        for row in rows:
            writer.add_document(_document(row))
        self._commit(writer)
        return len(rows)

    def remove_items(self, item_ids: Iterable[int]) -> None:
        ids = list(item_ids)
        if not ids:
            return
        writer = self._writer()
        _delete(writer, ids)
        self._commit(writer)

    def rebuild(self, *, progress: bool = False) -> int:
        """Re-index every published item; searches see the old index until the single commit."""
        writer = self._writer(heap=WRITER_HEAP_BYTES, threads=0)
        writer.delete_all_documents()
        total = published_count() if progress else None
        rows = tqdm(published_rows(), total=total, unit="条", disable=not progress)
        count = 0
        add = writer.add_document
        for row in rows:
            add(_document(row))
            count += 1
        self._commit(writer)
        return count

    def clear(self) -> None:
        writer = self._writer()
        writer.delete_all_documents()
        self._commit(writer)
