"""``report audit --import``: a published report's figures stored as a body's history."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.core.exceptions import ApplicationError
from gongkai.organisations.models import Role
from gongkai.organisations.tests.factories import OrganisationFactory, staff_with_role
from gongkai.reports.audit import audit
from gongkai.reports.audit.cli import run
from gongkai.reports.audit.history import AMBIGUOUS, COMPARATIVE, NO_KEY, plan_import
from gongkai.reports.models import HistoricalStatistic

SEED = Path(__file__).parent / "fixtures" / "seed_2009_legacy.txt"

SYNTHETIC = "\n".join(
    [
        "2010年某局政府信息公开年度报告",
        "二、主动公开情况",
        "全年主动公开政府信息120条，其中全文电子化120条。",
        "三、依申请公开情况",
        "全年共收到政府信息公开申请12件，予以公开8件，不予公开4件。",
        "四、咨询情况",
        "全年接受咨询500人次，其中电话咨询300人次，现场咨询200人次。",
        "2009年接受咨询450人次。网站访问量近2万人次，举办政企互动会3场。",
    ]
)


@pytest.fixture
def body():
    return OrganisationFactory(name="测试市政务管理办公室", code="12345678X")


@pytest.fixture
def coordinator(body):
    return staff_with_role(Role.COORDINATOR, body, username="coordinator")


def _stored(body, year):
    return {
        row.key: (row.value, row.approximate)
        for row in HistoricalStatistic.objects.filter(organisation=body, year=year)
    }


def _run(argv):
    out, err = io.StringIO(), io.StringIO()
    status = run(argv, stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_plan_maps_named_figures_and_skips_the_rest():
    plan = plan_import(audit(SYNTHETIC).figures)
    values = {f.key: (f.value, f.approximate) for f in plan.figures}
    assert values == {
        "catalogue.total": (Decimal(120), False),
        "catalogue.fully_electronic": (Decimal(120), False),
        "requests.result.3.1.total": (Decimal(8), False),
        "requests.result.3.3.total": (Decimal(4), False),
        "consultations.total": (Decimal(500), False),
        "consultations.phone": (Decimal(300), False),
        "consultations.on_site": (Decimal(200), False),
        "web.page_views": (Decimal(20000), True),  # 近2万: approximate
    }
    skipped = {(figure.shown(), reason) for figure, reason in plan.skipped}
    # "收到申请" may include last year's carried-over applications: not a statistic.
    assert ("12件", AMBIGUOUS) in skipped
    # Last year's figure is not this year's statistic.
    assert ("450人次", COMPARATIVE) in skipped
    assert ("3场", NO_KEY) in skipped


def test_plan_takes_the_value_the_report_supports_and_notes_the_contradiction():
    plan = plan_import(audit(SEED).figures)
    by_key = {f.key: f for f in plan.figures}
    # 来访咨询17500 (overview) against 现场咨询19840 (section 四 and 附表2).
    assert by_key["consultations.on_site"].value == 19840
    assert by_key["consultations.on_site"].conflicting == ("17500人次",)
    assert by_key["consultations.on_site"].figure.in_table
    # The auditor's expected value for the 31830 / 34170 contradiction.
    assert by_key["consultations.total"].value == 34170
    assert by_key["consultations.total"].conflicting == ("31830人次",)
    # 网站的访问量达10万人次 and 10万多: an approximate figure stays approximate.
    assert (by_key["web.page_views"].value, by_key["web.page_views"].approximate) == (
        100000,
        True,
    )


@pytest.mark.django_db
def test_importing_the_seed_stores_its_figures(body, coordinator):
    status, out, err = _run(
        [str(SEED), "--import", "--organisation", body.code, "--year", "2009",
         "--actor", "coordinator"]
    )  # fmt: skip
    assert status == 1, err  # the seed's inconsistencies are still reported
    assert "发现 4 处数字不一致" in out
    stored = _stored(body, 2009)
    assert stored == {
        "catalogue.total": (Decimal(81), False),
        "catalogue.fully_electronic": (Decimal(81), False),
        "catalogue.fully_electronic.share": (Decimal(100), True),  # 全文电子化达100%
        "consultations.total": (Decimal(34170), False),
        "consultations.phone": (Decimal(14330), False),
        "consultations.on_site": (Decimal(19840), False),
        "web.page_views": (Decimal(100000), True),
    }
    assert f"导入2009年度历史统计数据 {len(stored)} 项" in out
    assert "报告中另有不一致的数值 17500人次，未采用" in out
    assert "个数字：" in out and "未能对应到统计指标" in out  # the skipped figures are listed
    row = HistoricalStatistic.objects.get(organisation=body, year=2009, key="consultations.phone")
    assert row.source == "已发布的2009年度报告（seed_2009_legacy.txt）"


@pytest.mark.django_db
def test_reimporting_replaces_and_a_clean_report_exits_0(body, coordinator, tmp_path):
    path = tmp_path / "2010.txt"
    path.write_text(SYNTHETIC, encoding="utf-8")
    argv = [str(path), "--import", "--organisation", body.code, "--year", "2010"]
    assert _run([*argv, "--actor", "coordinator", "--source", "某局网站"])[0] == 0
    assert _stored(body, 2010)["catalogue.total"] == (Decimal(120), False)
    path.write_text(SYNTHETIC.replace("120条", "121条"), encoding="utf-8")
    status, _, err = _run(argv)  # default actor: the first superuser, none here
    assert status == 2 and "--actor" in err
    coordinator.is_superuser = True
    coordinator.save()
    status, out, _ = _run(argv)
    assert status == 0
    assert "导入2010年度历史统计数据 8 项" in out
    assert _stored(body, 2010)["catalogue.total"] == (Decimal(121), False)
    assert HistoricalStatistic.objects.filter(organisation=body, year=2010).count() == 8
    assert HistoricalStatistic.objects.get(
        organisation=body, year=2010, key="catalogue.total"
    ).source.endswith("（2010.txt）")


@pytest.mark.django_db
def test_json_output_carries_the_import(body, coordinator):
    status, out, _ = _run(
        [str(SEED), "--json", "--import", "--organisation", body.code, "--year", "2009",
         "--actor", "coordinator"]
    )  # fmt: skip
    assert status == 1
    payload = json.loads(out)
    assert len(payload["findings"]) == 4
    assert payload["import"]["stored"] == 7
    phone = next(f for f in payload["import"]["figures"] if f["key"] == "consultations.phone")
    assert (phone["value"], phone["approximate"]) == ("14330", False)
    assert payload["import"]["skipped"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--organisation", "NOPE", "--year", "2009"], "找不到机构代码"),
        (["--organisation", "12345678X", "--year", "2009", "--actor", "nobody"], "找不到用户"),
        (["--organisation", "12345678X"], "需要同时指定"),
        (["--organisation", "12345678X", "--year", "2009", "--actor", "approver"], "权限"),
    ],
)
def test_unusable_import_exits_2_and_stores_nothing(body, coordinator, extra, message):
    staff_with_role(Role.APPROVER, body, username="approver")
    status, _, err = _run([str(SEED), "--import", *extra])
    assert status == 2
    assert message in err
    assert not HistoricalStatistic.objects.exists()


@pytest.mark.django_db
def test_import_flags_without_import_and_unreadable_input(body, coordinator, tmp_path):
    status, _, err = _run([str(SEED), "--organisation", body.code, "--year", "2009"])
    assert status == 2 and "--import" in err
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status, _, _ = _run([str(empty), "--import", "--organisation", body.code, "--year", "2009",
                         "--actor", "coordinator"])  # fmt: skip
    assert status == 2
    assert not HistoricalStatistic.objects.exists()


@pytest.mark.django_db
def test_a_failed_import_stores_none_of_the_figures(body, coordinator, monkeypatch):
    def refuse(*args, **kwargs):
        raise ApplicationError("审计日志不可用。")

    # The failure comes after the rows were written: the whole import is rolled back.
    monkeypatch.setattr("gongkai.reports.services.audit.log", refuse)
    status, _, err = _run(
        [str(SEED), "--import", "--organisation", body.code, "--year", "2009",
         "--actor", "coordinator"]
    )  # fmt: skip
    assert status == 2 and "审计日志不可用" in err
    assert not HistoricalStatistic.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("command", [["report", "audit"], ["report_audit"]])
def test_both_commands_import(body, coordinator, command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command(
            *command, str(SEED), "--import", "--organisation", body.code, "--year", "2009",
            "--actor", "coordinator", "--source", "市政务办网站 2012-11-29",
        )  # fmt: skip
    assert exit_info.value.code == 1
    assert "导入2009年度历史统计数据 7 项" in capsys.readouterr().out
    rows = HistoricalStatistic.objects.filter(organisation=body, year=2009)
    assert rows.count() == 7
    assert {row.source for row in rows} == {"市政务办网站 2012-11-29"}
