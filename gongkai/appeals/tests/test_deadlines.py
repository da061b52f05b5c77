"""Statutory limits come from the data rows of the law in force on the start day."""

import datetime as dt

import pytest

from gongkai.appeals import deadlines
from gongkai.appeals.models import CaseKind, StatutoryDeadline

pytestmark = pytest.mark.django_db


def test_every_limit_cites_an_article_and_a_quote() -> None:
    rows = list(StatutoryDeadline.objects.all())
    assert len(rows) == 12
    for row in rows:
        assert row.article.startswith("第") and row.article.endswith("条")
        assert row.law.startswith("《中华人民共和国")
        assert row.quote


def test_review_decision_within_sixty_days_extendable_by_thirty_under_the_2023_law() -> None:
    # Accepted Monday 2024-03-04; +60 days = Friday 2024-05-03, inside the 劳动节 holiday
    # (5月1日—5日), so the period ends on the first working day after it: 2024-05-06.
    computed = deadlines.decision_deadline(CaseKind.ADMINISTRATIVE_REVIEW, dt.date(2024, 3, 4))
    assert computed is not None
    assert computed.rule.article == "第六十二条"
    assert computed.due_on == dt.date(2024, 5, 6)
    # 90 days: 2024-06-02 is a Sunday -> Monday 2024-06-03.
    assert computed.latest_with_extension == dt.date(2024, 6, 3)
    assert "第六十二条" in computed.basis and "60日" in computed.basis


def test_review_before_2024_uses_article_31_of_the_1999_law() -> None:
    computed = deadlines.decision_deadline(CaseKind.ADMINISTRATIVE_REVIEW, dt.date(2019, 6, 3))
    assert computed is not None
    assert computed.rule.article == "第三十一条"
    # 2019-08-02 is a Friday and a working day.
    assert computed.due_on == dt.date(2019, 8, 2)


def test_litigation_first_instance_six_months_since_2015_three_before() -> None:
    modern = deadlines.decision_deadline(CaseKind.LITIGATION_DIRECT, dt.date(2021, 8, 31))
    assert modern is not None and modern.rule.article == "第八十一条"
    # 6 months from 31 August: 28 February 2022 (a Monday, a working day).
    assert modern.due_on == dt.date(2022, 2, 28)
    assert modern.latest_with_extension is None
    old = deadlines.decision_deadline(CaseKind.LITIGATION_AFTER_REVIEW, dt.date(2014, 6, 10))
    assert old is not None and old.rule.article == "第五十七条"
    assert old.due_on == dt.date(2014, 9, 10)


def test_complaints_have_no_statutory_limit() -> None:
    assert deadlines.decision_deadline(CaseKind.COMPLAINT, dt.date(2024, 3, 4)) is None
    assert deadlines.filing_limit(CaseKind.COMPLAINT, dt.date(2024, 3, 4)) is None


def test_filing_limits_for_information() -> None:
    review = deadlines.filing_limit(CaseKind.ADMINISTRATIVE_REVIEW, dt.date(2024, 2, 1))
    assert review is not None and (review.amount, review.unit, review.article) == (
        60,
        "days",
        "第二十条",
    )
    direct = deadlines.filing_limit(CaseKind.LITIGATION_DIRECT, dt.date(2020, 1, 1))
    assert direct is not None and (direct.amount, direct.unit) == (6, "months")
    after = deadlines.filing_limit(CaseKind.LITIGATION_AFTER_REVIEW, dt.date(2020, 1, 1))
    assert after is not None and (after.amount, after.article) == (15, "第四十五条")


def test_a_year_the_calendar_does_not_know_is_rolled_provisionally() -> None:
    computed = deadlines.decision_deadline(CaseKind.ADMINISTRATIVE_REVIEW, dt.date(2098, 3, 2))
    assert computed is not None
    # 60 days end on Thu 1 May 2098, 劳动节 (1–2 May under the 2025 revision): rolled past it
    # to Sat 3 May, a weekend next to the holiday that the notice may make a make-up workday.
    # Counting it as one keeps the date from being later than the notice's.
    assert computed.due_on == dt.date(2098, 5, 3)
    assert computed.provisional and computed.provisional_years == (2098,)
    assert computed.provisional_note.startswith("暂定：2098年的放假安排尚未公布")
    # The basis is stored with the case; the 暂定 mark is shown beside it, not saved in it.
    assert "暂定" not in computed.basis


def test_an_entered_year_is_not_provisional() -> None:
    computed = deadlines.decision_deadline(CaseKind.ADMINISTRATIVE_REVIEW, dt.date(2024, 3, 4))
    assert computed is not None
    assert not computed.provisional and computed.provisional_note == ""
