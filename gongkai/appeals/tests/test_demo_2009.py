"""The demo: 2009 has no review, litigation or complaint (复议、诉讼和申诉情况（无）); 2019–2025
have cases linked to demo applications, every result of table 四, and cases open at year end."""

import datetime as dt

import pytest

from gongkai.appeals import statistics
from gongkai.appeals.models import AppealCase, CaseKind, CaseResult
from gongkai.core.models import AuditEntry
from gongkai.demo import appeals_demo, seed

pytestmark = pytest.mark.django_db


def test_demo_cases(shared_demo) -> None:
    organisations, users = shared_demo.organisations(), shared_demo.users()
    # load_demo runs the demo sections itself; the lines of this one are in its notes.
    lines = [line for line in shared_demo.lines if line.startswith("复议诉讼案件：")]
    if not lines:
        lines = appeals_demo.load(organisations=organisations, users=users, rng_seed=2009)
    zwb = organisations[seed.ZWB]
    figures_2009 = statistics.year_statistics(organisation_ids=[zwb.pk], year=2009)
    # The seed report: 五、复议、诉讼和申诉情况（无）.
    assert figures_2009 == dict.fromkeys(figures_2009, 0)
    assert len(figures_2009) == 16

    cases = AppealCase.objects.all()
    assert cases.count() >= 15
    assert {case.filed_on.year for case in cases} <= set(range(2019, 2026))
    assert set(cases.values_list("kind", flat=True)) == set(CaseKind.values)
    for kind in (CaseKind.ADMINISTRATIVE_REVIEW, CaseKind.LITIGATION_DIRECT):
        decided = set(cases.filter(kind=kind).exclude(result="").values_list("result", flat=True))
        assert decided == set(CaseResult.values), kind
    assert cases.filter(disclosure_request__isnull=False).count() >= cases.count() // 2
    for case in cases.filter(disclosure_request__isnull=False):
        assert case.organisation_id in (
            case.disclosure_request.organisation_id,
            case.disclosure_request.department_id,
        )
        assert case.filed_on >= case.disclosure_request.submitted_at.date()
    # Filed in a year and undecided at its 31 December: 尚未审结 in that year's table.
    open_at_year_end = [
        case
        for case in cases
        if case.decided_on is None or case.decided_on > dt.date(case.filed_on.year, 12, 31)
    ]
    assert open_at_year_end
    organisation_ids = list(cases.values_list("organisation_id", flat=True).distinct())
    pending_total = sum(
        statistics.year_statistics(organisation_ids=organisation_ids, year=year)[
            f"appeals.{group}.pending"
        ]
        for year in range(2019, 2026)
        for group, _kind in statistics.TABLE_FOUR_GROUPS
    )
    assert pending_total == sum(1 for c in open_at_year_end if c.kind != CaseKind.COMPLAINT)
    assert lines and "2009年无" in lines[0]

    # Idempotent: a second run creates nothing.
    count = cases.count()
    again = appeals_demo.load(organisations=organisations, users=users, rng_seed=2009)
    assert AppealCase.objects.count() == count
    assert "未重复创建" in again[0]
    assert AuditEntry.objects.filter(action=appeals_demo.APPEALS_ACTION).count() == 1
