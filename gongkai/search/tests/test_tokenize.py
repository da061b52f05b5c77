from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from gongkai.search import tokenize


def _phrase_matches(text: str, term: str, *, size: int = 2) -> bool:
    """What an index does: the term's phrase of grams found at their positions."""
    gram_text = tokenize.bigram_text if size == 2 else tokenize.quadgram_text
    phrase = tokenize.term_bigrams(term) if size == 2 else tokenize.term_quadgrams(term)
    tokens = gram_text(tokenize.normalise(text)).split(" ")
    return any(
        all(
            start + offset < len(tokens) and tokens[start + offset] == gram
            for offset, gram in phrase
        )
        for start in range(len(tokens))
    )


def test_normalise_folds_full_width_case_and_whitespace():
    assert tokenize.normalise("ＧＢ／Ｔ　１９００１ Ab\n\tc") == "gb/t\ue00019001\ue000ab\ue000c"


def test_bigram_text_pads_so_every_character_starts_a_bigram():
    assert tokenize.bigram_text("公开") == "公开 开\ue000"
    assert tokenize.bigram_text("") == ""


@given(st.text(alphabet="公开ab\ue000\U0002000b", max_size=20))
def test_gram_texts_are_every_overlapping_gram_in_order(normalised):
    padded = normalised + tokenize.SENTINEL
    pairs = [first + second for first, second in pairwise(padded)]
    quads = [padded[start : start + 4] for start in range(len(padded) - 3)]
    assert tokenize.bigram_text(normalised) == " ".join(pairs)
    assert tokenize.quadgram_text(normalised) == " ".join(quads)


def test_quadgram_text_pads_the_end_for_three_character_terms():
    assert tokenize.quadgram_text("公安局") == "公安局\ue000"
    assert tokenize.quadgram_text("办事指南") == "办事指南 事指南\ue000"
    assert tokenize.quadgram_text("公开") == ""


def test_term_quadgrams_cover_every_character_with_few_grams():
    assert tokenize.term_quadgrams("行政许可") == [(0, "行政许可")]
    assert tokenize.term_quadgrams("政府信息公开") == [(0, "政府信息"), (2, "信息公开")]
    assert tokenize.term_quadgrams("广州市环境保护局") == [(0, "广州市环"), (4, "境保护局")]


def test_query_terms_split_on_any_whitespace_and_drop_duplicates():
    assert tokenize.query_terms("  公开\u3000指南 公开 ＡＢ ") == ["公开", "指南", "ab"]
    assert tokenize.query_terms("   ") == []


def test_term_bigrams_skip_every_other_offset_but_cover_every_character():
    assert tokenize.term_bigrams("公开") == [(0, "公开")]
    assert tokenize.term_bigrams("办事指南") == [(0, "办事"), (2, "指南")]
    assert tokenize.term_bigrams("环境保护局") == [(0, "环境"), (2, "保护"), (3, "护局")]


def test_whitespace_never_joins_a_phrase_across_it():
    assert not _phrase_matches("ab bc", "abc")
    assert _phrase_matches("xabcx", "abc")
    assert not _phrase_matches("abc defg", "abcdefg", size=4)
    assert _phrase_matches("xabcdefgx", "abcdefg", size=4)


@given(
    text=st.text(alphabet="公开信息ab 1，,", max_size=30),
    term=st.text(alphabet="公开信息ab1,", min_size=2, max_size=6),
)
def test_phrase_of_bigrams_matches_exactly_where_the_substring_occurs(text, term):
    term = tokenize.normalise(term)
    assert _phrase_matches(text, term) == (term in tokenize.normalise(text))


@given(
    text=st.text(alphabet="公开信息ab 1，,", max_size=30),
    term=st.text(alphabet="公开信息ab1,", min_size=4, max_size=10),
)
def test_phrase_of_quadgrams_matches_exactly_where_the_substring_occurs(text, term):
    term = tokenize.normalise(term)
    assert _phrase_matches(text, term, size=4) == (term in tokenize.normalise(text))
