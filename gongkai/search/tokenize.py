"""Chinese-aware tokens for exact substring search.

Chinese has no spaces between words, and a word segmenter (jieba and the like) would miss a
query that cuts across its word boundaries. Instead every field is indexed as overlapping
character bigrams with their positions, and a query term of n >= 2 characters becomes the
phrase of its n - 1 bigrams: it matches exactly where the normalised term occurs as a
substring, which is what the LIKE scan of Django admin search finds, and no more. A
one-character term matches the bigrams that start with it.

Both sides go through `normalise` (NFKC folds full-width letters, digits and punctuation to
their half-width forms; then lower case), so 'ＧＢ／Ｔ' finds 'gb/t'. Whitespace runs become one
sentinel character: a query term never contains whitespace (terms are split on it), so bigrams
touching the sentinel can never match, yet they keep the positions honest — without them
'ab bc' would falsely match the phrase for 'abc'.
"""

from __future__ import annotations

import re
import unicodedata
from operator import add

# A private-use character: it stands for whitespace and separates fields joined into one.
SENTINEL = "\ue000"
_SEPARATORS = re.compile(r"[\s\x00-\x1f\x7f\ue000]+")
# Full-width ASCII forms (and the ideographic space) are by far the commonest reason Chinese
# text is not already NFKC; folding them first lets most texts skip the slow full NFKC pass.
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")


def _half_width(match: re.Match[str]) -> str:
    char = match.group()
    return " " if char == "\u3000" else chr(ord(char) - 0xFEE0)


def normalise(text: str) -> str:
    """NFKC, lower case, each run of whitespace or control characters as one sentinel."""
    text = _FULL_WIDTH.sub(_half_width, text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _SEPARATORS.sub(SENTINEL, text.lower())


def bigram_text(normalised: str) -> str:
    """Bigrams joined by spaces, for a whitespace tokenizer that keeps their positions.

    A trailing sentinel makes every character start a bigram, so a one-character term is
    found by the prefix of a bigram.
    """
    padded = normalised + SENTINEL
    return " ".join(map(add, padded, padded[1:]))


def join_fields(*texts: str) -> str:
    """Normalise and join several fields into one stream that no phrase can cross."""
    return SENTINEL.join(normalise(text) for text in texts if text)


def query_terms(query: str) -> list[str]:
    """Whitespace-separated, normalised, de-duplicated terms in their original order."""
    # Splitting after normalising also splits where NFKC turned a character into a space.
    return list(dict.fromkeys(term for term in normalise(query).split(SENTINEL) if term))


def term_bigrams(term: str) -> list[tuple[int, str]]:
    """The (offset, bigram) phrase for a normalised term of two or more characters.

    Bigrams at every other offset, plus the last one, already pin down every character, so
    '办事指南' needs only 办事@0 and 指南@2: half the postings to intersect.
    """
    offsets = list(range(0, len(term) - 1, 2))
    if offsets[-1] != len(term) - 2:
        offsets.append(len(term) - 2)
    return [(offset, term[offset : offset + 2]) for offset in offsets]
