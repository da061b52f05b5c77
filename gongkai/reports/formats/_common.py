"""Building blocks shared by the built-in formats: table 三 (applications by applicant type),
table 四 (review and litigation), their identities and the narrative drafts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from gongkai.reports.formats import Column, Identity, Row, Table, cell_ref

# 申请人情况: 自然人, then 法人或其他组织 in five kinds, then 总计 (regulation-facts §3.4).
APPLICANT_TYPES: tuple[tuple[str, str], ...] = (
    ("natural_person", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("public_interest", "社会公益组织"),
    ("legal_services", "法律服务机构"),
    ("other", "其他"),
)
LEGAL_PERSON_GROUP = "法人或其他组织"
APPLICANT_COLUMNS: tuple[Column, ...] = (
    Column("natural_person", "自然人", groups=("申请人情况",)),
    *(
        Column(code, label, groups=("申请人情况", LEGAL_PERSON_GROUP))
        for code, label in APPLICANT_TYPES[1:]
    ),
    Column("total", "总计", groups=("申请人情况",)),
)

# Leaf rows of 三、本年度办理结果 (2021): (row code, label). Codes are the table's own
# numbering in ASCII: "3.3.1" is 三（三）1.
RESULT_ROWS_2021: tuple[Row, ...] = (
    Row("3", "三、本年度办理结果", is_group=True),
    Row("3.1", "（一）予以公开"),
    Row("3.2", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    Row("3.3", "（三）不予公开", is_group=True),
    Row("3.3.1", "1.属于国家秘密"),
    Row("3.3.2", "2.其他法律行政法规禁止公开"),
    Row("3.3.3", "3.危及“三安全一稳定”"),
    Row("3.3.4", "4.保护第三方合法权益"),
    Row("3.3.5", "5.属于三类内部事务信息"),
    Row("3.3.6", "6.属于四类过程性信息"),
    Row("3.3.7", "7.属于行政执法案卷"),
    Row("3.3.8", "8.属于行政查询事项"),
    Row("3.4", "（四）无法提供", is_group=True),
    Row("3.4.1", "1.本机关不掌握相关政府信息"),
    Row("3.4.2", "2.没有现成信息需要另行制作"),
    Row("3.4.3", "3.补正后申请内容仍不明确"),
    Row("3.5", "（五）不予处理", is_group=True),
    Row("3.5.1", "1.信访举报投诉类申请"),
    Row("3.5.2", "2.重复申请"),
    Row("3.5.3", "3.要求提供公开出版物"),
    Row("3.5.4", "4.无正当理由大量反复申请"),
    Row("3.5.5", "5.要求行政机关确认或重新出具已获取信息"),
    Row("3.6", "（六）其他处理", is_group=True),
    Row("3.6.1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    Row("3.6.2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    Row("3.6.3", "3.其他"),
)
# The 2019 trial format: （六）其他处理 is a single row.
RESULT_ROWS_2019: tuple[Row, ...] = (
    *(row for row in RESULT_ROWS_2021 if not row.code.startswith("3.6")),
    Row("3.6", "（六）其他处理"),
)

TABLE_THREE_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def table_three_rows(result_rows: Sequence[Row]) -> tuple[Row, ...]:
    return (
        Row("1", "一、本年新收政府信息公开申请数量"),
        Row("2", "二、上年结转政府信息公开申请数量"),
        *result_rows,
        Row("3.7", "（七）总计"),
        Row("4", "四、结转下年度继续办理"),
    )


def _table_three_source(row: Row, column: Column) -> str:
    if row.code == "1":
        return f"requests.new.{column.code}"
    if row.code == "2":
        return f"requests.carried_over.{column.code}"
    if row.code == "4":
        return f"requests.carried_forward.{column.code}"
    return f"requests.result.{row.code}.{column.code}"


def table_three(result_rows: Sequence[Row]) -> Table:
    return Table(
        code="三",
        title="收到和处理政府信息公开申请情况",
        rows=table_three_rows(result_rows),
        columns=APPLICANT_COLUMNS,
        cell_source=_table_three_source,
        corner=TABLE_THREE_CORNER,
    )


def leaf_result_rows(result_rows: Sequence[Row]) -> list[str]:
    return [row.code for row in result_rows if not row.is_group]


def table_three_identities(result_rows: Sequence[Row]) -> list[Identity]:
    identities = []
    leaves = leaf_result_rows(result_rows)
    for column in APPLICANT_COLUMNS:
        c = column.code
        identities.append(
            Identity(
                f"三.balance.{c}",
                f"表三“{column.label}”列：一 + 二 = 三（七）+ 四",
                (cell_ref("三", "1", c), cell_ref("三", "2", c)),
                (cell_ref("三", "3.7", c), cell_ref("三", "4", c)),
            )
        )
        identities.append(
            Identity(
                f"三.results.{c}",
                f"表三“{column.label}”列：（七）总计 = （一）至（六）各项之和",
                (cell_ref("三", "3.7", c),),
                tuple(cell_ref("三", leaf, c) for leaf in leaves),
            )
        )
    for row in table_three_rows(result_rows):
        if row.is_group:
            continue
        identities.append(
            Identity(
                f"三.total.{row.code}",
                f"表三“{row.label}”行：总计 = 六类申请人之和",
                (cell_ref("三", row.code, "total"),),
                tuple(cell_ref("三", row.code, code) for code, _ in APPLICANT_TYPES),
            )
        )
    return identities


# 四、政府信息公开行政复议、行政诉讼情况: one row of 15 numbers (regulation-facts §3.5).
APPEAL_RESULTS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
APPEAL_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("review", ("行政复议",)),
    ("litigation_direct", ("行政诉讼", "未经复议直接起诉")),
    ("litigation_after_review", ("行政诉讼", "复议后起诉")),
)
TABLE_FOUR_COLUMNS: tuple[Column, ...] = tuple(
    Column(f"{kind}.{result}", label, groups=groups)
    for kind, groups in APPEAL_KINDS
    for result, label in APPEAL_RESULTS
)


def table_four() -> Table:
    return Table(
        code="四",
        title="政府信息公开行政复议、行政诉讼情况",
        rows=(Row("cases", "案件数"),),
        columns=TABLE_FOUR_COLUMNS,
        cell_source=lambda row, column: f"appeals.{column.code}",
    )


def table_four_identities() -> list[Identity]:
    return [
        Identity(
            f"四.total.{kind}",
            f"表四“{'·'.join(groups)}”：总计 = 维持 + 纠正 + 其他 + 尚未审结",
            (cell_ref("四", "cases", f"{kind}.total"),),
            tuple(
                cell_ref("四", "cases", f"{kind}.{result}")
                for result, _ in APPEAL_RESULTS
                if result != "total"
            ),
        )
        for kind, groups in APPEAL_KINDS
    ]


def paragraphs(lines: Iterable[str]) -> str:
    return "\n".join(line for line in lines if line)
