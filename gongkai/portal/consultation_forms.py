"""Input of the portal's 留言咨询 and FAQ search. Forms never save: views call the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.organisations import selectors as organisation_selectors
from gongkai.organisations.models import Organisation


class OnlineConsultationForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("咨询机构"), queryset=Organisation.objects.none())
    asker_name = forms.CharField(label=_("姓名"), max_length=100)
    asker_contact = forms.CharField(
        label=_("联系方式"),
        max_length=200,
        help_text=_("电话或电子邮箱，仅用于答复，不会公开。"),
    )
    question = forms.CharField(
        label=_("咨询内容"), max_length=2000, widget=forms.Textarea(attrs={"rows": 6})
    )
    allow_publish = forms.BooleanField(
        label=_("同意将我的问题和答复在网站公开（姓名部分隐去，不公开联系方式）"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation_field = self.fields["organisation"]
        assert isinstance(organisation_field, forms.ModelChoiceField)
        organisation_field.queryset = organisation_selectors.organisation_list_public()


class FaqSearchForm(forms.Form):
    q = forms.CharField(label=_("检索"), required=False, max_length=100)
