"""Input validation for the consultation pages of the back office. Forms never save: views
pass cleaned data to gongkai.consultations.services, which decide what is allowed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.backoffice.forms.disclosure import DATE_INPUT_FORMATS, _date_field
from gongkai.consultations.models import Channel, ConsultationTopic
from gongkai.organisations.models import Organisation

DATETIME_INPUT_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


class _OrganisationTopicForm(forms.Form):
    """Offers the actor's organisations and those organisations' active topics."""

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        topics: QuerySet[ConsultationTopic],
        departments: QuerySet[Organisation] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if "department" in self.fields:
            department_field = self.fields["department"]
            assert isinstance(department_field, forms.ModelChoiceField)
            department_field.queryset = organisations if departments is None else departments
        if "organisation" in self.fields:
            organisation_field = self.fields["organisation"]
            assert isinstance(organisation_field, forms.ModelChoiceField)
            organisation_field.queryset = organisations
            if organisations.count() == 1:
                organisation_field.initial = organisations.first()
        topic_field = self.fields["topic"]
        assert isinstance(topic_field, forms.ModelChoiceField)
        topic_field.queryset = topics

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        organisation, topic = cleaned.get("organisation"), cleaned.get("topic")
        if (
            organisation is not None
            and topic is not None
            and topic.organisation_id != (organisation.pk)
        ):
            self.add_error("topic", _("该咨询主题不属于所选机构。"))
        return cleaned


class FastEntryForm(_OrganisationTopicForm):
    """One short line per consultation at a busy counter: Enter saves, focus returns here."""

    organisation = forms.ModelChoiceField(label=_("机构"), queryset=Organisation.objects.none())
    channel = forms.ChoiceField(
        label=_("方式"),
        choices=Channel.choices,
        widget=forms.Select(attrs={"accesskey": "c"}),
        help_text=_("Alt+C"),
    )
    topic = forms.ModelChoiceField(
        label=_("主题"),
        queryset=ConsultationTopic.objects.none(),
        required=False,
        widget=forms.Select(attrs={"accesskey": "t"}),
        help_text=_("Alt+T"),
    )
    question = forms.CharField(
        label=_("问题"),
        max_length=2000,
        widget=forms.TextInput(attrs={"autofocus": True, "accesskey": "q", "size": 50}),
    )
    answer = forms.CharField(
        label=_("答复"),
        max_length=4000,
        required=False,
        widget=forms.TextInput(attrs={"accesskey": "a", "size": 50}),
    )
    duration_minutes = forms.IntegerField(
        label=_("时长（分钟）"),
        required=False,
        min_value=0,
        max_value=600,
        widget=forms.NumberInput(attrs={"size": 4}),
    )
    referred_to = forms.CharField(
        label=_("转办单位"),
        max_length=200,
        required=False,
        help_text=_("填写即视为已转办"),
    )


class ConsultationForm(_OrganisationTopicForm):
    organisation = forms.ModelChoiceField(label=_("机构"), queryset=Organisation.objects.none())
    channel = forms.ChoiceField(label=_("咨询方式"), choices=Channel.choices)
    occurred_at = forms.DateTimeField(
        label=_("咨询时间"),
        input_formats=DATETIME_INPUT_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    topic = forms.ModelChoiceField(
        label=_("咨询主题"), queryset=ConsultationTopic.objects.none(), required=False
    )
    department = forms.ModelChoiceField(
        label=_("承办部门"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("由下属部门答复的，选择该部门"),
    )
    question = forms.CharField(label=_("咨询问题"), widget=forms.Textarea(attrs={"rows": 3}))
    answer = forms.CharField(
        label=_("答复"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    duration_minutes = forms.IntegerField(
        label=_("时长（分钟）"), required=False, min_value=0, max_value=600
    )
    referred = forms.BooleanField(label=_("已转办"), required=False)
    referred_to = forms.CharField(label=_("转办单位"), max_length=200, required=False)
    allow_publish = forms.BooleanField(
        label=_("留言人同意公开答复"), required=False, help_text=_("仅对网上留言有效")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["occurred_at"].initial = lambda: timezone.localtime().replace(
            second=0, microsecond=0
        )


class ConsultationEditForm(ConsultationForm):
    """The organisation of a record does not change."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["organisation"]


class TallyForm(_OrganisationTopicForm):
    organisation = forms.ModelChoiceField(label=_("机构"), queryset=Organisation.objects.none())
    date = _date_field(_("日期"))
    channel = forms.ChoiceField(
        label=_("咨询方式"), choices=Channel.choices, widget=forms.Select(attrs={"accesskey": "c"})
    )
    topic = forms.ModelChoiceField(
        label=_("咨询主题"),
        queryset=ConsultationTopic.objects.none(),
        required=False,
        widget=forms.Select(attrs={"accesskey": "t"}),
    )
    # No min_value here: the service states the rule (and its message) for every surface.
    count = forms.IntegerField(
        label=_("人次"), widget=forms.NumberInput(attrs={"autofocus": True, "accesskey": "n"})
    )
    note = forms.CharField(label=_("备注"), max_length=200, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate


class ConsultationFilterForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("方式"), choices=[("", "—"), *Channel.choices], required=False
    )
    topic = forms.ModelChoiceField(
        label=_("主题"), queryset=ConsultationTopic.objects.none(), required=False
    )
    date_from = forms.DateField(
        label=_("起始日期"), required=False, input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    date_to = forms.DateField(
        label=_("截止日期"), required=False, input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    answered = forms.ChoiceField(
        label=_("答复"),
        choices=[("", "—"), ("yes", _("已答复")), ("no", _("未答复"))],
        required=False,
    )
    q = forms.CharField(label=_("关键词"), required=False, max_length=100)

    def __init__(self, *args: Any, topics: QuerySet[ConsultationTopic], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        topic_field = self.fields["topic"]
        assert isinstance(topic_field, forms.ModelChoiceField)
        topic_field.queryset = topics


class TallyFilterForm(ConsultationFilterForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["answered"]
        del self.fields["q"]


class TopicForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("机构"), queryset=Organisation.objects.none())
    name = forms.CharField(label=_("名称"), max_length=100)
    sort_order = forms.IntegerField(label=_("排序"), min_value=0, initial=0)

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation_field = self.fields["organisation"]
        assert isinstance(organisation_field, forms.ModelChoiceField)
        organisation_field.queryset = organisations


class FaqForm(_OrganisationTopicForm):
    organisation = forms.ModelChoiceField(label=_("机构"), queryset=Organisation.objects.none())
    topic = forms.ModelChoiceField(
        label=_("咨询主题"), queryset=ConsultationTopic.objects.none(), required=False
    )
    question = forms.CharField(label=_("问题"), max_length=500)
    answer = forms.CharField(label=_("解答"), widget=forms.Textarea(attrs={"rows": 6}))
    sort_order = forms.IntegerField(label=_("排序"), min_value=0, initial=0)
    published = forms.BooleanField(label=_("在门户发布"), required=False)


class FaqEditForm(FaqForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["organisation"]


class TopicEditForm(forms.Form):
    name = forms.CharField(label=_("名称"), max_length=100)
    sort_order = forms.IntegerField(label=_("排序"), min_value=0, initial=0)
    is_active = forms.BooleanField(label=_("启用"), required=False)
