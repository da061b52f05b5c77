from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.consultations.models import Channel, Consultation, ConsultationTally
from gongkai.consultations.statistics import year_statistics
from gongkai.consultations.tests.factories import ConsultationFactory, ConsultationTopicFactory
from gongkai.core.models import AuditEntry
from gongkai.disclosure_requests.tests.factories import valid_id_number
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel("2025-03-04 10:00 +0800", tick=False):
        yield


@pytest.fixture
def organisation():
    return OrganisationFactory(name="测试市政务管理办公室")


@pytest.fixture
def counter(client, organisation):
    client.force_login(staff_with_role(Role.COORDINATOR, organisation, username="counter"))
    return client


def test_20_phone_calls_as_a_tally_and_3_individually_count_23(counter, organisation):
    topic = ConsultationTopicFactory(organisation=organisation, name="企业登记")
    response = counter.post(
        reverse("backoffice:consultation_tally_create"),
        {"organisation": organisation.pk, "date": "2025-03-04", "channel": "phone",
         "topic": topic.pk, "count": 20},
    )  # fmt: skip
    assert response.status_code == 302
    assert "channel=phone" in response["Location"] and "date=2025-03-04" in response["Location"]
    fast_entry = reverse("backoffice:consultation_fast_entry")
    page = counter.get(fast_entry).content.decode()
    assert "autofocus" in page and 'accesskey="c"' in page and 'accesskey="t"' in page
    for number in range(3):
        response = counter.post(
            fast_entry,
            {"organisation": organisation.pk, "channel": "phone", "topic": topic.pk,
             "question": f"第{number + 1}个电话：营业执照怎么办？"},
        )  # fmt: skip
        assert response.status_code == 302
        # Back on the same page, with the same channel and topic kept for the next call.
        assert response["Location"].startswith(fast_entry)
        assert f"topic={topic.pk}" in response["Location"]
    page = counter.get(response["Location"])
    text = page.content.decode()
    assert "今日电话咨询 23 人次，全部方式合计 23 人次" in text
    assert page.context["totals"]["phone"] == 23
    assert page.context["form"]["topic"].value() == str(topic.pk)
    figures = year_statistics(organisation_ids=[organisation.pk], year=2025)
    assert figures["consultations.phone"] == 23


@pytest.mark.parametrize(
    ("count", "message"),
    [
        ("-5", "人次不能为负数（填写的是 -5）。"),
        ("0", "人次须大于零；当天没有该方式的咨询时不必登记。"),
    ],
)
def test_a_tally_with_a_negative_or_zero_count_shows_the_message_and_saves_nothing(
    counter, organisation, count, message
):
    response = counter.post(
        reverse("backoffice:consultation_tally_create"),
        {"organisation": organisation.pk, "date": "2025-03-04", "channel": "phone",
         "count": count},
    )  # fmt: skip
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ConsultationTally.objects.exists()
    assert not AuditEntry.objects.exists()


def test_an_empty_question_on_the_fast_entry_saves_nothing(counter, organisation):
    response = counter.post(
        reverse("backoffice:consultation_fast_entry"),
        {"organisation": organisation.pk, "channel": "phone", "question": ""},
    )
    assert response.status_code == 400
    assert not Consultation.objects.exists()


def test_the_register_exports_csv_and_xlsx_with_masked_askers(counter, organisation):
    ConsultationFactory(organisation=organisation, channel=Channel.ONLINE_MESSAGE,
                        asker_name="王小明", question="=HYPERLINK(1)")  # fmt: skip
    url = reverse("backoffice:consultation_list")
    csv_text = counter.get(url, {"export": "csv", "channel": "online_message"}).content.decode()
    assert "咨询方式" in csv_text and "网上留言" in csv_text and "王**" in csv_text
    assert "'=HYPERLINK(1)" in csv_text and "王小明" not in csv_text
    xlsx = counter.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    rows = list(sheet.values)
    assert rows[0][0] == "咨询时间" and len(rows) == 2
    tallies = counter.get(reverse("backoffice:consultation_tally_list"), {"export": "csv"})
    assert tallies.content.decode().lstrip("\ufeff").startswith("日期,机构,咨询方式")


def test_a_consultation_is_converted_into_an_application(counter, organisation):
    consultation = ConsultationFactory(organisation=organisation, channel=Channel.ON_SITE,
                                       question="想要2024年度进驻部门名单")  # fmt: skip
    url = reverse("backoffice:consultation_convert", args=[consultation.pk])
    form = counter.get(url).context["form"]
    assert form["channel"].value() == "in_person"
    assert form["information_description"].value() == "想要2024年度进驻部门名单"
    response = counter.post(
        url,
        {"organisation": organisation.pk, "channel": "in_person", "received_on": "2025-03-03",
         "applicant_type": "natural_person", "applicant_name": "张三", "id_type": "resident_id",
         "id_number": valid_id_number(9), "phone": "13812345678",
         "information_description": "2024年度进驻部门名单", "form_wanted": "paper",
         "delivery_method": "in_person"},
    )  # fmt: skip
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.converted_request is not None
    assert consultation.converted_request.received_on == dt.date(2025, 3, 3)
    detail = counter.get(reverse("backoffice:consultation_detail", args=[consultation.pk]))
    assert consultation.converted_request.tracking_number in detail.content.decode()
    assert "consultations.consultation.converted" in detail.content.decode()


def test_a_consultation_answered_by_a_department_records_it(counter, organisation):
    department = OrganisationFactory(name="测试市政务管理办公室政务服务处", parent=organisation)
    elsewhere = OrganisationFactory(name="测试市交通委员会")
    form = {
        "organisation": organisation.pk,
        "channel": "on_site",
        "occurred_at": "2025-03-04T09:30",
        "question": "企业设立登记需要哪些材料？",
        "department": department.pk,
    }
    response = counter.post(reverse("backoffice:consultation_create"), form)
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.department == department
    edit = counter.get(reverse("backoffice:consultation_edit", args=[consultation.pk]))
    assert edit.context["form"]["department"].value() == department.pk
    # A body outside the organisation is not offered and is refused.
    response = counter.post(
        reverse("backoffice:consultation_create"), {**form, "department": elsewhere.pk}
    )
    assert response.status_code == 400
    assert "department" in response.context["form"].errors
    assert Consultation.objects.count() == 1
