from hypothesis import given
from hypothesis import strategies as st

from gongkai.search import tokenize


def _phrase_matches(text: str, term: str) -> bool:
    """What the index does: the term's bigram phrase found at consecutive positions."""
    tokens = tokenize.bigram_text(tokenize.normalise(text)).split(" ")
    phrase = tokenize.term_bigrams(term)
    return any(
        all(
            start + offset < len(tokens) and tokens[start + offset] == bigram
            for offset, bigram in phrase
        )
        for start in range(len(tokens))
    )


def test_normalise_folds_full_width_case_and_whitespace():
    assert tokenize.normalise("ＧＢ／Ｔ　１９００１ Ab\n\tc") == "gb/t\ue00019001\ue000ab\ue000c"


def test_bigram_text_pads_so_every_character_starts_a_bigram():
    assert tokenize.bigram_text("公开") == "公开 开\ue000"
    assert tokenize.bigram_text("") == ""


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


@given(
    text=st.text(alphabet="公开信息ab 1，,", max_size=30),
    term=st.text(alphabet="公开信息ab1,", min_size=2, max_size=6),
)
def test_phrase_of_bigrams_matches_exactly_where_the_substring_occurs(text, term):
    term = tokenize.normalise(term)
    assert _phrase_matches(text, term) == (term in tokenize.normalise(text))
