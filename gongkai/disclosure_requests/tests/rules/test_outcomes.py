"""The outcome vocabulary against the annual report table (regulation-facts.md §3.4)."""

from __future__ import annotations

import pytest

from gongkai.core.exceptions import ApplicationError
from gongkai.disclosure_requests.rules import outcomes
from gongkai.disclosure_requests.rules.outcomes import OUTCOMES, outcome_by_code

ROWS_2021 = [row for row, _ in outcomes.REPORT_ROWS_2021]


def test_every_2021_row_has_an_outcome_and_every_outcome_one_row() -> None:
    # 三（一）…（六）3: the 21 leaf rows of 三、本年度办理结果 (without （七）总计), in order.
    assert ROWS_2021[0] == "三（一）" and ROWS_2021[-1] == "三（六）3"
    assert len(ROWS_2021) == len(set(ROWS_2021)) == 21
    assert {o.report_row_2021 for o in OUTCOMES} == set(ROWS_2021)
    for row in ROWS_2021:
        assert outcomes.outcomes_for_row(row), row


def test_2019_format_folds_other_handling_into_one_row() -> None:
    rows_2019 = {row for row, _ in outcomes.REPORT_ROWS_2019}
    assert {o.report_row_2019 for o in OUTCOMES} == rows_2019
    assert {o.code for o in outcomes.outcomes_for_row("三（六）", report_format="2019")} == {
        "other_correction_overdue",
        "other_fee_overdue",
        "other_other",
    }


def test_group_counts_match_the_regulation() -> None:
    by_group: dict[str, list[str]] = {}
    for outcome in OUTCOMES:
        by_group.setdefault(outcome.group, []).append(outcome.code)
    assert len([c for c in by_group["withhold"] if c.startswith("withhold_")]) == 8
    assert len([c for c in by_group["unavailable"] if c.startswith("unavailable_")]) == 3
    assert len(by_group["not_processed"]) == 5
    assert len(by_group["other"]) == 3
    assert len({o.code for o in OUTCOMES}) == len(OUTCOMES) == 24


@pytest.mark.parametrize(
    ("code", "row", "article"),
    [
        ("disclose", "三（一）", "第三十六条第（二）项"),
        ("already_public", "三（一）", "第三十六条第（一）项"),
        ("partial", "三（二）", "第三十七条"),
        ("withhold_state_secret", "三（三）1", "第十四条"),
        ("withhold_third_party_rights", "三（三）4", "第十五条"),
        ("withhold_enforcement_file", "三（三）7", "第十六条第二款"),
        ("special_registry", "三（三）8", "第三十六条第（七）项"),
        ("unavailable_not_held", "三（四）1", "第三十六条第（四）项"),
        ("not_this_body", "三（四）1", "第三十六条第（五）项"),
        ("unavailable_needs_creation", "三（四）2", "第三十八条"),
        ("unavailable_unclear_after_correction", "三（四）3", "第三十条"),
        ("not_processed_petition_complaint", "三（五）1", "第三十九条第一款"),
        ("not_processed_duplicate", "三（五）2", "第三十六条第（六）项"),
        ("not_processed_publication", "三（五）3", "第三十九条第二款"),
        ("not_processed_excessive", "三（五）4", "第三十五条"),
        ("other_correction_overdue", "三（六）1", "第三十条"),
        ("other_fee_overdue", "三（六）2", "第四十二条"),
    ],
)
def test_outcome_row_and_article(code: str, row: str, article: str) -> None:
    outcome = outcome_by_code(code)
    assert outcome.report_row_2021 == row
    assert article in outcome.article


def test_only_not_this_body_names_a_responsible_body() -> None:
    assert [o.code for o in OUTCOMES if o.requires_responsible_body] == ["not_this_body"]
    assert all(o.requires_reason_detail for o in OUTCOMES if o.group == "withhold")
    assert all(o.letter_kind.startswith("decision_") for o in OUTCOMES)


def test_unknown_code_is_refused() -> None:
    with pytest.raises(ApplicationError, match="未知的答复类型"):
        outcome_by_code("maybe")


def test_choices_label_every_outcome() -> None:
    assert dict(outcomes.OUTCOME_CHOICES)["withhold_state_secret"] == "不予公开：属于国家秘密"
    assert dict(outcomes.OUTCOME_CHOICES)["disclose"] == "予以公开"


def test_remedies_name_both_routes_bodies_and_time_limits() -> None:
    text = outcomes.remedies_text("某市交通运输局", "某市人民政府")
    assert "某市交通运输局" in text
    assert (
        "60日内" in text
        and "《中华人民共和国行政复议法》" in text
        and "向某市人民政府申请行政复议" in text
    )
    assert "6个月内" in text and "《中华人民共和国行政诉讼法》" in text and "人民法院" in text
    assert "有管辖权的行政复议机关" in outcomes.remedies_text("某局", "")
