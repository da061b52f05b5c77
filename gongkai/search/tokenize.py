"""Chinese-aware tokens for exact substring search.

Chinese has no spaces between words, and a word segmenter (jieba and the like) would miss a
query that cuts across its word boundaries. Instead every field is indexed as overlapping
character bigrams with their positions, and a query term of n >= 2 characters becomes the
phrase of its n - 1 bigrams: it matches exactly where the normalised term occurs as a
substring, which is what the LIKE scan of Django admin search finds, and no more. A
one-character term matches the bigrams that start with it.

A phrase is checked position by position in every document holding all its terms, and
frequent bigrams (人民, 公开) occur many times in most documents, so a common phrase of bigrams
is slow. The embedded engine therefore also indexes every four-character gram with its
position (`quadgram_text`): a four-character term (行政许可) is one term lookup, a
three-character term the grams that start with it, and a longer term the phrase of the few,
rarer grams that cover it (`term_quadgrams`). The PostgreSQL backend uses the bigram phrases.

Both sides go through `normalise` (NFKC folds full-width letters, digits and punctuation to
their half-width forms; then lower case), so 'ＧＢ／Ｔ' finds 'gb/t'. Whitespace runs become one
sentinel character: a query term never contains whitespace (terms are split on it), so bigrams
touching the sentinel can never match, yet they keep the positions honest — without them
'ab bc' would falsely match the phrase for 'abc'.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from array import array

# A private-use character: it stands for whitespace and separates fields joined into one.
SENTINEL = "\ue000"
_SEPARATORS = re.compile(r"[\s\x00-\x1f\x7f\ue000]+")
# Full-width ASCII forms (and the ideographic space) are by far the commonest reason Chinese
# text is not already NFKC; folding them first lets most texts skip the slow full NFKC pass.
_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")
# Code points as machine integers, to lay out gram text without a Python string per gram.
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
_SPACE = ord(" ")


def _half_width(match: re.Match[str]) -> str:
    char = match.group()
    return " " if char == "\u3000" else chr(ord(char) - 0xFEE0)


def normalise(text: str) -> str:
    """NFKC, lower case, each run of whitespace or control characters as one sentinel."""
    text = _FULL_WIDTH.sub(_half_width, text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _SEPARATORS.sub(SENTINEL, text.lower())


def _gram_text(normalised: str, size: int) -> str:
    """Every overlapping gram of `size` characters, in order, separated by spaces.

    The text is laid out as an array of code points (the gram's characters, a space, the next
    gram's characters, ...) rather than joined from one small string per gram, which made
    the layout the slowest step of an index rebuild. A trailing sentinel pads the text, so
    every character starts a bigram and every three characters start a four-character gram.
    """
    codes = array("I")  # 4-byte items on every platform CPython supports
    codes.frombytes((normalised + SENTINEL).encode(_UTF32))
    count = len(codes) - size + 1
    if count <= 0:
        return ""
    laid_out = array("I", [_SPACE]) * ((size + 1) * count)
    for offset in range(size):
        laid_out[offset :: size + 1] = codes[offset : offset + count]
    return laid_out.tobytes().decode(_UTF32)[:-1]


def bigram_text(normalised: str) -> str:
    """Bigrams joined by spaces, for a whitespace tokenizer that keeps their positions.

    A one-character term is found by the prefix of a bigram, a two-character one is a bigram.
    """
    return _gram_text(normalised, 2)


def quadgram_text(normalised: str) -> str:
    """Four-character grams joined by spaces, for a whitespace tokenizer with positions."""
    return _gram_text(normalised, 4)


def join_fields(*texts: str) -> str:
    """Normalise and join several fields into one stream that no phrase can cross."""
    return SENTINEL.join(normalise(text) for text in texts if text)


def query_terms(query: str) -> list[str]:
    """Whitespace-separated, normalised, de-duplicated terms in their original order."""
    # Splitting after normalising also splits where NFKC turned a character into a space.
    return list(dict.fromkeys(term for term in normalise(query).split(SENTINEL) if term))


def _covering(term: str, size: int) -> list[tuple[int, str]]:
    """Grams at every `size`-th offset, plus the last: together they cover every character."""
    offsets = list(range(0, len(term) - size + 1, size))
    if offsets[-1] != len(term) - size:
        offsets.append(len(term) - size)
    return [(offset, term[offset : offset + size]) for offset in offsets]


def term_quadgrams(term: str) -> list[tuple[int, str]]:
    """The (offset, gram) phrase for a normalised term of four or more characters.

    '广州市环境保护局' is 广州市环@0 and 境保护局@4: two grams, each rarer than any of its bigrams.
    """
    return _covering(term, 4)


def term_bigrams(term: str) -> list[tuple[int, str]]:
    """The (offset, bigram) phrase for a normalised term of two or more characters.

    Bigrams at every other offset, plus the last one, already pin down every character, so
    '办事指南' needs only 办事@0 and 指南@2: half the postings to intersect.
    """
    return _covering(term, 2)
