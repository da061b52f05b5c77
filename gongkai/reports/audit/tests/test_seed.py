"""The seed report (2009, legacy free-form) has exactly these inconsistencies."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.reports.audit import audit, extract_figures

# A copy of the published 2009 report the project started from (shared/seed/).
SEED = Path(__file__).parent / "fixtures" / "seed_2009_legacy.txt"


@pytest.fixture(scope="module")
def seed_result():
    return audit(SEED)


def test_seed_findings_are_exactly_its_inconsistencies(seed_result):
    found = {(f.kind, f.stated, f.expected) for f in seed_result.findings}
    assert found == {
        # 3 + 12 + 61 = 76, not the 81 items stated (the shares add to 100%, so the list is whole)
        ("parts_sum", "81条", "76条"),
        # 61 of 81 is 75.3%, not 81.5% (81.5% of 81 would be 66)
        ("percentage", "81.5%", "75.3%"),
        # total consultations: 31830 in the overview, 34170 in section 四
        ("conflicting_values", "31830人次", "34170人次"),
        # on-site consultations: 17500 in the overview, 19840 in section 四 and 附表2
        ("conflicting_values", "17500人次", "19840人次"),
    }


def test_seed_findings_say_where(seed_result):
    by_stated = {f.stated: f for f in seed_result.findings}
    assert by_stated["17500人次"].location.line == 19
    assert "来访咨询17500人次" in by_stated["17500人次"].context
    assert by_stated["81.5%"].location.section.startswith("二")
    assert "66条" in by_stated["81.5%"].message


def test_seed_approximate_and_repeated_figures_raise_nothing(seed_result):
    messages = " ".join(f.message for f in seed_result.findings)
    # 达10万 / 10万多 / 10万多, 106批次 and 2204人次 twice, 16025 twice, 800余, 1000余册
    for text in ("10万", "106", "2204", "16025", "800", "1000", "1078", "1540", "595"):
        assert text not in messages


def test_seed_figures_are_extracted(seed_result):
    figures = extract_figures(str(SEED))
    by_label = {(f.label, f.value) for f in figures}
    assert ("现场咨询", 19840) in by_label
    web = [f for f in figures if f.key == "web.visits"]
    assert len(web) == 3 and all(f.approximate for f in web)
