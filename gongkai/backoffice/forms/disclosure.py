"""Input validation for the 依申请公开 pages of the back office. Forms never save: views pass
cleaned data to the disclosure_requests services, which decide whether a step is allowed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.disclosure_requests.models import (
    ApplicantType,
    Channel,
    DeliveryMethod,
    DisclosureRequest,
    FeeNotice,
    FormWanted,
    IdType,
    LetterKind,
)
from gongkai.organisations.models import Organisation, Role

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y年%m月%d日"]


def _date_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=help_text,
    )


def _today_initial(form: forms.Form, *names: str) -> None:
    for name in names:
        form.fields[name].initial = timezone.localdate


# --- lists ----------------------------------------------------------------------------------


class RequestFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("状态"),
        required=False,
        choices=[("", _("全部状态")), *DisclosureRequest.Status.choices],
    )
    handler = forms.ModelChoiceField(
        label=_("承办人"),
        required=False,
        queryset=get_user_model().objects.none(),
        empty_label=_("全部承办人"),
    )
    q = forms.CharField(label=_("编号或信息名称"), required=False, max_length=100)
    overdue = forms.BooleanField(label=_("已逾期"), required=False)
    due_soon = forms.BooleanField(label=_("5个工作日内到期"), required=False)

    def __init__(self, *args: Any, handlers: QuerySet[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        handler_field = self.fields["handler"]
        assert isinstance(handler_field, forms.ModelChoiceField)
        if handlers is not None:
            handler_field.queryset = handlers


# --- staff entry (第三十一条) ------------------------------------------------------------------

# Every 第二十九条 field of the application, shared with the portal's form.
APPLICANT_FIELDS = [
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


class RegisterForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("受理机关"), queryset=Organisation.objects.none())
    channel = forms.ChoiceField(
        label=_("申请方式"),
        choices=[c for c in Channel.choices if c[0] != Channel.ONLINE],
        help_text=_(
            "第三十一条：当面提交的以提交之日、邮寄需签收的以签收之日为收到申请之日；"
            "平常信函、传真、电子邮件以双方确认之日为收到申请之日。"
        ),
    )
    received_on = _date_field(
        _("收到申请日期"),
        required=False,
        help_text=_(
            "当面提交日、签收日或双方确认日（依申请方式填写）；"
            "需双方确认而尚未确认的，留空，申请进入待确认队列。"
        ),
    )
    applicant_type = forms.ChoiceField(label=_("申请人类型"), choices=ApplicantType.choices)
    applicant_name = forms.CharField(label=_("申请人姓名或名称"), max_length=200)
    id_type = forms.ChoiceField(
        label=_("身份证件类型"), choices=[("", "—"), *IdType.choices], required=False
    )
    id_number = forms.CharField(label=_("身份证件号码"), max_length=40, required=False)
    credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=18, required=False)
    contact_person = forms.CharField(label=_("联系人"), max_length=100, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=40, required=False)
    email = forms.EmailField(label=_("电子邮箱"), required=False)
    address = forms.CharField(label=_("通信地址"), max_length=300, required=False)
    postcode = forms.CharField(label=_("邮政编码"), max_length=10, required=False)
    information_title = forms.CharField(label=_("所需信息名称"), max_length=300, required=False)
    information_document_number = forms.CharField(label=_("文号"), max_length=100, required=False)
    information_description = forms.CharField(
        label=_("所需信息描述"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    form_wanted = forms.ChoiceField(label=_("获取信息形式"), choices=FormWanted.choices)
    delivery_method = forms.ChoiceField(label=_("获取信息方式"), choices=DeliveryMethod.choices)

    def __init__(
        self, *args: Any, organisations: QuerySet[Organisation] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        organisation_field = self.fields["organisation"]
        assert isinstance(organisation_field, forms.ModelChoiceField)
        if organisations is not None:
            organisation_field.queryset = organisations
        _today_initial(self, "received_on")

    def applicant_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) or "" for name in APPLICANT_FIELDS}


# --- workflow steps ---------------------------------------------------------------------------


class ConfirmForm(forms.Form):
    confirmed_on = _date_field(_("双方确认日期"), help_text=_("即收到申请之日（第三十一条）。"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _today_initial(self, "confirmed_on")


def handler_candidates(disclosure_request: DisclosureRequest) -> QuerySet[Any]:
    """People holding a handling role in the receiving body's sub-tree."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__role__in=[Role.HANDLER, Role.COORDINATOR],
            memberships__organisation__path__startswith=disclosure_request.organisation.path,
        )
        .distinct()
        .order_by("username")
    )


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(getattr(obj, "display_name", "") or obj.get_username())


class AssignForm(forms.Form):
    handler = UserChoiceField(label=_("承办人"), queryset=get_user_model().objects.none())
    department = forms.ModelChoiceField(
        label=_("承办部门"), queryset=Organisation.objects.none(), required=False
    )

    def __init__(
        self, *args: Any, disclosure_request: DisclosureRequest | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if disclosure_request is not None:
            handler_field = self.fields["handler"]
            department_field = self.fields["department"]
            assert isinstance(handler_field, forms.ModelChoiceField)
            assert isinstance(department_field, forms.ModelChoiceField)
            handler_field.queryset = handler_candidates(disclosure_request)
            department_field.queryset = Organisation.objects.filter(
                path__startswith=disclosure_request.organisation.path
            ).order_by("path")


class CorrectionRequestForm(forms.Form):
    items = forms.CharField(
        label=_("需要补正的事项"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("一次性告知需要补正的全部事项（第三十条）。"),
    )
    deadline_on = _date_field(_("补正期限"))
    sent_on = _date_field(_("告知日期"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _today_initial(self, "sent_on")


class CorrectionReceiveForm(forms.Form):
    received_on = _date_field(_("收到补正日期"))
    note = forms.CharField(label=_("备注"), required=False, max_length=500)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _today_initial(self, "received_on")


class ConsultationStartForm(forms.Form):
    party_kind = forms.ChoiceField(
        label=_("征求意见对象"),
        choices=[
            ("third_party", _("第三方（第三十二条）")),
            ("agency", _("其他行政机关（第三十四条）")),
        ],
    )
    party_name = forms.CharField(label=_("对象名称"), max_length=200)
    sent_on = _date_field(_("发出日期"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _today_initial(self, "sent_on")


class ConsultationEndForm(forms.Form):
    ended_on = _date_field(_("收到答复日期"))
    opinion = forms.CharField(label=_("意见"), required=False, max_length=2000)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _today_initial(self, "ended_on")


class ExtendForm(forms.Form):
    days = forms.IntegerField(
        label=_("延长工作日数"),
        min_value=1,
        max_value=20,
        initial=20,
        help_text=_("第三十三条：延长期限最长不超过20个工作日，只能延长一次。"),
    )
    reason = forms.CharField(label=_("延期理由"), max_length=500)
    approved_on = _date_field(_("批准日期"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _today_initial(self, "approved_on")


class FeeNoticeForm(forms.Form):
    method = forms.ChoiceField(label=_("计收方式"), choices=FeeNotice.Method.choices)
    pages = forms.IntegerField(
        label=_("页数"), min_value=1, required=False, help_text=_("按量计收时填写。")
    )


class FeePaymentForm(forms.Form):
    paid_on = _date_field(_("缴费日期"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _today_initial(self, "paid_on")


class DecisionDraftForm(forms.Form):
    outcome = forms.ChoiceField(label=_("处理结果"), choices=[])
    legal_basis = forms.CharField(
        label=_("法律依据"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    reason_detail = forms.CharField(
        label=_("理由"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    responsible_body_name = forms.CharField(
        label=_("负责公开该信息的机关"),
        max_length=200,
        required=False,
        help_text=_("不属于本机关负责公开的（第三十六条第五项），须告知负责公开的机关。"),
    )
    responsible_body_contact = forms.CharField(
        label=_("该机关的联系方式"), max_length=300, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from gongkai.disclosure_requests.rules.outcomes import OUTCOMES

        outcome_field = self.fields["outcome"]
        assert isinstance(outcome_field, forms.ChoiceField)
        outcome_field.choices = [
            (outcome.code, f"{outcome.group_label} · {outcome.label}（{outcome.article}）")
            for outcome in OUTCOMES
        ]


class LetterGenerateForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("文书类型"),
        choices=[c for c in LetterKind.choices if c[0] != LetterKind.RECEIPT],
    )


class DeliveryForm(forms.Form):
    method = forms.ChoiceField(label=_("送达方式"), choices=DeliveryMethod.choices)
    delivered_on = _date_field(_("送达日期"))
    proof = forms.CharField(
        label=_("送达凭证"),
        max_length=500,
        help_text=_("如邮件回执编号、签收人、电子邮件发送记录。"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _today_initial(self, "delivered_on")


class SplitForm(forms.Form):
    parts = forms.CharField(
        label=_("拆分后的各项申请"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("一行一项所需信息的名称（一事一申请），至少两行。"),
    )

    def clean_parts(self) -> list[dict[str, str]]:
        lines = [line.strip() for line in str(self.cleaned_data["parts"]).splitlines()]
        titles = [line for line in lines if line]
        if len(titles) < 2:
            raise forms.ValidationError(_("请至少填写两项，每行一项。"))
        return [{"information_title": title} for title in titles]


class PublishForm(forms.Form):
    title = forms.CharField(label=_("目录条目名称"), max_length=300)
    summary = forms.CharField(
        label=_("内容概述"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
