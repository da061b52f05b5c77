"""Narrative drafts and section list shared by the 2019 and 2021 national formats."""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.reports.formats import Section, Table
from gongkai.reports.formats._common import paragraphs


def draft_overview(stats: dict[str, object]) -> str:
    return paragraphs(
        [
            "{report.year}年，{organisation.name}认真贯彻落实《中华人民共和国政府信息公开条例》，"
            "坚持以公开为常态、不公开为例外，扎实做好政府信息公开各项工作。",
            "（一）主动公开。全年主动公开政府信息{catalogue.total}条，"
            "其中全文电子化{catalogue.fully_electronic}条。",
            "（二）依申请公开。全年新收政府信息公开申请{requests.new.total}件，"
            "上年结转{requests.carried_over.total}件，本年度办结{requests.result.3.7.total}件，"
            "结转下年度继续办理{requests.carried_forward.total}件。",
            "（三）政府信息管理。严格执行公开前保密审查和发布审核制度，"
            "按照政府信息公开目录的要求做好信息的编目、发布和更新。",
            "（四）政府信息公开平台建设。依托政府网站政府信息公开专栏集中发布政府信息，"
            "专栏页面全年访问量{web.page_views}人次。"
            if "web.page_views" in stats
            else "（四）政府信息公开平台建设。依托政府网站政府信息公开专栏集中发布政府信息。",
            "（五）监督保障。将政府信息公开工作纳入年度工作考核，"
            "本年度因政府信息公开被申请行政复议{appeals.review.total}件、"
            "提起行政诉讼{appeals.litigation.total}件。",
        ]
    )


def draft_problems(stats: dict[str, object]) -> str:
    return paragraphs(
        [
            "本年度政府信息公开工作仍存在一些不足：一是主动公开的深度和时效性有待进一步提高；"
            "二是依申请公开答复的规范化水平有待进一步提升。",
            "下一步，我们将进一步完善主动公开目录和发布审核流程，加强依申请公开办理的"
            "全过程管理，严格执行法定答复期限，提升政府信息公开工作质量。",
        ]
    )


def draft_other(stats: dict[str, object]) -> str:
    return paragraphs(
        [
            "依据《政府信息公开信息处理费管理办法》，本年度发出收取信息处理费通知"
            "{requests.fees.notices}件，实际收取信息处理费{requests.fees.collected}元。",
            "本年度无其他需要报告的事项。",
        ]
    )


def national_sections(
    article20_tables: Sequence[Table], three: Table, four: Table
) -> list[Section]:
    return [
        Section("一", "一、总体情况", "narrative", draft=draft_overview),
        Section("二", "二、主动公开政府信息情况", "table", tables=tuple(article20_tables)),
        Section("三", "三、收到和处理政府信息公开申请情况", "table", tables=(three,)),
        Section("四", "四、政府信息公开行政复议、行政诉讼情况", "table", tables=(four,)),
        Section("五", "五、存在的主要问题及改进情况", "narrative", draft=draft_problems),
        Section("六", "六、其他需要报告的事项", "narrative", draft=draft_other),
    ]


NATIONAL_PLACEHOLDERS = (
    "catalogue.total",
    "catalogue.fully_electronic",
    "requests.fees.notices",
    "requests.fees.collected",
    "appeals.litigation.total",
    "web.page_views",
)
