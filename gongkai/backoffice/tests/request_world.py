"""Org 1's applications for disclosure, one per stage of handling, added to a matrix World.

Built on first use and kept on the World, so the permission matrices of the back office and
the API can point each step at an application in the state that step expects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from gongkai.backoffice.tests.world import World
from gongkai.disclosure_requests.models import ClockEvent, Decision, DisclosureRequest
from gongkai.disclosure_requests.tests.factories import (
    ClockEventFactory,
    DecisionFactory,
    DisclosureRequestFactory,
    LetterFactory,
)

Status = DisclosureRequest.Status
# A working Monday inside the seeded calendar, so every ledger is computable.
RECEIVED_ON = dt.date(2025, 3, 3)


@dataclass
class RequestWorld:
    pending: Any
    open: Any
    awaiting_correction: Any
    in_consultation: Any
    awaiting_approval: Any
    decided: Any
    letter: Any


def request_world(world: World) -> RequestWorld:
    existing = getattr(world, "_request_world", None)
    if existing is not None:
        return existing  # type: ignore[no-any-return]
    org1 = world.org1
    handler = world.user("org1:handler")

    def make(status: str, **kwargs: Any) -> Any:
        return DisclosureRequestFactory(
            organisation=org1, status=status, received_on=RECEIVED_ON, handler=handler, **kwargs
        )

    pending = DisclosureRequestFactory(organisation=org1, pending=True)
    open_request = make(Status.IN_PROGRESS, information_title="甲局2024年度部门预算说明")
    awaiting_correction = make(Status.AWAITING_CORRECTION)
    ClockEventFactory(
        disclosure_request=awaiting_correction,
        kind=ClockEvent.Kind.CORRECTION_REQUESTED,
        occurred_on=RECEIVED_ON + dt.timedelta(days=2),
        data={"deadline_on": "2025-03-20", "items": "请写明所需信息的文号"},
    )
    in_consultation = make(Status.IN_CONSULTATION)
    ClockEventFactory(
        disclosure_request=in_consultation,
        kind=ClockEvent.Kind.CONSULTATION_STARTED,
        occurred_on=RECEIVED_ON + dt.timedelta(days=3),
        data={"party_kind": "third_party", "party_name": "某建设有限公司"},
    )
    awaiting_approval = make(Status.AWAITING_APPROVAL)
    DecisionFactory(disclosure_request=awaiting_approval, drafted_by=handler)
    decided = make(Status.DECIDED, outcome="disclose")
    DecisionFactory(
        disclosure_request=decided,
        drafted_by=handler,
        status=Decision.Status.APPROVED,
        approved_by=world.user("org1:approver"),
        approved_at=timezone.now(),
    )
    ClockEventFactory(
        disclosure_request=decided,
        kind=ClockEvent.Kind.ANSWERED,
        occurred_on=RECEIVED_ON + dt.timedelta(days=10),
    )
    letter = LetterFactory(disclosure_request=open_request, generated_by=handler)
    result = RequestWorld(
        pending=pending,
        open=open_request,
        awaiting_correction=awaiting_correction,
        in_consultation=in_consultation,
        awaiting_approval=awaiting_approval,
        decided=decided,
        letter=letter,
    )
    world._request_world = result  # type: ignore[attr-defined]
    return result


def request_pk(stage: str) -> Any:
    """Matrix kwargs for the application of org 1 at `stage`."""
    return lambda world: {"pk": getattr(request_world(world), stage).pk}
