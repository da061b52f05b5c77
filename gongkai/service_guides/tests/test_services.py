"""Guide versions are revisions; print runs refuse bad numbers and change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from gongkai.core.exceptions import ApplicationError, PermissionDeniedError
from gongkai.core.models import AuditEntry
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.service_guides import selectors, services, statistics
from gongkai.service_guides.models import GuidePrintRun, ServiceGuide
from gongkai.service_guides.tests.factories import (
    GuidePrintRunFactory,
    ServiceItemFactory,
    guide_fields,
)

pytestmark = pytest.mark.django_db

# After every date the tests enter.
frozen_clock = frozen_clock_at(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI))


def _print(actor, organisation, **fields):
    data = {
        "kind": "guide",
        "printed_on": dt.date(2025, 3, 3),
        "batch_number": "2025-01",
        "items_count": 10,
        "copies": 10000,
        **fields,
    }
    return services.guide_print_run_record(actor=actor, organisation=organisation, **data)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"copies": -5}, "印数不能小于1"),
        ({"copies": 0}, "印数不能小于1"),
        ({"copies": "很多"}, "印数须为整数"),
        ({"items_count": -1}, "事项数不能小于0"),
        ({"items_count": 0}, "至少包含1项"),
        ({"kind": "service_card", "items_count": 3}, "不填写事项数"),
        ({"kind": "poster"}, "印制品类型不正确"),
        ({"batch_number": " "}, "请填写批次号"),
        ({"printed_on": dt.date(2099, 1, 1)}, "不能晚于今天"),
    ],
)
def test_print_run_bad_input_is_refused_and_nothing_changes(fields, message) -> None:
    organisation = OrganisationFactory()
    handler = staff_with_role(Role.HANDLER, organisation)
    with pytest.raises(ApplicationError, match=message):
        _print(handler, organisation, **fields)
    assert not GuidePrintRun.objects.exists()
    assert not AuditEntry.objects.exists()


def test_print_run_duplicate_batch_and_permission() -> None:
    organisation = OrganisationFactory()
    handler = staff_with_role(Role.HANDLER, organisation)
    _print(handler, organisation)
    with pytest.raises(ApplicationError, match="已登记"):
        _print(handler, organisation)
    with pytest.raises(PermissionDeniedError):
        _print(staff_with_role(Role.AUDITOR, organisation), organisation, batch_number="2025-02")
    assert GuidePrintRun.objects.count() == 1


@time_machine.travel(dt.datetime(2025, 6, 2, 10, 0), tick=False)
def test_each_version_is_a_revision_and_publication_is_separate() -> None:
    organisation = OrganisationFactory()
    handler = staff_with_role(Role.HANDLER, organisation)
    item = services.service_item_create(
        actor=handler, organisation=organisation, code="SX01", name="排污许可证核发"
    )
    first = services.service_guide_revise(
        actor=handler, service_item=item, fields=guide_fields(), publish=True
    )
    with pytest.raises(ApplicationError, match="修订说明"):
        services.service_guide_revise(
            actor=handler, service_item=item, fields=guide_fields(fees="100元")
        )
    with pytest.raises(ApplicationError, match="内容与上一版相同"):
        services.service_guide_revise(
            actor=handler, service_item=item, fields=guide_fields(), change_note="无变化"
        )
    with pytest.raises(ApplicationError) as error:
        services.service_guide_revise(
            actor=handler, service_item=item, fields=guide_fields(materials=""), change_note="x"
        )
    assert error.value.extra["errors"] == {"materials": "请填写申请材料。"}
    second = services.service_guide_revise(
        actor=handler,
        service_item=item,
        fields=guide_fields(time_limit="5个工作日"),
        change_note="压缩时限",
    )
    assert (first.version, second.version) == (1, 2)
    # The unpublished second version is not the public one yet.
    assert [g.version for g in selectors.published_versions(item)] == [1]
    services.service_guide_publish(actor=handler, guide=second)
    with pytest.raises(ApplicationError, match="已经发布"):
        services.service_guide_publish(actor=handler, guide=second)
    assert [g.version for g in selectors.published_versions(item)] == [2, 1]
    with pytest.raises(ApplicationError, match="已被使用"):
        services.service_item_create(
            actor=handler, organisation=organisation, code="SX01", name="重复"
        )
    assert ServiceGuide.objects.count() == 2


def test_statistics_sum_print_runs_and_count_revisions() -> None:
    organisation = OrganisationFactory()
    GuidePrintRunFactory(organisation=organisation, items_count=60, copies=60000)
    GuidePrintRunFactory(organisation=organisation, items_count=5, copies=5000)
    GuidePrintRunFactory(organisation=organisation, kind="service_card", items_count=0, copies=2570)
    GuidePrintRunFactory(organisation=organisation, printed_on=dt.date(2024, 5, 1))
    item = ServiceItemFactory(organisation=organisation)
    ServiceGuide.objects.create(
        service_item=item, version=1, revised_on=dt.date(2025, 1, 6), **guide_fields()
    )
    ServiceGuide.objects.create(
        service_item=item, version=2, revised_on=dt.date(2025, 7, 1), **guide_fields(fees="无")
    )
    assert statistics.year_statistics(organisation_ids=[organisation.pk], year=2025) == {
        "guides.revisions": 2,
        "guides.print_batches": 2,
        "guides.print_items": 65,
        "guides.print_copies": 65000,
        "guides.service_cards": 2570,
    }
    assert statistics.year_statistics(organisation_ids=[organisation.pk], year=2023) == {
        "guides.revisions": 0,
        "guides.print_batches": 0,
        "guides.print_items": 0,
        "guides.print_copies": 0,
        "guides.service_cards": 0,
    }
