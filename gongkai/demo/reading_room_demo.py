"""The seed body's 政务资讯大厅 in 2009, record by record, and its website column's visits.

Figures (seed report, 2009): 106 visiting groups of 2,204 people; 16,025 individual visitors;
428 readers borrowing "1000余" periodicals (1,046 loans here); "5000多" current documents since
1996 (5,126 here); 32 linked databases of 25 departments; 30 self-service terminals; website
column visits "10万多" (102,365 here). The database links are never checked by the demo.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.db import transaction

from gongkai.core import audit
from gongkai.demo import seed
from gongkai.demo.days import working_days
from gongkai.demo.textgen import DEPARTMENTS, generate_item_fields
from gongkai.reading_room.models import (
    CurrentDocument,
    ExternalDatabase,
    Periodical,
    PeriodicalLoan,
    Terminal,
    VisitingGroup,
    VisitorTally,
)
from gongkai.reading_room.services import document_search_text
from gongkai.web_analytics.models import PageViewDaily

YEAR = 2009
VISITING_GROUPS = 106
VISITING_GROUP_PEOPLE = 2204
VISITORS = 16025
LOAN_READERS = 428
LOANS = 1046
DOCUMENTS = 5126
EXTERNAL_DATABASES = 32
EXTERNAL_DATABASE_DEPARTMENTS = 25
TERMINALS = 30
PAGE_VIEWS = 102365
# The body's column on the portal: its organisation page.
PAGE_VIEW_PATH = "portal:organisation_detail"

GROUP_KINDS = [
    "区政务服务中心考察团", "市直机关党员学习参观团", "兄弟城市政务服务中心考察组",
    "高校公共管理专业师生", "街道办事处工作人员", "人大代表视察组", "政协委员调研组",
    "企业代表参观团", "港澳政务交流团", "省直单位调研组",
]  # fmt: skip
PERIODICAL_TITLES = [
    ("人民日报", "newspaper"), ("南方日报", "newspaper"), ("广州日报", "newspaper"),
    ("羊城晚报", "newspaper"), ("经济日报", "newspaper"), ("中国经济时报", "newspaper"),
    ("求是", "magazine"), ("中国行政管理", "magazine"), ("瞭望", "magazine"),
    ("半月谈", "magazine"), ("南风窗", "magazine"), ("财经", "magazine"),
    ("中国改革", "magazine"), ("广东经济", "magazine"), ("投资与合作", "magazine"),
    ("China Daily", "foreign"), ("The Economist", "foreign"), ("Financial Times", "foreign"),
]  # fmt: skip
# (department, database names): 25 departments, 32 databases.
DATABASES: list[tuple[str, str, list[str]]] = [
    ("广州市发展和改革委员会", "gzplan", ["投资项目审批信息库", "价格监测数据库"]),
    ("广州市教育局", "gzedu", ["学校信息查询库"]),
    ("广州市科技和信息化局", "gzsi", ["科技计划项目库", "高新技术企业名录库"]),
    ("广州市民政局", "gzmz", ["社会组织登记信息库"]),
    ("广州市财政局", "gzfinance", ["政府采购信息库"]),
    ("广州市人力资源和社会保障局", "hrssgz", ["职业资格证书查询库", "社会保险政策库"]),
    ("广州市国土资源和房屋管理局", "laho", ["土地出让信息库", "商品房预售信息库"]),
    ("广州市环境保护局", "gzepb", ["建设项目环评审批库", "排污许可信息库"]),
    ("广州市住房和城乡建设委员会", "gzcc", ["建筑企业资质库"]),
    ("广州市交通委员会", "gzjt", ["道路运输许可信息库"]),
    ("广州市水务局", "gzwater", ["水务工程信息库"]),
    ("广州市农业局", "gzagri", ["农业政策法规库"]),
    ("广州市对外贸易经济合作局", "gzboftec", ["外商投资企业名录库", "对外贸易政策库"]),
    ("广州市文化广电新闻出版局", "gzwgx", ["文化市场许可信息库"]),
    ("广州市卫生局", "gzmed", ["医疗机构执业信息库"]),
    ("广州市审计局", "gzaudit", ["审计结果公告库"]),
    ("广州市统计局", "gzstats", ["统计年鉴数据库"]),
    ("广州市城市管理委员会", "gzcgw", ["市容环境许可信息库"]),
    ("广州市规划局", "upo-gz", ["规划许可批后公布库"]),
    ("广州市工商行政管理局", "gzaic", ["企业登记信息查询库", "个体工商户信息库"]),
    ("广州市质量技术监督局", "gzq", ["标准文献数据库"]),
    ("广州市食品药品监督管理局", "gzfda", ["药品零售企业名录库"]),
    ("广州市安全生产监督管理局", "gzsafety", ["安全生产许可信息库"]),
    ("广州市物价局", "gzwj", ["行政事业性收费目录库"]),
    ("广州市档案局", "gzdaj", ["现行文件电子数据库"]),
]


def _split(total: int, parts: int, rng: random.Random, *, minimum: int = 1) -> list[int]:
    """`parts` positive integers (each >= minimum) summing to `total`, unevenly."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    scale = (total - minimum * parts) / sum(weights)
    values = [minimum + int(weight * scale) for weight in weights]
    for index in range(total - sum(values)):
        values[index % parts] += 1
    return values


def _log_batch(first: Any, action: str, count: int) -> None:
    audit.log(first, action, actor=None, data={"demo": True, "count": count})


def _groups(organisation: Any, days: list[dt.date], rng: random.Random) -> str:
    if VisitingGroup.objects.filter(organisation=organisation, visited_on__year=YEAR).exists():
        return "参观团体：已存在，跳过"
    dates = sorted(rng.sample(days, VISITING_GROUPS))
    people = _split(VISITING_GROUP_PEOPLE, VISITING_GROUPS, rng, minimum=5)
    groups = VisitingGroup.objects.bulk_create(
        VisitingGroup(
            organisation=organisation,
            visited_on=day,
            group_name=rng.choice(GROUP_KINDS),
            people=count,
        )
        for day, count in zip(dates, people, strict=True)
    )
    _log_batch(groups[0], "reading_room.visiting_group.imported", len(groups))
    return f"参观团体：{VISITING_GROUPS}批次，{VISITING_GROUP_PEOPLE}人次"


def _visitors(organisation: Any, days: list[dt.date], rng: random.Random) -> str:
    if VisitorTally.objects.filter(organisation=organisation, date__year=YEAR).exists():
        return "浏览人次：已存在，跳过"
    counts = _split(VISITORS, len(days), rng, minimum=20)
    tallies = VisitorTally.objects.bulk_create(
        VisitorTally(organisation=organisation, date=day, count=count)
        for day, count in zip(days, counts, strict=True)
    )
    _log_batch(tallies[0], "reading_room.visitor_tally.imported", len(tallies))
    return f"浏览人次：{VISITORS}人次（{len(days)}个工作日）"


def _loans(organisation: Any, days: list[dt.date], rng: random.Random) -> str:
    if PeriodicalLoan.objects.filter(organisation=organisation, lent_on__year=YEAR).exists():
        return "期刊借阅：已存在，跳过"
    periodicals = list(Periodical.objects.filter(organisation=organisation))
    if not periodicals:
        periodicals = Periodical.objects.bulk_create(
            Periodical(
                organisation=organisation,
                title=title,
                kind=kind,
                issue=f"{YEAR}年第{issue}期",
                call_number=f"QK{number:03d}-{issue:02d}",
            )
            for number, (title, kind) in enumerate(PERIODICAL_TITLES, start=1)
            for issue in range(1, 13)
        )
        _log_batch(periodicals[0], "reading_room.periodical.imported", len(periodicals))
    readers = [(f"{rng.choice('陈李张黄林王刘何梁罗')}{rng.choice('伟敏静丽强军磊洋勇艳杰')}",
                f"ZX{YEAR}{n:04d}") for n in range(1, LOAN_READERS + 1)]  # fmt: skip
    # Every reader borrows at least once; the rest of the loans go to random readers.
    borrowers = readers + [rng.choice(readers) for _ in range(LOANS - LOAN_READERS)]
    rng.shuffle(borrowers)
    lend_days = sorted(rng.choice(days[:-10]) for _ in range(LOANS))
    free_from = {periodical.pk: dt.date(YEAR, 1, 1) for periodical in periodicals}
    loans = []
    for (name, card), lent_on in zip(borrowers, lend_days, strict=True):
        # A copy is lent again only once returned.
        shelf = [p for p in periodicals if free_from[p.pk] <= lent_on]
        periodical = rng.choice(shelf)
        due_on = lent_on + dt.timedelta(days=14)
        returned_on = min(lent_on + dt.timedelta(days=rng.randint(1, 20)), dt.date(YEAR, 12, 31))
        free_from[periodical.pk] = returned_on + dt.timedelta(days=1)
        loans.append(
            PeriodicalLoan(
                organisation=organisation,
                periodical=periodical,
                reader_name=name,
                reader_card_number=card,
                lent_on=lent_on,
                due_on=due_on,
                returned_on=returned_on,
            )
        )
    created = PeriodicalLoan.objects.bulk_create(loans)
    _log_batch(created[0], "reading_room.periodical_loan.imported", len(created))
    return f"期刊借阅：{LOAN_READERS}名读者，{LOANS}册次"


def _documents(organisation: Any, rng: random.Random) -> str:
    if CurrentDocument.objects.filter(organisation=organisation).exists():
        return "现行文件：已存在，跳过"
    documents = []
    for index in range(DOCUMENTS):
        # More documents in later years, as the library grew.
        year = min(1996 + int((index / DOCUMENTS) ** 0.7 * 14), YEAR)
        issuing_body = rng.choice(DEPARTMENTS)
        fields = generate_item_fields(rng, organisation_name=issuing_body, year=year)
        document = CurrentDocument(
            organisation=organisation,
            issuing_body=issuing_body,
            document_number=fields["document_number"],
            title=fields["title"],
            issued_on=fields["generated_on"],
            body_text=fields["body_text"],
        )
        document.search_text = document_search_text(document)
        documents.append(document)
    created = CurrentDocument.objects.bulk_create(documents, batch_size=500)
    _log_batch(created[0], "reading_room.current_document.imported", len(created))
    return f"现行文件：{DOCUMENTS}份（1996—{YEAR}年）"


def _databases(organisation: Any, rng: random.Random) -> str:
    if ExternalDatabase.objects.filter(organisation=organisation).exists():
        return "外部数据库：已存在，跳过"
    databases = [
        ExternalDatabase(
            organisation=organisation,
            department=department,
            name=name,
            url=f"http://www.{domain}.gov.cn/db/{number}/",
            description=f"{department}向社会公开的{name}，可在政务资讯大厅免费查询。",
            linked_on=dt.date(YEAR, rng.randint(3, 11), rng.randint(1, 28)),
        )
        for department, domain, names in DATABASES
        for number, name in enumerate(names, start=1)
    ]
    created = ExternalDatabase.objects.bulk_create(databases)
    _log_batch(created[0], "reading_room.external_database.imported", len(created))
    return f"外部数据库：{len(DATABASES)}个部门的{len(created)}个数据库（未检查链接）"


def _terminals(organisation: Any) -> str:
    if Terminal.objects.filter(organisation=organisation).exists():
        return "自助终端：已存在，跳过"
    created = Terminal.objects.bulk_create(
        Terminal(
            organisation=organisation,
            name=f"ZD-{number:02d}",
            location=f"政务资讯大厅{'东西'[number % 2]}区第{(number - 1) // 6 + 1}排",
            installed_on=dt.date(2008, 12, 1),
        )
        for number in range(1, TERMINALS + 1)
    )
    _log_batch(created[0], "reading_room.terminal.imported", len(created))
    return f"自助终端：{TERMINALS}台"


def _page_views(organisation: Any, rng: random.Random) -> str:
    if PageViewDaily.objects.filter(organisation=organisation, date__year=YEAR).exists():
        return "网站专栏访问量：已存在，跳过"
    days = [dt.date(YEAR, 1, 1) + dt.timedelta(days=n) for n in range(365)]
    # Weekdays are busier than weekends.
    weights = [rng.uniform(0.8, 1.2) * (1.0 if day.weekday() < 5 else 0.45) for day in days]
    scale = PAGE_VIEWS / sum(weights)
    views = [max(int(weight * scale), 1) for weight in weights]
    for index in range(PAGE_VIEWS - sum(views)):
        views[index % len(views)] += 1
    PageViewDaily.objects.bulk_create(
        PageViewDaily(date=day, path=PAGE_VIEW_PATH, organisation=organisation, views=count)
        for day, count in zip(days, views, strict=True)
    )
    return f"网站专栏访问量：{PAGE_VIEWS}人次"


def load(*, organisations: dict[str, Any], users: dict[str, Any], rng_seed: int) -> list[str]:
    organisation = organisations[seed.ZWB]
    rng = random.Random(rng_seed + 404)
    # A calendar not loaded: fall back to weekdays.
    days = working_days(YEAR, weekdays_if_unknown=True)
    with transaction.atomic():
        return [
            _groups(organisation, days, rng),
            _visitors(organisation, days, rng),
            _loans(organisation, days, rng),
            _documents(organisation, rng),
            _databases(organisation, rng),
            _terminals(organisation),
            _page_views(organisation, rng),
        ]
