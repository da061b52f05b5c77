"""Input validation for 复议诉讼案件 pages; the rules live in gongkai.appeals.services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from gongkai.appeals.models import AppealCase, CaseKind, CaseResult
from gongkai.appeals.selectors import PENDING
from gongkai.disclosure_requests.models import DisclosureRequest
from gongkai.organisations.models import Organisation

_DATE = forms.DateInput(attrs={"type": "date"})


class _RequestChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.tracking_number} {obj.information_title[:30]}"


class _CaseChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.case_number or obj.pk}（{obj.filed_on:%Y-%m-%d}，{obj.organisation}）"


class AppealCaseForm(forms.Form):
    """Registration and correction of a case's particulars (the decision is a separate step)."""

    kind = forms.ChoiceField(label=_("类型"), choices=CaseKind.choices)
    handling_body = forms.CharField(
        label=_("受理机关"), max_length=200, help_text=_("复议机关、人民法院或受理申诉的机关")
    )
    case_number = forms.CharField(label=_("案号"), max_length=100, required=False)
    applicant_name = forms.CharField(label=_("申请人/原告"), max_length=200, required=False)
    filed_on = forms.DateField(label=_("提出日期"), widget=_DATE)
    accepted_on = forms.DateField(
        label=_("受理/立案日期"),
        widget=_DATE,
        required=False,
        help_text=_("法定审结期限自此日起算；未填写的按提出日期计算"),
    )
    disclosure_request = _RequestChoiceField(
        label=_("涉及的政府信息公开申请"),
        queryset=DisclosureRequest.objects.none(),
        required=False,
    )
    review_case = _CaseChoiceField(
        label=_("前置的行政复议案件"),
        queryset=AppealCase.objects.none(),
        required=False,
        help_text=_("仅“复议后起诉”的案件填写"),
    )
    claim = forms.CharField(
        label=_("请求事项"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    note = forms.CharField(
        label=_("备注"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    SERVICE_FIELDS = (
        "kind",
        "handling_body",
        "case_number",
        "applicant_name",
        "filed_on",
        "accepted_on",
        "disclosure_request",
        "review_case",
        "claim",
        "note",
    )

    def __init__(
        self,
        *args: Any,
        disclosure_requests: QuerySet[DisclosureRequest],
        review_cases: QuerySet[AppealCase],
        organisations: QuerySet[Organisation] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["disclosure_request"].queryset = disclosure_requests  # type: ignore[attr-defined]
        self.fields["review_case"].queryset = review_cases  # type: ignore[attr-defined]
        if organisations is not None:
            self.fields = {
                "organisation": forms.ModelChoiceField(
                    queryset=organisations, label=_("被申请人/被告机关")
                ),
                **self.fields,
            }

    def service_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.SERVICE_FIELDS}


class DecisionForm(forms.Form):
    decided_on = forms.DateField(label=_("审结日期"), widget=_DATE)
    result = forms.ChoiceField(label=_("结果"), choices=CaseResult.choices)
    decision_summary = forms.CharField(
        label=_("决定/裁判要旨"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    corrective_action = forms.CharField(
        label=_("纠正措施"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("结果为“纠正”时必填：本机关据此采取的纠正措施"),
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("文书名称"), max_length=200, required=False)
    file = forms.FileField(label=_("文件"))


class AppealFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("类型"), choices=[("", _("全部")), *CaseKind.choices], required=False
    )
    result = forms.ChoiceField(
        label=_("结果"),
        choices=[("", _("全部")), *CaseResult.choices, (PENDING, _("尚未审结"))],
        required=False,
    )
    year = forms.IntegerField(label=_("提出年度"), min_value=1990, max_value=2100, required=False)
    overdue = forms.BooleanField(label=_("超过法定审结期限"), required=False)
    q = forms.CharField(label=_("案号/机关/申请编号"), required=False, max_length=100)


class StatisticsForm(forms.Form):
    year = forms.IntegerField(
        label=_("年度"), min_value=1990, max_value=2100, initial=dt.date.today().year - 1
    )
