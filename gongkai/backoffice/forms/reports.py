"""Forms of the annual-report pages: they parse input only; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.organisations.models import Organisation
from gongkai.reports.formats import known_formats
from gongkai.reports.models import AnnualReport
from gongkai.reports.periods import default_format_for_year

AUTO_FORMAT = ""


def format_choices() -> list[tuple[str, str]]:
    return [(AUTO_FORMAT, str(_("按报告年度自动选择")))] + [
        (f.code, f"{f.name}（{f.code}）") for f in known_formats()
    ]


class ReportFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("机构"), queryset=Organisation.objects.none(), required=False
    )
    year = forms.IntegerField(label=_("报告年度"), required=False, min_value=2008, max_value=2100)
    status = forms.ChoiceField(
        label=_("状态"),
        required=False,
        choices=[("", _("全部")), *AnnualReport.Status.choices],
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class ReportCreateForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("机构"), queryset=Organisation.objects.none())
    year = forms.IntegerField(label=_("报告年度"), min_value=2008, max_value=2100)
    format_code = forms.ChoiceField(
        label=_("报告格式"),
        required=False,
        help_text=_(
            "2021年起用国办公开办函〔2021〕30号格式；2019、2020年用2019年试行格式；"
            "2008至2018年用2007年《条例》时期的格式。"
        ),
    )
    roll_up = forms.BooleanField(label=_("包含下属部门的数据（汇总）"), required=False)

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["format_code"].choices = format_choices()  # type: ignore[attr-defined]
        self.fields["year"].initial = timezone.localdate().year - 1

    def chosen_format(self) -> str:
        return self.cleaned_data["format_code"] or default_format_for_year(
            self.cleaned_data["year"]
        )


class NarrativeForm(forms.Form):
    text = forms.CharField(
        label=_("正文"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "class": "bo-narrative"}),
        help_text=_("数字请使用占位符，如 {catalogue.total}；手工输入的数字会被标记。"),
    )


class EnteredFigureForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput)
    value = forms.CharField(label=_("数值"), required=False, max_length=40)
    source = forms.CharField(label=_("来源"), required=False, max_length=300)


class ApproveForm(forms.Form):
    acknowledge_warnings = forms.BooleanField(label=_("我已阅读全部提示，确认通过"), required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("退回原因"), widget=forms.Textarea(attrs={"rows": 3}))


class CorrectionForm(forms.Form):
    change_note = forms.CharField(
        label=_("更正说明"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("说明更正了哪些内容及原因，将随更正版本一并公开。"),
    )


class DeadlineFilterForm(forms.Form):
    year = forms.IntegerField(label=_("报告年度"), required=False, min_value=2008, max_value=2100)
