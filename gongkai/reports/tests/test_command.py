import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.reports.tests.factories import application

pytestmark = pytest.mark.django_db


def _build(
    tmp_path, organisation, *, year=2023, format_code="national-2021", name="r.json", extra=()
):
    output = tmp_path / name
    args = ["report", "build", "--organisation", organisation.code, "--year", str(year),
            "--format", format_code, "--output", str(output), "--no-auditor", *extra]  # fmt: skip
    code = 0
    try:
        call_command(*args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, output


def test_unknown_format_is_a_clear_error_with_exit_status_2(tmp_path):
    body = OrganisationFactory()
    with pytest.raises(CommandError) as excinfo:
        _build(tmp_path, body, format_code="province-x")
    assert excinfo.value.returncode == 2
    assert "未知的报告格式" in str(excinfo.value) and "national-2021" in str(excinfo.value)


def test_unknown_body_and_output_type(tmp_path):
    body = OrganisationFactory()
    with pytest.raises(CommandError, match="找不到机构代码") as excinfo:
        call_command("report", "build", "--organisation", "XXXX", "--year", "2023",
                     "--format", "national-2021", "--output", str(tmp_path / "a.json"))  # fmt: skip
    assert excinfo.value.returncode == 2
    with pytest.raises(CommandError, match="无法识别输出文件类型"):
        _build(tmp_path, body, name="r.txt")


def test_a_year_without_records_is_a_report_of_zeros_that_says_so(tmp_path, capsys):
    body = OrganisationFactory()
    code, output = _build(tmp_path, body, year=2022)
    assert code == 0
    data = json.loads(output.read_text())
    assert data["empty"] is True
    assert data["notice"] == "本年度没有可统计的记录，各项数据均为零。"
    assert data["statistics"]["requests.new.total"] == 0
    assert "各项数据均为零" in capsys.readouterr().out


def test_an_error_level_check_gives_exit_status_1(tmp_path, capsys):
    body = OrganisationFactory()
    application(body, received_on=dt.date(2023, 3, 1), closed_on=dt.date(2022, 12, 1))
    code, output = _build(tmp_path, body, name="r.md")
    assert code == 1
    out = capsys.readouterr().out
    assert "[错误] 勾稽关系不成立" in out
    assert output.read_text().startswith("# ")


def test_entered_figures_on_the_command_line(tmp_path):
    body = OrganisationFactory()
    application(body, received_on=dt.date(2023, 3, 1), closed_on=dt.date(2023, 3, 9))
    code, output = _build(
        tmp_path, body, name="r.html",
        extra=["--entered", "licensing.decisions=7@市审批系统"],
    )  # fmt: skip
    assert code == 0
    assert 'title="填报数据，来源：市审批系统"><data value="7">7</data>' in output.read_text()


def _gongkai(*argv: str) -> int:
    """Run the console script's dispatcher in-process, as `gongkai ...` would."""
    from django.core.management import ManagementUtility

    with pytest.raises(SystemExit) as excinfo:
        ManagementUtility(["gongkai", *argv]).execute()
    return int(excinfo.value.code or 0)


def test_audit_subcommand_shows_the_auditors_own_help(capsys):
    assert _gongkai("report", "audit", "--help") == 0
    out = capsys.readouterr().out
    assert "usage: gongkai report audit" in out
    assert "--import" in out


def test_audit_subcommand_reports_inconsistencies_with_exit_status_1(tmp_path, capsys):
    report = tmp_path / "report.txt"
    report.write_text(
        "二、主动公开政府信息的情况\n我办2009年全年主动公开政府信息81条。\n"
        "在主动公开的信息中，机构职能类的信息3条，占总体的比例3.7%；规章制度类信息12条，"
        "占总体的比例14.8%；属于本单位业务类信息61条，占总体的比例81.5%。\n",
        encoding="utf-8",
    )
    assert _gongkai("report", "audit", str(report), "--json") == 1
    findings = json.loads(capsys.readouterr().out)
    assert any(finding["kind"] == "parts_sum" for finding in findings)
