"""政企互动 on the portal: meetings and registration, materials, the enterprise information
service (subscribe, manage or unsubscribe by the link in every message) and feedback."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from gongkai.core.exceptions import ApplicationError
from gongkai.engagement import selectors, services
from gongkai.engagement.models import SubscriptionTopic
from gongkai.organisations.selectors import organisation_list_public


def _add_service_errors(form: forms.Form, refusal: ApplicationError) -> None:
    field_errors = refusal.extra.get("errors", {})
    for field, messages in field_errors.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)
    if not field_errors:
        form.add_error(None, refusal.message)


class RegistrationForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("姓名"), max_length=100)
    phone = forms.CharField(label=gettext_lazy("联系电话"), max_length=40)
    email = forms.CharField(label=gettext_lazy("电子邮箱"), max_length=254, required=False)
    company = forms.CharField(label=gettext_lazy("单位"), max_length=200, required=False)


class SubscribeForm(forms.Form):
    enterprise_name = forms.CharField(label=gettext_lazy("企业名称"), max_length=200)
    credit_code = forms.CharField(
        label=gettext_lazy("统一社会信用代码"),
        max_length=20,
        required=False,
        help_text=gettext_lazy("选填，18位。"),
    )
    # A plain text field: the service gives the clear message for a malformed address.
    email = forms.CharField(label=gettext_lazy("电子邮箱"), max_length=254)
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("订阅主题"),
        queryset=SubscriptionTopic.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, topics: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topics  # type: ignore[attr-defined]


class TopicsForm(forms.Form):
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("订阅主题"),
        queryset=SubscriptionTopic.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, topics: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topics  # type: ignore[attr-defined]


class FeedbackForm(forms.Form):
    enterprise_name = forms.CharField(label=gettext_lazy("企业名称"), max_length=200)
    contact_email = forms.CharField(label=gettext_lazy("联系邮箱"), max_length=254, required=False)
    content = forms.CharField(
        label=gettext_lazy("意见建议"), widget=forms.Textarea(attrs={"rows": 5})
    )


@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/engagement/meeting_list.html",
        {
            "nav_section": "meetings",
            "upcoming": selectors.meeting_list_public(upcoming=True),
            "past": selectors.meeting_list_public(upcoming=False).prefetch_related("materials")[
                :50
            ],
        },
    )


@require_http_methods(["GET", "POST"])
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_public(pk=pk)
    if meeting is None:
        raise Http404(_("没有找到该会议。"))
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_registration_create(meeting_id=meeting.pk, **form.cleaned_data)
        except ApplicationError as refusal:
            _add_service_errors(form, refusal)
        else:
            return render(
                request,
                "portal/engagement/registered.html",
                {"nav_section": "meetings", "meeting": meeting, "name": form.cleaned_data["name"]},
            )
    return render(
        request,
        "portal/engagement/meeting_detail.html",
        {
            "nav_section": "meetings",
            "meeting": meeting,
            "materials": meeting.materials.all(),
            "form": form,
        },
        status=400 if form.is_bound else 200,
    )


@require_GET
def meeting_material(request: HttpRequest, pk: int) -> FileResponse:
    material = selectors.material_get_public(pk=pk)
    if material is None:
        raise Http404(_("没有找到该材料。"))
    return FileResponse(
        material.file.open("rb"),
        as_attachment=True,
        filename=material.original_name,
        content_type=material.content_type,
    )


def _single_organisation(request: HttpRequest) -> Any:
    organisations = organisation_list_public().filter(subscription_topics__is_active=True)
    chosen = request.GET.get("organisation") or request.POST.get("organisation")
    if chosen and str(chosen).isdigit():
        return organisations.filter(pk=int(chosen)).distinct().first()
    return organisations.distinct().first()


@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    organisation = _single_organisation(request)
    topics = selectors.topic_list_public(organisation_id=organisation.pk if organisation else -1)
    form = SubscribeForm(request.POST or None, topics=topics)
    if request.method == "POST" and organisation is not None and form.is_valid():
        try:
            subscriber = services.enterprise_subscribe(
                organisation=organisation,
                enterprise_name=form.cleaned_data["enterprise_name"],
                credit_code=form.cleaned_data["credit_code"],
                email=form.cleaned_data["email"],
                topics=form.cleaned_data["topics"],
            )
        except ApplicationError as refusal:
            _add_service_errors(form, refusal)
        else:
            return render(
                request,
                "portal/engagement/subscribed.html",
                {"nav_section": "subscribe", "subscriber": subscriber},
            )
    return render(
        request,
        "portal/engagement/subscribe.html",
        {"nav_section": "subscribe", "form": form, "organisation": organisation},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "POST"])
def subscription_manage(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = selectors.subscriber_get_by_token(token=token)
    if subscriber is None:
        raise Http404(_("订阅链接无效。"))
    topics = selectors.topic_list_public(organisation_id=subscriber.organisation_id)
    form = TopicsForm(
        request.POST if "topics_submit" in request.POST else None,
        topics=topics,
        initial={"topics": list(subscriber.topics.all())},
    )
    feedback_form = FeedbackForm(
        request.POST if "feedback_submit" in request.POST else None,
        initial={"enterprise_name": subscriber.enterprise_name, "contact_email": subscriber.email},
    )
    notice = ""
    try:
        if "unsubscribe" in request.POST:
            services.enterprise_unsubscribe(subscriber=subscriber)
            notice = _("已退订，您将不再收到企业信息。")
        elif form.is_bound and form.is_valid():
            services.enterprise_update_topics(
                subscriber=subscriber, topics=form.cleaned_data["topics"]
            )
            notice = _("订阅主题已更新。")
        elif feedback_form.is_bound and feedback_form.is_valid():
            services.enterprise_feedback_submit(
                organisation=subscriber.organisation,
                subscriber=subscriber,
                **feedback_form.cleaned_data,
            )
            notice = _("已收到您的意见建议，我们会尽快答复。")
            feedback_form = FeedbackForm(initial=feedback_form.cleaned_data | {"content": ""})
    except ApplicationError as refusal:
        notice = refusal.message
    subscriber.refresh_from_db()
    return render(
        request,
        "portal/engagement/manage.html",
        {
            "nav_section": "subscribe",
            "subscriber": subscriber,
            "form": form,
            "feedback_form": feedback_form,
            "notice": notice,
        },
    )
