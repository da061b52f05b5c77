"""The demo reconstructs the seed body's 2009 service-hall figures; each is stated here through
the statistics functions the annual report reads."""

from __future__ import annotations

import pytest

from gongkai.complaints import statistics as complaint_statistics
from gongkai.core.models import AuditEntry
from gongkai.demo import seed, service_centre_demo
from gongkai.organisations.models import Organisation
from gongkai.organisations.tests.factories import OrganisationFactory, UserFactory
from gongkai.service_desk import statistics as desk_statistics
from gongkai.service_guides import statistics as guide_statistics
from gongkai.service_guides.models import ServiceGuide
from gongkai.workdays.calendar import is_working_day

pytestmark = pytest.mark.django_db


def _base() -> tuple[dict[str, Organisation], dict[str, object]]:
    city = OrganisationFactory(name="广州市人民政府", kind=Organisation.Kind.GOVERNMENT)
    organisations = {
        seed.CITY: city,
        seed.ZWB: OrganisationFactory(name="广州市人民政府政务管理办公室", parent=city),
        "hb": OrganisationFactory(name="广州市环境保护局", parent=city),
        "jt": OrganisationFactory(name="广州市交通委员会", parent=city),
        "zj": OrganisationFactory(name="广州市质量技术监督局", parent=city),
    }
    return organisations, {"handler": UserFactory(username="handler")}


def _figures(organisation: Organisation) -> dict[str, int]:
    ids = [organisation.pk]
    return {
        **guide_statistics.year_statistics(organisation_ids=ids, year=2009),
        **complaint_statistics.year_statistics(organisation_ids=ids, year=2009),
        **desk_statistics.year_statistics(organisation_ids=ids, year=2009),
    }


def test_seed_figures_of_2009_and_idempotence() -> None:
    organisations, users = _base()
    lines = service_centre_demo.load(organisations=organisations, users=users, rng_seed=2009)
    assert lines
    figures = _figures(organisations[seed.ZWB])

    # 正文 三(三): 修改调整办事指南138项，印制办事指南9批595项595000份，便民服务卡2570张.
    assert figures["guides.revisions"] == 138
    assert figures["guides.print_batches"] == 9
    assert figures["guides.print_items"] == 595
    assert figures["guides.print_copies"] == 595_000
    assert figures["guides.service_cards"] == 2570

    # Not given by the seed: the demo's stated figures.
    assert figures["complaints.received"] == 48
    assert figures["complaints.complaint"] == 21
    assert figures["complaints.suggestion"] == 19
    assert figures["complaints.praise"] == 8
    assert figures["complaints.answered"] == 48
    assert figures["complaints.overdue"] == 2
    assert 300 <= figures["complaints.avg_satisfaction_x100"] <= 500
    assert figures["service_desk.evaluations"] == 48
    assert figures["service_desk.faults"] == 126
    assert figures["service_desk.faults_resolved"] == 124

    # Spread over the year: revisions in many months, on working days.
    months = set(
        ServiceGuide.objects.filter(revised_on__year=2009).values_list(
            "revised_on__month", flat=True
        )
    )
    assert len(months) >= 10
    revised = ServiceGuide.objects.filter(revised_on__year=2009).values_list(
        "revised_on", flat=True
    )
    assert all(is_working_day(day) for day in revised)

    audit_count = AuditEntry.objects.count()
    assert service_centre_demo.load(organisations=organisations, users=users, rng_seed=2009) == []
    assert _figures(organisations[seed.ZWB]) == figures
    assert AuditEntry.objects.count() == audit_count
