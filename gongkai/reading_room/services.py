"""Writes of the reading room. Every change is checked against the actor's roles and audited."""

from __future__ import annotations

import datetime as dt
import urllib.error
import urllib.request
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.reading_room.models import (
    CurrentDocument,
    ExternalDatabase,
    Periodical,
    PeriodicalLoan,
    Terminal,
    VisitingGroup,
    VisitorTally,
)
from gongkai.search.tokenize import join_fields

DEFAULT_LOAN_DAYS = 14
CHECK_TIMEOUT_SECONDS = 10.0


def _require_manage(actor: Any, organisation: Organisation) -> None:
    if not permissions.can_manage_reading_room(actor, organisation):
        raise PermissionDeniedError("您没有登记该机构政务资讯大厅记录的权限。")


def _full_clean(instance: models.Model) -> None:
    # Model validators (dates since 1996, counts above zero) give the user's message.
    try:
        instance.full_clean()
    except ValidationError as error:
        messages = [
            str(m) for field_messages in error.message_dict.values() for m in field_messages
        ]
        raise ApplicationError("；".join(messages), extra={"errors": error.message_dict}) from None


def _apply(instance: models.Model, fields: dict[str, Any]) -> list[str]:
    changed = []
    for name, value in fields.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed


def _save(instance: Any, *, actor: Any, action: str, fields: dict[str, Any], created: bool) -> Any:
    _require_manage(actor, instance.organisation)
    changed = _apply(instance, fields)
    _full_clean(instance)
    instance.save()
    audit.log(
        instance, action, actor=actor, data={"fields": sorted(changed)} if not created else {}
    )
    return instance


# --- 现行文件 ---------------------------------------------------------------------------------


def document_search_text(document: CurrentDocument) -> str:
    return join_fields(
        document.title, document.document_number, document.issuing_body, document.body_text
    )


def _attach(document: CurrentDocument, attachment: Any) -> None:
    from gongkai.catalogue.attachments import validate_upload

    validate_upload(attachment)
    document.attachment_name = attachment.name[:255]
    document.attachment.save(attachment.name, attachment, save=False)


@transaction.atomic
def current_document_create(
    *, actor: Any, organisation: Organisation, attachment: Any = None, **fields: Any
) -> CurrentDocument:
    document = CurrentDocument(organisation=organisation)
    _require_manage(actor, organisation)
    _apply(document, fields)
    document.search_text = document_search_text(document)
    if attachment is not None:
        _attach(document, attachment)
    return _save(
        document,
        actor=actor,
        action="reading_room.current_document.created",
        fields={},
        created=True,
    )


@transaction.atomic
def current_document_update(
    *, actor: Any, current_document: CurrentDocument, attachment: Any = None, **fields: Any
) -> CurrentDocument:
    _require_manage(actor, current_document.organisation)
    changed = _apply(current_document, fields)
    current_document.search_text = document_search_text(current_document)
    if attachment is not None:
        _attach(current_document, attachment)
        changed.append("attachment")
    _full_clean(current_document)
    current_document.save()
    audit.log(
        current_document,
        "reading_room.current_document.updated",
        actor=actor,
        data={"fields": sorted(changed)},
    )
    return current_document


# --- 外部数据库 -------------------------------------------------------------------------------


@transaction.atomic
def external_database_create(
    *, actor: Any, organisation: Organisation, **fields: Any
) -> ExternalDatabase:
    database = ExternalDatabase(organisation=organisation)
    if ExternalDatabase.objects.filter(organisation=organisation, url=fields.get("url")).exists():
        raise ApplicationError("该网址已在外部数据库目录中，请勿重复登记。")
    return _save(
        database,
        actor=actor,
        action="reading_room.external_database.created",
        fields=fields,
        created=True,
    )


@transaction.atomic
def external_database_update(
    *, actor: Any, external_database: ExternalDatabase, **fields: Any
) -> ExternalDatabase:
    duplicate = (
        ExternalDatabase.objects.filter(
            organisation=external_database.organisation, url=fields.get("url", "")
        )
        .exclude(pk=external_database.pk)
        .exists()
    )
    if duplicate:
        raise ApplicationError("该网址已在外部数据库目录中，请勿重复登记。")
    return _save(
        external_database,
        actor=actor,
        action="reading_room.external_database.updated",
        fields=fields,
        created=False,
    )


def probe_url(url: str, *, timeout: float = CHECK_TIMEOUT_SECONDS) -> tuple[bool, int | None, str]:
    """(available, HTTP status, error) for `url`: HEAD first, GET when HEAD is not allowed."""
    if not url.lower().startswith(("http://", "https://")):
        return False, None, "仅支持 http 和 https 网址"
    last_error = ""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(
            url, method=method, headers={"User-Agent": "gongkai-link-check/1"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return True, int(response.status), ""
        except urllib.error.HTTPError as error:
            # Some servers refuse HEAD; try GET before calling the link broken.
            if method == "HEAD" and error.code in (403, 405, 501):
                last_error = f"HTTP {error.code}"
                continue
            return False, int(error.code), f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
            reason = getattr(error, "reason", error)
            return False, None, str(reason)[:300] or type(error).__name__
    return False, None, last_error


def external_database_check(
    *, actor: Any, external_database: ExternalDatabase, timeout: float = CHECK_TIMEOUT_SECONDS
) -> ExternalDatabase:
    """Check the link now and record the result (the network call runs outside a transaction)."""
    if actor is not None and not permissions.can_manage_reading_room_record(
        actor, external_database
    ):
        raise PermissionDeniedError("您没有检查该数据库链接的权限。")
    available, status_code, error = probe_url(external_database.url, timeout=timeout)
    return _record_check(
        actor=actor,
        external_database=external_database,
        available=available,
        status_code=status_code,
        error=error,
    )


@transaction.atomic
def _record_check(
    *,
    actor: Any,
    external_database: ExternalDatabase,
    available: bool,
    status_code: int | None,
    error: str,
) -> ExternalDatabase:
    external_database.last_checked_at = timezone.now()
    external_database.last_status = (
        ExternalDatabase.Status.AVAILABLE if available else ExternalDatabase.Status.UNAVAILABLE
    )
    external_database.last_status_code = status_code
    external_database.last_error = error[:300]
    external_database.save(
        update_fields=[
            "last_checked_at",
            "last_status",
            "last_status_code",
            "last_error",
            "updated_at",
        ]
    )
    audit.log(
        external_database,
        "reading_room.external_database.checked",
        actor=actor,
        data={"status": external_database.last_status, "status_code": status_code},
    )
    return external_database


# --- 参观团体、浏览人次 -----------------------------------------------------------------------


@transaction.atomic
def visiting_group_create(
    *, actor: Any, organisation: Organisation, **fields: Any
) -> VisitingGroup:
    group = VisitingGroup(organisation=organisation, entered_by=actor)
    return _save(
        group,
        actor=actor,
        action="reading_room.visiting_group.created",
        fields=fields,
        created=True,
    )


@transaction.atomic
def visiting_group_update(
    *, actor: Any, visiting_group: VisitingGroup, **fields: Any
) -> VisitingGroup:
    return _save(
        visiting_group,
        actor=actor,
        action="reading_room.visiting_group.updated",
        fields=fields,
        created=False,
    )


def _positive_count(count: Any, label: str) -> None:
    if count is None or int(count) <= 0:
        raise ApplicationError(f"{label}必须是大于0的整数。")


@transaction.atomic
def visitor_tally_create(
    *, actor: Any, organisation: Organisation, date: dt.date, count: int
) -> VisitorTally:
    _positive_count(count, "浏览人次")
    tally = VisitorTally(organisation=organisation, entered_by=actor)
    return _save(
        tally,
        actor=actor,
        action="reading_room.visitor_tally.created",
        fields={"date": date, "count": count},
        created=True,
    )


@transaction.atomic
def visitor_tally_update(
    *, actor: Any, visitor_tally: VisitorTally, date: dt.date, count: int
) -> VisitorTally:
    _positive_count(count, "浏览人次")
    return _save(
        visitor_tally,
        actor=actor,
        action="reading_room.visitor_tally.updated",
        fields={"date": date, "count": count},
        created=False,
    )


# --- 报刊与借阅 -------------------------------------------------------------------------------


@transaction.atomic
def periodical_create(*, actor: Any, organisation: Organisation, **fields: Any) -> Periodical:
    if Periodical.objects.filter(
        organisation=organisation, call_number=fields.get("call_number")
    ).exists():
        raise ApplicationError("该登记号已被使用，请核对后重新输入。")
    return _save(
        Periodical(organisation=organisation),
        actor=actor,
        action="reading_room.periodical.created",
        fields=fields,
        created=True,
    )


@transaction.atomic
def periodical_update(*, actor: Any, periodical: Periodical, **fields: Any) -> Periodical:
    duplicate = (
        Periodical.objects.filter(
            organisation=periodical.organisation, call_number=fields.get("call_number")
        )
        .exclude(pk=periodical.pk)
        .exists()
    )
    if duplicate:
        raise ApplicationError("该登记号已被使用，请核对后重新输入。")
    return _save(
        periodical,
        actor=actor,
        action="reading_room.periodical.updated",
        fields=fields,
        created=False,
    )


@transaction.atomic
def periodical_loan_lend(
    *,
    actor: Any,
    periodical: Periodical,
    reader_name: str,
    reader_card_number: str,
    lent_on: dt.date,
    due_on: dt.date | None = None,
) -> PeriodicalLoan:
    """Lend one copy. A copy already lent and not yet returned cannot be lent again."""
    _require_manage(actor, periodical.organisation)
    # Lock the copy so that two desks lending it at once cannot both succeed.
    periodical = Periodical.objects.select_for_update().get(pk=periodical.pk)
    open_loan = periodical.loans.filter(returned_on__isnull=True).first()
    if open_loan is not None:
        raise ApplicationError(
            f"《{periodical}》已于{open_loan.lent_on:%Y-%m-%d}借给读者{open_loan.reader_name}，"
            "尚未归还，不能再次借出。"
        )
    if not reader_name.strip() or not reader_card_number.strip():
        raise ApplicationError("请填写读者姓名和借阅证号。")
    due_on = due_on or lent_on + dt.timedelta(days=DEFAULT_LOAN_DAYS)
    if due_on < lent_on:
        raise ApplicationError("应还日期不能早于借出日期。")
    loan = PeriodicalLoan(
        organisation=periodical.organisation,
        periodical=periodical,
        reader_name=reader_name.strip(),
        reader_card_number=reader_card_number.strip(),
        lent_on=lent_on,
        due_on=due_on,
        entered_by=actor,
    )
    _full_clean(loan)
    try:
        with transaction.atomic():
            loan.save()
    except IntegrityError:  # pragma: no cover - the lock above makes this a last resort
        raise ApplicationError(f"《{periodical}》尚未归还，不能再次借出。") from None
    audit.log(loan, "reading_room.periodical_loan.lent", actor=actor)
    return loan


@transaction.atomic
def periodical_loan_return(
    *, actor: Any, periodical_loan: PeriodicalLoan, returned_on: dt.date
) -> PeriodicalLoan:
    _require_manage(actor, periodical_loan.organisation)
    loan = PeriodicalLoan.objects.select_for_update().get(pk=periodical_loan.pk)
    if loan.returned_on is not None:
        raise ApplicationError(f"该借阅已于{loan.returned_on:%Y-%m-%d}归还。")
    if returned_on < loan.lent_on:
        raise ApplicationError("归还日期不能早于借出日期。")
    loan.returned_on = returned_on
    loan.save(update_fields=["returned_on", "updated_at"])
    audit.log(loan, "reading_room.periodical_loan.returned", actor=actor)
    return loan


# --- 自助终端 ---------------------------------------------------------------------------------


@transaction.atomic
def terminal_create(*, actor: Any, organisation: Organisation, **fields: Any) -> Terminal:
    if Terminal.objects.filter(organisation=organisation, name=fields.get("name")).exists():
        raise ApplicationError("该终端编号已存在。")
    return _save(
        Terminal(organisation=organisation),
        actor=actor,
        action="reading_room.terminal.created",
        fields=fields,
        created=True,
    )


@transaction.atomic
def terminal_update(*, actor: Any, terminal: Terminal, **fields: Any) -> Terminal:
    duplicate = (
        Terminal.objects.filter(organisation=terminal.organisation, name=fields.get("name"))
        .exclude(pk=terminal.pk)
        .exists()
    )
    if duplicate:
        raise ApplicationError("该终端编号已存在。")
    if fields.get("retired_on") and fields.get("status") != Terminal.Status.RETIRED:
        raise ApplicationError("填写了撤除日期的终端，状态应为“已撤除”。")
    return _save(
        terminal, actor=actor, action="reading_room.terminal.updated", fields=fields, created=False
    )
