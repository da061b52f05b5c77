"""Writes to the 主动公开 catalogue: items, their workflow, attachments and categories.

Workflow::

    draft ──submit──▶ pending_review ──publish──▶ published ──withdraw──▶ withdrawn
      ▲                   │                         ▲                         │
      └──────return───────┘     (publish also straight from draft)   └──publish (again)─┘

* Editors (承办人, 公开办) create, edit and submit; publishers (发布员) return, publish,
  withdraw.
* 索引号 is taken on first publication and never changes, also when an item is published again
  after a withdrawal. An index number brought along on creation (e.g. by an import from an
  earlier system) is kept as is.
* Editing a published item is a 变更 of public information, so only a publisher may do it; it
  sets 变更日期 (changed_on) to today unless given, which restarts the 第二十六条 clock.
* 第二十六条: publication_due_on = 20 working days after changed_on or generated_on. In a year
  whose holiday notice is not entered yet the date is counted in the provisional calendar and
  shown 暂定 (docs/calendar.md). `information_items_refresh_due_dates` fills the dates left
  empty by earlier versions, which refused to count such years.
* After commit, the search index follows the item (gongkai.search.services.search_sync_item).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gongkai.catalogue import index_numbers
from gongkai.catalogue.attachments import validate_upload
from gongkai.catalogue.models import Attachment, Category, InformationItem
from gongkai.catalogue.sanitise import clean_body_html, contains_html_tag, html_to_text
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.workdays.calendar import UnknownCalendarYearError, add_working_days
from gongkai.workdays.services import DeadlineChange, deadline_change_record

logger = logging.getLogger(__name__)

PUBLICATION_WORKING_DAYS = 20  # 第二十六条

Status = InformationItem.Status

EDITABLE_FIELDS = frozenset(
    {
        "title", "summary", "body", "document_number", "generated_on", "changed_on",
        "category", "topic", "genre", "keywords", "article20_item", "disclosure_mode",
        "non_disclosure_reason", "disclosure_timing", "disclosure_scope", "validity",
        "effective_on", "repealed_on",
    }
)  # fmt: skip
# Only on creation: a 索引号 carried over from an earlier system.
CREATE_ONLY_FIELDS = frozenset({"index_number"})

DEFAULT_CATEGORIES = (
    ("functions", "机构职能"),
    ("rules", "规章制度"),
    ("business", "业务类"),
)


# --- helpers ---------------------------------------------------------------------------------


def _deny(message: str) -> PermissionDeniedError:
    return PermissionDeniedError(message)


def _validation_message(exc: ValidationError, model: type[Any] = InformationItem) -> str:
    if hasattr(exc, "error_dict"):
        parts = []
        for field_name, errors in exc.message_dict.items():
            try:
                label = str(model._meta.get_field(field_name).verbose_name)
            except Exception:
                label = "" if field_name == "__all__" else field_name
            text = "；".join(errors)
            parts.append(f"{label}：{text}" if label else text)
        return "；".join(parts)
    return "；".join(exc.messages)


def _full_clean(obj: Any, **kwargs: Any) -> None:
    try:
        obj.full_clean(**kwargs)
    except ValidationError as exc:
        raise ApplicationError(
            _validation_message(exc, type(obj)),
            extra={"errors": getattr(exc, "message_dict", {"__all__": exc.messages})},
        ) from exc


def publication_due_on(item: InformationItem) -> dt.date | None:
    """第二十六条: the 20th working day after the item was formed (生成) or changed (变更)."""
    start = item.changed_on or item.generated_on
    if start is None:
        return None
    try:
        return add_working_days(start, PUBLICATION_WORKING_DAYS)  # 暂定 in a year not entered
    except UnknownCalendarYearError:
        # Only before 2000 or after 2100: an old document brought in by an import, which no
        # 第二十六条 deadline applies to.
        return None


def validate_item_rules(item: InformationItem) -> None:
    """Rules between fields that the model's field validators cannot see on their own.

    Raises ValidationError keyed by field so that forms and the importer can point at the
    right input; services turn it into an ApplicationError.
    """
    errors: dict[str, list[str]] = {}

    def add(field_name: str, message: str) -> None:
        errors.setdefault(field_name, []).append(message)

    item.title = (item.title or "").strip()
    if contains_html_tag(item.title):
        add("title", "名称不能包含HTML标签。")
    today = timezone.localdate()
    if item.generated_on and item.generated_on > today:
        add("generated_on", "生成日期不能晚于今天。")
    if item.changed_on and item.generated_on and item.changed_on < item.generated_on:
        add("changed_on", "变更日期不能早于生成日期。")
    if (
        item.disclosure_mode == InformationItem.DisclosureMode.NOT_DISCLOSED
        and not item.non_disclosure_reason.strip()
    ):
        add("non_disclosure_reason", "不予公开的信息须说明不予公开的理由。")
    if item.validity == InformationItem.Validity.REPEALED and not item.repealed_on:
        add("repealed_on", "已废止的信息须填写废止日期。")
    if item.repealed_on and item.validity != InformationItem.Validity.REPEALED:
        add("repealed_on", "只有已废止的信息才能填写废止日期。")
    if item.effective_on and item.repealed_on and item.repealed_on < item.effective_on:
        add("repealed_on", "废止日期不能早于施行日期。")
    if item.category_id and item.category and item.category.organisation_id != item.organisation_id:
        add("category", "目录分类不属于该发布机构。")
    if errors:
        raise ValidationError(errors)


def _check_rules(item: InformationItem) -> None:
    try:
        validate_item_rules(item)
    except ValidationError as exc:
        message = _validation_message(exc)
        raise ApplicationError(message, extra={"errors": exc.message_dict}) from exc


def _prepare(item: InformationItem) -> None:
    """Derive the stored values (clean HTML, plain text, deadline) and check every rule."""
    item.body = clean_body_html(item.body)
    item.body_text = html_to_text(item.body)
    _check_rules(item)
    _full_clean(item)
    item.publication_due_on = publication_due_on(item)


def _sync_search(item_id: int) -> None:
    from gongkai.search.services import search_sync_item

    search_sync_item(item_id=item_id)


def _schedule_search_sync(item: InformationItem) -> None:
    item_id = item.pk
    transaction.on_commit(lambda: _sync_search(item_id))


def _locked(information_item: InformationItem) -> InformationItem:
    """Re-read the item under a row lock, so two workflow steps never interleave."""
    try:
        return (
            InformationItem.objects.select_for_update(of=("self",))
            .select_related("organisation", "category")
            .get(pk=information_item.pk)
        )
    except InformationItem.DoesNotExist:
        raise ApplicationError("该政府信息不存在或已被删除。") from None


def _copy_back(target: InformationItem, source: InformationItem) -> None:
    # Callers keep using the instance they passed; make it match what was saved.
    for field in InformationItem._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))


def _status_label(status: str) -> str:
    return str(Status(status).label)


# --- items -----------------------------------------------------------------------------------


def _item_new_draft(
    *, actor: Any, organisation: Organisation, fields: dict[str, Any], source: str = ""
) -> InformationItem:
    unknown = set(fields) - EDITABLE_FIELDS - CREATE_ONLY_FIELDS
    if unknown:
        raise ApplicationError(f"不可填写的字段：{'、'.join(sorted(unknown))}")
    item = InformationItem(
        organisation=organisation, created_by=actor, status=Status.DRAFT, **fields
    )
    if not item.index_number:
        item.index_number = None
    _prepare(item)
    item.save()
    data = {"title": item.title, "index_number": item.index_number}
    if source:
        data["source"] = source
    audit.log(item, "catalogue.item.created", actor=actor, data=data)
    return item


@transaction.atomic
def information_item_create(
    *, actor: Any, organisation: Organisation, **fields: Any
) -> InformationItem:
    if not permissions.can_create_information_item(actor, organisation):
        raise _deny(f"您没有在“{organisation.name}”新建政府信息的权限。")
    return _item_new_draft(actor=actor, organisation=organisation, fields=fields)


@transaction.atomic
def information_item_publish_generated(
    *, actor: Any, organisation: Organisation, source: str, **fields: Any
) -> InformationItem:
    """Create and publish in one step an item that another register produced whole (`source`
    names it, e.g. "reports.annual_report:12"); its own workflow stood in for draft and review.
    """
    if not permissions.can_publish_generated_information_item(actor, organisation):
        raise _deny(f"您没有在“{organisation.name}”发布政府信息的权限。")
    item = _item_new_draft(actor=actor, organisation=organisation, fields=fields, source=source)
    return _publish_locked(item, actor=actor)


@transaction.atomic
def information_item_update(
    *, actor: Any, information_item: InformationItem, **fields: Any
) -> InformationItem:
    item = _locked(information_item)
    if item.status == Status.PUBLISHED:
        # A change to public information is a publication in its own right.
        if not permissions.can_publish_information_item(actor, item):
            raise _deny("已发布的信息只能由发布员修改；如需修改，请联系发布员。")
    elif not permissions.can_edit_information_item(actor, item):
        raise _deny(f"您没有修改“{item.organisation.name}”政府信息的权限。")
    if "index_number" in fields:
        raise ApplicationError("索引号一经生成不能修改。")
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ApplicationError(f"不可修改的字段：{'、'.join(sorted(unknown))}")

    before = {name: getattr(item, name) for name in fields}
    for name, value in fields.items():
        setattr(item, name, value)
    changes = {
        name: [str(before[name] or ""), str(getattr(item, name) or "")]
        for name in fields
        if before[name] != getattr(item, name)
    }
    if not changes:
        return item
    if item.status == Status.PUBLISHED and "changed_on" not in fields:
        item.changed_on = timezone.localdate()
    _prepare(item)
    item.save()
    audit.log(item, "catalogue.item.updated", actor=actor, data={"changes": changes})
    if item.status == Status.PUBLISHED:
        _schedule_search_sync(item)
    _copy_back(information_item, item)
    return item


@transaction.atomic
def information_item_submit(*, actor: Any, information_item: InformationItem) -> InformationItem:
    item = _locked(information_item)
    if not permissions.can_submit_information_item(actor, item):
        raise _deny("您没有提交该政府信息审核的权限。")
    if item.status != Status.DRAFT:
        raise ApplicationError(
            f"只有草稿可以提交审核，该信息当前状态为“{_status_label(item.status)}”。"
        )
    item.status = Status.PENDING_REVIEW
    item.save(update_fields=["status", "updated_at"])
    audit.log(item, "catalogue.item.submitted", actor=actor)
    _copy_back(information_item, item)
    return item


@transaction.atomic
def information_item_return(
    *, actor: Any, information_item: InformationItem, reason: str
) -> InformationItem:
    item = _locked(information_item)
    if not permissions.can_publish_information_item(actor, item):
        raise _deny("只有发布员可以退回待审核的信息。")
    if item.status != Status.PENDING_REVIEW:
        raise ApplicationError(
            f"只有待审核的信息可以退回，该信息当前状态为“{_status_label(item.status)}”。"
        )
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError("请填写退回原因。")
    item.status = Status.DRAFT
    item.save(update_fields=["status", "updated_at"])
    audit.log(item, "catalogue.item.returned", actor=actor, data={"reason": reason})
    _copy_back(information_item, item)
    return item


def check_publishable(item: InformationItem) -> None:
    """Rules an item must meet to appear in the public catalogue."""
    if item.disclosure_mode != InformationItem.DisclosureMode.PROACTIVE:
        raise ApplicationError(
            f"公开方式为“{item.get_disclosure_mode_display()}”的信息不能发布到主动公开目录。"
        )
    _check_rules(item)


def _publish_locked(
    item: InformationItem, *, actor: Any, sync_search: bool = True
) -> InformationItem:
    if not permissions.can_publish_information_item(actor, item):
        raise _deny("只有发布员可以发布政府信息。")
    if item.status == Status.PUBLISHED:
        raise ApplicationError("该信息已经发布。")
    check_publishable(item)
    republished = item.status == Status.WITHDRAWN
    if not item.index_number:
        item.index_number = index_numbers.allocate(
            organisation=item.organisation, on=timezone.localdate()
        )[0]
    item.status = Status.PUBLISHED
    # 发布日期 is the first publication; publishing again after a withdrawal keeps it.
    if item.published_at is None:
        item.published_at = timezone.now()
        item.published_by = actor if getattr(actor, "pk", None) else None
    item.withdrawal_reason = ""
    item.save()
    audit.log(
        item, "catalogue.item.published", actor=actor,
        data={"index_number": item.index_number, "republished": republished},
    )  # fmt: skip
    if sync_search:
        _schedule_search_sync(item)
    return item


@transaction.atomic
def information_item_publish(*, actor: Any, information_item: InformationItem) -> InformationItem:
    item = _publish_locked(_locked(information_item), actor=actor)
    _copy_back(information_item, item)
    return item


@transaction.atomic
def information_item_withdraw(
    *, actor: Any, information_item: InformationItem, reason: str
) -> InformationItem:
    item = _locked(information_item)
    if not permissions.can_withdraw_information_item(actor, item):
        raise _deny("只有发布员可以撤回已发布的信息。")
    if item.status != Status.PUBLISHED:
        raise ApplicationError(
            f"只有已发布的信息可以撤回，该信息当前状态为“{_status_label(item.status)}”。"
        )
    reason = (reason or "").strip()
    if not reason:
        raise ApplicationError("请填写撤回原因。")
    item.status = Status.WITHDRAWN
    item.withdrawal_reason = reason[:300]
    item.save(update_fields=["status", "withdrawal_reason", "updated_at"])
    audit.log(item, "catalogue.item.withdrawn", actor=actor, data={"reason": reason})
    _schedule_search_sync(item)
    _copy_back(information_item, item)
    return item


@transaction.atomic
def information_items_refresh_due_dates(*, organisation: Organisation | None = None) -> int:
    """Fill publication_due_on where an earlier version left it empty (year not entered)."""
    items = InformationItem.objects.filter(publication_due_on__isnull=True)
    if organisation is not None:
        items = items.filter(organisation=organisation)
    updated = 0
    for item in items.only("pk", "generated_on", "changed_on").iterator():
        due = publication_due_on(item)
        if due is not None:
            InformationItem.objects.filter(pk=item.pk).update(publication_due_on=due)
            updated += 1
    return updated


DEADLINE_RECOMPUTED = "catalogue.item.deadline_recomputed"


def information_item_recompute_deadlines(
    *, actor: Any, years: Sequence[int]
) -> list[DeadlineChange]:
    """第二十六条 due dates of unpublished items counted across `years`, whose schedule has just
    been entered or corrected (gongkai.workdays.services.DEADLINE_RECOMPUTERS): each date that
    moved is saved and audited, the others are left untouched."""
    first_day, last_day = dt.date(min(years), 1, 1), dt.date(max(years), 12, 31)
    candidates = (
        InformationItem.objects.select_for_update()
        .filter(status__in=[Status.DRAFT, Status.PENDING_REVIEW])
        .filter(Q(publication_due_on__gte=first_day) | Q(publication_due_on__isnull=True))
        .filter(
            Q(changed_on__lte=last_day) | Q(changed_on__isnull=True, generated_on__lte=last_day)
        )
        .select_related("organisation")
        .order_by("pk")
    )
    changes: list[DeadlineChange] = []
    for item in candidates:
        new = publication_due_on(item)
        if new == item.publication_due_on:
            continue
        changes.append(
            deadline_change_record(
                item,
                actor=actor,
                action=DEADLINE_RECOMPUTED,
                years=years,
                field="publication_due_on",
                field_label="公开期限",
                old=item.publication_due_on,
                new=new,
                label=item.title[:100],
            )
        )
        InformationItem.objects.filter(pk=item.pk).update(publication_due_on=new)
    return changes


# --- attachments -----------------------------------------------------------------------------


def _check_can_change_attachments(actor: Any, item: InformationItem) -> None:
    if item.status == Status.PUBLISHED:
        if not permissions.can_publish_information_item(actor, item):
            raise _deny("已发布信息的附件只能由发布员修改。")
    elif not permissions.can_edit_information_item(actor, item):
        raise _deny("您没有修改该政府信息附件的权限。")


@transaction.atomic
def attachment_add(
    *, actor: Any, information_item: InformationItem, uploaded_file: Any
) -> Attachment:
    item = _locked(information_item)
    _check_can_change_attachments(actor, item)
    content_type, size, sha256 = validate_upload(uploaded_file)
    original_name = os.path.basename(uploaded_file.name or "")[:255]
    extension = os.path.splitext(original_name)[1].lower()
    attachment = Attachment(
        item=item, original_name=original_name, content_type=content_type, size=size,
        sha256=sha256,
    )  # fmt: skip
    # Stored under the checksum: the original name is kept in the row, not on disk.
    attachment.file.save(f"{sha256[:32]}{extension}", File(uploaded_file), save=False)
    try:
        attachment.save()
        audit.log(
            attachment, "catalogue.attachment.added", actor=actor, organisation=item.organisation,
            data={"item": item.pk, "name": original_name, "size": size, "sha256": sha256},
        )  # fmt: skip
    except Exception:
        attachment.file.delete(save=False)
        raise
    if item.status == Status.PUBLISHED:
        _schedule_search_sync(item)
    return attachment


@transaction.atomic
def attachment_remove(*, actor: Any, attachment: Attachment) -> None:
    item = _locked(attachment.item)
    _check_can_change_attachments(actor, item)
    audit.log(
        attachment, "catalogue.attachment.removed", actor=actor, organisation=item.organisation,
        data={"item": item.pk, "name": attachment.original_name, "sha256": attachment.sha256},
    )  # fmt: skip
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    # The file goes only once the row is gone for good.
    transaction.on_commit(lambda: storage.delete(name) if name else None)
    if item.status == Status.PUBLISHED:
        _schedule_search_sync(item)


# --- categories ------------------------------------------------------------------------------


@transaction.atomic
def category_create(
    *,
    actor: Any,
    organisation: Organisation,
    name: str,
    code: str,
    parent: Category | None = None,
    sort_order: int | None = None,
    description: str = "",
) -> Category:
    if not permissions.can_manage_catalogue_categories(actor, organisation):
        raise _deny(f"您没有管理“{organisation.name}”目录分类的权限。")
    if parent is not None and parent.organisation_id != organisation.pk:
        raise ApplicationError("上级分类不属于该机构。")
    if Category.objects.filter(organisation=organisation, code=code).exists():
        raise ApplicationError(f"该机构已有代码为“{code}”的目录分类。")
    if sort_order is None:
        sort_order = Category.objects.filter(organisation=organisation).count()
    category = Category(
        organisation=organisation, name=(name or "").strip(), code=code, parent=parent,
        sort_order=sort_order, description=description,
    )  # fmt: skip
    _full_clean(category)
    category.save()
    audit.log(
        category, "catalogue.category.created", actor=actor, organisation=organisation,
        data={"name": category.name, "code": code},
    )  # fmt: skip
    return category


def categories_ensure_defaults(*, actor: Any, organisation: Organisation) -> list[Category]:
    """Give an organisation the seed's taxonomy (机构职能 / 规章制度 / 业务类) if it lacks it.

    ``actor=None`` is the system itself (set-up and demo commands); people need the
    category-management permission. Running it again creates nothing new.
    """
    with transaction.atomic():
        categories = []
        for position, (code, name) in enumerate(DEFAULT_CATEGORIES):
            existing = Category.objects.filter(organisation=organisation, code=code).first()
            if existing is not None:
                categories.append(existing)
                continue
            if actor is None:
                category = Category.objects.create(
                    organisation=organisation, name=name, code=code, sort_order=position
                )
                audit.log(
                    category, "catalogue.category.created", actor=None,
                    organisation=organisation, data={"name": name, "code": code},
                )  # fmt: skip
            else:
                category = category_create(
                    actor=actor, organisation=organisation, name=name, code=code,
                    sort_order=position,
                )  # fmt: skip
            categories.append(category)
        return categories
