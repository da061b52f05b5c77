"""Org 1's reading-room records, one per register, added to a matrix World on first use."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gongkai.backoffice.tests.world import World
from gongkai.reading_room.tests.factories import (
    CurrentDocumentFactory,
    ExternalDatabaseFactory,
    PeriodicalFactory,
    PeriodicalLoanFactory,
    TerminalFactory,
    VisitingGroupFactory,
    VisitorTallyFactory,
)

READING_ROOM_VIEWERS = frozenset({"coordinator", "handler", "approver", "auditor"})
READING_ROOM_MANAGERS = frozenset({"coordinator", "handler"})


def reading_room_records(world: World) -> dict[str, Any]:
    existing = getattr(world, "_reading_room_records", None)
    if existing is not None:
        return existing  # type: ignore[no-any-return]
    org1 = world.org1
    records = {
        "document": CurrentDocumentFactory(organisation=org1),
        # The loopback discard port: a check is refused at once and never leaves the machine.
        "database": ExternalDatabaseFactory(organisation=org1, url="http://127.0.0.1:9/db/"),
        "group": VisitingGroupFactory(organisation=org1),
        "visitor": VisitorTallyFactory(organisation=org1),
        "periodical": PeriodicalFactory(organisation=org1),
        "loan": PeriodicalLoanFactory(periodical__organisation=org1),
        "terminal": TerminalFactory(organisation=org1),
    }
    world._reading_room_records = records  # type: ignore[attr-defined]
    return records


def reading_room_pk(key: str) -> Callable[[World], dict[str, Any]]:
    return lambda world: {"pk": reading_room_records(world)[key].pk}


def visiting_group_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "visited_on": "2009-05-06",
        "group_name": "兄弟城市政务服务中心考察组",
        "people": 18,
    }


def visitor_tally_data(world: World) -> dict[str, Any]:
    return {"organisation": world.org1.pk, "date": "2009-05-06", "count": 64}
