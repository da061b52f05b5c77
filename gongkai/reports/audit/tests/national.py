"""Synthetic national-2021 reports (HTML and plain text) for the auditor's tests."""

from __future__ import annotations

from html import escape

COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

# (group label, row label, key)
ROWS = [
    ("", "一、本年新收政府信息公开申请数量", "new"),
    ("", "二、上年结转政府信息公开申请数量", "carried_over"),
    ("三、本年度办理结果", "（一）予以公开", "r1"),
    ("三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "r2"),
    ("（三）不予公开", "1.属于国家秘密", "r3_1"),
    ("（三）不予公开", "2.其他法律行政法规禁止公开", "r3_2"),
    ("（三）不予公开", "3.危及“三安全一稳定”", "r3_3"),
    ("（三）不予公开", "4.保护第三方合法权益", "r3_4"),
    ("（三）不予公开", "5.属于三类内部事务信息", "r3_5"),
    ("（三）不予公开", "6.属于四类过程性信息", "r3_6"),
    ("（三）不予公开", "7.属于行政执法案卷", "r3_7"),
    ("（三）不予公开", "8.属于行政查询事项", "r3_8"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", "r4_1"),
    ("（四）无法提供", "2.没有现成信息需要另行制作", "r4_2"),
    ("（四）无法提供", "3.补正后申请内容仍不明确", "r4_3"),
    ("（五）不予处理", "1.信访举报投诉类申请", "r5_1"),
    ("（五）不予处理", "2.重复申请", "r5_2"),
    ("（五）不予处理", "3.要求提供公开出版物", "r5_3"),
    ("（五）不予处理", "4.无正当理由大量反复申请", "r5_4"),
    ("（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", "r5_5"),
    ("（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "r6_1"),
    ("（六）其他处理",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "r6_2"),
    ("（六）其他处理", "3.其他", "r6_3"),
    ("三、本年度办理结果", "（七）总计", "total"),
    ("", "四、结转下年度继续办理", "carried_forward"),
]  # fmt: skip

ZERO = [0, 0, 0, 0, 0, 0, 0]


def clean_table() -> dict[str, list[int | None]]:
    table: dict[str, list[int | None]] = {key: list(ZERO) for _, _, key in ROWS}
    table["new"] = [20, 5, 0, 1, 0, 2, 28]
    table["carried_over"] = [2, 0, 0, 0, 0, 0, 2]
    table["r1"] = [10, 3, 0, 1, 0, 1, 15]
    table["r2"] = [2, 1, 0, 0, 0, 0, 3]
    table["r3_4"] = [1, 0, 0, 0, 0, 0, 1]
    table["r4_1"] = [4, 1, 0, 0, 0, 1, 6]
    table["r5_2"] = [1, 0, 0, 0, 0, 0, 1]
    table["total"] = [18, 5, 0, 1, 0, 2, 26]
    table["carried_forward"] = [4, 0, 0, 0, 0, 0, 4]
    return table


CLEAN_REVIEW: list[int | None] = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]

CLEAN_NARRATIVE = (
    "2023年，本机关全年主动公开政府信息120条，其中政策文件30条，工作动态80条，其他信息10条。"
    "本年新收政府信息公开申请28件，上年结转政府信息公开申请2件。"
    "其中予以公开15件，部分公开3件，不予公开1件，无法提供6件，不予处理1件，"
    "结转下年度继续办理4件。全年被申请行政复议1件，被提起行政诉讼1件。"
    "本机关在政务服务大厅设置查阅点3个，网站访问量达12万多人次。"
)


def _cell(value: int | None) -> str:
    return "" if value is None else str(value)


def national_html(
    table: dict[str, list[int | None]] | None = None,
    narrative: str = CLEAN_NARRATIVE,
    review: list[int | None] | None = None,
    *,
    stop_after: str | None = None,
) -> str:
    """A report laid out as published pages are: merged header cells, rowspans for groups."""
    table = table or clean_table()
    review = list(CLEAN_REVIEW) if review is None else review
    rows_html = []
    groups_done: set[str] = set()
    for group, label, key in ROWS:
        cells = "".join(f"<td>{_cell(v)}</td>" for v in table[key])
        if not group:
            head = f'<td colspan="3">{escape(label)}</td>'
        elif group == "三、本年度办理结果" and key in {"r1", "r2", "total"}:
            first = (
                ""
                if "三、本年度办理结果" in groups_done
                else ('<td rowspan="22">三、本年度办理结果</td>')
            )
            groups_done.add(group)
            head = f'{first}<td colspan="2">{escape(label)}</td>'
        else:
            first = ""
            if group not in groups_done:
                span = sum(1 for g, _, _ in ROWS if g == group)
                first = f'<td rowspan="{span}">{escape(group)}</td>'
                groups_done.add(group)
            head = f"{first}<td>{escape(label)}</td>"
        rows_html.append(f"<tr>{head}{cells}</tr>")
        if stop_after == key:
            break
    table3 = (
        "<table border='1'>"
        '<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，'
        '等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>'
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td>'
        '<td rowspan="2">总计</td></tr>'
        "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td>"
        "<td>其他</td></tr>" + "".join(rows_html) + "</table>"
    )
    if stop_after is not None:
        return (
            "<html><body><h1>某市某局2023年政府信息公开工作年度报告</h1>"
            f"<p>一、总体情况</p><p>{narrative}</p>"
            "<p>三、收到和处理政府信息公开申请情况</p>" + table3
        )
    table4 = (
        "<table border='1'><tr><td colspan='5' rowspan='2'>行政复议</td>"
        "<td colspan='10'>行政诉讼</td></tr>"
        "<tr><td colspan='5'>未经复议直接起诉</td><td colspan='5'>复议后起诉</td></tr>"
        "<tr>" + "".join(f"<td>{h}</td>" for h in ["结果维持", "结果纠正", "其他结果", "尚未审结",
                                                   "总计"] * 3) + "</tr>"
        "<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in review) + "</tr></table>"
    )  # fmt: skip
    table2 = (
        "<table border='1'><tr><td colspan='4'>第二十条第（一）项</td></tr>"
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
        "<tr><td>行政规范性文件</td><td>3</td><td>1</td><td>12</td></tr>"
        "<tr><td colspan='4'>第二十条第（五）项</td></tr>"
        "<tr><td>信息内容</td><td colspan='3'>本年处理决定数量</td></tr>"
        "<tr><td>行政许可</td><td colspan='3'>350</td></tr>"
        "<tr><td colspan='4'>第二十条第（八）项</td></tr>"
        "<tr><td>信息内容</td><td colspan='3'>本年收费金额（单位：万元）</td></tr>"
        "<tr><td>行政事业性收费</td><td colspan='3'>12.5</td></tr></table>"
    )
    return (
        "<!DOCTYPE html><html><head><title>年度报告</title><style>td{border:1px}</style>"
        "</head><body><h1>某市某局2023年政府信息公开工作年度报告</h1>"
        f"<p>一、总体情况</p><p>{narrative}</p>"
        "<p>二、主动公开政府信息情况</p>" + table2 +
        "<p>三、收到和处理政府信息公开申请情况</p>" + table3 +
        "<p>四、政府信息公开行政复议、行政诉讼情况</p>" + table4 +
        "<p>五、存在的主要问题及改进情况</p><p>一是公开的及时性有待提高。</p>"
        "<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></body></html>"
    )  # fmt: skip


def national_text(
    table: dict[str, list[int | None]] | None = None,
    narrative: str = CLEAN_NARRATIVE,
    review: list[int | None] | None = None,
) -> str:
    """The same report copied from a web page as plain text: one table row per line."""
    table = table or clean_table()
    review = list(CLEAN_REVIEW) if review is None else review
    lines = [
        "某市某局2023年政府信息公开工作年度报告",
        "",
        "一、总体情况",
        narrative,
        "",
        "三、收到和处理政府信息公开申请情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）  申请人情况",
        "自然人  法人或其他组织  总计",
        "商业企业  科研机构  社会公益组织  法律服务机构  其他",
    ]
    for group, label, key in ROWS:
        prefix = f"{group} " if group and key in {"r1", "r3_1", "r4_1", "r5_1", "r6_1"} else ""
        lines.append(f"{prefix}{label} " + " ".join(_cell(v) or "-" for v in table[key]))
    lines += [
        "",
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议  行政诉讼",
        "结果维持  结果纠正  其他结果  尚未审结  总计",
        "合计 " + " ".join(_cell(v) or "-" for v in review),
        "",
        "五、存在的主要问题及改进情况",
        "一是公开的及时性有待提高。",
    ]
    return "\n".join(lines) + "\n"
