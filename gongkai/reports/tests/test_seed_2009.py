"""The seed report's body (市政务办) in the demo: its 2009 report in the legacy format gives
the seed's 附表 figures, and its narrative agrees with its tables."""

import pytest

from gongkai.demo import seed
from gongkai.organisations.models import Organisation
from gongkai.reports.build import build_report
from gongkai.reports.renderers import render

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_2009(shared_demo):
    body = Organisation.objects.get(
        name=next(o.name for o in seed.ORGANISATIONS if o.key == seed.ZWB)
    )
    return build_report(organisation=body, year=2009, format_code="legacy-2008", run_auditor=False)


def _table(data, code):
    return next(t for s in data["sections"] for t in s["tables"] if t["code"] == code)


def _displays(table):
    return {row["code"]: [c["display"] for c in row["cells"]] for row in table["rows"]}


def test_schedules_categories_and_narrative_match_the_seed(report_2009):
    data = report_2009
    assert _displays(_table(data, "附表1")) == {"total": ["81"], "electronic": ["81"]}
    schedule_2 = _displays(_table(data, "附表2"))
    assert schedule_2 == {
        "phone": ["人次", "14330"],
        "web": ["人次", "10万多"],
        "on_site": ["人次", "19840"],
    }
    categories = _displays(_table(data, "二"))
    assert categories == {
        "functions": ["3", "3.7"],
        "rules": ["12", "14.8"],
        "business": ["66", "81.5"],
        "_total": ["81", "100.0"],
    }
    assert data["summary"]["errors"] == 0
    # The narrative's figures are the tables' own.
    proactive = next(s for s in data["sections"] if s["code"] == "二")["text"]
    assert "全年主动公开政府信息81条" in proactive
    assert "机构职能类信息3条，占总体的比例3.7%" in proactive
    assert "业务类信息66条，占总体的比例81.5%" in proactive
    overview = next(s for s in data["sections"] if s["code"] == "一")["text"]
    # 812 participants, written as the seed writes them: 800余 (an approximate placeholder).
    assert "举办政企互动会12场，共计800余人参加" in overview
    consultations = next(s for s in data["sections"] if s["code"] == "四")["text"]
    assert "其中咨询电话接听14330人次，现场咨询19840人次" in consultations
    assert "网站访问量为10万多人次" in consultations
    assert not [c for c in data["checks"] if c["code"].startswith("narrative.")]
    assert "三 政府信息依申请公开情况" in render(data, "md").decode()
