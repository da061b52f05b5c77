"""`gongkai deadline`, the due-date API and /apply/deadline/ agree, and refuse bad input."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

URL = "/api/v1/calendar/due-date/"


def run_deadline(*args: str) -> dict:
    out = StringIO()
    call_command("deadline", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--received", "2024-02-30"), "不是有效日期"),
        (("--received", "2008-04-30"), "早于《政府信息公开条例》施行之日"),
        (("--received", "2101-03-01"), "2101年不在可计算工作日的范围内"),
        (("--received", "2024-09-27", "--corrected", "2024-09-01"), "不能早于收到申请之日"),
        (("--received", "2024-09-27", "--pause", "2024-10-10"), "格式应为"),
        (("--received", "2024-09-27", "--pause", "2024-10-17:2024-10-10"), "结束日期早于开始日期"),
        (("--received", "2024-09-27", "--extended", "25"), "不得超过20个工作日"),
        (("--received", "2015-09-30", "--extended", "20"), "不得超过15个工作日"),
    ],
)
def test_command_bad_input_exits_2_with_a_clear_message(
    args: tuple[str, ...], message: str
) -> None:
    with pytest.raises(CommandError, match=message) as caught:
        call_command("deadline", *args, stdout=StringIO())
    assert caught.value.returncode == 2


def test_command_prints_the_contract_keys() -> None:
    result = run_deadline("--received", "2024-09-27", "--pause", "2024-10-10:2024-10-17")
    expected = {"regime", "received", "start", "due", "base_due", "paused_days", "skipped_days"}
    assert expected | {"extension_days", "steps"} <= set(result)
    assert result["skipped_days"][0] == {
        "date": "2024-09-28",
        "reason": "weekend",
        "name": "星期六",
    }
    assert {"date": "2024-10-01", "reason": "holiday", "name": "国庆节"} in result["skipped_days"]
    assert result["paused_days"][0] == {"date": "2024-10-11", "reason": "征求第三方意见"}


def test_api_returns_the_same_json_as_the_command() -> None:
    client = APIClient()
    response = client.get(
        URL,
        {
            "received": "2024-09-27",
            "corrected": "2024-10-09",
            "pause": ["2024-10-10:2024-10-17"],
            "extended": "10",
        },
    )
    assert response.status_code == 200
    command = run_deadline(
        "--received", "2024-09-27", "--corrected", "2024-10-09",
        "--pause", "2024-10-10:2024-10-17", "--extended", "10",
    )  # fmt: skip
    assert response.json() == command
    assert response.json()["due"] == "2024-11-27"


def test_api_extended_without_days_means_the_longest_extension() -> None:
    response = APIClient().get(URL + "?received=2009-09-25&extended")
    assert response.status_code == 200
    assert response.json()["regime"] == "2007"
    assert response.json()["extension_days"] == 15
    assert response.json()["due"] == "2009-11-12"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "received"),
        ("?received=yesterday", "received"),
        ("?received=2024-09-27&regime=1999", "regime"),
        ("?received=2007-01-01", "早于《政府信息公开条例》施行之日"),
        ("?received=2101-01-05", "不在可计算工作日的范围内（2000年至2100年）"),
        ("?received=2024-09-27&pause=oops", "格式应为"),
    ],
)
def test_api_bad_input_is_a_json_400(query: str, message: str) -> None:
    response = APIClient().get(URL + query)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_portal_page_shows_the_form_then_the_explanation(client) -> None:
    url = reverse("portal:disclosure_deadline")
    assert url == "/apply/deadline/"
    blank = client.get(url)
    assert blank.status_code == 200
    assert "依申请公开答复期限计算" in blank.content.decode()
    response = client.get(
        url,
        {
            "received": "2024-09-27",
            "regime": "",
            "corrected": "",
            "pauses": "2024-10-10:2024-10-17\n",
            "extended": "on",
            "extension_days": "",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    # 10/30 + 6 paused working days = 11/7; + 20 extension days (11/8 … 12/5).
    assert "2024年12月5日" in page
    assert "暂停计算的工作日（6天）" in page
    assert "国庆节" in page
    assert response.context["explanation"].extension_days == 20


def test_portal_page_reports_bad_input_as_messages(client) -> None:
    url = reverse("portal:disclosure_deadline")
    bad_pause = client.get(url, {"received": "2024-09-27", "pauses": "2024-10-10"})
    assert bad_pause.status_code == 200
    assert "格式应为" in bad_pause.content.decode()
    assert "explanation" not in bad_pause.context
    too_early = client.get(url, {"received": "2007-06-01"})
    assert "早于《政府信息公开条例》施行之日" in too_early.content.decode()
    out_of_range = client.get(url, {"received": "2101-01-06"})
    assert out_of_range.status_code == 200
    assert "2101年不在可计算工作日的范围内" in out_of_range.content.decode()
    assert "explanation" not in out_of_range.context


# --- a year whose notice is not entered: counted provisionally, marked 暂定 -----------------


def test_command_marks_a_provisional_due_date_and_prints_the_note() -> None:
    out, err = StringIO(), StringIO()
    call_command("deadline", "--received", "2030-03-01", stdout=out, stderr=err)
    result = json.loads(out.getvalue())
    assert result["due"] is not None
    assert result["provisional"] is True
    assert result["provisional_years"] == [2030]
    assert result["provisional_note"].startswith("暂定：2030年的放假安排尚未公布")
    assert result["steps"][-1].endswith(result["provisional_note"])
    assert "为暂定日期" in result["steps"][-1]
    assert "暂定：2030年的放假安排尚未公布" in err.getvalue()


def test_command_output_of_an_entered_year_is_not_provisional() -> None:
    err = StringIO()
    out = StringIO()
    call_command("deadline", "--received", "2024-09-27", stdout=out, stderr=err)
    result = json.loads(out.getvalue())
    assert (result["provisional"], result["provisional_years"], result["provisional_note"]) == (
        False,
        [],
        "",
    )
    assert err.getvalue() == ""


def test_api_marks_a_due_date_reaching_into_a_provisional_year() -> None:
    # 2026-12-18 + 20 working days reaches into 2027, which is not entered.
    response = APIClient().get(URL, {"received": "2026-12-18"})
    assert response.status_code == 200
    body = response.json()
    assert body["provisional"] is True
    assert body["provisional_years"] == [2027]
    assert "2027年的放假安排尚未公布" in body["provisional_note"]
    # New Year's weekend of 2027 may be make-up days: counted, so the date is never late.
    assert body["possible_makeup_workdays"][:2] == ["2027-01-02", "2027-01-03"]
    assert body["due"] == "2027-01-12"
    assert body == run_deadline("--received", "2026-12-18")


def test_portal_calculator_shows_a_plain_provisional_note(client) -> None:
    response = client.get(reverse("portal:disclosure_deadline"), {"received": "2026-12-18"})
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["explanation"].provisional
    assert 'class="provisional-badge"' in page
    assert "2027年的放假安排尚未公布" in page
    assert "可能调休上班，暂计为工作日" in page
    # Citizens are told why, never asked to do what only staff can.
    assert "录入" not in page
    assert "工作日历" not in page.split('id="deadline-provisional"')[1].split("</p>")[0]
