"""Table 四: counted in the year of filing; undecided by 31 December means 尚未审结."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.appeals import statistics
from gongkai.appeals.models import AppealCase, CaseKind, CaseResult
from gongkai.appeals.tests.factories import AppealCaseFactory
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

# After every date the tests enter.
frozen_clock = frozen_clock_at(dt.datetime(2025, 6, 3, 10, tzinfo=SHANGHAI))


def test_keys_are_the_fifteen_columns_plus_complaints() -> None:
    organisation = OrganisationFactory()
    figures = statistics.year_statistics(organisation_ids=[organisation.pk], year=2009)
    assert len(statistics.TABLE_FOUR_KEYS) == 15
    assert set(figures) == {*statistics.TABLE_FOUR_KEYS, "appeals.complaints"}
    assert all(value == 0 for value in figures.values())


def test_year_rule_results_and_scope() -> None:
    organisation = OrganisationFactory()
    other = OrganisationFactory()

    def case(kind: str, filed_on: dt.date, decided_on: dt.date | None = None, result: str = ""):
        return AppealCaseFactory(
            organisation=organisation,
            kind=kind,
            filed_on=filed_on,
            accepted_on=filed_on,
            decided_on=decided_on,
            result=result,
        )

    review = CaseKind.ADMINISTRATIVE_REVIEW
    case(review, dt.date(2023, 2, 1), dt.date(2023, 3, 30), CaseResult.UPHELD)
    case(review, dt.date(2023, 4, 1), dt.date(2023, 5, 30), CaseResult.UPHELD)
    case(review, dt.date(2023, 6, 1), dt.date(2023, 7, 20), CaseResult.CORRECTED)
    # Filed in 2023, decided in 2024: pending in 2023's report, and never counted in 2024's.
    case(review, dt.date(2023, 11, 20), dt.date(2024, 1, 15), CaseResult.OTHER)
    case(review, dt.date(2023, 12, 28))
    case(CaseKind.LITIGATION_DIRECT, dt.date(2023, 5, 5), dt.date(2023, 10, 9), CaseResult.OTHER)
    case(CaseKind.LITIGATION_AFTER_REVIEW, dt.date(2023, 9, 1))
    case(CaseKind.COMPLAINT, dt.date(2023, 3, 3), dt.date(2023, 3, 20), CaseResult.OTHER)
    case(review, dt.date(2022, 12, 30), dt.date(2023, 1, 20), CaseResult.UPHELD)
    AppealCaseFactory(organisation=other, filed_on=dt.date(2023, 5, 1))

    figures = statistics.year_statistics(organisation_ids=[organisation.pk], year=2023)
    assert statistics.table_four_row(figures) == [
        2, 1, 0, 2, 5,  # 行政复议: 维持 纠正 其他 尚未审结 总计
        0, 0, 1, 0, 1,  # 未经复议直接起诉
        0, 0, 0, 1, 1,  # 复议后起诉
    ]  # fmt: skip
    assert figures["appeals.complaints"] == 1
    assert (
        statistics.year_statistics(organisation_ids=[organisation.pk], year=2024)[
            "appeals.review.total"
        ]
        == 0
    )
    both = statistics.year_statistics(organisation_ids=[organisation.pk, other.pk], year=2023)
    assert both["appeals.review.total"] == 6 and both["appeals.review.pending"] == 3


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cases=st.lists(
        st.tuples(
            st.sampled_from(CaseKind.values),
            st.dates(dt.date(2020, 1, 1), dt.date(2021, 12, 31)),
            st.one_of(st.none(), st.integers(0, 400)),
            st.sampled_from(CaseResult.values),
        ),
        max_size=12,
    )
)
def test_each_total_is_the_sum_of_its_columns_and_counts_like_the_records(
    cases: list[tuple[str, dt.date, int | None, str]],
) -> None:
    AppealCase.objects.all().delete()
    organisation = OrganisationFactory()
    for kind, filed_on, decided_after, result in cases:
        decided_on = None if decided_after is None else filed_on + dt.timedelta(decided_after)
        AppealCaseFactory(
            organisation=organisation,
            kind=kind,
            filed_on=filed_on,
            decided_on=decided_on,
            result=result if decided_on else "",
        )
    for year in (2020, 2021):
        figures = statistics.year_statistics(organisation_ids=[organisation.pk], year=year)
        for group, kind in statistics.TABLE_FOUR_GROUPS:
            parts = [figures[f"appeals.{group}.{c}"] for c in ("upheld", "corrected", "other")]
            assert (
                sum(parts) + figures[f"appeals.{group}.pending"]
                == (figures[f"appeals.{group}.total"])
            )
            expected_total = sum(1 for k, f, _d, _r in cases if k == kind and f.year == year)
            assert figures[f"appeals.{group}.total"] == expected_total
            expected_pending = sum(
                1
                for k, f, d, _r in cases
                if k == kind and f.year == year and (d is None or (f + dt.timedelta(d)).year > year)
            )
            assert figures[f"appeals.{group}.pending"] == expected_pending
