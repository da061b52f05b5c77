import datetime as dt
import json
from decimal import Decimal

import pytest

from gongkai.core.exceptions import ApplicationError
from gongkai.organisations.tests.factories import OrganisationFactory
from gongkai.reports import narrative
from gongkai.reports.build import build_report
from gongkai.reports.formats import get_format, known_formats
from gongkai.reports.renderers import kind_for_path, render
from gongkai.reports.tests.factories import application, published_item


def test_placeholders_render_the_statistics():
    result = narrative.render(
        "全年主动公开政府信息{catalogue.total}条，占{catalogue.x.share}%，访问量{web.page_views|approx}人次。",
        {"catalogue.total": 81, "catalogue.x.share": Decimal("3.7"), "web.page_views": 103245},
    )
    assert result.text == "全年主动公开政府信息81条，占3.7%，访问量10万多人次。"
    assert result.unknown == []


def test_unknown_and_unavailable_placeholders_are_marked():
    result = narrative.render("{nope.key}与{web.page_views}", {"web.page_views": None})
    assert result.unknown == ["nope.key"]
    assert result.unavailable == ["web.page_views"]
    assert "【数据不可用】" in result.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (100000, "10万"),
        (103245, "10万多"),
        (1078, "1000余"),
        (812, "800余"),
        (800, "800"),
        (7, "7"),
    ],
)
def test_approximate_rendering(value, expected):
    assert narrative.format_approximate(value) == expected


def test_hand_typed_digits_are_found_outside_placeholders():
    found = narrative.hand_typed_numbers(
        "全年公开{catalogue.total}条，其中81条全文电子化，占１００%。"
    )
    assert [number for number, _ in found] == ["81", "１００"]


def test_unknown_format_is_a_clear_error_listing_the_known_ones():
    with pytest.raises(ApplicationError) as excinfo:
        get_format("national-2030")
    assert "national-2030" in excinfo.value.message
    assert "legacy-2008" in excinfo.value.message and "national-2021" in excinfo.value.message
    assert {f.code for f in known_formats()} >= {"national-2021", "national-2019", "legacy-2008"}


def test_format_shapes_follow_the_official_tables():
    national = get_format("national-2021")
    three = national.table("三")
    assert len([row for row in three.rows if not row.is_group]) == 25
    assert [c.label for c in three.columns] == [
        "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
    ]  # fmt: skip
    assert len(national.table("四").columns) == 15
    trial = get_format("national-2019")
    assert len([row for row in trial.table("三").rows if not row.is_group]) == 23
    assert [s.code for s in get_format("legacy-2008").sections] == [
        "引言", "一", "二", "三", "四", "五", "六", "七",
    ]  # fmt: skip


def test_unknown_output_type_is_refused():
    with pytest.raises(ApplicationError):
        kind_for_path("report.txt")
    assert kind_for_path("x/report.HTML") == "html"


@pytest.mark.django_db
def test_hand_typed_number_in_narrative_is_a_warning():
    body = OrganisationFactory()
    data = build_report(
        organisation=body, year=2023, format_code="national-2021",
        narrative={"五": "本年度共办理81件。"}, run_auditor=False,
    )  # fmt: skip
    warnings = [c for c in data["checks"] if c["code"] == "narrative.hand_typed"]
    assert [w["stated"] for w in warnings] == ["81"]
    assert warnings[0]["severity"] == "warning"
    assert "手工输入的数字" in warnings[0]["message"]


@pytest.mark.django_db
def test_renderers_write_every_cell_with_labels():
    body = OrganisationFactory(name="测试市测试局")
    application(body, received_on=dt.date(2023, 2, 1), closed_on=dt.date(2023, 2, 20))
    published_item(body, on=dt.date(2023, 3, 1))
    data = build_report(
        organisation=body, year=2023, format_code="national-2021", run_auditor=False,
        entered_figures={"licensing.decisions": {"value": "12", "source": "市审批系统"}},
    )  # fmt: skip
    payload = json.loads(render(data, "json"))
    cells = {
        c["ref"]: c for t in payload["sections"][2]["tables"] for r in t["rows"] for c in r["cells"]
    }
    cell = cells["三:1:natural_person"]
    assert cell["value"] == 1
    assert cell["row_label"] == "一、本年新收政府信息公开申请数量"
    assert cell["column_label"] == "申请人情况·自然人"
    html = render(data, "html").decode()
    assert '<html lang="zh-Hans">' in html
    assert "<caption>收到和处理政府信息公开申请情况</caption>" in html
    assert '<th scope="colgroup" colspan="5">法人或其他组织</th>' in html
    assert '<th scope="row">一、本年新收政府信息公开申请数量</th>' in html
    assert 'title="填报数据，来源：市审批系统"' in html
    markdown = render(data, "md").decode()
    assert markdown.startswith("# 测试市测试局2023年政府信息公开工作年度报告")
    assert "| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |" in markdown
    assert "行政许可：12，来源：市审批系统" in markdown


def test_outputs_not_yet_provided_give_a_clear_message(monkeypatch):
    import importlib

    real = importlib.import_module

    def missing(name, *args):
        if name.endswith("renderers.pdf"):
            raise ModuleNotFoundError(name=name)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", missing)
    with pytest.raises(ApplicationError, match="pdf"):
        render({"sections": []}, "pdf")


@pytest.mark.django_db
def test_the_auditor_rereads_our_own_report(monkeypatch):
    from types import SimpleNamespace

    from gongkai.reports import checks

    body = OrganisationFactory()
    application(body, received_on=dt.date(2023, 2, 1), closed_on=dt.date(2023, 2, 20))
    clean = build_report(organisation=body, year=2023, format_code="national-2021")
    assert not [c for c in clean["checks"] if c["code"] == "auditor"]

    seen = []

    def fake_audit(source, *, name=""):
        seen.append(source)
        finding = SimpleNamespace(message="合计不符", stated="5", expected="6", location="表三")
        return SimpleNamespace(findings=[finding])

    import gongkai.reports.audit as auditor_package

    monkeypatch.setattr(auditor_package, "audit", fake_audit)
    data = build_report(organisation=body, year=2023, format_code="national-2021")
    assert isinstance(seen[0], bytes) and b"<table>" in seen[0]
    found = [c for c in data["checks"] if c["code"] == "auditor"]
    assert found == [
        {
            "code": "auditor",
            "severity": "warning",
            "message": "审核工具发现：合计不符",
            "where": "表三",
            "stated": "5",
            "expected": "6",
        }
    ]
    assert checks.AUDITOR_CANDIDATES[0] == ("gongkai.reports.audit", "audit")
