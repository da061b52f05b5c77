from __future__ import annotations

import datetime as dt
import re
import threading

import pytest
from django.db import close_old_connections, connection

from gongkai.catalogue import index_numbers, services
from gongkai.catalogue.models import IndexNumberSequence, InformationItem
from gongkai.catalogue.tests.factories import InformationItemFactory
from gongkai.core.exceptions import ApplicationError
from gongkai.organisations.models import Organisation, Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db


def test_national_scheme_is_code_slash_year_dash_five_digits():
    organisation = OrganisationFactory(code="000014349")
    numbers = index_numbers.allocate(organisation=organisation, on=dt.date(2024, 5, 6), count=3)
    assert numbers == ["000014349/2024-00001", "000014349/2024-00002", "000014349/2024-00003"]
    # The national guide's identifier is 20 characters long with a 9-character code.
    assert all(len(number) == 20 for number in numbers)


def test_year_month_scheme_restarts_each_month():
    organisation = OrganisationFactory(
        code="11341702486344515H", index_scheme=Organisation.IndexScheme.YEAR_MONTH
    )
    october = index_numbers.allocate(organisation=organisation, on=dt.date(2021, 10, 9), count=2)
    november = index_numbers.allocate(organisation=organisation, on=dt.date(2021, 11, 1))
    assert october == ["11341702486344515H/202110-00001", "11341702486344515H/202110-00002"]
    assert november == ["11341702486344515H/202111-00001"]


def test_hyphenated_scheme():
    organisation = OrganisationFactory(
        code="01527918X", index_scheme=Organisation.IndexScheme.HYPHENATED
    )
    assert index_numbers.allocate(organisation=organisation, on=dt.date(2020, 1, 2)) == [
        "01527918X-2020-00001"
    ]


def test_national_numbers_restart_each_year_and_per_organisation():
    first, second = OrganisationFactory(), OrganisationFactory()
    index_numbers.allocate(organisation=first, on=dt.date(2023, 12, 31), count=5)
    assert index_numbers.allocate(organisation=first, on=dt.date(2024, 1, 1)) == [
        f"{first.code}/2024-00001"
    ]
    assert index_numbers.allocate(organisation=second, on=dt.date(2023, 6, 1)) == [
        f"{second.code}/2023-00001"
    ]
    assert IndexNumberSequence.objects.get(organisation=first, period="2023").last_number == 5


def test_a_new_scheme_is_one_registered_function():
    @index_numbers.register_scheme("district_test", period_format="%Y")
    def district(code: str, on: dt.date, serial: int) -> str:
        return f"440100-{code}-{on:%Y}-{serial:06d}"

    try:
        organisation = OrganisationFactory()
        Organisation.objects.filter(pk=organisation.pk).update(index_scheme="district_test")
        organisation.refresh_from_db()
        assert index_numbers.allocate(organisation=organisation, on=dt.date(2025, 3, 3)) == [
            f"440100-{organisation.code}-2025-000001"
        ]
    finally:
        index_numbers._SCHEMES.pop("district_test")


def test_unknown_scheme_is_a_clear_error():
    organisation = OrganisationFactory()
    organisation.index_scheme = "nonexistent"
    with pytest.raises(ApplicationError, match="未知的索引号规则"):
        index_numbers.allocate(organisation=organisation, on=dt.date(2025, 1, 1))


def test_numbers_already_used_by_imported_items_are_skipped():
    organisation = OrganisationFactory()
    InformationItemFactory(
        organisation=organisation, index_number=f"{organisation.code}/2024-00002"
    )
    numbers = index_numbers.allocate(organisation=organisation, on=dt.date(2024, 7, 1), count=2)
    assert numbers == [f"{organisation.code}/2024-00001", f"{organisation.code}/2024-00003"]


def test_sequential_publishing_gives_unique_consecutive_numbers(organisation, people):
    items = [InformationItemFactory(organisation=organisation) for _ in range(12)]
    for item in items:
        services.information_item_publish(actor=people.publisher, information_item=item)
    numbers = [item.index_number for item in items]
    assert len(set(numbers)) == 12
    serials = sorted(int(re.search(r"-(\d{5})$", n).group(1)) for n in numbers)
    assert serials == list(range(1, 13))


def test_index_number_is_permanent_across_withdrawal_and_republication(organisation, people):
    item = InformationItemFactory(organisation=organisation)
    services.information_item_publish(actor=people.publisher, information_item=item)
    first_number = item.index_number
    services.information_item_withdraw(
        actor=people.publisher, information_item=item, reason="内容需要更正"
    )
    services.information_item_update(
        actor=people.handler, information_item=item, title="关于政务服务事项目录的通知（更正）"
    )
    services.information_item_publish(actor=people.publisher, information_item=item)
    item.refresh_from_db()
    assert item.index_number == first_number
    assert IndexNumberSequence.objects.get(organisation=organisation).last_number == 1


def test_index_number_cannot_be_edited(organisation, people):
    item = InformationItemFactory(organisation=organisation)
    services.information_item_publish(actor=people.publisher, information_item=item)
    with pytest.raises(ApplicationError, match="索引号一经生成不能修改"):
        services.information_item_update(
            actor=people.publisher, information_item=item, index_number="X/2024-99999"
        )


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers; threads need PostgreSQL"
)
def test_concurrent_publishing_never_shares_a_number(monkeypatch):
    # The search index is not part of this test; keep the threads on the database only.
    monkeypatch.setattr(services, "_schedule_search_sync", lambda item: None)
    organisation = OrganisationFactory()
    publisher = staff_with_role(Role.PUBLISHER, organisation)
    items = [InformationItemFactory(organisation=organisation) for _ in range(24)]
    barrier = threading.Barrier(len(items))
    errors: list[BaseException] = []

    def publish(item: InformationItem) -> None:
        try:
            barrier.wait()
            services.information_item_publish(actor=publisher, information_item=item)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=publish, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = list(
        InformationItem.objects.filter(organisation=organisation).values_list(
            "index_number", flat=True
        )
    )
    assert len(numbers) == len(set(numbers)) == 24
    serials = sorted(int(number.rsplit("-", 1)[1]) for number in numbers)
    assert serials == list(range(1, 25))
