"""Backtest of the provisional calendar: 2008–2026 replayed as if each year's notice were unknown.

For every receipt day and both regimes (2019: 20 working days, 第三十三条; 2007: 15 working
days, 2007 条例第二十四条), the provisional due date is compared with the published one. Ours
(statutory holidays, and the weekends near them counted as possible make-up workdays) against
the naive baseline (statutory holidays only). The date gongkai acts on must never be later:
``meets_target`` is true when ours has no later case.
"""

from __future__ import annotations

import time
from typing import Any

from gongkai.disclosure_requests.rules.regimes import REGIMES
from gongkai.workdays import backtest

FIRST_YEAR, LAST_YEAR = 2008, 2026


def run(first_year: int = FIRST_YEAR, last_year: int = LAST_YEAR) -> dict[str, Any]:
    periods = {
        f"{regime.code}年条例（{regime.response_days}个工作日）": regime.response_days
        for regime in REGIMES
    }
    years = range(first_year, last_year + 1)
    started = time.perf_counter()
    ours = backtest.run_backtest(years, periods)
    ours_seconds = time.perf_counter() - started
    baseline = backtest.run_backtest(years, periods, backtest.statutory_only_is_working)
    return {
        "years": [first_year, last_year],
        "provisional": {label: result.as_dict() for label, result in ours.items()},
        "baseline_statutory_only": {
            label: {k: v for k, v in result.as_dict().items() if k != "later_cases"}
            for label, result in baseline.items()
        },
        "seconds": round(ours_seconds, 3),
        "later_cases": sum(result.later for result in ours.values()),
        "baseline_later_cases": sum(result.later for result in baseline.values()),
        "meets_target": all(result.later == 0 for result in ours.values()),
    }
