"""Input parsing for the complaint, service-guide and service-desk pages of the back office.
Forms never save: views pass cleaned data to the services, which apply the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.backoffice.forms.disclosure import DATE_INPUT_FORMATS
from gongkai.complaints.models import Complaint
from gongkai.organisations.models import Organisation
from gongkai.service_desk.models import FaultReport
from gongkai.service_guides.models import GuidePrintRun


def _date_field(label: Any, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class _OrganisationChoiceForm(forms.Form):
    """A form whose `organisation` choices are the actor's organisations (given by the view)."""

    organisation = forms.ModelChoiceField(
        label=_("机构"), queryset=Organisation.objects.none(), empty_label=None
    )

    def __init__(
        self, *args: Any, organisations: QuerySet[Organisation] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        if organisations is not None:
            field.queryset = organisations.order_by("path")


def _year_field() -> forms.IntegerField:
    return forms.IntegerField(label=_("年度"), required=False, min_value=1990, max_value=2100)


# --- complaints -----------------------------------------------------------------------------


class ComplaintFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("类型"), required=False, choices=[("", _("全部类型")), *Complaint.Kind.choices]
    )
    status = forms.ChoiceField(
        label=_("状态"), required=False, choices=[("", _("全部状态")), *Complaint.Status.choices]
    )
    year = _year_field()
    q = forms.CharField(label=_("编号、主题或内容"), required=False, max_length=100)
    overdue = forms.BooleanField(label=_("超期未答复或超期答复"), required=False)


class ComplaintEntryForm(_OrganisationChoiceForm):
    kind = forms.ChoiceField(label=_("类型"), choices=Complaint.Kind.choices)
    channel = forms.ChoiceField(label=_("渠道"), choices=Complaint.Channel.choices)
    received_on = _date_field(_("受理日期"))
    subject = forms.CharField(label=_("主题"), max_length=200)
    content = forms.CharField(label=_("内容"), widget=forms.Textarea(attrs={"rows": 6}))
    contact_name = forms.CharField(label=_("联系人"), required=False, max_length=100)
    contact_phone = forms.CharField(label=_("联系电话"), required=False, max_length=40)
    contact_email = forms.CharField(label=_("电子邮箱"), required=False, max_length=254)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["received_on"].initial = timezone.localdate


class ComplaintRouteForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("责任部门"), queryset=Organisation.objects.filter(is_active=True)
    )


class ComplaintReplyForm(forms.Form):
    reply = forms.CharField(label=_("答复内容"), widget=forms.Textarea(attrs={"rows": 5}))
    replied_on = _date_field(_("答复日期"), required=False)


class ComplaintSettingsForm(_OrganisationChoiceForm):
    answer_working_days = forms.IntegerField(label=_("答复期限（工作日）"))


# --- service guides -------------------------------------------------------------------------


class ServiceItemForm(_OrganisationChoiceForm):
    code = forms.CharField(label=_("事项编码"), max_length=50)
    name = forms.CharField(label=_("事项名称"), max_length=200)
    department_name = forms.CharField(label=_("办理部门"), required=False, max_length=200)


class GuideVersionForm(forms.Form):
    basis = forms.CharField(label=_("设定依据"), widget=forms.Textarea(attrs={"rows": 3}))
    conditions = forms.CharField(label=_("办理条件"), widget=forms.Textarea(attrs={"rows": 3}))
    materials = forms.CharField(label=_("申请材料"), widget=forms.Textarea(attrs={"rows": 4}))
    process = forms.CharField(label=_("办理流程"), widget=forms.Textarea(attrs={"rows": 4}))
    time_limit = forms.CharField(label=_("办理时限"), max_length=200)
    fees = forms.CharField(label=_("收费标准"), max_length=300)
    place = forms.CharField(label=_("办理地点"), max_length=300)
    contact = forms.CharField(label=_("咨询电话"), max_length=200)
    change_note = forms.CharField(label=_("修订说明"), required=False, max_length=500)
    revised_on = _date_field(_("修订日期"), required=False)
    publish = forms.BooleanField(label=_("同时发布此版本"), required=False)


class PrintRunFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("印制品"), required=False, choices=[("", _("全部")), *GuidePrintRun.Kind.choices]
    )
    year = _year_field()


class PrintRunForm(_OrganisationChoiceForm):
    kind = forms.ChoiceField(label=_("印制品"), choices=GuidePrintRun.Kind.choices)
    printed_on = _date_field(_("印制日期"))
    batch_number = forms.CharField(label=_("批次号"), max_length=50)
    # Plain integers: the service refuses negatives with its own message.
    items_count = forms.IntegerField(label=_("事项数"), required=False)
    copies = forms.IntegerField(label=_("印数（份）"))
    note = forms.CharField(label=_("备注"), required=False, max_length=300)


# --- service desk ---------------------------------------------------------------------------


class EvaluationFilterForm(forms.Form):
    year = _year_field()
    department = forms.CharField(label=_("评价部门"), required=False, max_length=100)


SCORE_CHOICES = [(str(n), str(n)) for n in range(5, 0, -1)]


class EvaluationForm(_OrganisationChoiceForm):
    evaluator_department = forms.CharField(label=_("评价部门（进驻部门）"), max_length=200)
    period_start = _date_field(_("评价期起"))
    period_end = _date_field(_("评价期止"))
    evaluated_staff = forms.ModelChoiceField(
        label=_("被评价人员"), required=False, queryset=get_user_model().objects.none()
    )
    evaluated_team = forms.CharField(label=_("被评价岗位/团队"), required=False, max_length=200)
    attitude = forms.ChoiceField(label=_("服务态度"), choices=SCORE_CHOICES)
    quality = forms.ChoiceField(label=_("服务质量"), choices=SCORE_CHOICES)
    efficiency = forms.ChoiceField(label=_("办事效率"), choices=SCORE_CHOICES)
    conduct = forms.ChoiceField(label=_("工作作风"), choices=SCORE_CHOICES)
    comment = forms.CharField(
        label=_("评价意见"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, staff: QuerySet[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["evaluated_staff"]
        assert isinstance(field, forms.ModelChoiceField)
        if staff is not None:
            field.queryset = staff


class FaultFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("状态"), required=False, choices=[("", _("全部状态")), *FaultReport.Status.choices]
    )
    year = _year_field()
    q = forms.CharField(label=_("部门或描述"), required=False, max_length=100)


class FaultReportForm(_OrganisationChoiceForm):
    reporting_department = forms.CharField(label=_("申报部门（进驻部门）"), max_length=200)
    reporter_name = forms.CharField(label=_("申报人"), required=False, max_length=100)
    channel = forms.ChoiceField(label=_("申报渠道"), choices=FaultReport.Channel.choices)
    reported_at = forms.DateTimeField(
        label=_("申报时间"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    description = forms.CharField(label=_("故障描述"), widget=forms.Textarea(attrs={"rows": 4}))


class FaultResolveForm(forms.Form):
    resolution = forms.CharField(label=_("处理情况"), widget=forms.Textarea(attrs={"rows": 3}))
