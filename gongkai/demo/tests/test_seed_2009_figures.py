"""Every figure of the seed report (市政务办's 2009 annual report), read back from the demo.

The whole demo is read (the shared one, with every section of gongkai.demo.sections) and each
figure is taken from the statistics function of the register that owns it — the functions the
annual report reads — for the seed body and 2009. Where the report contradicts itself its 附表
wins: 现场咨询 19,840 (not the 17,500 of 概述), so 34,170 consultations by phone and on site.
Figures the report gives loosely ("800余", "近万家", "10万多", "5000多", "1000余") must fall in
the range the words allow.

All mismatches are reported together, so one run shows every register still off.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from gongkai.demo import seed
from gongkai.organisations.models import Organisation

pytestmark = pytest.mark.django_db

YEAR = 2009


@dataclass(frozen=True)
class Figure:
    label: str  # as the seed report words it
    key: str
    low: int
    high: int  # inclusive; equal to low for an exact figure


def exact(label: str, key: str, value: int) -> Figure:
    return Figure(label, key, value, value)


def between(label: str, key: str, low: int, high: int) -> Figure:
    return Figure(label, key, low, high)


# Module path of each statistics provider: prefix of its keys -> (module, function).
PROVIDERS: dict[str, tuple[str, str]] = {
    "catalogue": ("gongkai.reports.statistics", "catalogue_statistics"),
    "requests": ("gongkai.reports.statistics", "requests_statistics"),
    "consultations": ("gongkai.consultations.statistics", "year_statistics"),
    "reception": ("gongkai.reception.statistics", "year_statistics"),
    "engagement": ("gongkai.engagement.statistics", "year_statistics"),
    "guides": ("gongkai.service_guides.statistics", "year_statistics"),
    "reading_room": ("gongkai.reading_room.statistics", "year_statistics"),
    "web": ("gongkai.web_analytics.statistics", "year_statistics"),
    "appeals": ("gongkai.appeals.statistics", "year_statistics"),
}

FIGURES: list[Figure] = [
    # 二、主动公开 and 附表1
    exact("主动公开信息数", "catalogue.total", 81),
    exact("其中：全文电子化的主动公开信息数", "catalogue.fully_electronic", 81),
    # 三、依申请公开（无）
    exact("依申请公开：收到申请数", "requests.new.total", 0),
    # 四、咨询情况 and 附表2 (the 附表 wins over 概述's 17,500)
    exact("咨询电话接听数", "consultations.phone", 14_330),
    exact("现场咨询", "consultations.on_site", 19_840),
    # 审批处长接访 (from March 2009)
    exact("派出接访审批处长和业务骨干（人次）", "reception.staff_attendances", 1_078),
    exact("接待来访咨询企业市民（人次）", "reception.visitors", 1_540),
    exact("现场答复咨询问题件数", "reception.questions_answered", 1_540),
    # 政企互动
    exact("政企互动会（场）", "engagement.meetings", 12),
    between("政企互动会参加人数（800余人）", "engagement.meeting_participants", 801, 899),
    between("企业邮箱信息服务：近万家企业", "engagement.subscribers", 9_000, 9_999),
    between("已发信息至企业（送达）", "engagement.deliveries", 9_000, 10**9),
    # 办事指南 and 便民服务卡
    exact("修改调整办事指南（项）", "guides.revisions", 138),
    exact("印制办事指南（批）", "guides.print_batches", 9),
    exact("印制办事指南（项）", "guides.print_items", 595),
    exact("印制办事指南（份）", "guides.print_copies", 595_000),
    exact("便民服务卡（张）", "guides.service_cards", 2_570),
    # 政务资讯大厅
    exact("接待参观团体（批次）", "reading_room.visiting_groups", 106),
    exact("参观团体人次", "reading_room.visiting_group_people", 2_204),
    exact("在资讯厅浏览政务信息（人次）", "reading_room.visitors", 16_025),
    exact("借还期刊读者（名）", "reading_room.loan_readers", 428),
    between("借还期刊1000余册", "reading_room.loans", 1_001, 1_099),
    between("现行文件5000多份", "reading_room.documents", 5_001, 5_999),
    exact("链接政务信息数据库（个）", "reading_room.external_databases", 32),
    exact("数据库所属部门（个）", "reading_room.external_database_departments", 25),
    exact("自助查询电脑终端（台）", "reading_room.terminals", 30),
    # 网站专栏页面访问量
    between("网站专栏页面访问量（10万多）", "web.page_views", 100_001, 199_999),
    # 五、复议、诉讼和申诉情况（无）
    *[
        exact(f"表四 {key}", f"appeals.{group}.{column}", 0)
        for key, (group, column) in {
            "行政复议总计": ("review", "total"),
            "直接起诉总计": ("litigation_direct", "total"),
            "复议后起诉总计": ("litigation_after_review", "total"),
        }.items()
    ],
    exact("申诉", "appeals.complaints", 0),
]


def _provider(prefix: str) -> Callable[..., Any]:
    module_path, function = PROVIDERS[prefix]
    return getattr(importlib.import_module(module_path), function)  # type: ignore[no-any-return]


def _values(result: dict[str, Any]) -> dict[str, Any]:
    # The report module's providers answer {"values": ..., "labels": ...}.
    return result.get("values", result)  # type: ignore[no-any-return]


def test_every_seed_figure_from_the_demo(shared_demo) -> None:
    zwb = Organisation.objects.get(
        code=next(o.code for o in seed.ORGANISATIONS if o.key == seed.ZWB)
    )
    figures: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for prefix in PROVIDERS:
        try:
            figures[prefix] = _values(_provider(prefix)(organisation_ids=[zwb.pk], year=YEAR))
        # Each register still missing or broken becomes one line of the failure message.
        except Exception as error:
            problems.append(f"{prefix}: statistics unavailable ({type(error).__name__}: {error})")
    for figure in FIGURES:
        prefix = figure.key.split(".", 1)[0]
        if prefix not in figures:
            continue
        value = figures[prefix].get(figure.key)
        if value is None:
            problems.append(f"{figure.label}: key {figure.key} missing")
        elif not figure.low <= value <= figure.high:
            wanted = figure.low if figure.low == figure.high else f"{figure.low}–{figure.high}"
            problems.append(f"{figure.label} ({figure.key}): {value}, seed says {wanted}")
    # 34,170 = 14,330 + 19,840: the 四、咨询情况 total, by phone and on site.
    consultations = figures.get("consultations", {})
    if consultations:
        phone_and_site = consultations.get("consultations.phone", 0) + consultations.get(
            "consultations.on_site", 0
        )
        if phone_and_site != 34_170:
            problems.append(f"市民咨询（电话+现场）: {phone_and_site}, seed says 34170")
    assert not problems, "\n".join(problems)
