"""The statutory deadlines of the annual report, and who has not published."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.organisations.models import Organisation
from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.reports.deadlines import deadline_for, last_report_year, unpublished_bodies
from gongkai.reports.models import AnnualReport

Kind = Organisation.Kind


@pytest.mark.parametrize(
    ("kind", "year", "due_on", "citation"),
    [
        # 2019 Regulation 第四十九条: departments 31 January, governments 31 March.
        (Kind.DEPARTMENT, 2023, dt.date(2024, 1, 31), "第四十九条"),
        (Kind.GOVERNMENT, 2023, dt.date(2024, 3, 31), "第四十九条"),
        (Kind.DEPARTMENT, 2019, dt.date(2020, 1, 31), "第四十九条"),
        # 2007 Regulation 第三十一条: everyone 31 March, up to the report on 2018.
        (Kind.DEPARTMENT, 2018, dt.date(2019, 3, 31), "第三十一条"),
        (Kind.GOVERNMENT, 2009, dt.date(2010, 3, 31), "第三十一条"),
        (Kind.DEPARTMENT, 2008, dt.date(2009, 3, 31), "第三十一条"),
    ],
)
def test_deadlines_follow_the_regulation_of_the_report_year(kind, year, due_on, citation):
    deadline = deadline_for(kind, year)
    assert deadline is not None
    assert deadline.due_on == due_on
    assert citation in deadline.citation
    assert "3月31日" in deadline.rule.quote or "1月31日" in deadline.rule.quote


def test_no_deadline_for_internal_offices_or_before_2008():
    assert deadline_for(Kind.OFFICE, 2023) is None
    assert deadline_for(Kind.DEPARTMENT, 2007) is None


@given(
    st.sampled_from([Kind.DEPARTMENT, Kind.GOVERNMENT, Kind.OTHER]),
    st.integers(min_value=2008, max_value=2100),
)
def test_every_deadline_falls_in_the_following_year_by_31_march(kind, year):
    deadline = deadline_for(kind, year)
    assert deadline is not None
    assert deadline.due_on.year == year + 1
    assert deadline.due_on <= dt.date(year + 1, 3, 31)


def test_last_report_year():
    assert last_report_year(dt.date(2024, 1, 20)) == 2023


@pytest.mark.django_db
def test_unpublished_bodies_lists_filers_without_a_published_report():
    government = OrganisationFactory(name="测试市人民政府", kind=Kind.GOVERNMENT)
    done = OrganisationFactory(name="测试市已发布局", parent=government, kind=Kind.DEPARTMENT)
    drafting = OrganisationFactory(name="测试市编制中局", parent=government, kind=Kind.DEPARTMENT)
    OrganisationFactory(name="测试市内设处", parent=drafting, kind=Kind.OFFICE)
    OrganisationFactory(name="测试市停用局", kind=Kind.DEPARTMENT, is_active=False)
    AnnualReport.objects.create(
        organisation=done, year=2023, format_code="national-2021", status="published"
    )
    in_review = AnnualReport.objects.create(
        organisation=drafting, year=2023, format_code="national-2021", status="in_review"
    )
    rows = unpublished_bodies(year=2023, today=dt.date(2024, 2, 5))
    assert [row.organisation.name for row in rows] == ["测试市编制中局", "测试市人民政府"]
    department, city = rows
    assert department.overdue and department.overdue_days == 5
    assert department.report == in_review and department.stage == "待审核"
    assert not city.overdue and city.days_left == 55 and city.stage == "未编制"
