"""审批处长接访 in the back office: monthly schedules and their slots, the public's bookings,
and the record of each session (whose sums are the annual report's figures).

Lists share their columns between the screen and the CSV/XLSX export (?export=csv|xlsx).
Records are loaded through actor-scoped selectors (404 outside the actor's organisations);
writes check the manage predicate (403) and call one service, whose refusals are shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin, deny_unless
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.core.exports import EXPORT_FORMATS, Column, export_response
from gongkai.organisations import permissions
from gongkai.reception import selectors, services
from gongkai.reception.models import (
    ReceptionBooking,
    ReceptionSchedule,
    ReceptionSession,
    ReceptionSlot,
)

PAGE_SIZE = 25


# --- shared helpers of the register pages (also used by the engagement pages) -------------------


def register_list(
    request: HttpRequest,
    *,
    rows: QuerySet[Any],
    columns: Sequence[Column],
    filename: str,
    heading: str,
    filter_form: forms.BaseForm | None = None,
    detail_url: Callable[[Any], str] | None = None,
    create_url: str = "",
    create_label: str = "",
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    """A filtered register page with pagination, or its export when ?export= is given."""
    file_format = request.GET.get("export")
    if file_format in EXPORT_FORMATS:
        columns = [Column(str(column.header), column.value) for column in columns]
        return export_response(rows, columns, filename=filename, file_format=file_format)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    table = [
        (detail_url(row) if detail_url else "", [column.value(row) for column in columns])
        for row in page.object_list
    ]
    query.pop("export", None)
    return render(
        request,
        "backoffice/registers_k2/list.html",
        {
            "heading": heading,
            "form": filter_form,
            "headers": [str(column.header) for column in columns],
            "table": table,
            "page_obj": page,
            "query_string": query.urlencode(),
            "create_url": create_url,
            "create_label": create_label,
            **(extra or {}),
        },
    )


def register_form(
    request: HttpRequest, *, form: forms.BaseForm, heading: str, back_url: str, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "backoffice/registers_k2/form.html",
        {"form": form, "heading": heading, "back_url": back_url},
        status=status,
    )


def add_refusal(form: forms.BaseForm, refusal: ApplicationError) -> None:
    field_errors = refusal.extra.get("errors") or {}
    for field, errors in field_errors.items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)
    if not field_errors:
        form.add_error(None, refusal.message)


def audit_context(obj: Model) -> dict[str, Any]:
    return {"audit_entries": audit.entries_for(obj)}


def organisations_choice(actor: Any, code: str) -> Any:
    return permissions.organisations_with(actor, code).order_by("path")


class OrganisationChoiceForm(forms.Form):
    """Creation forms offer the organisations in which the actor may manage the register."""

    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=gettext_lazy("机构"), queryset=None
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.order_fields(["organisation"])


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_widget() -> forms.TimeInput:
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


# --- forms -----------------------------------------------------------------------------------


class ScheduleFilterForm(forms.Form):
    month = forms.DateField(
        label=gettext_lazy("月份"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    department = forms.CharField(label=gettext_lazy("进驻部门"), required=False)


class ScheduleForm(forms.ModelForm[ReceptionSchedule]):
    class Meta:
        model = ReceptionSchedule
        fields = [
            "stationed_department_name",
            "month",
            "receiver_name",
            "receiver_title",
            "topics",
            "is_published",
        ]
        widgets = {"month": _date_widget()}


class ScheduleCreateForm(OrganisationChoiceForm, ScheduleForm):  # type: ignore[misc]
    pass


class SlotForm(forms.ModelForm[ReceptionSlot]):
    class Meta:
        model = ReceptionSlot
        fields = ["date", "start_time", "end_time", "place", "capacity"]
        widgets = {
            "date": _date_widget(),
            "start_time": _time_widget(),
            "end_time": _time_widget(),
        }


class BookingFilterForm(forms.Form):
    date_from = forms.DateField(label=gettext_lazy("日期起"), required=False, widget=_date_widget())
    date_to = forms.DateField(label=gettext_lazy("日期止"), required=False, widget=_date_widget())
    status = forms.ChoiceField(
        label=gettext_lazy("状态"),
        required=False,
        choices=[("", "—"), *ReceptionBooking.Status.choices],
    )
    q = forms.CharField(label=gettext_lazy("姓名、单位或预约编号"), required=False)


class SessionFilterForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("年份"), required=False, min_value=2000, max_value=2100
    )
    month = forms.IntegerField(label=gettext_lazy("月"), required=False, min_value=1, max_value=12)
    department = forms.CharField(label=gettext_lazy("进驻部门"), required=False)


class SessionForm(forms.ModelForm[ReceptionSession]):
    class Meta:
        model = ReceptionSession
        fields = [
            "stationed_department_name",
            "held_on",
            "staff_dispatched",
            "visitors_received",
            "questions_answered_on_spot",
            "follow_ups",
        ]
        widgets = {"held_on": _date_widget()}


class SessionCreateForm(OrganisationChoiceForm, SessionForm):  # type: ignore[misc]
    pass


# --- columns ---------------------------------------------------------------------------------


def schedule_columns() -> list[Column]:
    # Built per request: headers in the visitor's language.
    return [
        Column(_("月份"), lambda s: f"{s.month:%Y-%m}"),
        Column(_("进驻部门"), lambda s: s.stationed_department_name),
        Column(_("接访人"), lambda s: s.receiver_name),
        Column(_("职务"), lambda s: s.receiver_title),
        Column(_("时段数"), lambda s: s.slot_count),
        Column(_("公布"), lambda s: s.is_published),
        Column(_("服务中心"), lambda s: s.organisation.name),
    ]


def booking_columns() -> list[Column]:
    # Built per request: headers in the visitor's language.
    return [
        Column(_("预约编号"), lambda b: b.reference),
        Column(_("接访日期"), lambda b: b.slot.date),
        Column(_("时间"), lambda b: f"{b.slot.start_time:%H:%M}—{b.slot.end_time:%H:%M}"),
        Column(_("进驻部门"), lambda b: b.slot.schedule.stationed_department_name),
        Column(_("姓名"), lambda b: b.name),
        Column(_("联系电话"), lambda b: b.phone),
        Column(_("单位"), lambda b: b.company),
        Column(_("咨询问题"), lambda b: b.question),
        Column(_("状态"), lambda b: b.get_status_display()),
        Column(_("预约时间"), lambda b: f"{b.booked_at:%Y-%m-%d %H:%M}"),
    ]


def session_columns() -> list[Column]:
    # Built per request: headers in the visitor's language.
    return [
        Column(_("接访日期"), lambda s: s.held_on),
        Column(_("进驻部门"), lambda s: s.stationed_department_name),
        Column(_("派出接访人次"), lambda s: s.staff_dispatched),
        Column(_("接待来访人次"), lambda s: s.visitors_received),
        Column(_("现场答复件数"), lambda s: s.questions_answered_on_spot),
        Column(_("后续跟进"), lambda s: s.follow_ups),
        Column(_("服务中心"), lambda s: s.organisation.name),
    ]


# --- views -----------------------------------------------------------------------------------


def _reception_links() -> dict[str, Any]:
    return {
        "section_links": [
            (_("接访记录"), reverse("backoffice:reception_session_list")),
            (_("接访安排"), reverse("backoffice:reception_schedule_list")),
            (_("接访预约"), reverse("backoffice:reception_booking_list")),
        ]
    }


class _ReceptionPage(OrganisationPermissionRequiredMixin, View):
    permission = permissions.RECEPTION_VIEW


class _ReceptionManagePage(OrganisationPermissionRequiredMixin, View):
    permission = permissions.RECEPTION_MANAGE


def _schedule(request: HttpRequest, pk: int) -> ReceptionSchedule:
    schedule = selectors.schedule_get_for_actor(actor=request.user, pk=pk)
    if schedule is None:
        raise Http404(_("没有找到该接访安排。"))
    return schedule


def _session(request: HttpRequest, pk: int) -> ReceptionSession:
    session = selectors.session_get_for_actor(actor=request.user, pk=pk)
    if session is None:
        raise Http404(_("没有找到该接访记录。"))
    return session


class ScheduleListView(_ReceptionPage):
    def get(self, request: HttpRequest) -> HttpResponse:
        form = ScheduleFilterForm(request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        rows = selectors.schedule_list_for_actor(
            actor=request.user, month=data.get("month"), department=data.get("department")
        )
        can_manage = permissions.has_any_permission(request.user, permissions.RECEPTION_MANAGE)
        return register_list(
            request,
            rows=rows,
            columns=schedule_columns(),
            filename="接访安排",
            heading=_("接访安排"),
            filter_form=form,
            detail_url=lambda s: reverse("backoffice:reception_schedule_detail", args=[s.pk]),
            create_url=reverse("backoffice:reception_schedule_create") if can_manage else "",
            create_label=_("新建接访安排"),
            extra=_reception_links(),
        )


class ScheduleCreateView(_ReceptionManagePage):
    def _form(self, request: HttpRequest, data: Any = None) -> ScheduleCreateForm:
        return ScheduleCreateForm(
            data,
            organisations=organisations_choice(request.user, permissions.RECEPTION_MANAGE),
            initial={"month": dt.date.today().replace(day=1), "is_published": True},
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return register_form(
            request,
            form=self._form(request),
            heading=_("新建接访安排"),
            back_url=reverse("backoffice:reception_schedule_list"),
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            organisation = data.pop("organisation")
            try:
                schedule = services.reception_schedule_create(
                    actor=request.user, organisation=organisation, data=data
                )
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("接访安排已保存，请添加可预约的时段。"))
                return redirect("backoffice:reception_schedule_detail", schedule.pk)
        return register_form(
            request,
            form=form,
            heading=_("新建接访安排"),
            back_url=reverse("backoffice:reception_schedule_list"),
            status=400,
        )


class ScheduleDetailView(_ReceptionPage):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        schedule = _schedule(request, pk)
        return self.render(request, schedule, SlotForm(initial={"place": "", "capacity": 5}))

    def render(
        self,
        request: HttpRequest,
        schedule: ReceptionSchedule,
        slot_form: SlotForm,
        status: int = 200,
    ) -> HttpResponse:
        slots = selectors.slot_list_for_schedule(schedule).prefetch_related("bookings")
        return render(
            request,
            "backoffice/reception/schedule_detail.html",
            {
                "schedule": schedule,
                "slots": slots,
                "slot_form": slot_form,
                "can_manage": permissions.can_manage_reception(request.user, schedule.organisation),
                **audit_context(schedule),
            },
            status=status,
        )


class ScheduleEditView(_ReceptionManagePage):
    def _check(self, request: HttpRequest, pk: int) -> ReceptionSchedule:
        schedule = _schedule(request, pk)
        deny_unless(permissions.can_manage_reception(request.user, schedule.organisation))
        return schedule

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        schedule = self._check(request, pk)
        return register_form(
            request,
            form=ScheduleForm(instance=schedule),
            heading=_("修改接访安排"),
            back_url=reverse("backoffice:reception_schedule_detail", args=[pk]),
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        schedule = self._check(request, pk)
        form = ScheduleForm(request.POST, instance=ReceptionSchedule.objects.get(pk=pk))
        if form.is_valid():
            try:
                services.reception_schedule_update(
                    actor=request.user, schedule=schedule, data=dict(form.cleaned_data)
                )
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("接访安排已更新。"))
                return redirect("backoffice:reception_schedule_detail", pk)
        return register_form(
            request,
            form=form,
            heading=_("修改接访安排"),
            back_url=reverse("backoffice:reception_schedule_detail", args=[pk]),
            status=400,
        )


class SlotCreateView(_ReceptionManagePage):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        schedule = _schedule(request, pk)
        deny_unless(permissions.can_manage_reception(request.user, schedule.organisation))
        form = SlotForm(request.POST)
        if form.is_valid():
            try:
                services.reception_slot_create(
                    actor=request.user, schedule=schedule, **form.cleaned_data
                )
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("已添加接访时段。"))
                return redirect("backoffice:reception_schedule_detail", pk)
        return ScheduleDetailView().render(request, schedule, form, status=400)


class BookingListView(_ReceptionPage):
    def get(self, request: HttpRequest) -> HttpResponse:
        form = BookingFilterForm(request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        rows = selectors.booking_list_for_actor(
            actor=request.user,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            status=data.get("status") or None,
            query=data.get("q") or None,
        ).order_by("slot__date", "slot__start_time", "id")
        return register_list(
            request,
            rows=rows,
            columns=booking_columns(),
            filename="接访预约",
            heading=_("接访预约"),
            filter_form=form,
            detail_url=lambda b: reverse(
                "backoffice:reception_schedule_detail", args=[b.slot.schedule_id]
            ),
            extra=_reception_links(),
        )


class BookingCancelView(_ReceptionManagePage):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        booking = selectors.booking_get_for_actor(actor=request.user, pk=pk)
        if booking is None:
            raise Http404(_("没有找到该预约。"))
        deny_unless(
            permissions.can_manage_reception(request.user, booking.slot.schedule.organisation)
        )
        try:
            services.reception_booking_cancel(actor=request.user, booking=booking)
        except ApplicationError as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request, _("预约 %(reference)s 已取消。") % {"reference": booking.reference}
            )
        return redirect("backoffice:reception_schedule_detail", booking.slot.schedule_id)


class SessionListView(_ReceptionPage):
    def get(self, request: HttpRequest) -> HttpResponse:
        form = SessionFilterForm(request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        rows = selectors.session_list_for_actor(
            actor=request.user,
            year=data.get("year"),
            month=data.get("month"),
            department=data.get("department") or None,
        )
        can_manage = permissions.has_any_permission(request.user, permissions.RECEPTION_MANAGE)
        return register_list(
            request,
            rows=rows,
            columns=session_columns(),
            filename="接访记录",
            heading=_("接访记录"),
            filter_form=form,
            detail_url=lambda s: reverse("backoffice:reception_session_detail", args=[s.pk]),
            create_url=reverse("backoffice:reception_session_create") if can_manage else "",
            create_label=_("登记接访记录"),
            extra=_reception_links(),
        )


class SessionCreateView(_ReceptionManagePage):
    def _form(self, request: HttpRequest, data: Any = None) -> SessionCreateForm:
        return SessionCreateForm(
            data,
            organisations=organisations_choice(request.user, permissions.RECEPTION_MANAGE),
            initial={"held_on": dt.date.today()},
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return register_form(
            request,
            form=self._form(request),
            heading=_("登记接访记录"),
            back_url=reverse("backoffice:reception_session_list"),
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            organisation = data.pop("organisation")
            try:
                session = services.reception_session_create(
                    actor=request.user, organisation=organisation, data=data
                )
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("接访记录已保存。"))
                return redirect("backoffice:reception_session_detail", session.pk)
        return register_form(
            request,
            form=form,
            heading=_("登记接访记录"),
            back_url=reverse("backoffice:reception_session_list"),
            status=400,
        )


class SessionDetailView(_ReceptionPage):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        session = _session(request, pk)
        return render(
            request,
            "backoffice/reception/session_detail.html",
            {
                "session": session,
                "can_manage": permissions.can_manage_reception(request.user, session.organisation),
                **audit_context(session),
            },
        )


class SessionEditView(_ReceptionManagePage):
    def _check(self, request: HttpRequest, pk: int) -> ReceptionSession:
        session = _session(request, pk)
        deny_unless(permissions.can_manage_reception(request.user, session.organisation))
        return session

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        session = self._check(request, pk)
        return register_form(
            request,
            form=SessionForm(instance=session),
            heading=_("修改接访记录"),
            back_url=reverse("backoffice:reception_session_detail", args=[pk]),
        )

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        session = self._check(request, pk)
        form = SessionForm(request.POST, instance=ReceptionSession.objects.get(pk=pk))
        if form.is_valid():
            try:
                services.reception_session_update(
                    actor=request.user, session=session, data=dict(form.cleaned_data)
                )
            except ApplicationError as refusal:
                add_refusal(form, refusal)
            else:
                messages.success(request, _("接访记录已更新。"))
                return redirect("backoffice:reception_session_detail", pk)
        return register_form(
            request,
            form=form,
            heading=_("修改接访记录"),
            back_url=reverse("backoffice:reception_session_detail", args=[pk]),
            status=400,
        )
