"""The demo's fixed data: the body of the seed report (广州市人民政府政务管理办公室, its 2009
annual report) and a few neighbouring departments of 广州市人民政府.

Codes are 统一社会信用代码 built from a plausible body (1 机关, 1 机关, 440100 广州市, a
组织机构代码 with its own GB 11714 check character) and the GB 32100 check character; they
are valid but made up. Contact details are the ones the 2009 report prints; the rest is
plainly generic.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.catalogue.models import Article20Item, InformationItem
from gongkai.core.validators import credit_code_check_char, organisation_code_check_char
from gongkai.organisations.models import Organisation, Role


def credit_code(organisation_body: str, region: str = "440100") -> str:
    """统一社会信用代码 for a 机关 (registration class 1, type 1) in `region`."""
    organisation_code = organisation_body + organisation_code_check_char(organisation_body)
    body = f"11{region}{organisation_code}"
    return body + credit_code_check_char(body)


OFFICE_HOURS = "周一至周五 上午9:00—12:00，下午13:00—17:00（法定节假日除外）"


@dataclass(frozen=True)
class OrganisationSeed:
    key: str
    name: str
    code: str
    kind: str
    parent: str | None = None
    short_name: str = ""
    description: str = ""
    disclosure_office: str = ""
    address: str = ""
    postcode: str = ""
    office_hours: str = ""
    phone: str = ""
    website: str = ""
    # Extra categories under 业务类 ("business"): (name, code).
    business_categories: tuple[tuple[str, str], ...] = ()
    # Share of the generated catalogue; 0 for internal offices that publish nothing themselves.
    generated_weight: int = 0
    # First year of generated items. 市政务办's own 2009 is the seed's 81 items, exactly.
    generated_from: int = 2008


CITY = "city"
ZWB = "zwb"

ORGANISATIONS: tuple[OrganisationSeed, ...] = (
    OrganisationSeed(
        key=CITY,
        name="广州市人民政府",
        short_name="市政府",
        code=credit_code("00748237"),
        kind=Organisation.Kind.GOVERNMENT,
        description="广州市人民政府是广州市的国家行政机关，领导市政府各工作部门和各区人民政府的工作。",
        disclosure_office="广州市人民政府办公厅",
        address="广州市越秀区府前路1号",
        postcode="510032",
        office_hours=OFFICE_HOURS,
        generated_weight=20,
    ),
    OrganisationSeed(
        key=ZWB,
        name="广州市人民政府政务管理办公室",
        short_name="市政务办",
        parent=CITY,
        code=credit_code("72560113"),
        kind=Organisation.Kind.DEPARTMENT,
        description=(
            "市政务办作为市政府派出机构，承担市政务服务中心进驻部门的管理协调和监督服务职能，"
            "依托市政务服务中心平台开展审批处长接访、政企互动、办事指南编印和政务资讯服务等工作。"
        ),
        disclosure_office="政务服务处",
        address="广州市天河区天河北路（市政务服务中心）",
        office_hours=OFFICE_HOURS,
        phone="020-38920851（政务公开）；020-38920001（服务保障）",
        website="http://www.gzonline.gov.cn",
        generated_weight=25,
        generated_from=2010,
    ),
    OrganisationSeed(
        key="zwb-general",
        name="综合处",
        parent=ZWB,
        code=credit_code("72560114"),
        kind=Organisation.Kind.OFFICE,
        description="负责机关文电、会务、机要、档案、财务和后勤保障等工作。",
    ),
    OrganisationSeed(
        key="zwb-service",
        name="政务服务处",
        parent=ZWB,
        code=credit_code("72560115"),
        kind=Organisation.Kind.OFFICE,
        description="负责政务公开日常工作（办政务公开领导小组日常办公室设在本处）、咨询服务和政企互动。",
        disclosure_office="政务服务处",
        phone="020-38920851",
    ),
    OrganisationSeed(
        key="zwb-supervision",
        name="协调督办处",
        parent=ZWB,
        code=credit_code("72560116"),
        kind=Organisation.Kind.OFFICE,
        description="负责进驻部门审批事项的协调、督办和服务保障评价工作。",
    ),
    OrganisationSeed(
        key="zwb-it",
        name="信息技术中心",
        parent=ZWB,
        code=credit_code("72560117"),
        kind=Organisation.Kind.OFFICE,
        description="负责政务在线网站、政务资讯大厅自助查询终端和审批信息平台的建设与运行维护。",
    ),
    OrganisationSeed(
        key="hb",
        name="广州市环境保护局",
        short_name="市环保局",
        parent=CITY,
        code=credit_code("00748250"),
        kind=Organisation.Kind.DEPARTMENT,
        description="负责全市环境保护的统一监督管理，组织实施建设项目环境影响评价审批和环境监测。",
        disclosure_office="办公室",
        address="广州市越秀区（市环境保护局）",
        office_hours=OFFICE_HOURS,
        business_categories=(("环境影响评价", "eia"), ("环境监测", "monitoring")),
        generated_weight=20,
    ),
    OrganisationSeed(
        key="jt",
        name="广州市交通委员会",
        short_name="市交委",
        parent=CITY,
        code=credit_code("00748262"),
        kind=Organisation.Kind.DEPARTMENT,
        description="负责全市综合交通运输的规划、建设、管理和道路运输行业监管。",
        disclosure_office="办公室",
        address="广州市越秀区（市交通委员会）",
        office_hours=OFFICE_HOURS,
        business_categories=(("道路运输", "road-transport"), ("交通建设", "construction")),
        generated_weight=20,
    ),
    OrganisationSeed(
        key="zj",
        name="广州市质量技术监督局",
        short_name="市质监局",
        parent=CITY,
        code=credit_code("00748271"),
        kind=Organisation.Kind.DEPARTMENT,
        description="负责全市产品质量监督、标准化、计量和特种设备安全监察工作。",
        disclosure_office="办公室",
        address="广州市天河区（市质量技术监督局）",
        office_hours=OFFICE_HOURS,
        business_categories=(
            ("产品质量监督", "product-quality"),
            ("特种设备", "special-equipment"),
        ),
        generated_weight=15,
    ),
)


@dataclass(frozen=True)
class StaffSeed:
    username: str
    full_name: str
    organisation: str  # OrganisationSeed.key
    roles: tuple[str, ...]


SUPERUSER = "admin"

STAFF: tuple[StaffSeed, ...] = (
    StaffSeed("coordinator", "陈公开（公开办）", ZWB, (Role.COORDINATOR,)),
    StaffSeed("handler", "林承办", ZWB, (Role.HANDLER,)),
    StaffSeed("approver", "黄审核", ZWB, (Role.APPROVER,)),
    StaffSeed("publisher", "周发布", ZWB, (Role.PUBLISHER,)),
    StaffSeed("auditor", "吴审计", ZWB, (Role.AUDITOR,)),
    StaffSeed("orgadmin", "郑管理", ZWB, (Role.ORG_ADMIN,)),
    StaffSeed("city_handler", "市政府办公厅承办人", CITY, (Role.HANDLER,)),
    StaffSeed("city_publisher", "市政府办公厅发布员", CITY, (Role.PUBLISHER,)),
    StaffSeed("city_auditor", "市政府督查（只读）", CITY, (Role.AUDITOR,)),
    StaffSeed("hb_handler", "环保局承办人", "hb", (Role.HANDLER,)),
    StaffSeed("hb_publisher", "环保局发布员", "hb", (Role.PUBLISHER,)),
    StaffSeed("jt_handler", "交委承办人", "jt", (Role.HANDLER,)),
    StaffSeed("jt_publisher", "交委发布员", "jt", (Role.PUBLISHER,)),
    StaffSeed("zj_handler", "质监局承办人", "zj", (Role.HANDLER,)),
    StaffSeed("zj_publisher", "质监局发布员", "zj", (Role.PUBLISHER,)),
)

# Who writes and who publishes each organisation's items.
AUTHORS: dict[str, tuple[str, str]] = {
    CITY: ("city_handler", "city_publisher"),
    ZWB: ("handler", "publisher"),
    "hb": ("hb_handler", "hb_publisher"),
    "jt": ("jt_handler", "jt_publisher"),
    "zj": ("zj_handler", "zj_publisher"),
}


# --- the 81 items of 2009 ------------------------------------------------------------------


@dataclass(frozen=True)
class ItemSeed:
    category: str  # "functions" | "rules" | "business"
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    month: int  # month the information was generated (形成)
    genre: str = InformationItem.Genre.NEWS
    article20_item: int = Article20Item.OTHER
    document_number: str = ""
    keywords: str = ""
    topic: str = "政务公开"
    extra: dict[str, str] = field(default_factory=dict)


_ZWB_NAME = "广州市人民政府政务管理办公室"

FUNCTIONS_ITEMS: tuple[ItemSeed, ...] = (
    ItemSeed(
        "functions",
        "广州市人民政府政务管理办公室主要职能",
        "市政务办的机构性质和主要职能。",
        (
            f"{_ZWB_NAME}是市政府派出机构，承担市政务服务中心进驻部门的管理协调和监督服务职能。",
            "主要职责包括：组织协调进驻部门集中办理行政审批和公共服务事项；监督进驻部门的办事"
            "效率和服务质量；推进政务公开和政企互动；建设和管理政务资讯大厅及政务在线网站。",
        ),
        month=1,
        genre=InformationItem.Genre.OTHER,
        article20_item=Article20Item.FUNCTIONS,
        keywords="职能 政务服务中心",
        topic="机构职能",
    ),
    ItemSeed(
        "functions",
        "广州市人民政府政务管理办公室内设机构",
        "市政务办内设综合处、政务服务处、协调督办处和信息技术中心。",
        (
            "综合处：负责机关文电、会务、机要、档案、财务和后勤保障等工作。",
            "政务服务处：负责政务公开日常工作、咨询服务和政企互动，联系电话38920851。",
            "协调督办处：负责进驻部门审批事项的协调、督办和服务保障评价工作。",
            "信息技术中心：负责政务在线网站、自助查询终端和审批信息平台的建设与运行维护。",
        ),
        month=1,
        genre=InformationItem.Genre.OTHER,
        article20_item=Article20Item.FUNCTIONS,
        keywords="内设机构",
        topic="机构职能",
    ),
    ItemSeed(
        "functions",
        "广州市人民政府政务管理办公室领导信息",
        "市政务办领导分工。",
        (
            "主任：主持全面工作，任办政务公开领导小组组长。",
            "副主任：协助主任工作，任办政务公开领导小组副组长，分管政务服务处和信息技术中心。",
            "副主任：协助主任工作，分管综合处和协调督办处。",
        ),
        month=2,
        genre=InformationItem.Genre.OTHER,
        article20_item=Article20Item.FUNCTIONS,
        keywords="领导分工",
        topic="机构职能",
    ),
)


def _rule(number: int, title: str, summary: str, month: int, *paragraphs: str) -> ItemSeed:
    return ItemSeed(
        "rules",
        title,
        summary,
        paragraphs,
        month=month,
        genre=InformationItem.Genre.MEASURES if "办法" in title else InformationItem.Genre.RULES,
        article20_item=Article20Item.REGULATIONS,
        document_number=f"穗政务办〔2009〕{number}号",
        keywords="规章制度 政务公开",
        topic="规章制度",
    )


RULES_ITEMS: tuple[ItemSeed, ...] = (
    _rule(
        3,
        "《广州市政务服务中心政务信息公开办法（试行）》",
        "规范市政务服务中心政务信息公开的范围、方式、程序和监督保障。",
        1,
        "第一条 为规范广州市政务服务中心政务信息公开工作，根据《中华人民共和国政府信息公开"
        "条例》和《广州市政府信息公开规定》，制定本办法。",
        "第二条 政务信息公开坚持公正、公平、便民的原则，以公开为原则、不公开为例外。",
        "第三条 政务服务处是办政务公开工作的日常办事机构，负责政务信息的收集、审核和发布。",
    ),
    _rule(
        5,
        "《市政务办服务保障评价方法（试行）》",
        "设立统一服务保障电话38920001，由进驻部门从服务态度、服务质量、办事效率、工作作风四"
        "个方面评价机关工作人员提供的服务。",
        2,
        "第一条 为规范机关工作人员为进驻窗口提供的服务，制定本方法。",
        "第二条 设立统一的服务保障电话38920001，专人受理进驻部门故障申报。",
        "第三条 进驻部门从服务态度、服务质量、办事效率、工作作风四个方面进行评价。",
    ),
    _rule(
        7,
        "《政务大厅咨询岗位工作规范》",
        "对咨询岗位人员的服务形象、业务能力等方面提出要求。",
        3,
        "第一条 咨询岗位人员应当统一着装、挂牌上岗，使用规范用语。",
        "第二条 对企业和市民的咨询应当一次性告知办理依据、条件、程序和所需材料。",
        "第三条 不能当场答复的，应当登记并在约定时间内答复。",
    ),
    _rule(
        2,
        "《市政务办2009年政务公开工作计划》",
        "部署2009年政务公开工作任务。",
        1,
        "一、健全领导体制和工作机制，成立办政务公开领导小组。",
        "二、做好政府信息公开规范化建设，明确政府信息公开工作机构。",
        "三、依托市政务服务中心平台，积极主动开展政务公开工作。",
    ),
    _rule(
        4,
        "《市政务办政务公开领导小组工作规则》",
        "明确办政务公开领导小组的组成、职责和议事规则。",
        1,
        "第一条 领导小组由办主任任组长、副主任任副组长，成员由综合处、政务服务处、协调督办处、"
        "信息技术中心负责人组成。",
        "第二条 领导小组日常办公室设在政务服务处。",
        "第三条 领导小组不定期召开工作会议，研究解决政务公开工作中的困难和问题。",
    ),
    _rule(
        6,
        "《审批处长接访活动实施方案》",
        "组织全体进驻部门每月派出审批处长或负责人在政务服务中心接访。",
        2,
        "一、活动时间：自2009年3月起，每月举行。",
        "二、活动方式：各进驻部门每月派出审批处长或负责人现场接待企业和市民咨询。",
        "三、宣传保障：在广州政务在线网站开设专栏，在政务中心大堂发布接访信息，方便群众预约。",
    ),
    _rule(
        9,
        "《政企互动工作制度》",
        "规范沟通会、政策宣讲说明会、业务培训、公众咨询日等政企互动活动的组织。",
        3,
        "第一条 政企互动活动由政务服务处会同有关进驻部门组织。",
        "第二条 活动形式包括沟通会、政策宣讲说明会、业务培训和公众咨询日等。",
        "第三条 活动结束后五个工作日内整理企业意见和建议，转有关部门研究答复。",
    ),
    _rule(
        11,
        "《企业邮箱信息服务管理规定》",
        "规范企业邮箱政务信息推送和企业反馈意见的收集处理。",
        4,
        "第一条 企业邮箱信息服务由市政务办与市信息办机关信息网络中心合作开展。",
        "第二条 推送的信息限于可向社会公开的政务服务信息。",
        "第三条 企业反馈的意见和建议按投诉建议处理程序办理。",
    ),
    _rule(
        13,
        "《政务资讯大厅服务管理办法》",
        "规范政务资讯大厅现行文件查询、图书期刊借阅和自助查询终端的服务管理。",
        5,
        "第一条 政务资讯大厅免费向公众提供现行文件查询和政务信息浏览服务。",
        "第二条 现行文件查询区集中可公开的非涉密文件，并开放现行文件电子数据库。",
        "第三条 自助查询电脑终端由信息技术中心负责维护。",
    ),
    _rule(
        15,
        "《进驻部门故障申报受理规程》",
        "明确服务保障电话受理进驻部门故障申报的流程和时限。",
        6,
        "第一条 进驻部门通过服务保障电话38920001申报设备、网络和后勤故障。",
        "第二条 受理人员应当登记申报内容并即时派单。",
        "第三条 一般故障当日处理完毕，复杂故障应当告知预计修复时间。",
    ),
    _rule(
        18,
        "《办事指南编印管理规定》",
        "规范办事指南的修改、审核、印制和发放。",
        7,
        "第一条 进驻部门调整审批事项的，应当及时提交办事指南修改稿。",
        "第二条 办事指南由政务服务处统一审核、分批印制。",
        "第三条 办事指南同时在政务在线网站公布。",
    ),
    _rule(
        24,
        "《市政务办政务公开工作考核办法》",
        "把政务公开工作作为工作考核内容之一，列入评定工作实绩的主要内容。",
        10,
        "第一条 政务公开工作纳入处室年度考核。",
        "第二条 考核内容包括信息公开的及时性、准确性和完整性。",
        "第三条 考核结果作为评定工作实绩的一项主要内容。",
    ),
)


def _business(
    title: str,
    summary: str,
    month: int,
    *paragraphs: str,
    genre: str = InformationItem.Genre.NEWS,
    article20_item: int = Article20Item.OTHER,
    keywords: str = "",
    topic: str = "政务服务",
) -> ItemSeed:
    return ItemSeed(
        "business",
        title,
        summary,
        paragraphs,
        month=month,
        genre=genre,
        article20_item=article20_item,
        keywords=keywords,
        topic=topic,
    )


_CN_MONTHS = "一二三四五六七八九十"


def _cn_number(n: int) -> str:
    if n <= 10:
        return _CN_MONTHS[n - 1]
    return "十" + _CN_MONTHS[n - 11] if n < 20 else str(n)


def _business_items() -> tuple[ItemSeed, ...]:
    items: list[ItemSeed] = []
    # 活动信息: the monthly 审批处长接访活动, March to December (10).
    for month in range(3, 13):
        items.append(
            _business(
                f"2009年{month}月审批处长接访活动安排",
                f"公布{month}月各进驻部门审批处长接访时间和预约方式。",
                month,
                f"{month}月，各进驻部门派出审批处长或负责人在市政务服务中心现场接访，"
                "解答企业和市民关于审批事项的咨询。",
                "群众可通过广州政务在线网站审批处长接访活动专栏或政务中心大堂公告预约咨询。",
                article20_item=Article20Item.LICENSING,
                keywords="审批处长接访 活动信息",
            )
        )
    # 活动信息: 12 政企互动会 held with 市环保局, 市交委, 市技术监督局 and 广州检验检疫局.
    meetings = (
        ("欧盟绿色贸易措施说明会", "广州检验检疫局", 3),
        ("城市建设项目环保审批互动座谈会", "市环保局", 4),
        ("广州地区环境影响评价机构互动会", "市环保局", 5),
        ("区(县)环保系统审批工作座谈会", "市环保局", 6),
        ("道路运输行政许可政企互动会", "市交委", 4),
        ("交通建设项目审批政策说明会", "市交委", 7),
        ("质量技术监督行政许可政策宣讲会", "市技术监督局", 5),
        ("特种设备安全监察业务培训会", "市技术监督局", 8),
        ("出口食品企业检验检疫政策说明会", "广州检验检疫局", 9),
        ("企业投资项目并联审批说明会", "市政务办", 9),
        ("便民服务公众咨询日活动", "市政务办", 10),
        ("工业产品生产许可证办理政企互动会", "市技术监督局", 11),
    )
    for name, partner, month in meetings:
        items.append(
            _business(
                f"市政务办与{partner}联合举办{name}",
                f"{name}在市政务服务中心举行，向企业宣讲解释有关政策并听取意见建议。",
                month,
                f"市政务办与{partner}在市政务服务中心联合举办{name}，"
                "就政府出台的新政策向企业、市民宣讲和解释。",
                "会上，审批部门与企业代表面对面交流，现场解答问题，并收集企业的意见和建议。",
                keywords="政企互动 活动信息",
            )
        )
    # 业务简讯: 9 batches of 办事指南 (138 guides revised, 595 printed in 9 batches).
    batch_sizes = (72, 65, 70, 58, 66, 61, 69, 64, 70)
    for batch, size in enumerate(batch_sizes, start=1):
        items.append(
            _business(
                f"第{_cn_number(batch)}批办事指南修改编印完成",
                f"本批修改编印办事指南{size}项，已在政务服务大厅发放并在政务在线网站公布。",
                min(1 + batch * 11 // 9, 12),
                f"为给企业和市民提供规范的办事指引，市政务办组织进驻部门修改编印第{_cn_number(batch)}"
                f"批办事指南{size}项。",
                "办事指南载明事项名称、办理依据、申请条件、所需材料、办理程序和承诺时限。",
                genre=InformationItem.Genre.GUIDE,
                article20_item=Article20Item.LICENSING,
                keywords="办事指南 业务简讯",
            )
        )
    # 业务简讯: 政务资讯大厅 (6).
    hall = (
        (
            "政务资讯大厅开放现行文件电子数据库",
            2,
            "资讯大厅现行文件查询区集中了1996年以来我市可公开的非涉密文件5000多份，"
            "并开放市档案局现行文件电子数据库，提供免费查阅服务。",
        ),
        (
            "政务资讯大厅链接32个部门政务信息数据库",
            6,
            "通过互联网对25个部门的32个可向社会公开的政务信息数据库进行了链接，"
            "市民可在资讯厅方便快捷地了解市政府各部门的政务信息。",
        ),
        (
            "政务资讯大厅新增自助查询电脑终端",
            4,
            "资讯大厅配备30台自助查询电脑终端，方便市民查询政务信息。",
        ),
        (
            "政务资讯大厅上半年服务情况",
            7,
            "上半年资讯大厅接待参观团体和浏览政务信息的市民人数稳步增长。",
        ),
        (
            "政务资讯大厅图书期刊借阅服务",
            9,
            "大厅内有中外文图书3000多种、国内外报刊230种、经贸类电子资料库20个。",
        ),
        (
            "政务资讯大厅全年服务情况",
            12,
            "截至2009年12月31日，资讯厅全年共接待106批次参观团体2204人次，"
            "16025人次浏览政务信息，428名读者借还期刊1000余册。",
        ),
    )
    for title, month, paragraph in hall:
        items.append(
            _business(
                title,
                paragraph[:60] + "……" if len(paragraph) > 60 else paragraph,
                month,
                paragraph,
                "政务资讯大厅位于市政务服务中心，面积500多平方米。",
                keywords="政务资讯大厅 业务简讯",
            )
        )
    # 业务简讯: quarterly 咨询服务 figures and other news (8).
    for quarter in range(1, 5):
        items.append(
            _business(
                f"2009年第{_cn_number(quarter)}季度政务服务大厅咨询服务情况",
                f"第{_cn_number(quarter)}季度政务服务大厅电话咨询和现场咨询情况。",
                quarter * 3,
                "政务服务大厅咨询岗位按照《政务大厅咨询岗位工作规范》接待企业和市民咨询。",
                "全年接受咨询31830人次，其中电话咨询14330人次，来访咨询17500人次。",
                keywords="咨询服务 业务简讯",
            )
        )
    news = (
        (
            "开通企业邮箱信息服务",
            4,
            "市政务办与市信息办机关信息网络中心合作开通企业邮箱信息服务，"
            "已向全市近万家企业发送政务服务信息。",
        ),
        ("政务服务大厅投放便民服务卡", 5, "印制2570张便民服务卡放置于政务服务大厅，方便群众取阅。"),
        (
            "《常见问题及疑难问题咨询解答》编制完成",
            8,
            "组织全体进驻部门编制《常见问题及疑难问题咨询解答》，充实到政务在线咨询专栏。",
        ),
        (
            "服务保障电话38920001正式启用",
            3,
            "统一的服务保障电话38920001正式启用，专人受理进驻部门故障申报。",
        ),
    )
    for title, month, paragraph in news:
        items.append(_business(title, paragraph, month, paragraph, keywords="业务简讯"))
    # 工作交流: visits of other cities' service centres (12).
    cities = (
        "深圳",
        "佛山",
        "东莞",
        "珠海",
        "中山",
        "江门",
        "惠州",
        "肇庆",
        "杭州",
        "南京",
        "成都",
        "武汉",
    )
    for index, city in enumerate(cities):
        items.append(
            _business(
                f"{city}市行政服务中心来我办考察交流",
                f"{city}市行政服务中心考察团到市政务服务中心考察交流集中审批和政务公开工作。",
                1 + index,
                f"{city}市行政服务中心考察团一行到市政务服务中心参观考察，"
                "双方就集中审批、政务公开和政企互动等工作进行了交流。",
                "考察团参观了政务服务大厅和政务资讯大厅。",
                keywords="工作交流",
            )
        )
    # 工作交流: 政务服务中心工作简讯 (9), closing the year's tally of 66.
    for issue in range(1, 10):
        items.append(
            _business(
                f"政务服务中心工作简讯（2009年第{issue}期）",
                f"2009年第{issue}期工作简讯，交流进驻部门集中审批和政务服务工作经验。",
                min(issue + 2, 12),
                "本期简讯介绍进驻部门优化审批流程、提高政务服务效能的做法和经验。",
                "各进驻部门可将工作经验和意见建议报政务服务处。",
                keywords="工作交流 工作简讯",
            )
        )
    return tuple(items)


BUSINESS_ITEMS: tuple[ItemSeed, ...] = _business_items()

ITEMS_2009: tuple[ItemSeed, ...] = FUNCTIONS_ITEMS + RULES_ITEMS + BUSINESS_ITEMS
