"""Writes of 行政复议、行政诉讼和申诉 cases. Every change is audited in its own transaction."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from gongkai.appeals import deadlines
from gongkai.appeals.models import AppealCase, AppealDocument, CaseKind, CaseResult
from gongkai.catalogue.attachments import validate_upload
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.workdays.services import DeadlineChange, deadline_change_record

# Fields staff may change after registration; the decision has its own step.
EDITABLE_FIELDS = (
    "kind",
    "disclosure_request",
    "review_case",
    "handling_body",
    "case_number",
    "applicant_name",
    "claim",
    "filed_on",
    "accepted_on",
    "note",
)


def _today() -> dt.date:
    return timezone.localdate()


def _locked(appeal_case: AppealCase) -> AppealCase:
    return (
        AppealCase.objects.select_for_update().select_related("organisation").get(pk=appeal_case.pk)
    )


def _check_fields(case: AppealCase) -> None:
    """The rules a case's registration must satisfy, with the message staff should see."""
    if case.kind not in CaseKind.values:
        raise ApplicationError("请选择案件类型（行政复议、行政诉讼或申诉）。")
    if not (case.handling_body or "").strip():
        raise ApplicationError("请填写受理机关（复议机关、人民法院或受理申诉的机关）。")
    if case.filed_on is None:
        raise ApplicationError("请填写提出日期。")
    if case.filed_on > _today():
        raise ApplicationError(f"提出日期 {case.filed_on:%Y-%m-%d} 晚于今天，请核对。")
    if case.accepted_on is not None:
        if case.accepted_on < case.filed_on:
            raise ApplicationError("受理/立案日期不能早于提出日期。")
        if case.accepted_on > _today():
            raise ApplicationError(f"受理/立案日期 {case.accepted_on:%Y-%m-%d} 晚于今天，请核对。")
    if case.decided_on is not None and case.decided_on < (case.accepted_on or case.filed_on):
        raise ApplicationError("已记录的审结日期早于提出或受理日期，请先核对日期。")
    disclosure_request = case.disclosure_request
    if disclosure_request is not None:
        reachable = {disclosure_request.organisation_id, disclosure_request.department_id}
        if case.organisation_id not in reachable:
            raise ApplicationError("所选的政府信息公开申请不是本机关办理的申请。")
        submitted_on = timezone.localtime(disclosure_request.submitted_at).date()
        if case.filed_on < submitted_on:
            raise ApplicationError(
                f"提出日期早于该申请的提交日期（{submitted_on:%Y-%m-%d}），请核对。"
            )
    review = case.review_case
    if review is not None:
        if case.kind != CaseKind.LITIGATION_AFTER_REVIEW:
            raise ApplicationError("只有“复议后起诉”的案件才能关联前置的行政复议案件。")
        if review.kind != CaseKind.ADMINISTRATIVE_REVIEW:
            raise ApplicationError("关联的前置案件必须是行政复议案件。")
        if review.organisation_id != case.organisation_id:
            raise ApplicationError("关联的行政复议案件不属于同一机关。")
        if review.pk is not None and review.pk == case.pk:
            raise ApplicationError("案件不能关联其自身。")
        if review.filed_on > case.filed_on:
            raise ApplicationError("起诉日期不能早于前置行政复议的提出日期。")


def _apply_deadline(case: AppealCase) -> None:
    computed = deadlines.decision_deadline(case.kind, case.accepted_on or case.filed_on)
    case.decision_due_on = computed.due_on if computed else None
    case.decision_due_basis = computed.basis if computed else ""


DEADLINE_RECOMPUTED = "appeals.case.deadline_recomputed"


def appeal_case_recompute_deadlines(*, actor: Any, years: Sequence[int]) -> list[DeadlineChange]:
    """Decision due dates of undecided cases whose period ends in `years`, whose schedule has
    just been entered or corrected (gongkai.workdays.services.DEADLINE_RECOMPUTERS): a last
    day on a 法定休假日 rolls over to the next working day, so the date (and its basis) may
    move. A date that moved is saved and audited; the others are left untouched."""
    first_day = dt.date(min(years), 1, 1)
    candidates = (
        AppealCase.objects.select_for_update()
        .filter(decided_on__isnull=True, decision_due_on__gte=first_day)
        .select_related("organisation")
        .order_by("pk")
    )
    changes: list[DeadlineChange] = []
    for case in candidates:
        old_due_on = case.decision_due_on
        _apply_deadline(case)
        if case.decision_due_on == old_due_on:
            continue
        changes.append(
            deadline_change_record(
                case,
                actor=actor,
                action=DEADLINE_RECOMPUTED,
                years=years,
                field="decision_due_on",
                field_label="法定审结期限",
                old=old_due_on,
                new=case.decision_due_on,
            )
        )
        case.save(update_fields=["decision_due_on", "decision_due_basis", "updated_at"])
    return changes


def _deny(message: str) -> PermissionDeniedError:
    return PermissionDeniedError(message)


@transaction.atomic
def appeal_case_create(
    *,
    actor: Any,
    organisation: Organisation,
    kind: str,
    handling_body: str,
    filed_on: dt.date,
    accepted_on: dt.date | None = None,
    case_number: str = "",
    applicant_name: str = "",
    claim: str = "",
    note: str = "",
    disclosure_request: Any = None,
    review_case: AppealCase | None = None,
) -> AppealCase:
    if not permissions.can_create_appeal_case(actor, organisation):
        raise _deny(f"您没有登记“{organisation.name}”复议诉讼案件的权限。")
    case = AppealCase(
        organisation=organisation,
        kind=kind,
        handling_body=(handling_body or "").strip(),
        filed_on=filed_on,
        accepted_on=accepted_on,
        case_number=(case_number or "").strip(),
        applicant_name=(applicant_name or "").strip(),
        claim=claim or "",
        note=note or "",
        disclosure_request=disclosure_request,
        review_case=review_case,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    _check_fields(case)
    _apply_deadline(case)
    case.save()
    audit.log(
        case,
        "appeals.case.registered",
        actor=actor,
        data={
            "kind": kind,
            "filed_on": filed_on.isoformat(),
            "disclosure_request": disclosure_request.pk if disclosure_request else None,
            "decision_due_on": case.decision_due_on.isoformat() if case.decision_due_on else None,
        },
    )
    return case


@transaction.atomic
def appeal_case_update(*, actor: Any, appeal_case: AppealCase, **fields: Any) -> AppealCase:
    case = _locked(appeal_case)
    if not permissions.can_manage_appeal_case(actor, case):
        raise _deny("您没有修改该案件的权限。")
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ApplicationError(f"不能在此修改：{'、'.join(sorted(unknown))}。")
    changed: dict[str, Any] = {}
    for name, value in fields.items():
        if isinstance(value, str):
            value = value.strip() if name in ("handling_body", "case_number") else value
        if getattr(case, name) != value:
            old = getattr(case, name)
            changed[name] = [_plain(old), _plain(value)]
            setattr(case, name, value)
    if not changed:
        return case
    _check_fields(case)
    _apply_deadline(case)
    case.save()
    audit.log(case, "appeals.case.updated", actor=actor, data={"changed": changed})
    return case


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


@transaction.atomic
def appeal_case_record_decision(
    *,
    actor: Any,
    appeal_case: AppealCase,
    decided_on: dt.date,
    result: str,
    decision_summary: str = "",
    corrective_action: str = "",
) -> AppealCase:
    """Record the 复议决定 / 判决 / 申诉处理结果; the case stops counting as 尚未审结."""
    case = _locked(appeal_case)
    if not permissions.can_manage_appeal_case(actor, case):
        raise _deny("您没有记录该案件结果的权限。")
    if case.decided_on is not None:
        raise ApplicationError(
            f"该案件已于 {case.decided_on:%Y-%m-%d} 审结（{case.get_result_display()}），"
            "不能重复记录结果。"
        )
    if result not in CaseResult.values:
        raise ApplicationError("请选择结果：结果维持、结果纠正或其他结果。")
    if decided_on is None:
        raise ApplicationError("请填写审结日期。")
    if decided_on < (case.accepted_on or case.filed_on):
        raise ApplicationError("审结日期不能早于提出或受理日期。")
    if decided_on > _today():
        raise ApplicationError(f"审结日期 {decided_on:%Y-%m-%d} 晚于今天，请核对。")
    corrective_action = (corrective_action or "").strip()
    if result == CaseResult.CORRECTED and not corrective_action:
        raise ApplicationError("结果为“纠正”的案件，请写明本机关采取的纠正措施。")
    case.decided_on = decided_on
    case.result = result
    case.decision_summary = decision_summary or ""
    case.corrective_action = corrective_action
    case.save()
    audit.log(
        case,
        "appeals.case.decided",
        actor=actor,
        data={"decided_on": decided_on.isoformat(), "result": result},
    )
    return case


@transaction.atomic
def appeal_document_add(
    *, actor: Any, appeal_case: AppealCase, uploaded_file: Any, title: str = ""
) -> AppealDocument:
    case = _locked(appeal_case)
    if not permissions.can_manage_appeal_case(actor, case):
        raise _deny("您没有为该案件上传文书的权限。")
    content_type, size, sha256 = validate_upload(uploaded_file)
    original_name = os.path.basename(uploaded_file.name or "")[:255]
    extension = os.path.splitext(original_name)[1].lower()
    document = AppealDocument(
        appeal_case=case,
        title=(title or "").strip()[:200],
        original_name=original_name,
        content_type=content_type,
        size=size,
        sha256=sha256,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    # Stored under the checksum: the original name is kept in the row, not on disk.
    document.file.save(f"{sha256[:32]}{extension}", File(uploaded_file), save=False)
    storage, name = document.file.storage, document.file.name
    try:
        document.save()
        audit.log(
            document,
            "appeals.document.added",
            actor=actor,
            organisation=case.organisation,
            data={"case": case.pk, "name": original_name, "size": size, "sha256": sha256},
        )
    except Exception:
        if name:
            storage.delete(name)
        raise
    return document


@transaction.atomic
def appeal_document_remove(*, actor: Any, document: AppealDocument) -> None:
    case = _locked(document.appeal_case)
    if not permissions.can_manage_appeal_case(actor, case):
        raise _deny("您没有删除该案件文书的权限。")
    audit.log(
        document,
        "appeals.document.removed",
        actor=actor,
        organisation=case.organisation,
        data={"case": case.pk, "name": document.original_name, "sha256": document.sha256},
    )
    storage, name = document.file.storage, document.file.name
    document.delete()
    # The file goes only once the row is gone for good.
    transaction.on_commit(lambda: storage.delete(name) if name else None)
