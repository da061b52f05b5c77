"""咨询 in the back office: the register, fast entry at the counter, daily tallies, topics,
the FAQ and the conversion of a consultation into a disclosure application.

Views parse input, load objects through the actor-scoped selectors (404 outside the actor's
organisations), check the permission predicate (403) and call one service.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import View

from gongkai.backoffice.forms import consultations as consultation_forms
from gongkai.backoffice.forms.disclosure import RegisterForm
from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin, deny_unless
from gongkai.consultations import selectors, services
from gongkai.consultations.models import (
    Channel,
    Consultation,
    ConsultationTally,
    ConsultationTopic,
    FaqEntry,
)
from gongkai.consultations.services import REQUEST_CHANNEL_FOR
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.core.exports import EXPORT_FORMATS, Column, export_response
from gongkai.disclosure_requests.models import Channel as RequestChannel
from gongkai.organisations import permissions
from gongkai.organisations.models import Organisation

PAGE_SIZE = 50
VIEW = permissions.CONSULTATIONS_VIEW
MANAGE = permissions.CONSULTATIONS_MANAGE


def _managed_organisations(request: HttpRequest) -> QuerySet[Organisation]:
    return permissions.organisations_with(request.user, MANAGE).order_by("path")


def _topics_of(organisations: QuerySet[Organisation]) -> QuerySet[ConsultationTopic]:
    return ConsultationTopic.objects.filter(
        organisation__in=organisations, is_active=True
    ).order_by("organisation__path", "sort_order", "id")


def _load(request: HttpRequest, pk: int) -> Consultation:
    consultation = selectors.consultation_get_for_actor(actor=request.user, pk=pk)
    if consultation is None:
        raise Http404(_("没有找到该咨询记录。"))
    return consultation


def _page(request: HttpRequest, rows: Any) -> tuple[Any, str]:
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def _status(form: Any) -> int:
    return 400 if form.errors else 200


# --- the register -------------------------------------------------------------------------


CONSULTATION_COLUMNS = [
    Column("咨询时间", lambda c: timezone.localtime(c.occurred_at).strftime("%Y-%m-%d %H:%M")),
    Column("机构", lambda c: c.organisation.name),
    Column("咨询方式", lambda c: c.get_channel_display()),
    Column("咨询主题", lambda c: c.topic.name if c.topic else ""),
    Column("咨询问题", lambda c: c.question),
    Column("答复", lambda c: c.answer),
    Column("经办人", lambda c: c.staff.display_name if c.staff else ""),
    Column("时长（分钟）", lambda c: c.duration_minutes),
    Column("已转办", lambda c: c.referred),
    Column("转办单位", lambda c: c.referred_to),
    Column("留言人", lambda c: selectors.masked_asker_name(c)),
    Column(
        "转为申请", lambda c: c.converted_request.tracking_number if c.converted_request else ""
    ),
]


class ConsultationListView(OrganisationPermissionRequiredMixin, View):
    permission = VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        topics = selectors.topic_list_for_actor(actor=request.user)
        form = consultation_forms.ConsultationFilterForm(request.GET or None, topics=topics)
        filters: dict[str, Any] = {}
        if form.is_valid():
            data = form.cleaned_data
            filters = {
                "channel": data["channel"] or None,
                "topic": data["topic"],
                "date_from": data["date_from"],
                "date_to": data["date_to"],
                "answered": {"yes": True, "no": False}.get(data["answered"]),
                "query": data["q"] or None,
            }
        consultations = selectors.consultation_list_for_actor(actor=request.user, **filters)
        export = request.GET.get("export")
        if export in EXPORT_FORMATS:
            return export_response(
                consultations.select_related("converted_request"),
                CONSULTATION_COLUMNS,
                filename=f"咨询记录-{timezone.localdate():%Y%m%d}",
                file_format=export,
            )
        page, query_string = _page(request, consultations)
        return render(
            request,
            "backoffice/consultations/list.html",
            {
                "form": form,
                "page_obj": page,
                "consultations": page.object_list,
                "query_string": query_string,
                "can_manage": permissions.has_any_permission(request.user, MANAGE),
            },
        )


class FastEntryView(OrganisationPermissionRequiredMixin, View):
    """One short form for the counter: keyboard only, Enter saves, the page comes back with
    the same channel and topic selected and today's running total."""

    permission = MANAGE

    def _form(self, request: HttpRequest, data: Any = None) -> Any:
        organisations = _managed_organisations(request)
        initial = {key: request.GET.get(key) for key in ("organisation", "channel", "topic")}
        return consultation_forms.FastEntryForm(
            data,
            organisations=organisations,
            topics=_topics_of(organisations),
            initial={key: value for key, value in initial.items() if value},
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            organisation = data["organisation"]
            deny_unless(permissions.can_manage_consultations(request.user, organisation))
            try:
                consultation = services.consultation_record(
                    actor=request.user,
                    organisation=organisation,
                    channel=data["channel"],
                    topic=data["topic"],
                    question=data["question"],
                    answer=data["answer"],
                    duration_minutes=data["duration_minutes"],
                    referred=bool(data["referred_to"]),
                    referred_to=data["referred_to"],
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                totals = selectors.day_totals(organisation=organisation)
                messages.success(
                    request,
                    _(
                        "已登记：%(channel)s。今日%(channel)s %(n)s 人次，"
                        "全部方式合计 %(total)s 人次。"
                    )
                    % {
                        "channel": consultation.get_channel_display(),
                        "n": totals[consultation.channel],
                        "total": totals["total"],
                    },
                )
                keep = {"organisation": organisation.pk, "channel": consultation.channel}
                if consultation.topic_id:
                    keep["topic"] = consultation.topic_id
                return redirect(
                    reverse("backoffice:consultation_fast_entry") + "?" + urlencode(keep)
                )
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: Any) -> HttpResponse:
        organisation = _selected_organisation(form)
        totals = selectors.day_totals(organisation=organisation) if organisation else None
        return render(
            request,
            "backoffice/consultations/fast_entry.html",
            {
                "form": form,
                "organisation": organisation,
                "totals": totals,
                "channels": Channel.choices,
            },
            status=_status(form),
        )


def _selected_organisation(form: Any) -> Organisation | None:
    field = form.fields["organisation"]
    value = form.data.get("organisation") if form.is_bound else form.initial.get("organisation")
    value = value or field.initial
    if isinstance(value, Organisation):
        return value
    if value:
        try:
            return field.queryset.filter(pk=int(value)).first()  # type: ignore[no-any-return]
        except (TypeError, ValueError):
            return None
    return field.queryset.first()  # type: ignore[no-any-return]


class ConsultationCreateView(OrganisationPermissionRequiredMixin, View):
    permission = MANAGE

    def _form(self, request: HttpRequest, data: Any = None) -> Any:
        organisations = _managed_organisations(request)
        return consultation_forms.ConsultationForm(
            data, organisations=organisations, topics=_topics_of(organisations)
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            organisation = data.pop("organisation")
            deny_unless(permissions.can_manage_consultations(request.user, organisation))
            data.pop("allow_publish")
            try:
                consultation = services.consultation_record(
                    actor=request.user, organisation=organisation, **data
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("已登记咨询。"))
                return redirect("backoffice:consultation_detail", pk=consultation.pk)
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: Any) -> HttpResponse:
        return render(
            request,
            "backoffice/consultations/form.html",
            {"form": form, "consultation": None},
            status=_status(form),
        )


class ConsultationDetailView(OrganisationPermissionRequiredMixin, View):
    permission = VIEW

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        consultation = _load(request, pk)
        user = request.user
        can_manage = permissions.can_manage_consultations(user, consultation.organisation)
        return render(
            request,
            "backoffice/consultations/detail.html",
            {
                "consultation": consultation,
                "asker_contact": selectors.asker_contact_for(actor=user, consultation=consultation),
                "asker_name": consultation.asker_name
                if can_manage
                else selectors.masked_asker_name(consultation),
                "can_manage": can_manage,
                "can_convert": consultation.converted_request_id is None
                and permissions.can_register_disclosure_request(user, consultation.organisation),
                "faq_entries": consultation.faq_entries.all(),
                "audit_entries": audit.entries_for(consultation)[:200],
            },
        )


class ConsultationEditView(OrganisationPermissionRequiredMixin, View):
    permission = MANAGE

    def _form(self, consultation: Consultation, data: Any = None) -> Any:
        organisation = consultation.organisation
        initial = {name: getattr(consultation, name) for name in services.EDITABLE_FIELDS}
        initial["occurred_at"] = timezone.localtime(consultation.occurred_at).replace(
            second=0, microsecond=0
        )
        return consultation_forms.ConsultationEditForm(
            data,
            initial=initial,
            organisations=Organisation.objects.filter(pk=organisation.pk),
            topics=_topics_of(Organisation.objects.filter(pk=organisation.pk)),
            departments=Organisation.objects.filter(path__startswith=organisation.path),
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        consultation = _load(request, pk)
        deny_unless(permissions.can_manage_consultations(request.user, consultation.organisation))
        return self._render(request, consultation, self._form(consultation))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        consultation = _load(request, pk)
        deny_unless(permissions.can_manage_consultations(request.user, consultation.organisation))
        form = self._form(consultation, request.POST)
        if form.is_valid():
            try:
                services.consultation_update(
                    actor=request.user, consultation=consultation, **form.cleaned_data
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("已保存修改。"))
                return redirect("backoffice:consultation_detail", pk=consultation.pk)
        return self._render(request, consultation, form)

    def _render(self, request: HttpRequest, consultation: Consultation, form: Any) -> HttpResponse:
        return render(
            request,
            "backoffice/consultations/form.html",
            {"form": form, "consultation": consultation},
            status=_status(form),
        )


class ConsultationConvertView(OrganisationPermissionRequiredMixin, View):
    """Register the disclosure application a consultation really was (公开办 only)."""

    permission = permissions.REQUESTS_REGISTER

    def _form(self, consultation: Consultation, data: Any = None) -> RegisterForm:
        form = RegisterForm(
            data,
            organisations=Organisation.objects.filter(pk=consultation.organisation_id),
            initial={
                "organisation": consultation.organisation,
                "channel": REQUEST_CHANNEL_FOR[consultation.channel],
                "received_on": timezone.localtime(consultation.occurred_at).date(),
                "applicant_name": consultation.asker_name,
                "information_description": consultation.question,
            },
        )
        # A portal message may be converted too: every channel of 第三十一条 is offered.
        channel_field = form.fields["channel"]
        assert isinstance(channel_field, forms.ChoiceField)
        channel_field.choices = RequestChannel.choices
        return form

    def _allowed(self, request: HttpRequest, pk: int) -> Consultation:
        consultation = _load(request, pk)
        deny_unless(
            permissions.can_register_disclosure_request(request.user, consultation.organisation)
        )
        return consultation

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        consultation = self._allowed(request, pk)
        return self._render(request, consultation, self._form(consultation))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        consultation = self._allowed(request, pk)
        form = self._form(consultation, request.POST)
        if form.is_valid():
            try:
                disclosure_request = services.consultation_convert_to_request(
                    actor=request.user,
                    consultation=consultation,
                    channel=form.cleaned_data["channel"],
                    data=form.applicant_data(),
                    receipt_day=form.cleaned_data["received_on"],
                )
            except ApplicationError as error:
                errors = error.extra.get("errors") or {}
                for name, message in errors.items():
                    form.add_error(name if name in form.fields else None, message)
                if not errors:
                    form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("已转为政府信息公开申请，编号 %(number)s，查询码 %(code)s。")
                    % {
                        "number": disclosure_request.tracking_number,
                        "code": getattr(disclosure_request, "access_code", ""),
                    },
                )
                return redirect("backoffice:request_detail", pk=disclosure_request.pk)
        return self._render(request, consultation, form)

    def _render(self, request: HttpRequest, consultation: Consultation, form: Any) -> HttpResponse:
        return render(
            request,
            "backoffice/consultations/convert.html",
            {"form": form, "consultation": consultation},
            status=_status(form),
        )


class ConsultationMakeFaqView(OrganisationPermissionRequiredMixin, View):
    permission = MANAGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        consultation = _load(request, pk)
        deny_unless(permissions.can_manage_consultations(request.user, consultation.organisation))
        try:
            faq_entry = services.faq_entry_create_from_consultation(
                actor=request.user, consultation=consultation
            )
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect("backoffice:consultation_detail", pk=consultation.pk)
        messages.success(request, _("已整理为常见问题草稿，请修改后发布。"))
        return redirect("backoffice:consultation_faq_edit", pk=faq_entry.pk)


# --- daily tallies ------------------------------------------------------------------------


TALLY_COLUMNS = [
    Column("日期", lambda t: t.date),
    Column("机构", lambda t: t.organisation.name),
    Column("咨询方式", lambda t: t.get_channel_display()),
    Column("咨询主题", lambda t: t.topic.name if t.topic else ""),
    Column("人次", lambda t: t.count),
    Column("备注", lambda t: t.note),
    Column("登记人", lambda t: t.entered_by.display_name if t.entered_by else ""),
]


class TallyListView(OrganisationPermissionRequiredMixin, View):
    permission = VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        topics = selectors.topic_list_for_actor(actor=request.user)
        form = consultation_forms.TallyFilterForm(request.GET or None, topics=topics)
        filters: dict[str, Any] = {}
        if form.is_valid():
            data = form.cleaned_data
            filters = {
                "channel": data["channel"] or None,
                "topic": data["topic"],
                "date_from": data["date_from"],
                "date_to": data["date_to"],
            }
        tallies = selectors.tally_list_for_actor(actor=request.user, **filters)
        export = request.GET.get("export")
        if export in EXPORT_FORMATS:
            return export_response(
                tallies,
                TALLY_COLUMNS,
                filename=f"咨询日统计-{timezone.localdate():%Y%m%d}",
                file_format=export,
            )
        page, query_string = _page(request, tallies)
        return render(
            request,
            "backoffice/consultations/tally_list.html",
            {
                "form": form,
                "page_obj": page,
                "tallies": page.object_list,
                "query_string": query_string,
                "can_manage": permissions.has_any_permission(request.user, MANAGE),
            },
        )


class TallyCreateView(OrganisationPermissionRequiredMixin, View):
    """Daily tally entry: stays on the page (same day, channel and topic) after saving."""

    permission = MANAGE

    def _form(self, request: HttpRequest, data: Any = None) -> Any:
        organisations = _managed_organisations(request)
        initial = {k: request.GET.get(k) for k in ("organisation", "channel", "topic", "date")}
        return consultation_forms.TallyForm(
            data,
            organisations=organisations,
            topics=_topics_of(organisations),
            initial={key: value for key, value in initial.items() if value},
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            organisation = data.pop("organisation")
            deny_unless(permissions.can_manage_consultations(request.user, organisation))
            try:
                tally = services.consultation_tally_record(
                    actor=request.user, organisation=organisation, **data
                )
            except ApplicationError as error:
                form.add_error("count", error.message)
            else:
                totals = selectors.day_totals(organisation=organisation, day=tally.date)
                messages.success(
                    request,
                    _("已登记 %(date)s %(channel)s %(count)s 人次；当日合计 %(total)s 人次。")
                    % {
                        "date": f"{tally.date:%Y-%m-%d}",
                        "channel": tally.get_channel_display(),
                        "count": tally.count,
                        "total": totals["total"],
                    },
                )
                keep = {
                    "organisation": organisation.pk,
                    "channel": tally.channel,
                    "date": tally.date.isoformat(),
                }
                if tally.topic_id:
                    keep["topic"] = tally.topic_id
                return redirect(
                    reverse("backoffice:consultation_tally_create") + "?" + urlencode(keep)
                )
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: Any) -> HttpResponse:
        organisation = _selected_organisation(form)
        return render(
            request,
            "backoffice/consultations/tally_form.html",
            {
                "form": form,
                "organisation": organisation,
                "totals": selectors.day_totals(organisation=organisation) if organisation else None,
            },
            status=_status(form),
        )


def _load_tally(request: HttpRequest, pk: int) -> ConsultationTally:
    tally = selectors.tally_get_for_actor(actor=request.user, pk=pk)
    if tally is None:
        raise Http404(_("没有找到该日统计。"))
    return tally


class TallyDetailView(OrganisationPermissionRequiredMixin, View):
    permission = VIEW

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        tally = _load_tally(request, pk)
        return render(
            request,
            "backoffice/consultations/tally_detail.html",
            {
                "tally": tally,
                "can_manage": permissions.can_manage_consultations(
                    request.user, tally.organisation
                ),
                "audit_entries": audit.entries_for(tally)[:200],
            },
        )


class TallyCorrectView(OrganisationPermissionRequiredMixin, View):
    permission = MANAGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        tally = _load_tally(request, pk)
        deny_unless(permissions.can_manage_consultations(request.user, tally.organisation))
        try:
            count = int(request.POST.get("count", ""))
        except ValueError:
            messages.error(request, _("人次须为整数。"))
        else:
            try:
                services.consultation_tally_correct(
                    actor=request.user, tally=tally, count=count, note=request.POST.get("note", "")
                )
            except ApplicationError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("已更正人次。"))
        return redirect("backoffice:consultation_tally_detail", pk=tally.pk)


# --- topics -------------------------------------------------------------------------------


class TopicListView(OrganisationPermissionRequiredMixin, View):
    permission = VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "backoffice/consultations/topic_list.html",
            {
                "topics": selectors.topic_list_for_actor(actor=request.user),
                "can_manage": permissions.has_any_permission(request.user, MANAGE),
            },
        )


class TopicCreateView(OrganisationPermissionRequiredMixin, View):
    permission = MANAGE

    def _form(self, request: HttpRequest, data: Any = None) -> Any:
        return consultation_forms.TopicForm(data, organisations=_managed_organisations(request))

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            deny_unless(permissions.can_manage_consultations(request.user, data["organisation"]))
            try:
                services.consultation_topic_create(actor=request.user, **data)
            except ApplicationError as error:
                form.add_error("name", error.message)
            else:
                messages.success(request, _("已添加咨询主题。"))
                return redirect("backoffice:consultation_topic_list")
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: Any) -> HttpResponse:
        return render(
            request,
            "backoffice/consultations/topic_form.html",
            {"form": form, "topic": None},
            status=_status(form),
        )


class TopicEditView(OrganisationPermissionRequiredMixin, View):
    permission = MANAGE

    def _load(self, request: HttpRequest, pk: int) -> ConsultationTopic:
        topic = selectors.topic_get_for_actor(actor=request.user, pk=pk)
        if topic is None:
            raise Http404(_("没有找到该咨询主题。"))
        deny_unless(permissions.can_manage_consultations(request.user, topic.organisation))
        return topic

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        topic = self._load(request, pk)
        return self._render(request, topic, consultation_forms.TopicEditForm(initial={
            "name": topic.name, "sort_order": topic.sort_order, "is_active": topic.is_active,
        }))  # fmt: skip

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        topic = self._load(request, pk)
        form = consultation_forms.TopicEditForm(request.POST)
        if form.is_valid():
            try:
                services.consultation_topic_update(
                    actor=request.user, topic=topic, **form.cleaned_data
                )
            except ApplicationError as error:
                form.add_error("name", error.message)
            else:
                messages.success(request, _("已保存咨询主题。"))
                return redirect("backoffice:consultation_topic_list")
        return self._render(request, topic, form)

    def _render(self, request: HttpRequest, topic: ConsultationTopic, form: Any) -> HttpResponse:
        return render(
            request,
            "backoffice/consultations/topic_form.html",
            {"form": form, "topic": topic, "audit_entries": audit.entries_for(topic)[:100]},
            status=_status(form),
        )


# --- FAQ ----------------------------------------------------------------------------------


FAQ_COLUMNS = [
    Column("问题", lambda f: f.question),
    Column("解答", lambda f: f.answer),
    Column("机构", lambda f: f.organisation.name),
    Column("咨询主题", lambda f: f.topic.name if f.topic else ""),
    Column("已发布", lambda f: f.published),
]


def _load_faq(request: HttpRequest, pk: int) -> FaqEntry:
    faq_entry = selectors.faq_get_for_actor(actor=request.user, pk=pk)
    if faq_entry is None:
        raise Http404(_("没有找到该常见问题。"))
    return faq_entry


class FaqListView(OrganisationPermissionRequiredMixin, View):
    permission = VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        query = request.GET.get("q", "")[:100]
        published = {"yes": True, "no": False}.get(request.GET.get("published", ""))
        entries = selectors.faq_list_for_actor(actor=request.user, published=published, query=query)
        export = request.GET.get("export")
        if export in EXPORT_FORMATS:
            return export_response(
                entries, FAQ_COLUMNS, filename="常见问题及疑难问题解答", file_format=export
            )
        page, query_string = _page(request, entries)
        return render(
            request,
            "backoffice/consultations/faq_list.html",
            {
                "entries": page.object_list,
                "page_obj": page,
                "query_string": query_string,
                "q": query,
                "published": request.GET.get("published", ""),
                "can_manage": permissions.has_any_permission(request.user, MANAGE),
            },
        )


class FaqCreateView(OrganisationPermissionRequiredMixin, View):
    permission = MANAGE

    def _form(self, request: HttpRequest, data: Any = None) -> Any:
        organisations = _managed_organisations(request)
        return consultation_forms.FaqForm(
            data, organisations=organisations, topics=_topics_of(organisations)
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            deny_unless(permissions.can_manage_consultations(request.user, data["organisation"]))
            try:
                faq_entry = services.faq_entry_create(actor=request.user, **data)
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("已保存常见问题。"))
                return redirect("backoffice:consultation_faq_detail", pk=faq_entry.pk)
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: Any) -> HttpResponse:
        return render(
            request,
            "backoffice/consultations/faq_form.html",
            {"form": form, "faq_entry": None},
            status=_status(form),
        )


class FaqDetailView(OrganisationPermissionRequiredMixin, View):
    permission = VIEW

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        faq_entry = _load_faq(request, pk)
        return render(
            request,
            "backoffice/consultations/faq_detail.html",
            {
                "faq_entry": faq_entry,
                "can_manage": permissions.can_manage_consultations(
                    request.user, faq_entry.organisation
                ),
                "audit_entries": audit.entries_for(faq_entry)[:200],
            },
        )


class FaqEditView(OrganisationPermissionRequiredMixin, View):
    permission = MANAGE

    def _form(self, faq_entry: FaqEntry, data: Any = None) -> Any:
        own = Organisation.objects.filter(pk=faq_entry.organisation_id)
        return consultation_forms.FaqEditForm(
            data,
            organisations=own,
            topics=_topics_of(own),
            initial={
                "question": faq_entry.question,
                "answer": faq_entry.answer,
                "topic": faq_entry.topic,
                "sort_order": faq_entry.sort_order,
                "published": faq_entry.published,
            },
        )

    def _load(self, request: HttpRequest, pk: int) -> FaqEntry:
        faq_entry = _load_faq(request, pk)
        deny_unless(permissions.can_manage_consultations(request.user, faq_entry.organisation))
        return faq_entry

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        faq_entry = self._load(request, pk)
        return self._render(request, faq_entry, self._form(faq_entry))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        faq_entry = self._load(request, pk)
        form = self._form(faq_entry, request.POST)
        if form.is_valid():
            try:
                services.faq_entry_update(
                    actor=request.user, faq_entry=faq_entry, **form.cleaned_data
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("已保存常见问题。"))
                return redirect("backoffice:consultation_faq_detail", pk=faq_entry.pk)
        return self._render(request, faq_entry, form)

    def _render(self, request: HttpRequest, faq_entry: FaqEntry, form: Any) -> HttpResponse:
        return render(
            request,
            "backoffice/consultations/faq_form.html",
            {"form": form, "faq_entry": faq_entry},
            status=_status(form),
        )
