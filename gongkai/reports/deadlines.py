"""Statutory deadlines for publishing the annual report, as data, and who has not met them.

* 2019 Regulation 第四十九条 (reports on 2019 onwards): 县级以上人民政府部门 submit and
  publish by 31 January; 县级以上地方人民政府 (their report, published by the 主管部门) by
  31 March of the following year.
* 2007 Regulation 第三十一条 (reports on 2008–2018): 各级行政机关 by 31 March.

The report on year Y is due in Y + 1; which Regulation applies follows the report year
(gongkai.reports.periods.regulation_for_year): the report on 2018 was due on 31 March 2019
under the 2007 rule, the first due under 第四十九条 is the report on 2019 (31 January 2020 for
departments). 内设机构 do not publish reports of their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation
from gongkai.reports.models import AnnualReport
from gongkai.reports.periods import regulation_for_year

FIRST_REPORT_YEAR = 2008  # the 2007 Regulation took effect on 1 May 2008


@dataclass(frozen=True)
class DeadlineRule:
    regulation: str  # "2019" | "2007"
    kinds: tuple[str, ...]  # Organisation.Kind values the rule applies to
    month: int
    day: int
    citation: str
    quote: str


RULES: tuple[DeadlineRule, ...] = (
    DeadlineRule(
        "2019",
        (Organisation.Kind.DEPARTMENT, Organisation.Kind.OTHER),
        1,
        31,
        "《政府信息公开条例》（2019年修订）第四十九条",
        "县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交"
        "本行政机关上一年度政府信息公开工作年度报告并向社会公布。",
    ),
    DeadlineRule(
        "2019",
        (Organisation.Kind.GOVERNMENT,),
        3,
        31,
        "《政府信息公开条例》（2019年修订）第四十九条",
        "县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布"
        "本级政府上一年度政府信息公开工作年度报告。",
    ),
    DeadlineRule(
        "2007",
        (Organisation.Kind.GOVERNMENT, Organisation.Kind.DEPARTMENT, Organisation.Kind.OTHER),
        3,
        31,
        "《政府信息公开条例》（2007年）第三十一条",
        "各级行政机关应当在每年3月31日前公布本行政机关的政府信息公开工作年度报告。",
    ),
)

FILING_KINDS = (
    Organisation.Kind.GOVERNMENT,
    Organisation.Kind.DEPARTMENT,
    Organisation.Kind.OTHER,
)


@dataclass(frozen=True)
class ReportDeadline:
    year: int  # the report year
    due_on: dt.date  # the last day to publish
    rule: DeadlineRule

    @property
    def citation(self) -> str:
        return self.rule.citation


def rule_for(kind: str, year: int) -> DeadlineRule | None:
    regulation = regulation_for_year(year)
    for rule in RULES:
        if rule.regulation == regulation and kind in rule.kinds:
            return rule
    return None


def deadline_for(kind: str, year: int) -> ReportDeadline | None:
    """The deadline for a body of `kind` to publish its report on `year`; None if it files
    no report of its own (内设机构) or the year predates the 2007 Regulation."""
    if year < FIRST_REPORT_YEAR:
        return None
    rule = rule_for(kind, year)
    if rule is None:
        return None
    return ReportDeadline(year, dt.date(year + 1, rule.month, rule.day), rule)


def last_report_year(today: dt.date) -> int:
    return today.year - 1


@dataclass(frozen=True)
class BodyStatus:
    organisation: Organisation
    deadline: ReportDeadline
    report: AnnualReport | None  # the latest version in progress, if any
    days_left: int  # negative once the deadline has passed

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def overdue_days(self) -> int:
        return max(0, -self.days_left)

    @property
    def stage(self) -> str:
        return self.report.get_status_display() if self.report else "未编制"


def unpublished_bodies(
    *,
    year: int,
    today: dt.date,
    organisations: QuerySet[Organisation] | None = None,
) -> list[BodyStatus]:
    """Active bodies that file a report and have published none on `year`, soonest first."""
    bodies = (organisations if organisations is not None else Organisation.objects.all()).filter(
        is_active=True, kind__in=FILING_KINDS
    )
    published = set(
        AnnualReport.objects.filter(
            year=year, status=AnnualReport.Status.PUBLISHED, organisation__in=bodies
        ).values_list("organisation_id", flat=True)
    )
    in_progress: dict[int, AnnualReport] = {}
    for report in AnnualReport.objects.filter(year=year, organisation__in=bodies).order_by(
        "version"
    ):
        in_progress[report.organisation_id] = report
    rows = []
    for organisation in bodies.order_by("path"):
        if organisation.pk in published:
            continue
        deadline = deadline_for(organisation.kind, year)
        if deadline is None:
            continue
        rows.append(
            BodyStatus(
                organisation,
                deadline,
                in_progress.get(organisation.pk),
                (deadline.due_on - today).days,
            )
        )
    rows.sort(key=lambda row: (row.deadline.due_on, row.organisation.path))
    return rows


def unpublished_bodies_for_actor(*, actor: Any, year: int, today: dt.date) -> list[BodyStatus]:
    return unpublished_bodies(
        year=year,
        today=today,
        organisations=permissions.organisations_with(actor, permissions.REPORTS_VIEW),
    )
