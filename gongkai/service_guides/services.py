"""Writes of 办事指南: service items, guide versions (each one a revision), publication and
print runs. A published guide is never edited: a change is a new version."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.service_guides.models import (
    GUIDE_TEXT_FIELDS,
    GuidePrintRun,
    ServiceGuide,
    ServiceItem,
)

GUIDE_FIELD_LABELS = {
    "basis": "设定依据",
    "conditions": "办理条件",
    "materials": "申请材料",
    "process": "办理流程",
    "time_limit": "办理时限",
    "fees": "收费标准",
    "place": "办理地点",
    "contact": "咨询电话",
}
_SHORT_FIELDS = {"time_limit": 200, "fees": 300, "place": 300, "contact": 200}


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDeniedError(message)


@transaction.atomic
def service_item_create(
    *,
    actor: Any,
    organisation: Organisation,
    code: str,
    name: str,
    department: Organisation | None = None,
    department_name: str = "",
) -> ServiceItem:
    _require(
        permissions.can_manage_service_guides(actor, organisation),
        "您没有管理该机构办事指南的权限。",
    )
    code = (code or "").strip()
    name = (name or "").strip()
    if not code or not name:
        raise ApplicationError("请填写事项编码和事项名称。")
    if len(code) > 50 or len(name) > 200:
        raise ApplicationError("事项编码不能超过50字，事项名称不能超过200字。")
    if ServiceItem.objects.filter(organisation=organisation, code=code).exists():
        raise ApplicationError(f"事项编码“{code}”已被使用。")
    item = ServiceItem.objects.create(
        organisation=organisation,
        code=code,
        name=name,
        department=department,
        department_name=(department_name or "").strip()[:200],
    )
    audit.log(item, "service_guides.service_item.created", actor=actor, data={"code": code})
    return item


def clean_guide_fields(fields: Mapping[str, Any]) -> dict[str, str]:
    unknown = set(fields) - set(GUIDE_TEXT_FIELDS)
    if unknown:
        raise ApplicationError(f"不可填写的字段：{'、'.join(sorted(unknown))}")
    cleaned = {name: str(fields.get(name) or "").strip() for name in GUIDE_TEXT_FIELDS}
    errors = {
        name: f"请填写{GUIDE_FIELD_LABELS[name]}。" for name, value in cleaned.items() if not value
    }
    for name, limit in _SHORT_FIELDS.items():
        if len(cleaned[name]) > limit:
            errors[name] = f"{GUIDE_FIELD_LABELS[name]}不能超过{limit}字。"
    if errors:
        raise ApplicationError("；".join(errors.values()), extra={"errors": errors})
    return cleaned


@transaction.atomic
def service_guide_revise(
    *,
    actor: Any,
    service_item: ServiceItem,
    fields: Mapping[str, Any],
    change_note: str = "",
    revised_on: dt.date | None = None,
    publish: bool = False,
) -> ServiceGuide:
    """Record a new version of the item's guide: one revision (修改调整) of the year."""
    _require(
        permissions.can_manage_service_guides(actor, service_item.organisation),
        "您没有修订该办事指南的权限。",
    )
    cleaned = clean_guide_fields(fields)
    today = timezone.localdate()
    revised_on = revised_on or today
    if revised_on > today:
        raise ApplicationError("修订日期不能晚于今天。")
    # Lock the item so two editors never take the same version number.
    ServiceItem.objects.select_for_update().filter(pk=service_item.pk).first()
    previous = service_item.guides.aggregate(last=Max("version"))["last"] or 0
    if previous:
        note = (change_note or "").strip()
        if not note:
            raise ApplicationError("修订已有指南时请填写修订说明。")
        current = service_item.guides.get(version=previous)
        if all(getattr(current, name) == value for name, value in cleaned.items()):
            raise ApplicationError("内容与上一版相同，无需修订。")
    guide = ServiceGuide.objects.create(
        service_item=service_item,
        version=previous + 1,
        change_note=(change_note or "").strip()[:500],
        revised_on=revised_on,
        created_by=actor if getattr(actor, "pk", None) else None,
        **cleaned,
    )
    audit.log(
        guide,
        "service_guides.guide.revised",
        actor=actor,
        organisation=service_item.organisation,
        data={"version": guide.version, "change_note": guide.change_note},
    )
    if publish:
        service_guide_publish(actor=actor, guide=guide)
    return guide


@transaction.atomic
def service_guide_publish(*, actor: Any, guide: ServiceGuide) -> ServiceGuide:
    """Put a version before the public; the newest published version is the current one."""
    _require(
        permissions.can_manage_service_guides(actor, guide.service_item.organisation),
        "您没有发布该办事指南的权限。",
    )
    if guide.published:
        raise ApplicationError("该版本已经发布。")
    guide.published = True
    guide.published_at = timezone.now()
    guide.save(update_fields=["published", "published_at"])
    audit.log(
        guide,
        "service_guides.guide.published",
        actor=actor,
        organisation=guide.service_item.organisation,
        data={"version": guide.version},
    )
    return guide


def _positive_int(value: Any, label: str, *, minimum: int) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise ApplicationError(f"{label}须为整数。") from None
    if number < minimum:
        raise ApplicationError(f"{label}不能小于{minimum}。")
    return number


@transaction.atomic
def guide_print_run_record(
    *,
    actor: Any,
    organisation: Organisation,
    kind: str,
    printed_on: dt.date,
    batch_number: str,
    copies: Any,
    items_count: Any = 0,
    note: str = "",
) -> GuidePrintRun:
    """Record one print batch of guides (items × copies) or of 便民服务卡."""
    _require(
        permissions.can_manage_service_guides(actor, organisation),
        "您没有登记该机构印制批次的权限。",
    )
    if kind not in GuidePrintRun.Kind.values:
        raise ApplicationError("印制品类型不正确。")
    copies_number = _positive_int(copies, "印数", minimum=1)
    items_number = _positive_int(items_count or 0, "事项数", minimum=0)
    if kind == GuidePrintRun.Kind.GUIDE and items_number < 1:
        raise ApplicationError("办事指南批次须至少包含1项事项。")
    if kind == GuidePrintRun.Kind.SERVICE_CARD and items_number:
        raise ApplicationError("便民服务卡批次不填写事项数。")
    if printed_on > timezone.localdate():
        raise ApplicationError("印制日期不能晚于今天。")
    batch = (batch_number or "").strip()
    if not batch or len(batch) > 50:
        raise ApplicationError("请填写批次号（不超过50字）。")
    if GuidePrintRun.objects.filter(
        organisation=organisation, kind=kind, batch_number=batch
    ).exists():
        raise ApplicationError(f"批次号“{batch}”已登记。")
    run = GuidePrintRun.objects.create(
        organisation=organisation,
        kind=kind,
        printed_on=printed_on,
        batch_number=batch,
        items_count=items_number,
        copies=copies_number,
        note=(note or "").strip()[:300],
        entered_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.log(
        run,
        "service_guides.print_run.recorded",
        actor=actor,
        data={"kind": kind, "items": items_number, "copies": copies_number},
    )
    return run
