"""Search snippets: the passage around the first match, HTML-escaped, terms in <mark>."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from gongkai.search import tokenize

_WHITESPACE = re.compile(r"\s+")
ELLIPSIS = "…"


@lru_cache(maxsize=8192)
def _fold(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char).lower()
    return tokenize.SENTINEL if folded.isspace() or not folded else folded


def _normalised_with_offsets(text: str) -> tuple[str, list[int]]:
    """The text normalised as the index sees it, and for each of its characters the index of
    the original character it came from (NFKC can change lengths)."""
    pieces: list[str] = []
    origins: list[int] = []
    for position, char in enumerate(text):
        folded = _fold(char)
        pieces.append(folded)
        origins.extend([position] * len(folded))
    return "".join(pieces), origins


def _match_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Merged [start, end) spans of the original text where any term occurs."""
    normalised, origins = _normalised_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        start = normalised.find(term)
        while start != -1:
            end = start + len(term)
            spans.append((origins[start], origins[end - 1] + 1))
            start = normalised.find(term, end)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, query: str, *, length: int = 160) -> SafeString:
    """An escaped snippet of at most `length` characters (the whole text if length <= 0)."""
    text = _WHITESPACE.sub(" ", text or "").strip()
    spans = _match_spans(text, tokenize.query_terms(query)) if query else []
    start, end = 0, len(text)
    if 0 < length < len(text):
        # Open a little before the first match so the reader sees its context.
        first = spans[0][0] if spans else 0
        start = max(0, min(first - length // 5, len(text) - length))
        end = start + length
    parts: list[str] = [ELLIPSIS] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        parts.append(escape(text[cursor:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(escape(text[cursor:end]))
    if end < len(text):
        parts.append(ELLIPSIS)
    return mark_safe("".join(parts))
