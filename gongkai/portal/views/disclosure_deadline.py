"""依申请公开答复期限计算: the portal face of the ledger-based due-date calculator."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from gongkai.core.exceptions import ApplicationError
from gongkai.disclosure_requests.rules.calculator import (
    MAX_PAUSES,
    Pause,
    calculate,
    parse_pause,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATE_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"]


def _date_field(
    label: StrOrPromise, help_text: StrOrPromise = "", required: bool = True
) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=help_text,
    )


class DisclosureDeadlineForm(forms.Form):
    received = _date_field(
        gettext_lazy("收到申请之日"),
        gettext_lazy("当面提交的为提交之日，邮寄的为签收之日，网上或传真提交的为双方确认之日。"),
    )
    regime = forms.ChoiceField(
        label=gettext_lazy("适用法规"),
        required=False,
        choices=[
            ("", gettext_lazy("按收到申请之日自动确定")),
            ("2019", gettext_lazy("2019年修订《条例》（20个工作日）")),
            ("2007", gettext_lazy("2007年《条例》（15个工作日）")),
        ],
    )
    corrected = _date_field(
        gettext_lazy("收到补正后申请之日（如有）"),
        gettext_lazy("答复期限自收到补正后的申请之日起重新计算。"),
        required=False,
    )
    pauses = forms.CharField(
        label=gettext_lazy("征求意见期间（如有）"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "2024-10-10:2024-10-17"}),
        help_text=gettext_lazy(
            "每行一段：发出征求意见函之日:收到回复之日；尚未回复的，冒号后留空。"
        ),
    )
    extended = forms.BooleanField(label=gettext_lazy("已批准延期答复"), required=False)
    extension_days = forms.IntegerField(
        label=gettext_lazy("延期工作日数"),
        required=False,
        min_value=1,
        max_value=20,
        help_text=gettext_lazy("留空按最长延期计算（2019年20个，2007年15个工作日）。"),
    )

    def clean_pauses(self) -> list[Pause]:
        lines = [line.strip() for line in self.cleaned_data["pauses"].splitlines() if line.strip()]
        if len(lines) > MAX_PAUSES:
            raise forms.ValidationError(
                gettext_lazy("最多填写%(count)d段征求意见期间。"), params={"count": MAX_PAUSES}
            )
        try:
            return [parse_pause(line) for line in lines]
        except ApplicationError as error:
            raise forms.ValidationError(error.message) from error


@require_GET
def disclosure_deadline(request: HttpRequest) -> HttpResponse:
    submitted = "received" in request.GET
    form = DisclosureDeadlineForm(request.GET if submitted else None)
    context: dict[str, Any] = {"nav_section": "apply", "form": form}
    if submitted and form.is_valid():
        data = form.cleaned_data
        try:
            context["explanation"] = calculate(
                received=data["received"],
                regime_code=data["regime"] or None,
                corrected=data["corrected"],
                pauses=data["pauses"],
                extended=data["extended"] or data["extension_days"] is not None,
                extension_days=data["extension_days"],
            )
        except ApplicationError as error:
            # E.g. a date before 2008-05-01, or a year outside 2000–2100.
            context["error"] = error.message
    return render(request, "portal/disclosure_deadline/calculator.html", context)
