"""Tracking numbers: unique, consecutive per organisation and year, never lost to a rollback,
and gap-free under concurrent online submissions on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
import zoneinfo

import pytest
import time_machine
from django.db import close_old_connections, connection, transaction

from gongkai.core.exceptions import ApplicationError
from gongkai.disclosure_requests import numbering, services
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.disclosure_requests.tests.factories import valid_id_number
from gongkai.organisations.tests.factories import OrganisationFactory

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def application(organisation, n=0, **overrides):
    data = {
        "organisation": organisation.pk,
        "applicant_type": "natural_person",
        "applicant_name": f"申请人{n}",
        "id_type": "resident_id",
        "id_number": valid_id_number(n),
        "phone": "13912345678",
        "information_title": f"某项目批复{n}",
        "form_wanted": "electronic",
        "delivery_method": "online",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_numbers_are_consecutive_per_organisation_and_year():
    first, second = OrganisationFactory(), OrganisationFactory()
    with time_machine.travel(dt.datetime(2024, 12, 31, 23, 50, tzinfo=SHANGHAI), tick=False):
        a1, _ = services.disclosure_request_submit_online(data=application(first, 1))
        b1, _ = services.disclosure_request_submit_online(data=application(second, 2))
        a2, _ = services.disclosure_request_submit_online(data=application(first, 3))
    # Local (Shanghai) year decides: 2025-01-01 00:10 local is still 2024-12-31 in UTC.
    with time_machine.travel(dt.datetime(2025, 1, 1, 0, 10, tzinfo=SHANGHAI), tick=False):
        a3, _ = services.disclosure_request_submit_online(data=application(first, 4))
    assert a1.tracking_number == f"{first.code}-2024-00001"
    assert a2.tracking_number == f"{first.code}-2024-00002"
    assert b1.tracking_number == f"{second.code}-2024-00001"
    assert a3.tracking_number == f"{first.code}-2025-00001"


@pytest.mark.django_db
def test_a_rolled_back_submission_gives_its_number_back():
    organisation = OrganisationFactory()
    services.disclosure_request_submit_online(data=application(organisation, 1))
    with pytest.raises(RuntimeError), transaction.atomic():
        services.disclosure_request_submit_online(data=application(organisation, 2))
        raise RuntimeError("the surrounding request failed after the submission")
    with pytest.raises(ApplicationError):
        services.disclosure_request_submit_online(
            data=application(organisation, 3, id_number="110105198506150000")
        )
    last, _ = services.disclosure_request_submit_online(data=application(organisation, 4))
    assert last.tracking_number.endswith("-00002")
    assert DisclosureRequest.objects.count() == 2


@pytest.mark.django_db
def test_next_tracking_number_outside_a_transaction_still_counts():
    organisation = OrganisationFactory()
    numbers = [numbering.next_tracking_number(organisation, 2024) for _ in range(3)]
    assert numbers == [numbering.format_tracking_number(organisation, 2024, n) for n in (1, 2, 3)]


SUBMISSIONS = 200
# PostgreSQL's default max_connections is 100 and other test runs share the server; at most
# this many threads hold a connection at once, all 200 still race for the same sequence row.
MAX_CONNECTIONS = 40


@pytest.mark.postgres_only
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers (IMMEDIATE transactions); concurrency needs PostgreSQL",
)
@pytest.mark.django_db(transaction=True)
def test_200_concurrent_online_submissions_get_200_consecutive_numbers():
    organisation = OrganisationFactory()
    barrier = threading.Barrier(SUBMISSIONS)
    gate = threading.BoundedSemaphore(MAX_CONNECTIONS)
    errors: list[BaseException] = []
    numbers: list[str] = []
    lock = threading.Lock()

    def submit(n: int) -> None:
        try:
            barrier.wait()
            with gate:
                try:
                    disclosure_request, _ = services.disclosure_request_submit_online(
                        data=application(organisation, n)
                    )
                    with lock:
                        numbers.append(disclosure_request.tracking_number)
                finally:
                    close_old_connections()
                    connection.close()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    stored = list(
        DisclosureRequest.objects.filter(organisation=organisation).values_list(
            "tracking_number", flat=True
        )
    )
    assert len(stored) == SUBMISSIONS
    assert sorted(stored) == sorted(numbers)
    assert len(set(stored)) == SUBMISSIONS
    serials = sorted(int(number.rsplit("-", 1)[1]) for number in stored)
    assert serials == list(range(1, SUBMISSIONS + 1))
