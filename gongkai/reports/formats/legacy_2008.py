"""The free-form report of the 2007 Regulation era (第三十二条), shaped like the seed report
(2009年广州市人民政府政务管理办公室政府信息公开年度报告): 引言, 一 概述, 二 主动公开情况,
三 依申请公开情况 (with the 收费及减免情况 that 第三十二条（三） requires), 四 咨询情况,
五 复议、诉讼和申诉情况, 六 存在的主要问题和改进措施, 七 附表与说明.

Table 二's rows are the body's own top-level catalogue categories; percentages have one
decimal, rounded half up (3/81 = 3.7%).
"""

from __future__ import annotations

from gongkai.reports.formats import (
    TEXT,
    Column,
    Identity,
    Percentage,
    ReportFormat,
    Row,
    Section,
    Table,
    cell_ref,
)
from gongkai.reports.formats._common import paragraphs

CATEGORY_PREFIX = "catalogue.category."
TOTAL_ROW = "_total"


def _category_rows(labels: dict[str, str]) -> list[Row]:
    rows = [
        Row(key[len(CATEGORY_PREFIX) :], label)
        for key, label in labels.items()
        if key.startswith(CATEGORY_PREFIX)
    ]
    return [*rows, Row(TOTAL_ROW, "合计")]


def _category_source(row: Row, column: Column) -> str:
    key = "catalogue.total" if row.code == TOTAL_ROW else f"{CATEGORY_PREFIX}{row.code}"
    return f"{key}.share" if column.code == "share" else key


CATEGORY_TABLE = Table(
    "二",
    "主动公开信息分类统计",
    rows=(Row(TOTAL_ROW, "合计"),),
    columns=(
        Column("count", "信息数", unit="条"),
        Column("share", "占总体的比例", unit="%", kind="percent"),
    ),
    cell_source=_category_source,
    dynamic_rows=_category_rows,
    row_header="类别",
)

_OUTCOME_ROWS = (
    Row("1", "本年新收政府信息公开申请"),
    Row("2", "上年结转政府信息公开申请"),
    Row("3", "本年度办理结果", is_group=True),
    Row("3.1", "予以公开"),
    Row("3.2", "部分公开"),
    Row("3.3", "不予公开"),
    Row("3.4", "无法提供"),
    Row("3.5", "不予处理"),
    Row("3.6", "其他处理"),
    Row("3.7", "办结合计"),
    Row("4", "结转下年度继续办理"),
)


def _request_source(row: Row, column: Column) -> str:
    names = {"1": "requests.new", "2": "requests.carried_over", "4": "requests.carried_forward"}
    if row.code in names:
        return f"{names[row.code]}.total"
    return f"requests.result.{row.code}.total"


REQUEST_TABLE = Table(
    "三",
    "依申请公开情况统计",
    rows=_OUTCOME_ROWS,
    columns=(Column("count", "件数", unit="件"),),
    cell_source=_request_source,
    row_header="指标",
)

FEES_TABLE = Table(
    "三-收费",
    "收费及减免情况",
    rows=(
        Row("notices", "发出收费通知"),
        Row("collected", "收取费用"),
        Row("waived", "减免收费"),
    ),
    columns=(Column("value", "数量"),),
    cell_source=lambda row, column: f"requests.fees.{row.code}",
    row_header="指标",
    note="收取费用单位为元，收费通知和减免单位为件。",
)

_APPEAL_ROWS = (
    Row("review", "行政复议"),
    Row("litigation_direct", "行政诉讼（未经复议直接起诉）"),
    Row("litigation_after_review", "行政诉讼（复议后起诉）"),
    Row("complaints", "申诉"),
)
_APPEAL_COLUMNS = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)


def _appeal_source(row: Row, column: Column) -> str | None:
    if row.code == "complaints":
        # 申诉 are counted, not broken down by result.
        return "appeals.complaints" if column.code == "total" else None
    return f"appeals.{row.code}.{column.code}"


APPEAL_TABLE = Table(
    "五",
    "复议、诉讼和申诉情况统计",
    rows=_APPEAL_ROWS,
    columns=_APPEAL_COLUMNS,
    cell_source=_appeal_source,
    row_header="类别",
)

SCHEDULE_1 = Table(
    "附表1",
    "附表1 主动公开情况统计",
    rows=(
        Row("total", "主动公开信息数"),
        Row("electronic", "其中：全文电子化的主动公开信息数"),
    ),
    columns=(Column("count", "数量"),),
    cell_source=lambda row, column: (
        "catalogue.total" if row.code == "total" else "catalogue.fully_electronic"
    ),
    row_header="指标",
)

SCHEDULE_2 = Table(
    "附表2",
    "附表2 咨询情况统计",
    rows=(
        Row("phone", "咨询电话接听数"),
        Row("web", "网站专栏页面访问量"),
        Row("on_site", "现场咨询"),
    ),
    columns=(Column("unit", "单位", kind="text"), Column("count", "数量")),
    cell_source=lambda row, column: (
        f"{TEXT}人次"
        if column.code == "unit"
        else {
            "phone": "consultations.phone",
            "web": "web.page_views|approx",
            "on_site": "consultations.on_site",
        }[row.code]
    ),
    row_header="指标",
)


def draft_introduction(stats: dict[str, object]) -> str:
    return (
        "本报告是根据《中华人民共和国政府信息公开条例》要求，由{organisation.name}编制的"
        "{report.year}年度政府信息公开年度报告。全文包括概述、政府信息主动公开情况、"
        "依申请公开情况、咨询情况、复议诉讼和申诉情况、存在的主要问题和改进措施，"
        "并附相关的说明和指标统计表。如对本报告有任何疑问，请联系{organisation.disclosure_office}"
        "（电话：{organisation.phone}）。"
    )


def draft_overview(stats: dict[str, object]) -> str:
    lines = [
        "{report.year}年，{organisation.name}认真贯彻落实《中华人民共和国政府信息公开条例》，"
        "健全政务公开工作机制，各项政府信息公开工作取得了进展。"
    ]
    if stats.get("reception.sessions"):
        lines.append(
            "开展审批处长接访活动，各进驻部门共派出接访审批处长和业务骨干"
            "{reception.staff_attendances}人次，接待来访咨询企业市民{reception.visitors}人次，"
            "现场答复咨询问题{reception.questions_answered}件。"
        )
    if stats.get("engagement.meetings"):
        lines.append(
            "与有关部门共同举办政企互动会{engagement.meetings}场，"
            "共计{engagement.meeting_participants|approx}人参加。"
        )
    if stats.get("reading_room.visiting_groups") or stats.get("reading_room.visitors"):
        lines.append(
            "政务资讯大厅全年共接待{reading_room.visiting_groups}批次参观团体，"
            "共{reading_room.visiting_group_people}人次；有{reading_room.visitors}人次"
            "在资讯厅浏览政务信息。"
        )
    return paragraphs(lines)


def draft_proactive(stats: dict[str, object]) -> str:
    parts = []
    for key, label in (stats.get("_category_labels") or {}).items():  # type: ignore[attr-defined]
        parts.append(
            f"{label}类信息{{{key}}}条，占总体的比例{{{key}.share}}%".replace("类类", "类")
        )
    categories = "；".join(parts)
    return paragraphs(
        [
            "{organisation.short_name}{report.year}年全年主动公开政府信息{catalogue.total}条，"
            "其中全文电子化{catalogue.fully_electronic}条，占{catalogue.fully_electronic.share}%。",
            f"在主动公开的信息中，{categories}。" if categories else "",
        ]
    )


def draft_requests(stats: dict[str, object]) -> str:
    if not stats.get("requests.new.total") and not stats.get("requests.carried_over.total"):
        return "本年度未收到政府信息公开申请（无），未收取检索、复制、邮寄等费用。"
    return paragraphs(
        [
            "本年度共收到政府信息公开申请{requests.new.total}件，上年结转{requests.carried_over.total}件；"
            "已办结{requests.result.3.7.total}件，其中予以公开{requests.result.3.1.total}件，"
            "部分公开{requests.result.3.2.total}件，不予公开{requests.result.3.3.total}件，"
            "无法提供{requests.result.3.4.total}件，不予处理{requests.result.3.5.total}件，"
            "其他处理{requests.result.3.6.total}件；结转下年度继续办理{requests.carried_forward.total}件。",
            "收费及减免情况：本年度发出收费通知{requests.fees.notices}件，收取检索、复制、邮寄等"
            "成本费用{requests.fees.collected}元，减免收费{requests.fees.waived}件。",
        ]
    )


def draft_consultations(stats: dict[str, object]) -> str:
    channels = "其中咨询电话接听{consultations.phone}人次，现场咨询{consultations.on_site}人次"
    if stats.get("consultations.online"):
        channels += "，网上留言咨询{consultations.online}人次"
    if stats.get("consultations.letter") or stats.get("consultations.email"):
        channels += "，信函和电子邮件咨询{consultations.written}人次"
    lines = [
        "{organisation.short_name}{report.year}年度共接受市民咨询{consultations.total}人次，"
        + channels
        + "。"
    ]
    if stats.get("reading_room.visiting_groups") or stats.get("reading_room.visitors"):
        lines.append(
            "另共接待{reading_room.visiting_groups}批次参观团体共{reading_room.visiting_group_people}"
            "人次；有{reading_room.visitors}人次在资讯厅浏览政务信息。"
        )
    if "web.page_views" in stats:
        lines.append("网站访问量为{web.page_views|approx}人次。")
    return paragraphs(lines)


def draft_appeals(stats: dict[str, object]) -> str:
    total = sum(
        int(stats.get(key) or 0)  # type: ignore[call-overload]
        for key in (
            "appeals.review.total",
            "appeals.litigation.total",
            "appeals.complaints",
        )
    )
    if not total:
        return "本年度没有因政府信息公开申请行政复议、提起行政诉讼或申诉的情况（无）。"
    return (
        "本年度因政府信息公开被申请行政复议{appeals.review.total}件，"
        "被提起行政诉讼{appeals.litigation.total}件，收到申诉{appeals.complaints}件。"
    )


def draft_problems(stats: dict[str, object]) -> str:
    return paragraphs(
        [
            "一年来，尽管我们在政务公开方面做了不少工作，也取得了一定成效，但距上级要求还有一定的差距。"
            "一是政务公开宣传形式还要进一步创新。二是有时公开的时效性不够强。"
            "三是政务公开工作还需进一步规范。",
            "改进措施：加强学习宣传，进一步完善各项工作制度，坚持及时公布和更新部门信息，"
            "落实工作人员的公开责任制，按时开展监督、检查、评议等活动。",
        ]
    )


def _identities(labels: dict[str, str]) -> list[Identity]:
    categories = [row.code for row in _category_rows(labels) if row.code != TOTAL_ROW]
    return [
        Identity(
            "二.categories",
            "各类别主动公开信息数之和 = 主动公开信息总数",
            tuple(cell_ref("二", code, "count") for code in categories),
            (cell_ref("二", TOTAL_ROW, "count"),),
        )
    ]


def _percentages(labels: dict[str, str]) -> list[Percentage]:
    return [
        Percentage(
            f"二.share.{row.code}",
            f"“{row.label}”占总体的比例",
            cell_ref("二", row.code, "share"),
            cell_ref("二", row.code, "count"),
            cell_ref("二", TOTAL_ROW, "count"),
        )
        for row in _category_rows(labels)
        if row.code != TOTAL_ROW
    ]


FORMAT = ReportFormat(
    code="legacy-2008",
    name="政府信息公开工作年度报告（2007年条例第三十二条）",
    regulation="2007",
    sections=(
        Section("引言", "引 言", "narrative", draft=draft_introduction),
        Section("一", "一 概 述", "narrative", draft=draft_overview),
        Section(
            "二",
            "二 政府信息主动公开情况",
            "mixed",
            tables=(CATEGORY_TABLE,),
            draft=draft_proactive,
        ),
        Section(
            "三",
            "三 政府信息依申请公开情况",
            "mixed",
            tables=(REQUEST_TABLE, FEES_TABLE),
            draft=draft_requests,
        ),
        Section("四", "四 咨询情况", "narrative", draft=draft_consultations),
        Section(
            "五", "五 复议、诉讼和申诉情况", "mixed", tables=(APPEAL_TABLE,), draft=draft_appeals
        ),
        Section("六", "六 存在的主要问题和改进措施", "narrative", draft=draft_problems),
        Section("七", "七 附表与说明", "table", tables=(SCHEDULE_1, SCHEDULE_2)),
    ),
    identities=(
        Identity(
            "三.balance",
            "本年新收 + 上年结转 = 办结合计 + 结转下年度",
            (cell_ref("三", "1", "count"), cell_ref("三", "2", "count")),
            (cell_ref("三", "3.7", "count"), cell_ref("三", "4", "count")),
        ),
        Identity(
            "三.results",
            "办结合计 = 各办理结果之和",
            (cell_ref("三", "3.7", "count"),),
            tuple(cell_ref("三", f"3.{n}", "count") for n in range(1, 7)),
        ),
        *(
            Identity(
                f"五.total.{row.code}",
                f"“{row.label}”：总计 = 维持 + 纠正 + 其他 + 尚未审结",
                (cell_ref("五", row.code, "total"),),
                tuple(
                    cell_ref("五", row.code, c) for c in ("upheld", "corrected", "other", "pending")
                ),
            )
            for row in _APPEAL_ROWS
            if row.code != "complaints"
        ),
        Identity(
            "附表1.total",
            "附表1 主动公开信息数 = 正文“二”所列总数",
            (cell_ref("附表1", "total", "count"),),
            (cell_ref("二", TOTAL_ROW, "count"),),
        ),
        Identity(
            "附表1.electronic",
            "全文电子化信息数不超过主动公开信息数（以差额计）",
            (cell_ref("附表1", "total", "count"),),
            (cell_ref("附表1", "electronic", "count"), "stat:catalogue.not_fully_electronic"),
        ),
    ),
    identities_for=_identities,
    percentages_for=_percentages,
    narrative_placeholders=(
        "catalogue.fully_electronic.share",
        "consultations.total",
        "consultations.written",
        "appeals.litigation.total",
    ),
)
