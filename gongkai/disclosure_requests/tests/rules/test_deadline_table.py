"""Due dates counted by hand from the 国务院办公厅 holiday notices, run through `gongkai deadline`.

Each case names the notice facts it relies on (holiday block and 调休上班 days). Counting: the
start day is not counted; the N-th working day after it is the due date (N = 20 from
2019-05-15, 15 from 2008-05-01 to 2019-05-14); make-up weekend days count.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Case:
    name: str
    received: str
    due: str
    regime: str
    args: tuple[str, ...] = ()
    base_due: str | None = None
    paused: int = 0
    makeup: tuple[str, ...] = ()


CASES = [
    # --- 2019 regime, 20 working days ---------------------------------------------------------
    # 2024 国庆: 10/1–10/7 off; 9/29 (Sun) and 10/12 (Sat) worked.
    Case(
        "2024 National Day", "2024-09-27", "2024-10-30", "2019", makeup=("2024-09-29", "2024-10-12")
    ),
    # 2025 春节: 1/28–2/4 off; 1/26 (Sun) and 2/8 (Sat) worked.
    Case(
        "2025 Spring Festival",
        "2025-01-24",
        "2025-02-27",
        "2019",
        makeup=("2025-01-26", "2025-02-08"),
    ),
    # A Saturday receipt is not moved to Monday first: same due date as the Friday before.
    Case("2025 Saturday receipt", "2025-01-25", "2025-02-27", "2019"),
    # 2025 国庆中秋: 10/1–10/8 off; 9/28 (Sun) and 10/11 (Sat) worked.
    Case(
        "2025 National Day", "2025-09-26", "2025-10-30", "2019", makeup=("2025-09-28", "2025-10-11")
    ),
    # 2026: Saturday 3/7 receipt; 清明 4/4–4/6 lies after the due date (regulation-facts §4.3).
    Case("2026 Saturday before Qingming", "2026-03-07", "2026-04-03", "2019"),
    # 2026 春节: 2/15–2/23 off; 2/14 (Sat) and 2/28 (Sat) worked.
    Case(
        "2026 Spring Festival",
        "2026-02-13",
        "2026-03-19",
        "2019",
        makeup=("2026-02-14", "2026-02-28"),
    ),
    # 2019 国庆: 10/1–10/7 off; 9/29 (Sun) and 10/12 (Sat) worked.
    Case("2019 National Day", "2019-09-27", "2019-10-30", "2019"),
    # 2020 春节 extended to 2/2 (国办发明电〔2020〕1号); 1/19 (Sun) worked, 2/1 no longer worked.
    Case(
        "2020 Spring Festival extended", "2020-01-17", "2020-02-21", "2019", makeup=("2020-01-19",)
    ),
    # 2020 国庆中秋: 10/1–10/8 off; 9/27 (Sun) and 10/10 (Sat) worked.
    Case("2020 National Day", "2020-09-25", "2020-10-29", "2019"),
    # 2021 春节: 2/11–2/17 off; 2/7 (Sun) and 2/20 (Sat) worked.
    Case(
        "2021 Spring Festival",
        "2021-02-05",
        "2021-03-10",
        "2019",
        makeup=("2021-02-07", "2021-02-20"),
    ),
    # 2021 国庆: 10/1–10/7 off; 9/26 (Sun) and 10/9 (Sat) worked.
    Case("2021 National Day", "2021-09-24", "2021-10-27", "2019"),
    # 2023 春节: 1/21–1/27 off; 1/28 (Sat) and 1/29 (Sun) worked.
    Case(
        "2023 Spring Festival",
        "2023-01-19",
        "2023-02-21",
        "2019",
        makeup=("2023-01-28", "2023-01-29"),
    ),
    # 2023 中秋国庆: 9/29–10/6 off; 10/7 (Sat) and 10/8 (Sun) worked.
    Case("2023 Mid-Autumn and National Day", "2023-09-28", "2023-11-01", "2019"),
    # 2024 春节: 2/10–2/17 off; 2/4 and 2/18 (Sun) worked; 除夕 2/9 is a working day.
    Case("2024 Spring Festival", "2024-02-08", "2024-03-13", "2019", makeup=("2024-02-18",)),
    # --- the regime boundary ------------------------------------------------------------------
    # 2019-05-14 is under the 2007 条例 (15); 端午 6/7–6/9 lies after the due date.
    Case("2019-05-14, last 2007 day", "2019-05-14", "2019-06-04", "2007"),
    # 2019-05-15 is under the 2019 revision (20); 端午 6/7 (Fri) skipped.
    Case("2019-05-15, first 2019 day", "2019-05-15", "2019-06-13", "2019"),
    # --- 2007 regime, 15 working days ---------------------------------------------------------
    # 2009 春节: 1/25–1/31 off; 1/24 (Sat) and 2/1 (Sun) worked.
    Case(
        "2009 Spring Festival",
        "2009-01-23",
        "2009-02-18",
        "2007",
        makeup=("2009-01-24", "2009-02-01"),
    ),
    # 2009 国庆中秋: 10/1–10/8 off; 9/27 (Sun) and 10/10 (Sat) worked.
    Case(
        "2009 National Day", "2009-09-25", "2009-10-22", "2007", makeup=("2009-09-27", "2009-10-10")
    ),
    # 2015 春节: 2/18–2/24 off; 2/15 (Sun) and 2/28 (Sat) worked.
    Case(
        "2015 Spring Festival",
        "2015-02-13",
        "2015-03-11",
        "2007",
        makeup=("2015-02-15", "2015-02-28"),
    ),
    # 2015 抗战胜利70周年: 9/3–9/5 off; 9/6 (Sun) worked.
    Case("2015 victory day", "2015-09-01", "2015-09-23", "2007", makeup=("2015-09-06",)),
    # 2015 国庆: 10/1–10/7 off; 10/10 (Sat) worked.
    Case("2015 National Day", "2015-09-30", "2015-10-27", "2007", makeup=("2015-10-10",)),
    # An explicit --regime overrides the receipt date: 2024 National Day counted with 15 days
    # (9/29, 9/30, 10/8–10/12, 10/14–10/18, 10/21–10/23).
    Case("2024 counted as 2007", "2024-09-27", "2024-10-23", "2007", args=("--regime", "2007")),
    # --- 补正: the period restarts from the corrected application --------------------------------
    Case(
        "2024 corrected after National Day",
        "2024-09-27",
        "2024-11-05",
        "2019",
        args=("--corrected", "2024-10-09"),
        base_due="2024-11-05",
    ),
    Case(
        "2015 corrected after Spring Festival (2007)",
        "2015-02-13",
        "2015-03-17",
        "2007",
        args=("--corrected", "2015-02-25"),
    ),
    Case(
        "2025 corrected on the eve of National Day",
        "2025-09-22",
        "2025-11-04",
        "2019",
        args=("--corrected", "2025-09-30"),
    ),
    # --- consultation pauses -------------------------------------------------------------------
    # Paused: 10/11, 10/12 (make-up Sat), 10/14–10/17 = 6 working days; 10/30 + 6.
    Case(
        "2024 third-party consultation",
        "2024-09-27",
        "2024-11-07",
        "2019",
        args=("--pause", "2024-10-10:2024-10-17"),
        base_due="2024-10-30",
        paused=6,
    ),
    # No reply: the 15-working-day limit (3/11–3/31) is paused; 清明 4/4–4/6 skipped.
    Case(
        "2025 consultation without reply",
        "2025-03-03",
        "2025-04-22",
        "2019",
        args=("--pause", "2025-03-10:"),
        base_due="2025-03-31",
        paused=15,
    ),
    # A late reply (4/30) buys no more than the 15-working-day limit.
    Case(
        "2025 late reply capped",
        "2025-03-03",
        "2025-04-22",
        "2019",
        args=("--pause", "2025-03-10:2025-04-30"),
        base_due="2025-03-31",
        paused=15,
    ),
    # 2007: 10/9, 10/10 (make-up Sat), 10/12 paused = 3; 10/27 + 3.
    Case(
        "2015 third-party consultation (2007)",
        "2015-09-30",
        "2015-10-30",
        "2007",
        args=("--pause", "2015-10-08:2015-10-12"),
        base_due="2015-10-27",
        paused=3,
    ),
    # --- extensions ----------------------------------------------------------------------------
    Case(
        "2024 extended 20",
        "2024-09-27",
        "2024-11-27",
        "2019",
        args=("--extended",),
        base_due="2024-10-30",
    ),
    Case(
        "2024 extended 5",
        "2024-09-27",
        "2024-11-06",
        "2019",
        args=("--extended", "5"),
        base_due="2024-10-30",
    ),
    Case(
        "2009 extended 15 (2007)",
        "2009-09-25",
        "2009-11-12",
        "2007",
        args=("--extended",),
        base_due="2009-10-22",
    ),
    # --- all together: 补正 10/9, consultation 10/10–10/17 (6 paused), extension of 10 ----------
    Case(
        "2024 corrected, paused and extended",
        "2024-09-27",
        "2024-11-27",
        "2019",
        args=("--corrected", "2024-10-09", "--pause", "2024-10-10:2024-10-17", "--extended", "10"),
        base_due="2024-11-05",
        paused=6,
    ),
]


def run_deadline(*args: str) -> dict:
    out = StringIO()
    call_command("deadline", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hand_computed_due_dates(case: Case) -> None:
    result = run_deadline("--received", case.received, *case.args)
    assert result["due"] == case.due
    assert result["regime"] == case.regime
    assert result["received"] == case.received
    assert len(result["paused_days"]) == case.paused
    if case.base_due:
        assert result["base_due"] == case.base_due
    for day in case.makeup:
        assert day in result["makeup_workdays"]
    assert any(case.due[:4] + "年" in step for step in result["steps"])


def test_table_is_large_enough_and_covers_both_regimes() -> None:
    assert len(CASES) >= 25
    assert {case.regime for case in CASES} == {"2019", "2007"}
