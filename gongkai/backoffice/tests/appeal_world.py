"""Org 1's review and litigation cases, added to a matrix World on first use.

Shared by the back-office and API permission matrices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gongkai.appeals.models import CaseKind
from gongkai.appeals.tests.factories import AppealCaseFactory, AppealDocumentFactory
from gongkai.backoffice.tests.world import World


@dataclass
class AppealWorld:
    pending: Any
    decided: Any
    document: Any


def appeal_world(world: World) -> AppealWorld:
    existing = getattr(world, "_appeal_world", None)
    if existing is not None:
        return existing  # type: ignore[no-any-return]
    pending = AppealCaseFactory(
        organisation=world.org1, kind=CaseKind.ADMINISTRATIVE_REVIEW, case_number="甲复〔2025〕1号"
    )
    decided = AppealCaseFactory(
        organisation=world.org1,
        kind=CaseKind.LITIGATION_DIRECT,
        handling_body="测试市中级人民法院",
        case_number="（2025）测行初1号",
        filed_on=dt.date(2025, 1, 6),
        decided=True,
    )
    document = AppealDocumentFactory(appeal_case=pending)
    result = AppealWorld(pending=pending, decided=decided, document=document)
    world._appeal_world = result  # type: ignore[attr-defined]
    return result


def appeal_pk(stage: str = "pending") -> Any:
    return lambda world: {"pk": getattr(appeal_world(world), stage).pk}


def appeal_document(world: World) -> dict[str, Any]:
    cases = appeal_world(world)
    return {"pk": cases.pending.pk, "document_pk": cases.document.pk}


def appeal_case_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "kind": "administrative_review",
        "handling_body": "测试市人民政府",
        "case_number": "甲复〔2025〕9号",
        "filed_on": "2025-03-03",
        "accepted_on": "2025-03-05",
    }


def appeal_decision_data(world: World) -> dict[str, Any]:
    return {"decided_on": "2025-04-30", "result": "upheld"}


def appeal_upload(world: World) -> dict[str, Any]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gongkai.catalogue.tests.factories import MINIMAL_PDF

    return {
        "title": "行政复议答复书",
        "file": SimpleUploadedFile("答复书.pdf", MINIMAL_PDF, content_type="application/pdf"),
    }
