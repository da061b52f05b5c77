"""Totals and their parts as reports from 2008 to 2024 write them, each with a consistent
counterpart that must raise nothing."""

from __future__ import annotations

import pytest

from gongkai.reports.audit import audit

HEAD = "某市某局2012年政府信息公开工作年度报告\n一、主动公开政府信息情况\n"


def _found(paragraph: str) -> set[tuple[str, str, str]]:
    return {(f.kind, f.stated, f.expected) for f in audit(HEAD + paragraph + "\n").findings}


# (inconsistent text, what is found, the same text made consistent)
CAUGHT = [
    pytest.param(
        "本年度主动公开政府信息81条，其中机构职能类3条、规章制度类12条、业务类61条。",
        {("parts_sum", "81条", "76条")},
        "本年度主动公开政府信息76条，其中机构职能类3条、规章制度类12条、业务类61条。",
        id="qizhong-dun-list-short",
    ),
    pytest.param(
        "全年共主动公开政府信息81条。其中：机构职能3条，规章制度12条，业务类61条。",
        {("parts_sum", "81条", "76条")},
        "全年共主动公开政府信息76条。其中：机构职能3条，规章制度12条，业务类61条。",
        id="qizhong-opens-next-sentence",
    ),
    pytest.param(
        "全年共主动公开政府信息81条，包括机构职能类3条、规章制度类12条、业务类61条。",
        {("parts_sum", "81条", "76条")},
        "全年共主动公开政府信息76条，包括机构职能类3条、规章制度类12条、业务类61条。",
        id="baokuo",
    ),
    pytest.param(
        "全年共受理政府信息公开申请50件，其中当面申请10件、网上申请30件、信函申请5件。",
        {("parts_sum", "50件", "45件")},
        "全年共受理政府信息公开申请45件，其中当面申请10件、网上申请30件、信函申请5件。",
        id="applications-by-channel",
    ),
    pytest.param(
        "全年共受理政府信息公开申请50件，已全部办结。其中同意公开30件，部分公开5件，"
        "不予公开10件，信息不存在3件。",
        {("parts_sum", "50件", "48件")},
        "全年共受理政府信息公开申请50件，已全部办结。其中同意公开30件，部分公开5件，"
        "不予公开10件，信息不存在5件。",
        id="results-after-all-handled",
    ),
    pytest.param(
        "全年共受理政府信息公开申请126件，办结120件，其中同意公开80件，部分公开10件，"
        "不予公开5件，信息不存在15件，非本机关掌握8件。",
        {("parts_sum", "120件", "118件")},
        "全年共受理政府信息公开申请126件，办结120件，其中同意公开80件，部分公开10件，"
        "不予公开5件，信息不存在15件，非本机关掌握10件；另有6件正在办理中。",
        id="results-of-handled",
    ),
    pytest.param(
        "受理咨询1300人次，其中电话咨询500人次、现场咨询600人次、网上咨询100人次。",
        {("parts_sum", "1300人次", "1200人次")},
        "受理咨询1200人次，其中电话咨询500人次、现场咨询600人次、网上咨询100人次。",
        id="consultations-by-channel",
    ),
    pytest.param(
        "全年主动公开政府信息120条，同比增长20%，其中政策文件30条、工作动态80条。",
        {("parts_sum", "120条", "110条")},
        "全年主动公开政府信息120条，同比增长20%，其中政策文件30条、工作动态90条。",
        id="growth-between-total-and-list",
    ),
    pytest.param(
        "全年主动公开政府信息120条，其中政策文件30条，比例为20%；工作动态90条，比例为80%。",
        {("percentage", "20%", "25%"), ("percentage", "80%", "75%")},
        "全年主动公开政府信息120条，其中政策文件30条，比例为25%；工作动态90条，比例为75%。",
        id="bili-wei-whole-percent",
    ),
    pytest.param(
        "全年共主动公开政府信息81条。机构职能类3条，占总数的3.7%；规章制度类12条，"
        "占总数的14.8%；业务类66条，占总数的75.3%。",
        {("percentage", "75.3%", "81.5%")},
        "全年共主动公开政府信息81条。机构职能类3条，占总数的3.7%；规章制度类12条，"
        "占总数的14.8%；业务类66条，占总数的81.5%。",
        id="shares-in-following-sentences",
    ),
    pytest.param(
        "全年主动公开信息81条，其中网上公开80条，占100%。",
        {("percentage", "100%", "98.8%")},
        "全年主动公开信息81条，其中网上公开81条，占100%。",
        id="whole-percent-100",
    ),
    pytest.param(
        "全年共主动公开政府信息1256条，其中，政策法规类156条，占12.4%；工作动态类612条，"
        "占48.7%；人事信息类88条，占7.0%；规划计划类45条，占3.6%；其他类365条，占28.3%。",
        {("parts_sum", "1256条", "1266条"), ("percentage", "28.3%", "29.1%")},
        "全年共主动公开政府信息1256条，其中，政策法规类156条，占12.4%；工作动态类612条，"
        "占48.7%；人事信息类88条，占7.0%；规划计划类45条，占3.6%；其他类355条，占28.3%。",
        id="five-categories-with-shares",
    ),
    pytest.param(
        "全年投入经费12.5万元，其中网站建设8万元、培训经费3.5万元。",
        {("parts_sum", "12.5万元", "11.5万元")},
        "全年投入经费12.5万元，其中网站建设8万元、培训经费4.5万元。",
        id="wan-yuan",
    ),
    pytest.param(
        "全年共收到申请18件，其中个人申请15件，其中涉及房屋征收9件、规划8件；企业申请3件。",
        {("parts_sum", "15件", "17件")},
        "全年共收到申请18件，其中个人申请15件，其中涉及房屋征收9件、规划6件；企业申请3件。",
        id="nested-list-too-large",
    ),
    pytest.param(
        "本机关共有政府信息公开工作人员5名，其中专职2名、兼职2名。",
        {("parts_sum", "5名", "4名")},
        "本机关共有政府信息公开工作人员5名，其中专职2名、兼职3名。",
        id="staff",
    ),
]


@pytest.mark.parametrize(("text", "expected", "consistent"), CAUGHT)
def test_inconsistent_parts_are_found(text, expected, consistent):
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected", "consistent"), CAUGHT)
def test_consistent_counterpart_raises_nothing(text, expected, consistent):
    assert _found(consistent) == set()


QUIET = [
    pytest.param("全年共主动公开政府信息81条，其中机构职能类3条、规章制度类12条等。", id="deng"),
    pytest.param(
        "全年共主动公开政府信息81条，其中机构职能类3条、规章制度类12条等信息。", id="deng-noun"
    ),
    pytest.param(
        "全年共主动公开政府信息81条，主要包括机构职能类3条、规章制度类12条。", id="zhuyao-baokuo"
    ),
    pytest.param(
        "全年共主动公开政府信息81条，其中主要是机构职能类3条、规章制度类12条。", id="zhuyao-shi"
    ),
    pytest.param(
        "全年主动公开政府信息100条，其中通过网站公开90条，通过公报公开5条。", id="channels"
    ),
    pytest.param(
        "全年主动公开政府信息100条，其中政策文件30条，其中规范性文件10条、其他文件20条；"
        "工作动态70条。",
        id="nested-semicolon",
    ),
    pytest.param(
        "全年主动公开政府信息100条，其中政策文件30条，其中规范性文件10条，工作动态70条。",
        id="nested-comma",
    ),
    pytest.param(
        "全年主动公开政府信息100条，其中政策文件30条（其中规范性文件10条），工作动态70条。",
        id="nested-parenthesis",
    ),
    pytest.param(
        "全年主动公开政府信息100条，其中政策文件30条（含规范性文件10条），工作动态70条。",
        id="detail-in-parenthesis",
    ),
    pytest.param(
        "全年主动公开政府信息100条，其中政策文件30条，工作动态70条，另编印宣传资料500份、"
        "发放2000份。",
        id="other-units-after",
    ),
    pytest.param(
        "全年主动公开政府信息100条，其中政策文件30条，工作动态70条，涉及资金300万元。",
        id="wan-yuan-after",
    ),
    pytest.param("全年主动公开信息10万多条，其中政策文件3万条，工作动态6万余条。", id="wan-duo"),
    pytest.param("全年受理咨询800余人次，其中电话咨询300人次，现场咨询400余人次。", id="yu"),
    pytest.param("全年受理咨询近万人次，其中电话咨询3000人次，现场咨询5000人次。", id="jin-wan"),
    pytest.param("全年主动公开信息约300条，其中政策文件100条，工作动态150条。", id="yue"),
    pytest.param(
        "2012年主动公开政府信息120条，其中政策文件30条、工作动态90条；2011年主动公开100条，"
        "其中政策文件20条、工作动态60条。",
        id="last-year-alongside",
    ),
    pytest.param(
        "根据《条例》（国办发〔2009〕12号）规定，全年主动公开信息100条，其中政策文件30条、"
        "工作动态70条，咨询电话12345678。",
        id="document-number-and-phone",
    ),
    pytest.param(
        "全年共受理政府信息公开申请126件，比上年增加23件。其中当面申请42件，占33.3%；"
        "网络申请70件，占55.6%；信函申请14件，占11.1%。",
        id="applications-with-shares",
    ),
    pytest.param(
        "全年共受理政府信息公开申请50件，其中当面申请10件、网上申请35件、信函申请5件；"
        "同意公开30件，部分公开5件，不予公开10件，信息不存在5件。",
        id="channels-then-results",
    ),
    pytest.param(
        "本年新收政府信息公开申请28件，上年结转2件。其中予以公开15件，部分公开3件，"
        "不予公开1件，无法提供6件，不予处理1件，结转下年度继续办理4件。",
        id="new-and-carried-over-together",
    ),
    pytest.param(
        "本年度共收到申请18件，其中自然人申请15件、法人或其他组织申请3件，"
        "申请内容主要涉及征地拆迁、规划建设等方面。",
        id="deng-in-later-phrase",
    ),
    pytest.param(
        "全年共召开新闻发布会12场，发布信息80条，其中市政府新闻发布会5场、部门新闻发布会7场。",
        id="list-of-earlier-figure",
    ),
    pytest.param(
        "截至2012年底，累计主动公开信息5600条，其中2012年新增1200条，占21.4%。", id="cumulative"
    ),
    pytest.param(
        "全年主动公开信息81条，其中网上公开81条，占100%，比上年增长12.5%。", id="growth-percent"
    ),
]


@pytest.mark.parametrize("text", QUIET)
def test_no_false_alarm(text):
    assert _found(text) == set()


def _severities(paragraph: str) -> list[str]:
    return [f.severity for f in audit(HEAD + paragraph + "\n").findings]


def test_a_shortfall_in_a_list_not_said_to_be_whole_is_a_warning_not_an_error():
    # Lists after 其中 are often partial in real reports: worth a look, not an error.
    result = audit(HEAD + "发放宣传资料2000份，其中宣传手册1000份、折页800份。\n")
    assert [f.severity for f in result.findings] == ["warning"]
    assert result.ok
    assert "如确未列全可忽略" in result.findings[0].message


@pytest.mark.parametrize(
    "paragraph",
    [
        # 分别 says the parts are the whole.
        "全年共受理申请50件，分别为当面申请10件、网上申请30件、信函申请5件。",
        # An 其他 item closes the list.
        "全年共受理申请50件，其中当面申请10件、网上申请30件、其他方式5件。",
        # Shares that add up to 100% say the same.
        "全年主动公开政府信息81条，其中机构职能类3条，占3.7%；规章制度类12条，占14.8%；"
        "业务类61条，占81.5%。",
    ],
)
def test_a_shortfall_in_a_list_said_to_be_whole_is_an_error(paragraph):
    assert "error" in _severities(paragraph)


def test_parts_exceeding_their_total_are_always_an_error():
    assert _severities("全年共受理申请40件，其中当面申请10件、网上申请30件、信函申请5件。") == [
        "error"
    ]
