"""Back-office calendar pages: list years, enter a year from the State Council notice."""

from __future__ import annotations

import datetime as dt
import re
from datetime import date

import pytest
from django.urls import reverse

from gongkai.core.models import AuditEntry
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.workdays.calendar import add_working_days
from gongkai.workdays.models import CalendarDay, CalendarYear
from gongkai.workdays.tests.test_notice import NOTICE_2026

pytestmark = pytest.mark.django_db

# 2026 is the last year entered; 2027 is counted provisionally.
frozen_clock = frozen_clock_at(dt.datetime(2026, 12, 6, 10, tzinfo=SHANGHAI))

NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（周六）至12日（周五）放假调休，共7天。2月13日（周六）、2月14日（周日）上班。
国务院办公厅
2026年11月20日
"""


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def calendar_admin_client(client):
    user = staff_with_role(Role.ORG_ADMIN, OrganisationFactory())
    client.force_login(user)
    client.user = user
    return client


def test_anonymous_visitors_are_sent_to_login(client):
    for url in (
        reverse("backoffice:calendar_list"),
        reverse("backoffice:calendar_edit", args=[2027]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("backoffice:login") in response["Location"]


@pytest.mark.parametrize("role", [Role.HANDLER, Role.COORDINATOR, Role.PUBLISHER, Role.AUDITOR])
def test_staff_without_calendar_permission_get_403(client, role):
    client.force_login(staff_with_role(role, OrganisationFactory()))
    assert client.get(reverse("backoffice:calendar_list")).status_code == 403
    assert client.get(reverse("backoffice:calendar_edit", args=[2026])).status_code == 403
    response = client.post(
        reverse("backoffice:calendar_edit", args=[2027]),
        {"holidays": "2027-01-01", "makeup_workdays": "", "save": "1"},
    )
    assert response.status_code == 403
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_list_shows_the_seeded_years(calendar_admin_client):
    response = calendar_admin_client.get(reverse("backoffice:calendar_list"))
    assert response.status_code == 200
    text = _text(response)
    assert "2004" in text and "2026" in text
    assert 'value="2027"' in response.content.decode()  # the next year is suggested
    assert reverse("backoffice:calendar_edit", args=[2026]) in response.content.decode()


def test_choosing_a_year_leads_to_its_edit_page(calendar_admin_client):
    response = calendar_admin_client.get(reverse("backoffice:calendar_add"), {"year": 2027})
    assert response.status_code == 302
    assert response["Location"] == reverse("backoffice:calendar_edit", args=[2027])
    bad = calendar_admin_client.get(reverse("backoffice:calendar_add"), {"year": "abc"})
    assert bad.status_code == 400


def test_edit_page_of_a_seeded_year_is_prefilled(calendar_admin_client):
    response = calendar_admin_client.get(reverse("backoffice:calendar_edit", args=[2026]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "春节：2026-02-15 至 2026-02-23" in html
    assert "国庆节：2026-10-10" in html
    assert '<label for="id_holidays">' in html


def test_preview_fills_the_dates_from_the_notice_without_saving(calendar_admin_client):
    response = calendar_admin_client.post(
        reverse("backoffice:calendar_edit", args=[2027]),
        {"notice": NOTICE_2027, "holidays": "", "makeup_workdays": "", "preview": "1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "春节：2027-02-06 至 2027-02-12" in html
    assert "春节：2027-02-13 至 2027-02-14" in html
    assert "2026年11月20日" in _text(response)  # signature date listed as ignored
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_saving_a_new_year_records_it_and_logs_it(calendar_admin_client):
    response = calendar_admin_client.post(
        reverse("backoffice:calendar_edit", args=[2027]),
        {
            "notice": NOTICE_2027,
            "holidays": "元旦：2027-01-01 至 2027-01-03\n春节：2027-02-06 至 2027-02-12",
            "makeup_workdays": "春节：2027-02-13、2027-02-14",
            "save": "1",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "2027年的节假日安排已保存" in _text(response)
    calendar_year = CalendarYear.objects.get(year=2027)
    assert "国务院办公厅关于2027年部分节假日安排的通知" in calendar_year.notice
    assert calendar_year.days.count() == 12
    assert add_working_days(date(2027, 2, 5), 1) == date(2027, 2, 13)
    entry = AuditEntry.objects.get(action="workdays.calendar_year.saved")
    assert entry.actor == calendar_admin_client.user
    assert "workdays.calendar_year.saved" in response.content.decode()  # shown on the page


def test_saving_from_the_notice_alone(calendar_admin_client):
    calendar_admin_client.post(
        reverse("backoffice:calendar_edit", args=[2026]),
        {"notice": NOTICE_2026, "holidays": "", "makeup_workdays": "", "save": "1"},
    )
    assert CalendarYear.objects.get(year=2026).source == CalendarYear.Source.NOTICE
    assert CalendarDay.objects.filter(calendar_year__year=2026, kind="makeup_workday").count() == 6


def test_invalid_dates_show_every_problem_and_save_nothing(calendar_admin_client):
    response = calendar_admin_client.post(
        reverse("backoffice:calendar_edit", args=[2027]),
        {
            "notice": "",
            "holidays": "2027-01-01\n2月30日",
            "makeup_workdays": "2027-02-10",
            "save": "1",
        },
    )
    assert response.status_code == 400
    text = _text(response)
    assert "放假日期：日期不存在：「2月30日」" in text
    assert "调休上班日 2027-02-10 是星期三" in text
    assert not CalendarYear.objects.filter(year=2027).exists()
    # What the user typed is kept for correction.
    assert "2月30日" in response.content.decode()


def test_year_out_of_range_is_404(calendar_admin_client):
    assert (
        calendar_admin_client.get(reverse("backoffice:calendar_edit", args=[1800])).status_code
        == 404
    )
