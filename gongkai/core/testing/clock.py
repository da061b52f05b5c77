"""Stopping the clock for a whole test module: tests never read the real clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from zoneinfo import ZoneInfo

import pytest
import time_machine

SHANGHAI = ZoneInfo("Asia/Shanghai")


def frozen_clock_at(moment: dt.datetime, *, tick: bool = False) -> Callable[[], Iterator[None]]:
    """An autouse fixture running each test of a module, fixtures included, at `moment`.

    Assign it to a module-level name: ``frozen_clock = frozen_clock_at(...)``. A test that
    travels elsewhere itself still wins, since time_machine travels nest. With `tick` the clock
    starts at `moment` and runs, for code that needs time to pass between two writes.
    """

    @pytest.fixture(autouse=True)
    def frozen_clock() -> Iterator[None]:
        with time_machine.travel(moment, tick=tick):
            yield

    return frozen_clock
