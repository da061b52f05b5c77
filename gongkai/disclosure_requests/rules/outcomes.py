"""The controlled vocabulary of decisions (第三十六条–第三十九条) and the remedies text.

Every outcome maps to exactly one row of the annual report's table 三、收到和处理政府信息公开
申请情况 (regulation-facts.md §3.4), in the 2021 format (国办公开办函〔2021〕30号) and the 2019
trial format (国办公开办函〔2019〕60号), and every leaf row of 三、本年度办理结果 has at least one
outcome, so the annual report is a count by ``report_row_2021``. The 2019 format is identical
except that （六）其他处理 is one row without sub-items.

Three rows take two outcomes each, because the letter differs while the report row is the same:
（一） takes "disclose" (第三十六条第（二）项) and "already_public" (第三十六条第（一）项);
（三）8 takes "withhold_administrative_query" and "special_registry" (第三十六条第（七）项);
（四）1 takes "unavailable_not_held" (第三十六条第（四）项) and "not_this_body" (第三十六条
第（五）项, where the responsible body is named). The row→article mapping follows the reading
in regulation-facts.md §3.4 (the format's own notes were not retrieved: UNVERIFIED).

Remedies: 行政复议 within 60 days (《中华人民共和国行政复议法》) and 行政诉讼 within 6 months
(《中华人民共和国行政诉讼法》), both from the day the applicant knows of the decision. Article
numbers are left out of the letter text on purpose (the 行政复议法 was renumbered in 2023).
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.core.exceptions import ApplicationError

# Groups, in the order of the report table.
GROUPS: dict[str, str] = {
    "disclose": "予以公开",
    "partial": "部分公开",
    "withhold": "不予公开",
    "unavailable": "无法提供",
    "not_processed": "不予处理",
    "other": "其他处理",
}

# Leaf rows of 三、本年度办理结果, 2021 format (regulation-facts.md §3.4), in table order.
REPORT_ROWS_2021: tuple[tuple[str, str], ...] = (
    ("三（一）", "予以公开"),
    ("三（二）", "部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("三（三）1", "属于国家秘密"),
    ("三（三）2", "其他法律行政法规禁止公开"),
    ("三（三）3", "危及“三安全一稳定”"),
    ("三（三）4", "保护第三方合法权益"),
    ("三（三）5", "属于三类内部事务信息"),
    ("三（三）6", "属于四类过程性信息"),
    ("三（三）7", "属于行政执法案卷"),
    ("三（三）8", "属于行政查询事项"),
    ("三（四）1", "本机关不掌握相关政府信息"),
    ("三（四）2", "没有现成信息需要另行制作"),
    ("三（四）3", "补正后申请内容仍不明确"),
    ("三（五）1", "信访举报投诉类申请"),
    ("三（五）2", "重复申请"),
    ("三（五）3", "要求提供公开出版物"),
    ("三（五）4", "无正当理由大量反复申请"),
    ("三（五）5", "要求行政机关确认或重新出具已获取信息"),
    ("三（六）1", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("三（六）2", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("三（六）3", "其他"),
)

# The 2019 trial format: the same rows, except （六）其他处理 as a single row.
REPORT_ROWS_2019: tuple[tuple[str, str], ...] = (
    *(row for row in REPORT_ROWS_2021 if not row[0].startswith("三（六）")),
    ("三（六）", "其他处理"),
)


@dataclass(frozen=True)
class Outcome:
    code: str
    label: str
    group: str
    article: str
    report_row_2021: str
    report_row_2019: str
    requires_reason_detail: bool
    requires_responsible_body: bool
    letter_kind: str  # the decision letter variant: decision_<group>, or a special one

    @property
    def group_label(self) -> str:
        return GROUPS[self.group]

    @property
    def display(self) -> str:
        if self.group in ("disclose", "partial") or self.label == self.group_label:
            return self.label
        return f"{self.group_label}：{self.label}"


def _o(
    code: str,
    label: str,
    group: str,
    article: str,
    row: str,
    *,
    reason: bool = False,
    responsible_body: bool = False,
    letter_kind: str = "",
) -> Outcome:
    return Outcome(
        code=code,
        label=label,
        group=group,
        article=article,
        report_row_2021=row,
        report_row_2019="三（六）" if row.startswith("三（六）") else row,
        requires_reason_detail=reason,
        requires_responsible_body=responsible_body,
        letter_kind=letter_kind or f"decision_{group}",
    )


OUTCOMES: tuple[Outcome, ...] = (
    # 第三十六条第（二）项: 可以公开, provide it or say how, where and when.
    _o("disclose", "予以公开", "disclose", "第三十六条第（二）项", "三（一）"),
    # 第三十六条第（一）项: already proactively disclosed: say where to get it. Counted as 予以公开.
    _o(
        "already_public",
        "已主动公开，告知获取方式和途径",
        "disclose",
        "第三十六条第（一）项",
        "三（一）",
        letter_kind="decision_already_public",
    ),
    # 第三十七条: 区分处理; the withheld part's reason must be given.
    _o("partial", "部分公开", "partial", "第三十七条", "三（二）", reason=True),
    # 第十四条: 国家秘密; prohibited by law; 三安全一稳定. Every 不予公开 cites 第三十六条（三）.
    _o(
        "withhold_state_secret",
        "属于国家秘密",
        "withhold",
        "第十四条、第三十六条第（三）项",
        "三（三）1",
        reason=True,
    ),
    _o(
        "withhold_law_prohibited",
        "其他法律行政法规禁止公开",
        "withhold",
        "第十四条、第三十六条第（三）项",
        "三（三）2",
        reason=True,
    ),
    _o(
        "withhold_three_security_one_stability",
        "危及“三安全一稳定”",
        "withhold",
        "第十四条、第三十六条第（三）项",
        "三（三）3",
        reason=True,
    ),
    # 第十五条: 商业秘密、个人隐私 etc. (after consultation under 第三十二条 where needed).
    _o(
        "withhold_third_party_rights",
        "保护第三方合法权益",
        "withhold",
        "第十五条、第三十二条、第三十六条第（三）项",
        "三（三）4",
        reason=True,
    ),
    # 第十六条第一款: 人事管理、后勤管理、内部工作流程.
    _o(
        "withhold_internal_affairs",
        "属于三类内部事务信息",
        "withhold",
        "第十六条第一款、第三十六条第（三）项",
        "三（三）5",
        reason=True,
    ),
    # 第十六条第二款: 讨论记录、过程稿、磋商信函、请示报告.
    _o(
        "withhold_process_information",
        "属于四类过程性信息",
        "withhold",
        "第十六条第二款、第三十六条第（三）项",
        "三（三）6",
        reason=True,
    ),
    # 第十六条第二款: 行政执法案卷信息.
    _o(
        "withhold_enforcement_file",
        "属于行政执法案卷",
        "withhold",
        "第十六条第二款、第三十六条第（三）项",
        "三（三）7",
        reason=True,
    ),
    # 行政查询事项: laws set their own access route (the §3.4 reading: 第三十六条第（七）项).
    _o(
        "withhold_administrative_query",
        "属于行政查询事项",
        "withhold",
        "第三十六条第（七）项",
        "三（三）8",
        reason=True,
        letter_kind="decision_special_route",
    ),
    # 第三十六条第（七）项: 工商、不动产登记资料 — apply under the special law instead.
    _o(
        "special_registry",
        "属于工商、不动产登记资料等，依照有关法律、行政法规办理",
        "withhold",
        "第三十六条第（七）项",
        "三（三）8",
        reason=True,
        letter_kind="decision_special_route",
    ),
    # 第三十六条第（四）项: 经检索没有 — the information does not exist here.
    _o(
        "unavailable_not_held",
        "本机关不掌握相关政府信息",
        "unavailable",
        "第三十六条第（四）项",
        "三（四）1",
    ),
    # 第三十六条第（五）项: not this body's to disclose; name the responsible body if known.
    _o(
        "not_this_body",
        "不属于本机关负责公开，告知负责公开的机关",
        "unavailable",
        "第三十六条第（五）项",
        "三（四）1",
        reason=True,
        responsible_body=True,
        letter_kind="decision_not_this_body",
    ),
    # 第三十八条: would require 加工、分析.
    _o(
        "unavailable_needs_creation",
        "没有现成信息需要另行制作",
        "unavailable",
        "第三十八条",
        "三（四）2",
        reason=True,
    ),
    # 第三十条: still unclear after the one 补正.
    _o(
        "unavailable_unclear_after_correction",
        "补正后申请内容仍不明确",
        "unavailable",
        "第三十条",
        "三（四）3",
        reason=True,
    ),
    # 第三十九条第一款: 信访、投诉、举报 — point to the proper channel.
    _o(
        "not_processed_petition_complaint",
        "信访举报投诉类申请",
        "not_processed",
        "第三十九条第一款",
        "三（五）1",
        reason=True,
    ),
    # 第三十六条第（六）项: already answered, same information asked again.
    _o(
        "not_processed_duplicate",
        "重复申请",
        "not_processed",
        "第三十六条第（六）项",
        "三（五）2",
        reason=True,
    ),
    # 第三十九条第二款: 公开出版物 — say where to obtain them.
    _o(
        "not_processed_publication",
        "要求提供公开出版物",
        "not_processed",
        "第三十九条第二款",
        "三（五）3",
    ),
    # 第三十五条: 数量、频次明显超过合理范围, reasons asked and found unreasonable.
    _o(
        "not_processed_excessive",
        "无正当理由大量反复申请",
        "not_processed",
        "第三十五条",
        "三（五）4",
        reason=True,
    ),
    # No specific article (regulation-facts.md §3.4): asks the body to confirm or re-issue.
    _o(
        "not_processed_confirm_or_reissue",
        "要求行政机关确认或重新出具已获取信息",
        "not_processed",
        "",
        "三（五）5",
        reason=True,
    ),
    # 第三十条: 无正当理由逾期不补正，视为放弃申请.
    _o(
        "other_correction_overdue",
        "申请人无正当理由逾期不补正，不再处理",
        "other",
        "第三十条",
        "三（六）1",
    ),
    # 国办函〔2020〕109号 and provincial notices: 逾期未缴纳信息处理费，视为放弃申请.
    _o(
        "other_fee_overdue",
        "申请人逾期未缴纳信息处理费，不再处理",
        "other",
        "第四十二条；《政府信息公开信息处理费管理办法》",
        "三（六）2",
    ),
    _o("other_other", "其他", "other", "", "三（六）3", reason=True),
)

_BY_CODE = {outcome.code: outcome for outcome in OUTCOMES}
OUTCOME_CHOICES: tuple[tuple[str, str], ...] = tuple((o.code, o.display) for o in OUTCOMES)


def outcome_by_code(code: str) -> Outcome:
    try:
        return _BY_CODE[code]
    except KeyError:
        raise ApplicationError(f"未知的答复类型“{code}”。") from None


def outcomes_for_row(row: str, *, report_format: str = "2021") -> tuple[Outcome, ...]:
    """The outcomes counted in one report row (the annual report sums these)."""
    if report_format == "2021":
        return tuple(o for o in OUTCOMES if o.report_row_2021 == row)
    return tuple(o for o in OUTCOMES if o.report_row_2019 == row)


# Remedies (告知救济途径). The time limits are statutory; the bodies depend on the organisation.
REVIEW_DAYS = 60  # 《中华人民共和国行政复议法》: within 60 days of knowing of the act
LITIGATION_MONTHS = 6  # 《中华人民共和国行政诉讼法》: within 6 months of knowing of the act


def remedies_text(organisation_name: str, parent_government_name: str = "") -> str:
    """The remedies paragraph of a decision letter.

    `parent_government_name` is the review body (行政复议机关): since the 2023 revision of the
    行政复议法, normally the people's government at the organisation's own level.
    """
    review_body = parent_government_name.strip() or "有管辖权的行政复议机关"
    return (
        f"申请人如对{organisation_name.strip() or '本机关'}的本答复不服，"
        f"可以自收到本答复之日起{REVIEW_DAYS}日内，依照《中华人民共和国行政复议法》"
        f"向{review_body}申请行政复议；"
        f"也可以自收到本答复之日起{LITIGATION_MONTHS}个月内，依照《中华人民共和国行政诉讼法》"
        "向有管辖权的人民法院提起行政诉讼。"
    )
