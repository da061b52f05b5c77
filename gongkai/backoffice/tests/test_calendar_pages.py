"""Back-office calendar pages: list years, enter a year from the State Council notice."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from datetime import date, datetime

import pytest
import time_machine
from django.urls import reverse

from gongkai.core.models import AuditEntry
from gongkai.core.testing.clock import SHANGHAI, frozen_clock_at
from gongkai.disclosure_requests import services as request_services
from gongkai.disclosure_requests.tests.test_services import person_data
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.workdays.calendar import add_working_days
from gongkai.workdays.models import CalendarDay, CalendarYear
from gongkai.workdays.services import calendar_year_save_from_notice
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


@pytest.mark.parametrize("role", [Role.HANDLER, Role.APPROVER, Role.PUBLISHER, Role.AUDITOR])
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


# --- the coordinator, the dashboard's notes, the recomputed dates ------------------------------

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def _frozen(day: date):
    return time_machine.travel(
        datetime.combine(day, datetime.min.time().replace(hour=10), SHANGHAI), tick=False
    )


def test_the_coordinator_enters_the_calendar_and_sees_the_menu_link(client):
    coordinator = staff_with_role(Role.COORDINATOR, OrganisationFactory())
    client.force_login(coordinator)
    dashboard = client.get(reverse("backoffice:dashboard")).content.decode()
    assert reverse("backoffice:calendar_list") in dashboard
    assert client.get(reverse("backoffice:calendar_list")).status_code == 200
    response = client.post(
        reverse("backoffice:calendar_edit", args=[2027]),
        {"notice": NOTICE_2027, "holidays": "", "makeup_workdays": "", "save": "1"},
    )
    assert response.status_code == 302
    assert AuditEntry.objects.get(action="workdays.calendar_year.saved").actor == coordinator


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ORG_ADMIN])
def test_from_november_those_who_may_enter_next_year_are_asked_to(client, role):
    client.force_login(staff_with_role(role, OrganisationFactory()))
    with _frozen(date(2026, 10, 31)):
        assert (
            "calendar-missing-year"
            not in client.get(reverse("backoffice:dashboard")).content.decode()
        )
    with _frozen(date(2026, 12, 6)):
        html = client.get(reverse("backoffice:dashboard")).content.decode()
    assert 'id="calendar-missing-year"' in html
    assert "2027年的节假日安排尚未录入" in html
    assert reverse("backoffice:calendar_edit", args=[2027]) in html


def test_others_are_not_asked_and_nobody_once_the_year_is_entered(client):
    admin = staff_with_role(Role.ORG_ADMIN, OrganisationFactory())
    client.force_login(staff_with_role(Role.HANDLER, OrganisationFactory()))
    with _frozen(date(2026, 12, 6)):
        assert (
            "calendar-missing-year"
            not in client.get(reverse("backoffice:dashboard")).content.decode()
        )
        calendar_year_save_from_notice(
            actor=admin, year=2027, holidays="", makeup_workdays="", notice=NOTICE_2027
        )
        client.force_login(admin)
        assert (
            "calendar-missing-year"
            not in client.get(reverse("backoffice:dashboard")).content.decode()
        )


def test_the_dashboard_notes_a_provisional_year_where_deadlines_fall(client):
    client.force_login(staff_with_role(Role.HANDLER, OrganisationFactory()))
    with _frozen(date(2026, 6, 1)):
        assert (
            "calendar-provisional-note"
            not in client.get(reverse("backoffice:dashboard")).content.decode()
        )
    with _frozen(date(2026, 12, 6)):
        text = _text(client.get(reverse("backoffice:dashboard")))
    assert "暂定：2027年的放假安排尚未公布" in text


def test_the_handler_sees_the_dates_entering_a_notice_moved(client):
    organisation = OrganisationFactory()
    coordinator = staff_with_role(Role.COORDINATOR, organisation)
    handler = staff_with_role(Role.HANDLER, organisation)
    with _frozen(date(2026, 12, 6)):
        disclosure_request = request_services.disclosure_request_register(
            actor=coordinator, organisation=organisation, channel="in_person",
            received_on=date(2026, 12, 6), data=person_data(),
        )  # fmt: skip
        request_services.disclosure_request_assign(
            actor=coordinator, disclosure_request=disclosure_request, handler=handler
        )
        client.force_login(handler)
        assert (
            "calendar-recomputed"
            not in client.get(reverse("backoffice:dashboard")).content.decode()
        )
        calendar_year_save_from_notice(
            actor=coordinator, year=2027, holidays="", makeup_workdays="", notice=NOTICE_2027
        )
        text = _text(client.get(reverse("backoffice:dashboard")))
        assert f"{disclosure_request.tracking_number} 答复期限 2027-01-02 2027-01-04" in text
        # The application's own page shows the audit entry.
        detail = client.get(reverse("backoffice:request_detail", args=[disclosure_request.pk]))
        assert "disclosure_requests.request.deadline_recomputed" in detail.content.decode()
        # The coordinator, who does not handle it, is not told.
        client.force_login(coordinator)
        assert (
            "calendar-recomputed"
            not in client.get(reverse("backoffice:dashboard")).content.decode()
        )


def test_saving_says_how_many_dates_moved_and_lists_them(client):
    organisation = OrganisationFactory()
    coordinator = staff_with_role(Role.COORDINATOR, organisation)
    client.force_login(coordinator)
    with _frozen(date(2026, 12, 6)):
        disclosure_request = request_services.disclosure_request_register(
            actor=coordinator, organisation=organisation, channel="in_person",
            received_on=date(2026, 12, 6), data=person_data(),
        )  # fmt: skip
        response = client.post(
            reverse("backoffice:calendar_edit", args=[2027]),
            {"notice": NOTICE_2027, "holidays": "", "makeup_workdays": "", "save": "1"},
            follow=True,
        )
    text = _text(response)
    assert "2027年的节假日安排已保存，1项期限已按新的安排重新计算。" in text
    assert f"{disclosure_request.tracking_number} 答复期限 2027-01-02 2027-01-04" in text
    assert "再次保存即为更正" in text
