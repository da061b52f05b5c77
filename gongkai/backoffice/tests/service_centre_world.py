"""Org 1's complaint, service-guide and service-desk objects for the permission matrices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gongkai.backoffice.tests.world import World


def complaint_pk(world: World) -> dict[str, Any]:
    from gongkai.complaints.tests.factories import ComplaintFactory

    return {"pk": ComplaintFactory(organisation=world.org1).pk}


def service_item_pk(world: World) -> dict[str, Any]:
    from gongkai.service_guides.tests.factories import ServiceGuideFactory

    return {"pk": ServiceGuideFactory(service_item__organisation=world.org1).service_item_id}


def published_service_item_pk(world: World) -> dict[str, Any]:
    from gongkai.service_guides.tests.factories import ServiceGuideFactory

    guide = ServiceGuideFactory(service_item__organisation=world.org1, published=True)
    return {"pk": guide.service_item_id}


def draft_guide_pk(world: World) -> dict[str, Any]:
    from gongkai.service_guides.tests.factories import ServiceGuideFactory

    return {"pk": ServiceGuideFactory(service_item__organisation=world.org1).pk}


def fault_pk(world: World) -> dict[str, Any]:
    from gongkai.service_desk.tests.factories import FaultReportFactory

    return {"pk": FaultReportFactory(organisation=world.org1).pk}


def constant(data: dict[str, Any]) -> Callable[[World], dict[str, Any]]:
    return lambda world: dict(data)


def complaint_entry_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "kind": "suggestion",
        "channel": "phone",
        "received_on": "2025-03-03",
        "subject": "建议增加周六服务",
        "content": "上班族工作日难以前来办事。",
    }


def guide_version_data(world: World) -> dict[str, Any]:
    from gongkai.service_guides.tests.factories import guide_fields

    return {**guide_fields(time_limit="5个工作日"), "change_note": "压缩办理时限"}


def print_run_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "kind": "guide",
        "printed_on": "2025-03-03",
        "batch_number": "2025-09",
        "items_count": 12,
        "copies": 12000,
    }


def service_item_data(world: World) -> dict[str, Any]:
    return {"organisation": world.org1.pk, "code": "SX9001", "name": "排污许可证核发"}


def evaluation_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "evaluator_department": "市工商局窗口",
        "period_start": "2025-01-01",
        "period_end": "2025-01-31",
        "evaluated_team": "咨询岗",
        "attitude": "5",
        "quality": "4",
        "efficiency": "4",
        "conduct": "5",
    }


def fault_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "reporting_department": "市交委窗口",
        "channel": "hotline",
        "description": "叫号机无声音。",
    }


def answered_complaint_track_data(world: World) -> dict[str, Any]:
    from gongkai.complaints.tests.factories import ACCESS_CODE, ComplaintFactory

    complaint = ComplaintFactory(
        organisation=world.org1, status="answered", reply="已处理。", replied_on="2025-03-10"
    )
    return {"tracking_number": complaint.tracking_number, "access_code": ACCESS_CODE}


def complaint_submit_data(world: World) -> dict[str, Any]:
    return {
        "organisation": world.org1.pk,
        "kind": "complaint",
        "subject": "窗口排队时间长",
        "content": "上午排队两小时。",
    }
