"""Public forms of 投诉建议: parse only; the complaints services apply the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.complaints.models import Complaint
from gongkai.organisations.models import Organisation
from gongkai.organisations.selectors import organisation_list_public


class ComplaintForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("受理机关"), queryset=Organisation.objects.none(), empty_label=None
    )
    kind = forms.ChoiceField(
        label=_("类型"), choices=Complaint.Kind.choices, widget=forms.RadioSelect
    )
    subject = forms.CharField(label=_("主题"), max_length=200)
    content = forms.CharField(label=_("内容"), widget=forms.Textarea(attrs={"rows": 8}))
    contact_name = forms.CharField(label=_("联系人"), required=False, max_length=100)
    contact_phone = forms.CharField(label=_("联系电话"), required=False, max_length=40)
    contact_email = forms.CharField(
        label=_("电子邮箱"),
        required=False,
        max_length=254,
        help_text=_("选填。答复可凭受理编号和查询码在本网站查看。"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organisation_list_public()


class ComplaintTrackForm(forms.Form):
    tracking_number = forms.CharField(label=_("受理编号"), max_length=60)
    access_code = forms.CharField(label=_("查询码"), max_length=20)


class ComplaintRatingForm(forms.Form):
    # A plain integer: the service refuses anything outside 1–5 with its own message.
    satisfaction = forms.IntegerField(label=_("满意度（1至5分）"))
    comment = forms.CharField(
        label=_("评价意见"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
