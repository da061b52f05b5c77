import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.organisations.models import Organisation
from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.reports import statistics
from gongkai.reports.build import build_report
from gongkai.reports.periods import ReportPeriod
from gongkai.reports.statistics import compute, report_organisation_ids, share
from gongkai.reports.tests.factories import application, published_item

pytestmark = pytest.mark.django_db


def test_share_rounds_half_up_to_one_decimal():
    assert share(3, 81) == Decimal("3.7")
    assert share(12, 81) == Decimal("14.8")
    assert share(66, 81) == Decimal("81.5")
    assert share(1, 8) == Decimal("12.5")  # 12.5 exactly stays; 0.125 -> 0.1 below
    assert share(1, 800) == Decimal("0.1")  # 0.125 rounds half up
    assert share(0, 0) == Decimal("0.0")


def test_catalogue_counts_by_year_category_and_full_text():
    body = OrganisationFactory()
    for _ in range(3):
        published_item(
            body, on=dt.date(2023, 4, 1), category_code="functions", category_name="机构职能"
        )
    published_item(body, on=dt.date(2023, 5, 1), electronic=False, attachment=True)
    published_item(body, on=dt.date(2023, 6, 1), electronic=False)
    published_item(body, on=dt.date(2022, 6, 1))  # another year
    stats = compute(organisation_ids=[body.pk], year=2023, sources=["catalogue"])
    assert stats.values["catalogue.total"] == 5
    assert stats.values["catalogue.fully_electronic"] == 4
    assert stats.values["catalogue.category.functions"] == 3
    assert stats.values["catalogue.category.business"] == 2
    assert stats.values["catalogue.category.functions.share"] == Decimal("60.0")
    assert stats.labels["catalogue.category.functions"] == "机构职能"


def test_application_year_boundaries():
    body = OrganisationFactory()
    application(body, received_on=dt.date(2022, 12, 30))  # open: carried over and forward
    application(body, received_on=dt.date(2022, 12, 31), closed_on=dt.date(2023, 1, 1))
    application(body, received_on=dt.date(2022, 6, 1), closed_on=dt.date(2022, 12, 31))
    application(body, received_on=dt.date(2023, 1, 1), closed_on=dt.date(2023, 12, 31),
                outcome="withhold_state_secret", applicant_type="commercial")  # fmt: skip
    application(body, received_on=dt.date(2023, 12, 31), closed_on=dt.date(2024, 1, 2))
    values = compute(organisation_ids=[body.pk], year=2023, sources=["requests"]).values
    assert values["requests.new.total"] == 2
    assert values["requests.carried_over.total"] == 2
    assert values["requests.result.3.7.total"] == 2
    assert values["requests.result.3.3.1.commercial"] == 1
    assert values["requests.result.3.3.commercial"] == 1
    assert values["requests.carried_forward.total"] == 2


def test_split_parents_count_through_their_parts():
    body = OrganisationFactory()
    parent = application(body, received_on=dt.date(2023, 3, 1), closed_on=dt.date(2023, 3, 2))
    for _ in range(2):
        part = application(body, received_on=dt.date(2023, 3, 1))
        part.parent = parent
        part.save()
    values = compute(organisation_ids=[body.pk], year=2023, sources=["requests"]).values
    assert values["requests.new.total"] == 2
    assert values["requests.result.3.7.total"] == 0


def test_unknown_or_empty_outcome_counts_as_other():
    body = OrganisationFactory()
    application(body, received_on=dt.date(2023, 3, 1), closed_on=dt.date(2023, 3, 9), outcome="")
    values = compute(organisation_ids=[body.pk], year=2023, sources=["requests"]).values
    assert values["requests.result.3.6.3.total"] == 1
    assert values["requests.result.3.6.total"] == 1


lifecycles = st.lists(
    st.tuples(
        st.dates(min_value=dt.date(2019, 6, 1), max_value=dt.date(2024, 12, 31)),
        st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
        st.sampled_from(["natural_person", "commercial", "legal_services"]),
    ),
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(records=lifecycles)
def test_carried_forward_equals_next_years_carried_over(records):
    body = OrganisationFactory()
    for received_on, days_open, applicant_type in records:
        closed_on = None if days_open is None else received_on + dt.timedelta(days=days_open)
        application(
            body, received_on=received_on, closed_on=closed_on, applicant_type=applicant_type
        )
    for year in range(2019, 2025):
        this = compute(organisation_ids=[body.pk], year=year, sources=["requests"]).values
        following = compute(organisation_ids=[body.pk], year=year + 1, sources=["requests"]).values
        for code in ("natural_person", "commercial", "legal_services", "total"):
            assert (
                this[f"requests.carried_forward.{code}"]
                == following[f"requests.carried_over.{code}"]
            )
            assert (
                this[f"requests.new.{code}"] + this[f"requests.carried_over.{code}"]
                == this[f"requests.result.3.7.{code}"] + this[f"requests.carried_forward.{code}"]
            )


def test_identities_hold_by_construction_on_mixed_records():
    body = OrganisationFactory()
    outcomes = [
        "disclose",
        "partial",
        "withhold_third_party_rights",
        "not_this_body",
        "not_processed_duplicate",
        "other_fee_overdue",
        "other_correction_overdue",
    ]
    types = [
        "natural_person",
        "commercial",
        "research",
        "public_interest",
        "legal_services",
        "other",
    ]
    for n, outcome in enumerate(outcomes * 3):
        received = dt.date(2022, 11, 1) + dt.timedelta(days=11 * n)
        closed = received + dt.timedelta(days=25) if n % 5 else None
        application(body, received_on=received, closed_on=closed, outcome=outcome,
                    applicant_type=types[n % len(types)])  # fmt: skip
    published_item(body, on=dt.date(2023, 2, 1))
    for format_code, year in (
        ("national-2021", 2023),
        ("national-2019", 2023),
        ("legacy-2008", 2023),
    ):
        data = build_report(
            organisation=body, year=year, format_code=format_code, run_auditor=False
        )
        errors = [c for c in data["checks"] if c["severity"] == "error"]
        assert errors == [], (format_code, errors)


def test_a_broken_record_breaks_an_identity():
    body = OrganisationFactory()
    # Closed before it was received: 一 + 二 no longer equals 三（七）+ 四.
    application(body, received_on=dt.date(2023, 3, 1), closed_on=dt.date(2022, 12, 1))
    data = build_report(
        organisation=body, year=2023, format_code="national-2021", run_auditor=False
    )
    broken = [c for c in data["checks"] if c["code"] == "identity.三.balance.total"]
    assert broken and broken[0]["severity"] == "error"
    assert (broken[0]["stated"], broken[0]["expected"]) == ("1", "0")


def test_roll_up_includes_departments_only_when_asked():
    government = OrganisationFactory(kind=Organisation.Kind.GOVERNMENT)
    department = OrganisationFactory(parent=government)
    office = OrganisationFactory(parent=government, kind=Organisation.Kind.OFFICE)
    department_office = OrganisationFactory(parent=department, kind=Organisation.Kind.OFFICE)
    assert set(report_organisation_ids(government, roll_up=False)) == {government.pk, office.pk}
    assert set(report_organisation_ids(government, roll_up=True)) == {
        government.pk, department.pk, office.pk, department_office.pk,
    }  # fmt: skip
    application(department, received_on=dt.date(2023, 5, 5))
    own = build_report(
        organisation=government, year=2023, format_code="national-2021", run_auditor=False
    )
    rolled = build_report(
        organisation=government,
        year=2023,
        format_code="national-2021",
        roll_up=True,
        run_auditor=False,
    )
    assert own["statistics"]["requests.new.total"] == 0
    assert rolled["statistics"]["requests.new.total"] == 1


def test_a_missing_or_failing_provider_is_not_available(monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("登记簿出错")

    monkeypatch.setitem(statistics.PROVIDERS, "consultations", broken)
    monkeypatch.setitem(statistics.PROVIDERS, "web", "gongkai.not_an_app.statistics")
    body = OrganisationFactory()
    data = build_report(organisation=body, year=2009, format_code="legacy-2008", run_auditor=False)
    assert "登记簿出错" in data["unavailable"]["consultations"]
    assert "web" in data["unavailable"]
    schedule = next(t for s in data["sections"] for t in s["tables"] if t["code"] == "附表2")
    phone = schedule["rows"][0]["cells"][1]
    assert phone["source"] == "unavailable" and phone["value"] is None
    assert any(c["code"].startswith("source.unavailable") for c in data["checks"])
    consultations = next(s for s in data["sections"] if s["code"] == "四")
    assert "【数据不可用】" in consultations["text"]


def test_period_conditions_are_the_documented_ones():
    period = ReportPeriod(2023)
    assert (period.first_day, period.last_day) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert period.previous.year == 2022
