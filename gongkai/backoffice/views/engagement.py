"""政企互动 in the back office: meetings (registrations, check-in, attendance, materials), the
enterprise information service (topics, subscribers, messages and their sending) and feedback.

Same conventions as the reception pages: lists export their screen columns, records load
through scoped selectors (404), writes check the manage predicate (403) and call one service.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin, deny_unless
from gongkai.backoffice.views.reception import (
    OrganisationChoiceForm,
    add_refusal,
    audit_context,
    organisations_choice,
    register_form,
    register_list,
)
from gongkai.core.exceptions import ApplicationError
from gongkai.core.exports import Column
from gongkai.engagement import selectors, services
from gongkai.engagement.models import (
    BroadcastMessage,
    EnterpriseFeedback,
    EnterpriseSubscriber,
    Meeting,
    SubscriptionTopic,
)
from gongkai.organisations import permissions

MANAGE = permissions.ENGAGEMENT_MANAGE


def _section_links() -> list[tuple[str, str]]:
    return [
        (_("会议"), reverse("backoffice:meeting_list")),
        (_("订阅主题"), reverse("backoffice:topic_list")),
        (_("订阅企业"), reverse("backoffice:subscriber_list")),
        (_("企业信息"), reverse("backoffice:message_list")),
        (_("企业反馈"), reverse("backoffice:feedback_list")),
    ]


class _Page(OrganisationPermissionRequiredMixin, View):
    permission = permissions.ENGAGEMENT_VIEW


class _ManagePage(OrganisationPermissionRequiredMixin, View):
    permission = MANAGE


def _can_manage_any(request: HttpRequest) -> bool:
    return permissions.has_any_permission(request.user, MANAGE)


def _found(obj: Any, message: str) -> Any:
    if obj is None:
        raise Http404(message)
    return obj


# --- forms -----------------------------------------------------------------------------------


class MeetingFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("类型"), required=False, choices=[("", "—"), *Meeting.Kind.choices]
    )
    year = forms.IntegerField(
        label=gettext_lazy("年份"), required=False, min_value=2000, max_value=2100
    )
    q = forms.CharField(label=gettext_lazy("名称或联合主办单位"), required=False)


class MeetingForm(forms.ModelForm[Meeting]):
    class Meta:
        model = Meeting
        fields = [
            "kind",
            "title",
            "co_organisers",
            "held_on",
            "start_time",
            "place",
            "capacity",
            "description",
            "registration_open",
            "is_published",
        ]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }


class MeetingCreateForm(OrganisationChoiceForm, MeetingForm):  # type: ignore[misc]
    pass


class AttendanceForm(forms.Form):
    attended_count = forms.IntegerField(label=gettext_lazy("实到人数"))


class MaterialForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("会议材料"))


class TopicForm(OrganisationChoiceForm):
    name = forms.CharField(label=gettext_lazy("主题"), max_length=100)
    description = forms.CharField(label=gettext_lazy("说明"), max_length=300, required=False)


class SubscriberFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=gettext_lazy("主题"), required=False, queryset=SubscriptionTopic.objects.none()
    )
    active = forms.NullBooleanField(
        label=gettext_lazy("订阅中"),
        required=False,
        widget=forms.Select(choices=[("", "—"), ("true", "是"), ("false", "否（已退订）")]),
    )
    q = forms.CharField(label=gettext_lazy("企业名称、邮箱或信用代码"), required=False)

    def __init__(self, *args: Any, topics: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics  # type: ignore[attr-defined]


class SubscriberForm(OrganisationChoiceForm):
    enterprise_name = forms.CharField(label=gettext_lazy("企业名称"), max_length=200)
    credit_code = forms.CharField(
        label=gettext_lazy("统一社会信用代码"), max_length=20, required=False
    )
    email = forms.CharField(label=gettext_lazy("电子邮箱"), max_length=254)
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("订阅主题"),
        queryset=SubscriptionTopic.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, topics: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topics  # type: ignore[attr-defined]


class MessageForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=gettext_lazy("主题"), queryset=SubscriptionTopic.objects.none()
    )
    subject = forms.CharField(label=gettext_lazy("标题"), max_length=200)
    body = forms.CharField(label=gettext_lazy("正文"), widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args: Any, topics: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics  # type: ignore[attr-defined]


class FeedbackFilterForm(forms.Form):
    answered = forms.NullBooleanField(
        label=gettext_lazy("已答复"),
        required=False,
        widget=forms.Select(choices=[("", "—"), ("true", "是"), ("false", "否")]),
    )
    q = forms.CharField(label=gettext_lazy("企业名称或内容"), required=False)


class FeedbackForm(OrganisationChoiceForm):
    enterprise_name = forms.CharField(label=gettext_lazy("企业名称"), max_length=200)
    contact_email = forms.CharField(label=gettext_lazy("联系邮箱"), max_length=254, required=False)
    contact_phone = forms.CharField(label=gettext_lazy("联系电话"), max_length=40, required=False)
    content = forms.CharField(
        label=gettext_lazy("意见建议"), widget=forms.Textarea(attrs={"rows": 5})
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(label=gettext_lazy("答复"), widget=forms.Textarea(attrs={"rows": 5}))


# --- columns ---------------------------------------------------------------------------------


def meeting_columns() -> list[Column]:
    # Built per request: headers in the visitor's language.
    return [
        Column(_("日期"), lambda m: m.held_on),
        Column(_("类型"), lambda m: m.get_kind_display()),
        Column(_("名称"), lambda m: m.title),
        Column(_("联合主办单位"), lambda m: m.co_organisers),
        Column(_("地点"), lambda m: m.place),
        Column(_("名额"), lambda m: m.capacity),
        Column(_("报名人数"), lambda m: m.registration_count),
        Column(_("实到人数"), lambda m: m.attended_count),
    ]


def topic_columns() -> list[Column]:
    # Built per request: headers in the visitor's language.
    return [
        Column(_("主题"), lambda t: t.name),
        Column(_("说明"), lambda t: t.description),
        Column(_("订阅企业数"), lambda t: t.subscriber_count),
        Column(_("开放订阅"), lambda t: t.is_active),
        Column(_("机构"), lambda t: t.organisation.name),
    ]


def subscriber_columns() -> list[Column]:
    # Built per request: headers in the visitor's language.
    return [
        Column(_("企业名称"), lambda s: s.enterprise_name),
        Column(_("统一社会信用代码"), lambda s: s.credit_code),
        Column(_("电子邮箱"), lambda s: s.email),
        Column(_("订阅时间"), lambda s: f"{s.subscribed_at:%Y-%m-%d}"),
        Column(
            _("退订时间"),
            lambda s: f"{s.unsubscribed_at:%Y-%m-%d}" if s.unsubscribed_at else "",
        ),
    ]


def message_columns() -> list[Column]:
    # Built per request: headers in the visitor's language.
    return [
        Column(_("标题"), lambda m: m.subject),
        Column(_("主题"), lambda m: m.topic.name),
        Column(_("状态"), lambda m: m.get_status_display()),
        Column(_("已送达"), lambda m: m.delivered),
        Column(_("待发送"), lambda m: m.pending),
        Column(_("失败或待核实"), lambda m: m.failed),
        Column(
            _("发送完成时间"),
            lambda m: f"{m.sent_at:%Y-%m-%d %H:%M}" if m.sent_at else "",
        ),
    ]


def feedback_columns() -> list[Column]:
    # Built per request: headers in the visitor's language.
    return [
        Column(_("收到时间"), lambda f: f"{f.received_at:%Y-%m-%d}"),
        Column(_("企业名称"), lambda f: f.enterprise_name),
        Column(_("来源"), lambda f: f.get_source_display()),
        Column(_("意见建议"), lambda f: f.content),
        Column(_("答复"), lambda f: f.answer),
        Column(_("答复时间"), lambda f: f"{f.answered_at:%Y-%m-%d}" if f.answered_at else ""),
    ]


# --- meetings --------------------------------------------------------------------------------


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    return _found(  # type: ignore[no-any-return]
        selectors.meeting_get_for_actor(actor=request.user, pk=pk), _("没有找到该会议。")
    )


def _managed_meeting(request: HttpRequest, pk: int) -> Meeting:
    meeting = _meeting(request, pk)
    deny_unless(permissions.can_manage_engagement(request.user, meeting.organisation))
    return meeting


class MeetingListView(_Page):
    def get(self, request: HttpRequest) -> HttpResponse:
        form = MeetingFilterForm(request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        rows = selectors.meeting_list_for_actor(
            actor=request.user,
            kind=data.get("kind") or None,
            year=data.get("year"),
            query=data.get("q") or None,
        )
        return register_list(
            request,
            rows=rows,
            columns=meeting_columns(),
            filename="政企互动会议",
            heading=_("政企互动会议"),
            filter_form=form,
            detail_url=lambda m: reverse("backoffice:meeting_detail", args=[m.pk]),
            create_url=reverse("backoffice:meeting_create") if _can_manage_any(request) else "",
            create_label=_("新建会议"),
            extra={"section_links": _section_links()},
        )


class MeetingCreateView(_ManagePage):
    def _form(self, request: HttpRequest, data: Any = None) -> MeetingCreateForm:
        return MeetingCreateForm(
            data,
            organisations=organisations_choice(request.user, MANAGE),
            initial={"is_published": True, "registration_open": True},
        )

    def _page(self, request: HttpRequest, form: forms.BaseForm, status: int = 200) -> HttpResponse:
        return register_form(
            request,
            form=form,
            heading=_("新建会议"),
            back_url=reverse("backoffice:meeting_list"),
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._page(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            organisation = data.pop("organisation")
            try:
                meeting = services.meeting_create(
                    actor=request.user, organisation=organisation, data=data
                )
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("会议已保存。"))
                return redirect("backoffice:meeting_detail", meeting.pk)
        return self._page(request, form, status=400)


class MeetingDetailView(_Page):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render(request, _meeting(request, pk))

    def render(
        self,
        request: HttpRequest,
        meeting: Meeting,
        *,
        attendance_form: forms.BaseForm | None = None,
        material_form: forms.BaseForm | None = None,
        status: int = 200,
    ) -> HttpResponse:
        return render(
            request,
            "backoffice/engagement/meeting_detail.html",
            {
                "meeting": meeting,
                "registrations": meeting.registrations.all(),
                "materials": meeting.materials.all(),
                "can_manage": permissions.can_manage_engagement(request.user, meeting.organisation),
                "attendance_form": attendance_form
                or AttendanceForm(initial={"attended_count": meeting.attended_count}),
                "material_form": material_form or MaterialForm(),
                **audit_context(meeting),
            },
            status=status,
        )


class MeetingEditView(_ManagePage):
    def _page(self, request: HttpRequest, pk: int, form: forms.BaseForm, status: int = 200) -> Any:
        return register_form(
            request,
            form=form,
            heading=_("修改会议"),
            back_url=reverse("backoffice:meeting_detail", args=[pk]),
            status=status,
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self._page(request, pk, MeetingForm(instance=_managed_meeting(request, pk)))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        meeting = _managed_meeting(request, pk)
        form = MeetingForm(request.POST, instance=Meeting.objects.get(pk=pk))
        if form.is_valid():
            try:
                services.meeting_update(
                    actor=request.user, meeting=meeting, data=dict(form.cleaned_data)
                )
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("会议已更新。"))
                return redirect("backoffice:meeting_detail", pk)
        return self._page(request, pk, form, status=400)


class MeetingAttendanceView(_ManagePage):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        meeting = _managed_meeting(request, pk)
        form = AttendanceForm(request.POST)
        if form.is_valid():
            try:
                services.meeting_record_attendance(
                    actor=request.user,
                    meeting=meeting,
                    attended_count=form.cleaned_data["attended_count"],
                )
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("实到人数已记录。"))
                return redirect("backoffice:meeting_detail", pk)
        return MeetingDetailView().render(request, meeting, attendance_form=form, status=400)


class MeetingMaterialUploadView(_ManagePage):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        meeting = _managed_meeting(request, pk)
        form = MaterialForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.meeting_material_add(
                    actor=request.user, meeting=meeting, uploaded_file=form.cleaned_data["file"]
                )
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("会议材料已发布。"))
                return redirect("backoffice:meeting_detail", pk)
        return MeetingDetailView().render(request, meeting, material_form=form, status=400)


class RegistrationCheckInView(_ManagePage):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        registration = _found(
            selectors.registration_get_for_actor(actor=request.user, pk=pk), _("没有找到该报名。")
        )
        deny_unless(
            permissions.can_manage_engagement(request.user, registration.meeting.organisation)
        )
        try:
            services.meeting_registration_check_in(actor=request.user, registration=registration)
        except ApplicationError as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("%(name)s 已签到。") % {"name": registration.name})
        return redirect("backoffice:meeting_detail", registration.meeting_id)


# --- topics and subscribers -------------------------------------------------------------------


class TopicListView(_Page):
    def get(self, request: HttpRequest) -> HttpResponse:
        form = (
            TopicForm(organisations=organisations_choice(request.user, MANAGE))
            if _can_manage_any(request)
            else None
        )
        return self.render(request, form)

    def render(self, request: HttpRequest, form: forms.BaseForm | None, status: int = 200) -> Any:
        response = register_list(
            request,
            rows=selectors.topic_list_for_actor(actor=request.user),
            columns=topic_columns(),
            filename="订阅主题",
            heading=_("订阅主题"),
            extra={
                "section_links": _section_links(),
                "inline_form": form,
                "inline_action": reverse("backoffice:topic_create"),
                "inline_label": _("添加订阅主题"),
            },
        )
        response.status_code = status
        return response


class TopicCreateView(_ManagePage):
    def post(self, request: HttpRequest) -> HttpResponse:
        form = TopicForm(request.POST, organisations=organisations_choice(request.user, MANAGE))
        if form.is_valid():
            try:
                services.subscription_topic_create(actor=request.user, **form.cleaned_data)
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("订阅主题已添加。"))
                return redirect("backoffice:topic_list")
        return TopicListView().render(request, form, status=400)


class SubscriberListView(_Page):
    def get(self, request: HttpRequest) -> HttpResponse:
        form = SubscriberFilterForm(
            request.GET or None, topics=selectors.topic_list_for_actor(actor=request.user)
        )
        data = form.cleaned_data if form.is_valid() else {}
        topic = data.get("topic")
        rows = selectors.subscriber_list_for_actor(
            actor=request.user,
            topic_id=topic.pk if topic else None,
            active=data.get("active"),
            query=data.get("q") or None,
        )
        return register_list(
            request,
            rows=rows,
            columns=subscriber_columns(),
            filename="订阅企业",
            heading=_("订阅企业"),
            filter_form=form,
            detail_url=lambda s: reverse("backoffice:subscriber_detail", args=[s.pk]),
            create_url=reverse("backoffice:subscriber_create") if _can_manage_any(request) else "",
            create_label=_("登记订阅企业"),
            extra={"section_links": _section_links()},
        )


class SubscriberCreateView(_ManagePage):
    def _form(self, request: HttpRequest, data: Any = None) -> SubscriberForm:
        organisations = organisations_choice(request.user, MANAGE)
        topics = SubscriptionTopic.objects.filter(organisation__in=organisations, is_active=True)
        return SubscriberForm(data, organisations=organisations, topics=topics)

    def _page(self, request: HttpRequest, form: forms.BaseForm, status: int = 200) -> HttpResponse:
        return register_form(
            request,
            form=form,
            heading=_("登记订阅企业"),
            back_url=reverse("backoffice:subscriber_list"),
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._page(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            try:
                subscriber = services.enterprise_subscribe(actor=request.user, **form.cleaned_data)
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("已登记订阅。"))
                return redirect("backoffice:subscriber_detail", subscriber.pk)
        return self._page(request, form, status=400)


class SubscriberDetailView(_Page):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        subscriber: EnterpriseSubscriber = _found(
            selectors.subscriber_get_for_actor(actor=request.user, pk=pk), _("没有找到该企业。")
        )
        return render(
            request,
            "backoffice/engagement/subscriber_detail.html",
            {
                "subscriber": subscriber,
                "topics": subscriber.topics.all(),
                "deliveries": subscriber.deliveries.select_related("message").order_by("-id")[:50],
                **audit_context(subscriber),
            },
        )


# --- messages --------------------------------------------------------------------------------


def _message(request: HttpRequest, pk: int) -> BroadcastMessage:
    return _found(  # type: ignore[no-any-return]
        selectors.message_get_for_actor(actor=request.user, pk=pk), _("没有找到该信息。")
    )


class MessageListView(_Page):
    def get(self, request: HttpRequest) -> HttpResponse:
        return register_list(
            request,
            rows=selectors.message_list_for_actor(
                actor=request.user, status=request.GET.get("status") or None
            ),
            columns=message_columns(),
            filename="企业信息",
            heading=_("企业信息"),
            detail_url=lambda m: reverse("backoffice:message_detail", args=[m.pk]),
            create_url=reverse("backoffice:message_create") if _can_manage_any(request) else "",
            create_label=_("撰写企业信息"),
            extra={"section_links": _section_links()},
        )


class MessageCreateView(_ManagePage):
    def _form(self, request: HttpRequest, data: Any = None) -> MessageForm:
        topics = SubscriptionTopic.objects.filter(
            organisation__in=organisations_choice(request.user, MANAGE)
        ).select_related("organisation")
        return MessageForm(data, topics=topics)

    def _page(self, request: HttpRequest, form: forms.BaseForm, status: int = 200) -> HttpResponse:
        return register_form(
            request,
            form=form,
            heading=_("撰写企业信息"),
            back_url=reverse("backoffice:message_list"),
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._page(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            topic = form.cleaned_data["topic"]
            try:
                message = services.broadcast_message_create(
                    actor=request.user,
                    organisation=topic.organisation,
                    topic=topic,
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                )
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("信息已保存为草稿，核对后点击“发送”。"))
                return redirect("backoffice:message_detail", message.pk)
        return self._page(request, form, status=400)


class MessageDetailView(_Page):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        message = _message(request, pk)
        return render(
            request,
            "backoffice/engagement/message_detail.html",
            {
                "message": message,
                "can_manage": permissions.can_manage_engagement(request.user, message.organisation),
                "recipients": message.topic.subscribers.filter(
                    unsubscribed_at__isnull=True
                ).count(),
                **audit_context(message),
            },
        )


class MessageSendView(_ManagePage):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        message = _message(request, pk)
        deny_unless(permissions.can_manage_engagement(request.user, message.organisation))
        try:
            pending = services.broadcast_message_send(actor=request.user, message=message)
        except ApplicationError as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request, _("已开始发送，待发送 %(count)d 家企业。") % {"count": pending}
            )
        return redirect("backoffice:message_detail", pk)


# --- feedback --------------------------------------------------------------------------------


def _feedback(request: HttpRequest, pk: int) -> EnterpriseFeedback:
    return _found(  # type: ignore[no-any-return]
        selectors.feedback_get_for_actor(actor=request.user, pk=pk), _("没有找到该反馈。")
    )


class FeedbackListView(_Page):
    def get(self, request: HttpRequest) -> HttpResponse:
        form = FeedbackFilterForm(request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        return register_list(
            request,
            rows=selectors.feedback_list_for_actor(
                actor=request.user, answered=data.get("answered"), query=data.get("q") or None
            ),
            columns=feedback_columns(),
            filename="企业反馈",
            heading=_("企业反馈"),
            filter_form=form,
            detail_url=lambda f: reverse("backoffice:feedback_detail", args=[f.pk]),
            create_url=reverse("backoffice:feedback_create") if _can_manage_any(request) else "",
            create_label=_("登记企业反馈"),
            extra={"section_links": _section_links()},
        )


class FeedbackCreateView(_ManagePage):
    def _form(self, request: HttpRequest, data: Any = None) -> FeedbackForm:
        return FeedbackForm(data, organisations=organisations_choice(request.user, MANAGE))

    def _page(self, request: HttpRequest, form: forms.BaseForm, status: int = 200) -> HttpResponse:
        return register_form(
            request,
            form=form,
            heading=_("登记企业反馈"),
            back_url=reverse("backoffice:feedback_list"),
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._page(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            try:
                feedback = services.enterprise_feedback_submit(
                    actor=request.user, **form.cleaned_data
                )
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("反馈已登记。"))
                return redirect("backoffice:feedback_detail", feedback.pk)
        return self._page(request, form, status=400)


class FeedbackDetailView(_Page):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        return self.render(request, _feedback(request, pk), AnswerForm())

    def render(
        self,
        request: HttpRequest,
        feedback: EnterpriseFeedback,
        form: forms.BaseForm,
        status: int = 200,
    ) -> HttpResponse:
        return render(
            request,
            "backoffice/engagement/feedback_detail.html",
            {
                "feedback": feedback,
                "form": form,
                "can_manage": permissions.can_manage_engagement(
                    request.user, feedback.organisation
                ),
                **audit_context(feedback),
            },
            status=status,
        )


class FeedbackAnswerView(_ManagePage):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        feedback = _feedback(request, pk)
        deny_unless(permissions.can_manage_engagement(request.user, feedback.organisation))
        form = AnswerForm(request.POST)
        if form.is_valid():
            try:
                services.enterprise_feedback_answer(
                    actor=request.user, feedback=feedback, answer=form.cleaned_data["answer"]
                )
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("已答复。"))
                return redirect("backoffice:feedback_detail", pk)
        return FeedbackDetailView().render(request, feedback, form, status=400)
