import random

from gongkai.demo.textgen import generate_item_fields


def _items(seed: int, count: int = 300) -> list[dict]:
    rng = random.Random(seed)
    return [
        generate_item_fields(rng, organisation_name="广州市交通委员会", year=2009 + n % 3)
        for n in range(count)
    ]


def test_same_seed_same_text_and_other_seed_other_text():
    assert _items(1, 20) == _items(1, 20)
    assert _items(1, 20) != _items(2, 20)


def test_text_is_varied_and_of_realistic_length():
    items = _items(3)
    assert len({item["title"] for item in items}) > 200
    assert len({item["body_text"] for item in items}) == len(items)
    lengths = [len(item["body_text"]) for item in items]
    assert min(lengths) >= 150 and max(lengths) <= 2000
    assert 300 <= sum(lengths) / len(lengths) <= 1500


def test_fields_fit_the_catalogue_model():
    for item in _items(4, 100):
        assert 0 < len(item["title"]) <= 300
        assert len(item["document_number"]) <= 100
        assert len(item["keywords"]) <= 300
        assert 1 <= item["article20_item"] <= 15
        assert item["generated_on"].year in (2009, 2010, 2011)
        assert item["genre"] in {
            "notice",
            "announcement",
            "decision",
            "opinion",
            "measures",
            "rules",
            "plan",
            "report",
            "news",
            "guide",
        }


def test_common_words_are_common_and_long_names_rarer():
    items = _items(5, 1000)

    def share(term: str) -> float:
        fields = ("title", "summary", "body_text", "document_number")
        return sum(any(term in item[field] for field in fields) for item in items) / len(items)

    assert share("公开") > 0.5
    assert 0.03 < share("环保") < share("公开")
    assert 0.01 < share("办事指南") < 0.3
    assert 0 < share("广州市环境保护局") < share("环保")
