"""Realistic generated Chinese government text for demo data and the search benchmark.

Items are assembled from a large vocabulary of government phrasing — topics, subjects, places,
departments, statutes, headings and sentence templates — so that the corpus behaves like a real
catalogue: common words such as 公开 appear in many documents, 环保 in a fair share, 办事指南 in
fewer and 广州市环境保护局 in fewer still. Output depends only on the `random.Random` passed in.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

T = TypeVar("T")

PLACES = [
    "越秀区", "海珠区", "荔湾区", "天河区", "白云区", "黄埔区", "番禺区", "花都区", "南沙区",
    "从化区", "增城区", "萝岗区", "珠江新城", "广州开发区", "广州南站地区", "白云新城",
    "琶洲地区", "大学城", "中新广州知识城", "广州科学城", "流溪河流域", "珠江沿岸",
]  # fmt: skip
STREETS = [
    "北京街道", "人民街道", "东山街道", "农林街道", "大塘街道", "珠江街道", "沙面街道",
    "石牌街道", "五山街道", "员村街道", "三元里街道", "新港街道", "滨江街道", "江南中街道",
    "石楼镇", "太和镇", "钟落潭镇", "新塘镇", "石滩镇", "良口镇", "狮岭镇", "花山镇",
]  # fmt: skip
DEPARTMENTS = [
    "广州市人民政府办公厅", "广州市人民政府政务管理办公室", "广州市发展和改革委员会",
    "广州市教育局", "广州市科技和信息化局", "广州市公安局", "广州市民政局", "广州市财政局",
    "广州市人力资源和社会保障局", "广州市国土资源和房屋管理局", "广州市环境保护局",
    "广州市住房和城乡建设委员会", "广州市交通委员会", "广州市水务局", "广州市农业局",
    "广州市对外贸易经济合作局", "广州市文化广电新闻出版局", "广州市卫生局", "广州市审计局",
    "广州市人口和计划生育局", "广州市统计局", "广州市城市管理委员会", "广州市规划局",
    "广州市工商行政管理局", "广州市质量技术监督局", "广州市食品药品监督管理局",
    "广州市安全生产监督管理局", "广州市林业和园林局", "广州市物价局", "广州市法制办公室",
]  # fmt: skip
ABBREVIATIONS = {
    "广州市人民政府": "穗府",
    "广州市人民政府办公厅": "穗府办",
    "广州市人民政府政务管理办公室": "穗府政务",
    "广州市环境保护局": "穗环",
    "广州市交通委员会": "穗交",
    "广州市教育局": "穗教",
    "广州市财政局": "穗财",
    "广州市卫生局": "穗卫",
    "广州市民政局": "穗民",
    "广州市公安局": "穗公",
    "广州市人力资源和社会保障局": "穗人社",
    "广州市发展和改革委员会": "穗发改",
    "广州市规划局": "穗规",
    "广州市统计局": "穗统",
}

# 第二十条 item (1–15), genre codes of InformationItem.Genre, subjects and matters per topic.
TOPICS: dict[str, dict[str, Any]] = {
    "环境保护": {
        "article20": [13, 5, 6],
        "department": "广州市环境保护局",
        "subjects": [
            "大气污染防治",
            "机动车排气污染防治",
            "建设项目环境影响评价",
            "饮用水源保护",
            "排污许可证管理",
            "环保专项资金",
            "噪声污染防治",
            "固体废物污染防治",
            "重点污染源监测",
            "环境信息公开",
            "珠江水环境综合整治",
            "清洁生产审核",
            "危险废物经营许可",
            "环保模范城市创建",
            "黄标车淘汰",
            "生活垃圾分类处理",
        ],
        "matters": [
            "建设项目环境影响评价文件审批",
            "排污许可证核发",
            "危险废物经营许可证核发",
            "建设项目竣工环境保护验收",
            "环保专项资金申报",
        ],
        "words": [
            "环保",
            "环境质量",
            "污染物排放",
            "空气质量",
            "环境监测",
            "节能减排",
            "环境执法",
            "污染源",
            "环保部门",
            "生态环境",
        ],
    },
    "交通运输": {
        "article20": [10, 5, 3],
        "department": "广州市交通委员会",
        "subjects": [
            "城市公共交通",
            "道路交通拥堵治理",
            "出租汽车管理",
            "公交线网优化",
            "地铁建设",
            "快速公交系统",
            "公路养护",
            "道路运输管理",
            "亚运会交通保障",
            "停车场管理",
            "水路运输",
            "交通安全设施建设",
            "货运车辆通行管理",
            "公共自行车系统",
        ],
        "matters": [
            "道路运输经营许可",
            "出租汽车驾驶员从业资格证办理",
            "公路超限运输许可",
            "道路客运班线经营许可",
        ],
        "words": ["交通", "公交", "地铁", "道路", "出行", "运输企业", "客流", "通行能力"],
    },
    "教育": {
        "article20": [11, 5, 8],
        "department": "广州市教育局",
        "subjects": [
            "义务教育均衡发展",
            "学前教育",
            "中小学招生",
            "外来务工人员随迁子女入学",
            "职业教育",
            "校园安全",
            "教师队伍建设",
            "民办教育管理",
            "学生资助",
            "中考招生",
            "特殊教育",
            "教育信息化",
            "校舍安全工程",
        ],
        "matters": ["民办学校办学许可", "教师资格认定", "学生学籍转移办理", "中等职业学校招生"],
        "words": ["教育", "学校", "学生", "教师", "招生", "义务教育", "办学", "课程"],
    },
    "医疗卫生": {
        "article20": [11, 13, 5],
        "department": "广州市卫生局",
        "subjects": [
            "公共卫生服务",
            "甲型H1N1流感防控",
            "医疗机构管理",
            "社区卫生服务",
            "新型农村合作医疗",
            "食品安全",
            "基本药物制度",
            "传染病防治",
            "无偿献血",
            "医疗卫生体制改革",
            "卫生监督检查",
            "妇幼保健",
        ],
        "matters": ["医疗机构执业登记", "医师执业注册", "公共场所卫生许可", "母婴保健技术服务许可"],
        "words": ["卫生", "医疗", "医院", "疾病预防", "卫生监督", "患者", "药品", "公共卫生"],
    },
    "社会保障": {
        "article20": [11, 5, 8],
        "department": "广州市人力资源和社会保障局",
        "subjects": [
            "城乡居民养老保险",
            "失业保险",
            "工伤保险",
            "最低生活保障",
            "促进就业",
            "职业技能培训",
            "医疗保险",
            "住房保障",
            "社会救助",
            "劳动保障监察",
            "农村劳动力转移就业",
            "退休人员养老金调整",
        ],
        "matters": [
            "社会保险登记",
            "失业保险金申领",
            "就业失业登记",
            "最低生活保障申请",
            "工伤认定",
            "养老保险关系转移",
        ],
        "words": ["社保", "就业", "养老", "保障对象", "参保人员", "救助", "待遇", "低保"],
    },
    "财政预算": {
        "article20": [7, 8, 9],
        "department": "广州市财政局",
        "subjects": [
            "部门预算",
            "财政决算",
            "三公经费",
            "专项资金管理",
            "政府采购",
            "非税收入管理",
            "国库集中支付",
            "行政事业性收费",
            "财政资金绩效评价",
            "预算执行情况",
        ],
        "matters": ["政府采购供应商登记", "行政事业性收费许可证办理", "财政票据领购"],
        "words": ["预算", "财政资金", "决算", "采购", "支出", "收费", "资金", "绩效"],
    },
    "行政许可": {
        "article20": [5, 6, 15],
        "department": "广州市人民政府政务管理办公室",
        "subjects": [
            "行政审批制度改革",
            "行政许可事项清理",
            "网上办事大厅建设",
            "政务服务中心建设",
            "并联审批",
            "行政审批电子监察",
            "投资项目审批",
            "企业登记注册",
            "审批流程再造",
            "便民服务",
            "行政审批标准化",
        ],
        "matters": [
            "企业投资项目核准",
            "建设工程规划许可证核发",
            "户外广告设置审批",
            "城市道路挖掘许可",
            "营业执照办理",
            "食品流通许可证办理",
        ],
        "words": ["审批", "行政许可", "办事", "窗口", "受理", "政务服务", "申请人", "办结"],
    },
    "政府信息公开": {
        "article20": [15, 2, 1],
        "department": "广州市人民政府政务管理办公室",
        "subjects": [
            "政府信息公开",
            "依申请公开",
            "政务公开",
            "政府信息公开目录编制",
            "政府信息公开指南",
            "政府网站建设",
            "新闻发布",
            "政府信息公开年度报告",
            "保密审查",
            "政府信息公开工作考核",
        ],
        "matters": ["政府信息公开申请", "政府信息公开查阅", "依申请公开办理"],
        "words": ["公开", "信息公开", "政务公开", "公开目录", "查阅", "申请人", "透明"],
    },
    "安全生产": {
        "article20": [13, 12, 6],
        "department": "广州市安全生产监督管理局",
        "subjects": [
            "安全生产大检查",
            "危险化学品管理",
            "烟花爆竹安全",
            "消防安全",
            "建筑施工安全",
            "特种设备安全监察",
            "道路交通安全",
            "安全生产责任制",
            "应急救援队伍建设",
            "防汛防风",
            "地质灾害防治",
        ],
        "matters": ["危险化学品经营许可", "烟花爆竹经营许可", "安全生产许可证核发"],
        "words": ["安全", "隐患", "事故", "应急", "检查", "整改", "预警", "防范"],
    },
    "城市规划建设": {
        "article20": [3, 10, 5],
        "department": "广州市规划局",
        "subjects": [
            "城市总体规划",
            "旧城改造",
            "三旧改造",
            "城市更新",
            "保障性住房建设",
            "村庄规划",
            "历史文化名城保护",
            "城中村改造",
            "市政基础设施建设",
            "绿道建设",
            "重点项目建设",
        ],
        "matters": ["建设用地规划许可证核发", "建设工程规划许可证核发", "规划条件核实"],
        "words": ["规划", "建设", "项目", "用地", "改造", "城市", "工程", "设施"],
    },
    "统计信息": {
        "article20": [4, 3, 15],
        "department": "广州市统计局",
        "subjects": [
            "国民经济运行情况",
            "地区生产总值",
            "规模以上工业",
            "固定资产投资",
            "社会消费品零售总额",
            "居民消费价格",
            "人口抽样调查",
            "经济普查",
            "统计执法检查",
        ],
        "matters": ["统计调查项目审批", "统计数据查询"],
        "words": ["统计", "数据", "同比增长", "增幅", "指标", "调查", "经济", "总量"],
    },
    "人事招考": {
        "article20": [14, 2, 15],
        "department": "广州市人力资源和社会保障局",
        "subjects": [
            "公务员招考",
            "事业单位公开招聘",
            "干部任免",
            "人才引进",
            "公务员培训",
            "考核录用",
            "选调生招录",
            "专业技术职务评审",
        ],
        "matters": ["公务员报名资格审查", "事业单位招聘报名", "专业技术资格评审申报"],
        "words": ["招考", "录用", "职位", "考生", "报名", "面试", "笔试", "岗位"],
    },
}
TOPIC_NAMES = list(TOPICS)

STATUTES = [
    "中华人民共和国政府信息公开条例", "中华人民共和国行政许可法", "中华人民共和国环境保护法",
    "中华人民共和国大气污染防治法", "中华人民共和国道路交通安全法", "中华人民共和国义务教育法",
    "中华人民共和国安全生产法", "中华人民共和国城乡规划法", "中华人民共和国统计法",
    "中华人民共和国公务员法", "中华人民共和国预算法", "中华人民共和国政府采购法",
    "中华人民共和国行政处罚法", "中华人民共和国突发事件应对法", "中华人民共和国食品安全法",
    "广东省政府信息公开规定", "广州市政府信息公开规定", "广东省行政许可监督管理条例",
    "国务院关于加强市县政府依法行政的决定", "广州市依申请公开政府信息办法",
]  # fmt: skip
PRINCIPLES = [
    "以人为本、服务群众", "依法行政、规范运作", "公开透明、便民高效", "统筹兼顾、突出重点",
    "属地管理、分级负责", "政府主导、社会参与", "科学规划、分步实施", "预防为主、综合治理",
    "权责一致、监督有力", "实事求是、注重实效",
]  # fmt: skip
GOALS = [
    "提高行政效能", "优化发展环境", "保障人民群众的知情权、参与权和监督权",
    "推进依法行政", "加快转变政府职能", "改善城乡环境质量", "提升公共服务水平",
    "促进经济社会又好又快发展", "加强和改进机关作风建设", "建设服务型政府",
    "维护社会和谐稳定", "规范行政权力运行", "增强政府工作透明度",
]  # fmt: skip
ACTIONS = [
    "认真组织实施", "切实加强领导", "明确工作责任", "完善工作机制", "加强督促检查",
    "建立健全长效机制", "加大宣传力度", "强化部门协作", "落实资金保障", "严格考核问责",
    "深入开展调查研究", "及时总结推广经验", "逐步扩大试点范围", "加强业务培训",
    "定期通报工作进展", "畅通群众投诉渠道", "完善信息报送制度", "推进网上办理",
]  # fmt: skip
RESULTS = [
    "取得了明显成效", "群众满意度进一步提高", "各项指标均完成年度目标",
    "办理时限平均缩短三分之一", "社会反响良好", "为下一步工作打下了坚实基础",
    "基本实现了预期目标", "有关问题得到及时解决", "工作水平显著提升",
    "形成了可复制推广的经验", "受到上级部门的充分肯定",
]  # fmt: skip
SUBJECT_VERBS = [
    "推进", "做好", "加强", "规范", "深化", "落实", "完善", "开展", "部署", "抓好",
]  # fmt: skip
HEADINGS = [
    "指导思想", "工作目标", "主要任务", "工作措施", "职责分工", "实施步骤", "保障措施",
    "工作要求", "基本情况", "存在问题", "下一步工作安排", "组织领导", "监督检查",
]  # fmt: skip
PEOPLE = ["张", "王", "李", "陈", "刘", "黄", "林", "何", "梁", "郭", "罗", "郑", "谢", "冯"]
GIVEN = ["伟", "敏", "静", "丽", "强", "军", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超"]
ROLES = ["副市长", "市政府副秘书长", "局长", "副局长", "主任", "副主任", "处长", "调研员"]
OPENINGS = ["通知如下", "提出如下意见", "公告如下", "报告如下"]
NUMERALS = "一二三四五六七八九十"
FIVE_YEAR_PLANS = [(2006, "十一五"), (2011, "十二五"), (2016, "十三五"), (2021, "十四五")]


@dataclass(frozen=True)
class _Context:
    rng: random.Random
    organisation: str
    short: str
    year: int
    topic: str
    subject: str
    place: str


def _choice(rng: random.Random, values: Sequence[T]) -> T:
    # Faster than rng.choice and just as deterministic.
    return values[int(rng.random() * len(values))]


def _short_name(organisation: str) -> str:
    for prefix in ("广州市人民政府", "广州市"):
        if organisation.startswith(prefix) and len(organisation) > len(prefix):
            return organisation[len(prefix) :]
    return organisation


def _person(rng: random.Random) -> str:
    return f"{_choice(rng, PEOPLE)}{_choice(rng, GIVEN)}{_choice(rng, ROLES)}"


def _plan_name(year: int) -> str:
    name = FIVE_YEAR_PLANS[0][1]
    for start, label in FIVE_YEAR_PLANS:
        if year >= start - 1:
            name = label
    return name


def _document_number(rng: random.Random, organisation: str, year: int) -> str:
    prefix = ABBREVIATIONS.get(organisation) or "穗" + _short_name(organisation)[:2]
    suffix = _choice(rng, ["", "", "", "函", "办", "字"])
    return f"{prefix}{suffix}〔{year}〕{rng.randint(1, 180)}号"


def _phone(rng: random.Random) -> str:
    return f"020-{rng.randint(2, 8)}{rng.randint(0, 9999999):07d}"


def _regulation_name(subject: str) -> str:
    # Subjects such as 货运车辆通行管理 already end in 管理; avoid 管理管理办法.
    return f"{subject}办法" if subject.endswith("管理") else f"{subject}管理办法"


def _title(ctx: _Context, genre: str) -> str:
    rng, subject, year = ctx.rng, ctx.subject, ctx.year
    city = _choice(rng, ["广州市", "广州市", "本市", ctx.place])
    templates: dict[str, list[str]] = {
        "notice": [
            f"关于印发《广州市{_regulation_name(subject)}》的通知",
            f"关于做好{year}年{subject}工作的通知",
            f"关于开展{subject}专项检查的通知",
            f"转发省政府关于{_choice(rng, SUBJECT_VERBS)}{subject}的通知",
            f"关于印发{city}{subject}工作方案的通知",
        ],
        "announcement": [
            f"{ctx.organisation}关于{subject}有关事项的公告",
            f"关于{year}年{subject}的公示",
            f"{ctx.place}{subject}项目公告",
        ],
        "decision": [
            f"关于{_choice(rng, SUBJECT_VERBS)}{subject}的决定",
            f"{ctx.organisation}关于表彰{year}年度{subject}先进单位的决定",
        ],
        "opinion": [
            f"关于加快推进{subject}的实施意见",
            f"关于进一步{_choice(rng, SUBJECT_VERBS)}{subject}的若干意见",
        ],
        "measures": [f"广州市{_regulation_name(subject)}", f"{city}{subject}实施细则"],
        "rules": [f"关于{subject}的若干规定", f"广州市{subject}暂行规定"],
        "plan": [
            f"广州市{subject}“{_plan_name(year)}”规划",
            f"{ctx.short}{year}年工作要点",
            f"{year}年{subject}工作计划",
        ],
        "report": [
            f"{ctx.organisation}{year}年政府信息公开工作年度报告",
            f"{year}年{subject}情况报告",
            f"关于{year}年上半年{subject}情况的报告",
        ],
        "news": [
            f"{year}年{ctx.short}工作动态（第{rng.randint(1, 48)}期）",
            f"{ctx.place}召开{subject}工作会议",
            f"{_person(rng)}到{ctx.place}调研{subject}工作",
            f"我市{subject}工作{_choice(rng, RESULTS)}",
        ],
        "guide": [f"{_choice(rng, TOPICS[ctx.topic]['matters'])}办事指南"],
    }
    return _choice(rng, templates[genre])


def _sentence(ctx: _Context) -> str:
    rng = ctx.rng
    spec = TOPICS[ctx.topic]
    other = TOPICS[_choice(rng, TOPIC_NAMES)]
    word = _choice(rng, spec["words"])
    pattern = int(rng.random() * 12)
    if pattern == 0:
        return (
            f"{ctx.subject}工作坚持{_choice(rng, PRINCIPLES)}的原则，"
            f"{_choice(rng, ACTIONS)}，{_choice(rng, ACTIONS)}。"
        )
    if pattern == 1:
        return (
            f"各区、县级市人民政府和市有关部门要{_choice(rng, ACTIONS)}，"
            f"把{word}工作列入重要议事日程，确保{_choice(rng, GOALS)}。"
        )
    if pattern == 2:
        percent = rng.randint(3, 98)
        return (
            f"截至{ctx.year}年{rng.randint(1, 12)}月底，全市{word}相关工作累计完成"
            f"{rng.randint(12, 9800)}项，同比增长{percent}.{rng.randint(0, 9)}%，"
            f"{_choice(rng, RESULTS)}。"
        )
    if pattern == 3:
        return (
            f"{_choice(rng, DEPARTMENTS)}负责{_choice(rng, other['subjects'])}的组织协调，"
            f"{_choice(rng, ['各区', '市有关部门', '各街道办事处'])}按照各自职责做好相关工作。"
        )
    if pattern == 4:
        return (
            f"{ctx.place}{_choice(rng, STREETS)}结合实际，{_choice(rng, ACTIONS)}，"
            f"在{_choice(rng, other['subjects'])}方面{_choice(rng, RESULTS)}。"
        )
    if pattern == 5:
        return (
            f"有关{word}的办理结果和监督检查情况，应当通过政府网站、政务服务中心等途径"
            f"及时向社会公开，接受群众监督。"
        )
    if pattern == 6:
        return (
            f"要以{_choice(rng, GOALS)}为目标，{_choice(rng, ACTIONS)}，"
            f"进一步{_choice(rng, SUBJECT_VERBS)}{_choice(rng, other['subjects'])}。"
        )
    if pattern == 7:
        return (
            f"根据《{_choice(rng, STATUTES)}》的规定，{word}事项应当依法办理，"
            f"不得擅自增加条件或者延长时限。"
        )
    if pattern == 8:
        return (
            f"市民可登录广州市政府门户网站（www.gz.gov.cn）或拨打{_phone(rng)}查询"
            f"{_choice(rng, spec['matters'])}的办理进度。"
        )
    if pattern == 9:
        return (
            f"会议要求，各单位要深刻认识{ctx.subject}的重要意义，"
            f"{_choice(rng, ACTIONS)}，{_choice(rng, ACTIONS)}，推动{word}工作上新台阶。"
        )
    if pattern == 10:
        return (
            f"{_choice(rng, PEOPLE)}{_choice(rng, GIVEN)}{_choice(rng, ROLES)}指出，"
            f"{_choice(rng, other['words'])}和{word}关系到群众切身利益，"
            f"必须{_choice(rng, ACTIONS)}。"
        )
    return (
        f"全年共投入资金{rng.randint(120, 98000)}万元，完成{_choice(rng, other['subjects'])}项目"
        f"{rng.randint(2, 260)}个，{_choice(rng, RESULTS)}。"
    )


def _paragraph(ctx: _Context, sentences: int) -> str:
    return "".join(_sentence(ctx) for _ in range(sentences))


def _guide_body(ctx: _Context, matter: str) -> list[str]:
    rng = ctx.rng
    return [
        f"一、事项名称：{matter}",
        f"二、办理依据：《{_choice(rng, STATUTES)}》《{_choice(rng, STATUTES)}》。",
        f"三、受理机构：{ctx.organisation}（{ctx.place}政务服务中心{rng.randint(1, 60)}号窗口）。",
        "四、申请条件：" + _paragraph(ctx, 1),
        f"五、申请材料：申请表原件1份；营业执照或身份证明复印件{rng.randint(1, 3)}份；"
        f"{_choice(rng, TOPICS[ctx.topic]['words'])}相关证明材料。",
        "六、办理程序：申请—受理—审查—决定—送达。" + _paragraph(ctx, 1),
        f"七、办理时限：自受理之日起{rng.choice([5, 7, 10, 15, 20])}个工作日内办结。",
        f"八、收费标准：{_choice(rng, ['不收费', '不收费', '按省物价部门核定标准收取'])}。",
        f"九、咨询电话：{_phone(rng)}；投诉电话：{_phone(rng)}。",
    ]


def generate_item_fields(
    rng: random.Random, *, organisation_name: str, year: int
) -> dict[str, Any]:
    """Fields for one InformationItem of `organisation_name` generated in `year`."""
    topic = _choice(rng, TOPIC_NAMES)
    spec = TOPICS[topic]
    if rng.random() < 0.4:
        # Departments mostly write about their own field.
        owned = [name for name in TOPIC_NAMES if TOPICS[name]["department"] == organisation_name]
        if owned:
            topic = _choice(rng, owned)
            spec = TOPICS[topic]
    genre = _choice(
        rng,
        ["notice"] * 5
        + ["news"] * 5
        + ["announcement"] * 2
        + ["report"] * 2
        + ["guide"] * 2
        + ["measures", "rules", "plan", "decision", "opinion"],
    )
    ctx = _Context(
        rng=rng,
        organisation=organisation_name,
        short=_short_name(organisation_name),
        year=year,
        topic=topic,
        subject=_choice(rng, spec["subjects"]),
        place=_choice(rng, PLACES),
    )
    title = _title(ctx, genre)
    if genre == "guide":
        paragraphs = _guide_body(ctx, title.removesuffix("办事指南"))
    else:
        paragraphs = [
            f"为{_choice(rng, GOALS)}，根据《{_choice(rng, STATUTES)}》等有关规定，"
            f"结合本市实际，现就{ctx.subject}有关事项{_choice(rng, OPENINGS)}："
        ]
        for number in range(rng.randint(2, 6)):
            heading = f"{NUMERALS[number]}、{_choice(rng, HEADINGS)}"
            paragraphs.append(heading + "\n" + _paragraph(ctx, rng.randint(2, 5)))
    generated_on = date(year, 1, 1) + timedelta(days=rng.randint(0, 364))
    signature = (
        f"{organisation_name}\n{generated_on.year}年{generated_on.month}月{generated_on.day}日"
    )
    paragraphs.append(signature)
    body_text = "\n\n".join(paragraphs)
    summary = (
        f"{ctx.organisation}{_choice(rng, ['发布', '印发', '公布'])}{title}，"
        f"涉及{ctx.subject}等内容。{_sentence(ctx)}"
    )
    keywords = " ".join(
        dict.fromkeys([ctx.subject, _choice(rng, spec["words"]), _choice(rng, spec["words"])])
    )
    return {
        "title": title,
        "summary": summary,
        "body_text": body_text,
        "document_number": _document_number(rng, organisation_name, year)
        if genre not in ("news", "guide")
        else "",
        "keywords": keywords,
        "genre": genre,
        "topic": topic,
        "article20_item": _choice(rng, spec["article20"]),
        "generated_on": generated_on,
    }
