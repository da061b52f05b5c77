"""Input parsing of the portal's 依申请公开 pages (application form and tracking).

The forms check what a person can fix at once (required fields, check digits, formats) so the
messages sit next to the field; the submission service applies the same rules again and is the
authority.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gongkai.core.validators import validate_credit_code, validate_id_number, validate_phone
from gongkai.disclosure_requests.models import (
    ApplicantType,
    DeliveryMethod,
    FormWanted,
    IdType,
)
from gongkai.organisations.selectors import organisation_list_public

MAX_ATTACHMENTS = 5

# Every field the applicant types, in the order of 第二十九条; passed to the service as `data`.
APPLICATION_FIELDS = [
    "organisation",
    "applicant_type",
    "applicant_name",
    "id_type",
    "id_number",
    "credit_code",
    "contact_person",
    "phone",
    "email",
    "address",
    "postcode",
    "information_title",
    "information_document_number",
    "information_description",
    "form_wanted",
    "delivery_method",
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class ApplicationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("受理机关"),
        queryset=organisation_list_public(),
        empty_label=_("请选择受理申请的行政机关"),
    )
    applicant_type = forms.ChoiceField(label=_("申请人类型"), choices=ApplicantType.choices)
    applicant_name = forms.CharField(
        label=_("申请人姓名或名称"),
        max_length=200,
        help_text=_("公民填写姓名；法人或其他组织填写全称。"),
    )
    id_type = forms.ChoiceField(
        label=_("身份证件类型"),
        choices=IdType.choices,
        required=False,
        help_text=_("公民必填。"),
    )
    id_number = forms.CharField(label=_("身份证件号码"), max_length=40, required=False)
    credit_code = forms.CharField(
        label=_("统一社会信用代码"),
        max_length=18,
        required=False,
        help_text=_("法人或其他组织必填，18位。"),
    )
    contact_person = forms.CharField(
        label=_("联系人"), max_length=100, required=False, help_text=_("法人或其他组织必填。")
    )
    phone = forms.CharField(label=_("联系电话"), max_length=40, required=False)
    email = forms.EmailField(
        label=_("电子邮箱"),
        required=False,
        help_text=_("填写后，办理进展会通过电子邮件通知您。"),
    )
    address = forms.CharField(
        label=_("通信地址"), max_length=300, required=False, help_text=_("选择邮寄时必填。")
    )
    postcode = forms.RegexField(
        label=_("邮政编码"),
        regex=r"^\d{6}$",
        required=False,
        error_messages={"invalid": _("邮政编码应为6位数字。")},
    )
    information_title = forms.CharField(
        label=_("所需政府信息的名称"),
        max_length=300,
        required=False,
        help_text=_("请尽量写明信息的名称；不清楚名称时，在下方描述其内容特征。"),
    )
    information_document_number = forms.CharField(
        label=_("文号"), max_length=100, required=False, help_text=_("如：穗府〔2024〕1号。")
    )
    information_description = forms.CharField(
        label=_("所需信息的内容描述"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("没有文号时请描述信息的内容、形成时间、制作机关等特征，以便准确查找。"),
    )
    form_wanted = forms.ChoiceField(
        label=_("信息的提供形式"),
        choices=FormWanted.choices,
        widget=forms.RadioSelect,
    )
    delivery_method = forms.ChoiceField(
        label=_("获取信息的方式"),
        choices=DeliveryMethod.choices,
        widget=forms.RadioSelect,
    )
    attachments = MultipleFileField(
        label=_("附件"),
        required=False,
        help_text=_("可上传身份证件复印件、营业执照等材料，最多5个文件。"),
    )

    def clean_id_number(self) -> str:
        return str(self.cleaned_data.get("id_number", "")).strip().upper()

    def clean_credit_code(self) -> str:
        return str(self.cleaned_data.get("credit_code", "")).strip().upper()

    def clean_phone(self) -> str:
        phone = str(self.cleaned_data.get("phone", "")).strip()
        if phone:
            validate_phone(phone)
        return phone

    def clean_attachments(self) -> list[Any]:
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_ATTACHMENTS:
            raise ValidationError(_("最多上传5个附件。"))
        return list(files)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        natural_person = data.get("applicant_type") == ApplicantType.NATURAL_PERSON
        if natural_person:
            if not data.get("id_type"):
                self.add_error("id_type", _("公民申请请选择身份证件类型。"))
            if not data.get("id_number"):
                self.add_error("id_number", _("公民申请请填写身份证件号码。"))
            elif data.get("id_type") == IdType.RESIDENT_ID:
                try:
                    validate_id_number(data["id_number"])
                except ValidationError as error:
                    self.add_error("id_number", error)
        elif data.get("applicant_type"):
            if not data.get("credit_code"):
                self.add_error("credit_code", _("法人或其他组织申请请填写统一社会信用代码。"))
            else:
                try:
                    validate_credit_code(data["credit_code"])
                except ValidationError as error:
                    self.add_error("credit_code", error)
            if not data.get("contact_person"):
                self.add_error("contact_person", _("法人或其他组织申请请填写联系人。"))
        if not any(
            data.get(name)
            for name in (
                "information_title",
                "information_document_number",
                "information_description",
            )
        ):
            self.add_error(
                "information_title",
                _("请填写所需政府信息的名称、文号或者便于查询的特征性描述（第二十九条）。"),
            )
        if not any(data.get(name) for name in ("phone", "email", "address")):
            self.add_error("phone", _("请至少填写一种联系方式（电话、电子邮箱或通信地址）。"))
        if data.get("delivery_method") == DeliveryMethod.POST and not data.get("address"):
            self.add_error("address", _("选择邮寄时，请填写通信地址。"))
        if data.get("delivery_method") == DeliveryMethod.EMAIL and not data.get("email"):
            self.add_error("email", _("选择通过电子邮件获取信息时，请填写电子邮箱。"))
        return data

    def add_service_errors(self, errors: dict[str, str], message: str) -> None:
        """Put the service's per-field refusals next to the fields they concern."""
        placed = False
        for name, field_message in errors.items():
            if name in self.fields:
                self.add_error(name, field_message)
                placed = True
        if not placed:
            self.add_error(None, message)

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name, "") for name in APPLICATION_FIELDS}


class TrackForm(forms.Form):
    tracking_number = forms.CharField(label=_("申请编号"), max_length=60)
    access_code = forms.CharField(
        label=_("查询码"),
        max_length=20,
        widget=forms.PasswordInput(render_value=True),
        help_text=_("提交申请时在回执上显示的8位查询码。"),
    )

    def clean_tracking_number(self) -> str:
        return str(self.cleaned_data["tracking_number"]).strip()

    def clean_access_code(self) -> str:
        return str(self.cleaned_data["access_code"]).strip()
