from __future__ import annotations

import datetime as dt
import http.server
import threading
from collections.abc import Iterator

import pytest

from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.models import AuditEntry
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.organisations.models import Organisation, Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.reading_room import selectors, services
from gongkai.reading_room.models import ExternalDatabase, PeriodicalLoan, VisitorTally
from gongkai.reading_room.tests.factories import (
    ExternalDatabaseFactory,
    PeriodicalFactory,
    PeriodicalLoanFactory,
)

pytestmark = pytest.mark.django_db

# After every date the tests enter.
frozen_clock = frozen_clock_at(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI))


@pytest.fixture
def organisation() -> Organisation:
    return OrganisationFactory(name="广州市人民政府政务管理办公室")


@pytest.fixture
def handler(organisation: Organisation):  # type: ignore[no-untyped-def]
    return staff_with_role(Role.HANDLER, organisation, username="desk")


def test_a_copy_already_lent_cannot_be_lent_again(organisation: Organisation, handler) -> None:  # type: ignore[no-untyped-def]
    periodical = PeriodicalFactory(organisation=organisation, title="瞭望", issue="2009年第3期")
    first = services.periodical_loan_lend(
        actor=handler,
        periodical=periodical,
        reader_name="李静",
        reader_card_number="ZX0001",
        lent_on=dt.date(2009, 6, 1),
    )
    assert first.due_on == dt.date(2009, 6, 15)
    audit_count = AuditEntry.objects.count()
    with pytest.raises(ApplicationError) as caught:
        services.periodical_loan_lend(
            actor=handler,
            periodical=periodical,
            reader_name="王强",
            reader_card_number="ZX0002",
            lent_on=dt.date(2009, 6, 3),
        )
    assert "尚未归还，不能再次借出" in caught.value.message
    assert "李静" in caught.value.message
    # Nothing changed.
    assert PeriodicalLoan.objects.count() == 1
    assert AuditEntry.objects.count() == audit_count
    # Once returned, the copy goes out again.
    services.periodical_loan_return(
        actor=handler, periodical_loan=first, returned_on=dt.date(2009, 6, 2)
    )
    again = services.periodical_loan_lend(
        actor=handler,
        periodical=periodical,
        reader_name="王强",
        reader_card_number="ZX0002",
        lent_on=dt.date(2009, 6, 3),
    )
    assert again.is_open


def test_return_twice_or_before_lending_is_refused(organisation: Organisation, handler) -> None:  # type: ignore[no-untyped-def]
    loan = PeriodicalLoanFactory(periodical__organisation=organisation)
    with pytest.raises(ApplicationError, match="不能早于借出日期"):
        services.periodical_loan_return(
            actor=handler, periodical_loan=loan, returned_on=dt.date(2009, 5, 1)
        )
    services.periodical_loan_return(
        actor=handler, periodical_loan=loan, returned_on=dt.date(2009, 6, 10)
    )
    with pytest.raises(ApplicationError, match="已于2009-06-10归还"):
        services.periodical_loan_return(
            actor=handler, periodical_loan=loan, returned_on=dt.date(2009, 6, 11)
        )


def test_overdue_list(organisation: Organisation, handler) -> None:  # type: ignore[no-untyped-def]
    overdue = PeriodicalLoanFactory(
        periodical__organisation=organisation, due_on=dt.date(2009, 6, 5)
    )
    PeriodicalLoanFactory(periodical__organisation=organisation, due_on=dt.date(2009, 6, 30))
    PeriodicalLoanFactory(
        periodical__organisation=organisation,
        due_on=dt.date(2009, 6, 2),
        returned_on=dt.date(2009, 6, 9),
    )
    assert list(selectors.loan_list_overdue(actor=handler, today=dt.date(2009, 6, 20))) == [overdue]
    assert overdue.periodical not in selectors.periodical_list_available(actor=handler)


def test_visitor_tally_must_be_positive(organisation: Organisation, handler) -> None:  # type: ignore[no-untyped-def]
    for bad in (0, -3):
        with pytest.raises(ApplicationError, match="大于0"):
            services.visitor_tally_create(
                actor=handler, organisation=organisation, date=dt.date(2009, 3, 2), count=bad
            )
    assert VisitorTally.objects.count() == 0


def test_documents_before_1996_are_refused(organisation: Organisation, handler) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ApplicationError, match="1996"):
        services.current_document_create(
            actor=handler,
            organisation=organisation,
            issuing_body="广州市人民政府",
            title="旧文件",
            issued_on=dt.date(1995, 12, 31),
        )


def test_library_search_uses_the_catalogue_semantics(organisation: Organisation, handler) -> None:  # type: ignore[no-untyped-def]
    wanted = services.current_document_create(
        actor=handler,
        organisation=organisation,
        issuing_body="广州市环境保护局",
        document_number="穗环〔2009〕12号",
        title="关于建设项目环保审批信息公开的通知",
        issued_on=dt.date(2009, 4, 1),
        body_text="ＧＢ／Ｔ 标准文本",
    )
    services.current_document_create(
        actor=handler,
        organisation=organisation,
        issuing_body="广州市教育局",
        title="关于做好招生工作的通知",
        issued_on=dt.date(2008, 4, 1),
    )
    assert list(selectors.document_search_public(query="环保")) == [wanted]
    # Full-width folds to half-width; several terms must all match.
    assert list(selectors.document_search_public(query="gb/t 审批")) == [wanted]
    # Exact substrings only: characters that are not adjacent do not match.
    assert list(selectors.document_search_public(query="环审")) == []
    # A term never crosses two fields (title end + document number start).
    assert list(selectors.document_search_public(query="通知穗环")) == []
    assert selectors.document_search_public(query="通知").count() == 2


def test_someone_from_another_organisation_cannot_write(organisation: Organisation) -> None:
    stranger = staff_with_role(Role.HANDLER, OrganisationFactory(), username="stranger")
    with pytest.raises(PermissionDeniedError):
        services.visiting_group_create(
            actor=stranger,
            organisation=organisation,
            visited_on=dt.date(2009, 5, 5),
            group_name="考察团",
            people=12,
        )


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        if self.path.startswith("/nohead"):
            self.send_response(405)
        elif self.path.startswith("/missing"):
            self.send_response(404)
        else:
            self.send_response(200)
        self.end_headers()

    def do_GET(self) -> None:
        self.send_response(200 if not self.path.startswith("/missing") else 404)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    """A throwaway HTTP server on 127.0.0.1: the checks never reach outside addresses."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_availability_checks_against_a_local_server(
    organisation: Organisation,
    handler,  # type: ignore[no-untyped-def]
    local_server: str,
) -> None:
    ok = ExternalDatabaseFactory(organisation=organisation, url=f"{local_server}/db/")
    no_head = ExternalDatabaseFactory(organisation=organisation, url=f"{local_server}/nohead/")
    missing = ExternalDatabaseFactory(organisation=organisation, url=f"{local_server}/missing/")
    for database in (ok, no_head, missing):
        services.external_database_check(actor=handler, external_database=database, timeout=5)
    ok.refresh_from_db()
    no_head.refresh_from_db()
    missing.refresh_from_db()
    assert (ok.last_status, ok.last_status_code) == (ExternalDatabase.Status.AVAILABLE, 200)
    assert no_head.last_status == ExternalDatabase.Status.AVAILABLE
    assert (missing.last_status, missing.last_status_code) == (
        ExternalDatabase.Status.UNAVAILABLE,
        404,
    )
    assert ok.last_checked_at is not None
    assert AuditEntry.objects.filter(action="reading_room.external_database.checked").count() == 3


def test_a_closed_port_is_reported_unavailable(organisation: Organisation, handler) -> None:  # type: ignore[no-untyped-def]
    # Port 9 (discard) on the loopback: refused at once, nothing leaves the machine.
    database = ExternalDatabaseFactory(organisation=organisation, url="http://127.0.0.1:9/")
    services.external_database_check(actor=handler, external_database=database, timeout=2)
    database.refresh_from_db()
    assert database.last_status == ExternalDatabase.Status.UNAVAILABLE
    assert database.last_error


def test_management_command_checks_every_link(
    organisation: Organisation, local_server: str
) -> None:
    from io import StringIO

    from django.core.management import call_command

    ExternalDatabaseFactory(organisation=organisation, url=f"{local_server}/a/")
    ExternalDatabaseFactory(organisation=organisation, url=f"{local_server}/missing/")
    out = StringIO()
    call_command("check_external_databases", "--timeout", "5", stdout=out)
    assert "2" in out.getvalue()
    assert list(ExternalDatabase.objects.order_by("id").values_list("last_status", flat=True)) == [
        "available",
        "unavailable",
    ]
