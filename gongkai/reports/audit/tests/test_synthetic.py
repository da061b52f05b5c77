"""Reports the auditor has not been tuned on: national-2021 in HTML and text, traditional
characters, blank cells, truncated documents."""

from __future__ import annotations

from pathlib import Path

from gongkai.reports.audit import audit
from gongkai.reports.audit.tests.national import (
    CLEAN_NARRATIVE,
    CLEAN_REVIEW,
    clean_table,
    national_html,
    national_text,
)

FIXTURES = Path(__file__).parent / "fixtures"


def _planted() -> tuple[dict[str, list[int | None]], str, list[int | None]]:
    table = clean_table()
    table["new"][0] = 21  # row 一: 21+5+0+1+0+2 = 29 ≠ 28; column 自然人: 23 ≠ 22
    table["r1"][6] = 16  # row （一）: 15 ≠ 16; column 总计: results add to 27 ≠ 26
    narrative = CLEAN_NARRATIVE.replace("工作动态80条", "工作动态85条")  # 30+85+10 > 120
    narrative = narrative.replace("结转下年度继续办理4件", "结转下年度继续办理5件")
    review = list(CLEAN_REVIEW)
    review[4] = 2  # 行政复议: 1+0+0+0 ≠ 2
    return table, narrative, review


PLANTED = {
    ("parts_sum", "120条", "125条"),
    # the table's 予以公开 (16) and 行政复议 总计 (2) were changed, the narrative was not
    ("narrative_table", "15件", "16件"),
    ("narrative_table", "1件", "2件"),
    ("narrative_table", "5件", "4件"),
    # the narrative's outcomes, carried-forward included, now add to 31, not 28 new + 2 carried
    ("parts_sum", "30件", "31件"),
    ("table_identity", "28", "29"),
    ("table_identity", "16", "15"),
    ("table_identity", "2", "1"),
    ("table_identity", "22", "23"),
    ("table_identity", "26", "27"),
}


def _found(result) -> set[tuple[str, str, str]]:
    return {(f.kind, f.stated, f.expected) for f in result.findings}


def test_clean_national_html_report_has_no_findings():
    result = audit(national_html())
    assert result.findings == []
    assert result.notes == []


def test_clean_national_text_report_has_no_findings():
    result = audit(national_text())
    assert result.findings == []


def test_planted_errors_in_html_are_each_found():
    assert _found(audit(national_html(*_planted()))) == PLANTED


def test_planted_errors_in_text_are_each_found():
    assert _found(audit(national_text(*_planted()))) == PLANTED


def test_narrative_percentage_against_its_counts():
    narrative = CLEAN_NARRATIVE + (
        "全年共收到政府信息公开申请30件，其中自然人申请22件，占73.3%；"
        "法人或其他组织申请8件，占30.0%。"
    )
    found = _found(audit(national_html(narrative=narrative)))
    assert found == {("percentage", "30.0%", "26.7%")}


def test_received_may_include_carried_over_but_not_more():
    narrative = CLEAN_NARRATIVE + "全年共收到政府信息公开申请31件。"
    assert _found(audit(national_html(narrative=narrative))) == {
        ("narrative_table", "31件", "28件")
    }
    narrative = CLEAN_NARRATIVE + "全年共收到政府信息公开申请30件。"
    assert audit(national_html(narrative=narrative)).findings == []


def test_blank_cell_is_missing_not_zero():
    table = clean_table()
    table["r4_1"][0] = None  # really 4: read as 0 the 自然人 column would not add up
    result = audit(national_html(table))
    assert result.findings == []


def test_blank_cell_does_not_hide_other_columns():
    table = clean_table()
    table["r4_1"][0] = None
    table["r4_1"][1] = 3  # 商业企业 column now adds to 7 ≠ 5, and the row to 9 ≠ 6
    found = _found(audit(national_html(table)))
    assert ("table_identity", "5", "7") in found
    assert all(kind == "table_identity" for kind, _, _ in found)


def test_truncated_national_report_checks_what_it_can():
    result = audit(national_html(stop_after="r3_4"))
    assert result.findings == []
    assert any("未检查" in note for note in result.notes)


def test_truncated_national_report_still_finds_row_errors():
    table = clean_table()
    table["r2"][6] = 4
    result = audit(national_html(table, stop_after="r3_4"))
    assert _found(result) == {("table_identity", "4", "3"), ("narrative_table", "3件", "4件")}


def test_truncated_seed_does_not_crash():
    text = (FIXTURES / "seed_2009_legacy.txt").read_text(encoding="utf-8")
    cut = text.index("占总体的比例14.8%") + 5
    result = audit(text[:cut])
    found = _found(result)
    # The overview's figures stand alone; the category list lost its last item.
    assert found <= {("conflicting_values", "31830人次", "34170人次")}


def test_traditional_characters_and_full_width_figures():
    result = audit(FIXTURES / "legacy_traditional.txt")
    assert _found(result) == {
        ("conflicting_values", "1,200人次", "1,300人次"),
        ("conflicting_values", "700人次", "800人次"),
    }


def test_approximate_figures_never_raise_equality_alarms():
    text = (
        "2011年某局政府信息公开年度报告\n一、概述\n"
        "网站访问量达10万人次，共接待读者800余人，发送信息至近万家企业，主动公开信息约300条。\n"
        "二、咨询情况\n网站访问量为10万多人次，共接待读者850人，发送信息至9500家企业，"
        "主动公开信息310条。\n"
    )
    assert audit(text).findings == []


def test_comparisons_with_last_year_are_not_contradictions():
    text = (
        "2011年某局政府信息公开年度报告\n一、概述\n全年主动公开政府信息120条。\n"
        "二、主动公开情况\n全年主动公开政府信息120条，比上年增加20条；"
        "2010年主动公开政府信息100条。\n"
    )
    assert audit(text).findings == []
