"""投诉建议 in the back office: register list with export, staff entry, the complaint page with
routing and reply, and the per-organisation answer deadline."""

from __future__ import annotations

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import View

from gongkai.backoffice.forms import service_centre as forms
from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin, deny_unless
from gongkai.backoffice.views.registers import add_service_errors, list_or_export, render_form
from gongkai.complaints import selectors, services
from gongkai.complaints.models import DEFAULT_ANSWER_WORKING_DAYS, Complaint
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.core.exports import Column
from gongkai.organisations import permissions

COLUMNS = [
    Column("受理编号", lambda c: c.tracking_number),
    Column("类型", lambda c: c.get_kind_display()),
    Column("主题", lambda c: c.subject),
    Column("渠道", lambda c: c.get_channel_display()),
    Column("受理机关", lambda c: c.organisation.name),
    Column("责任部门", lambda c: c.department.name if c.department else ""),
    Column("受理日期", lambda c: c.received_on),
    Column("答复期限", lambda c: c.due_on),
    Column("状态", lambda c: c.get_status_display()),
    Column("答复日期", lambda c: c.replied_on),
    Column("满意度", lambda c: c.satisfaction),
]


def _load(request: HttpRequest, pk: int) -> Complaint:
    complaint = selectors.complaint_get_for_actor(actor=request.user, pk=pk)
    if complaint is None:
        raise Http404(_("没有找到该投诉建议。"))
    return complaint


class ComplaintListView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.COMPLAINTS_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        form = forms.ComplaintFilterForm(request.GET or None)
        filters = {}
        if form.is_valid():
            data = form.cleaned_data
            filters = {
                "kind": data["kind"] or None,
                "status": data["status"] or None,
                "year": data["year"],
                "query": data["q"] or None,
                "overdue": True if data["overdue"] else None,
            }
        complaints = selectors.complaint_list_for_actor(actor=request.user, **filters)
        actions = []
        if permissions.has_any_permission(request.user, permissions.COMPLAINTS_MANAGE):
            actions = [
                (reverse("backoffice:complaint_settings"), _("答复期限设置")),
                (reverse("backoffice:complaint_create"), _("登记投诉建议")),
            ]
        return list_or_export(
            request,
            rows=complaints,
            columns=COLUMNS,
            filename="投诉建议",
            heading=_("投诉建议"),
            filter_form=form,
            link=lambda c: reverse("backoffice:complaint_detail", args=[c.pk]),
            actions=actions,
        )


class ComplaintCreateView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.COMPLAINTS_MANAGE

    def _form(self, request: HttpRequest) -> forms.ComplaintEntryForm:
        return forms.ComplaintEntryForm(
            request.POST or None,
            organisations=selectors.organisations_for_complaint_entry(request.user),
        )

    def _render(self, request: HttpRequest, form: Form, status: int = 200) -> HttpResponse:
        return render_form(
            request,
            form=form,
            heading=_("登记投诉建议"),
            back_url=reverse("backoffice:complaint_list"),
            intro=_("电话、信函、来访收到的投诉建议在此登记；受理编号和查询码请告知投诉人。"),
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request)
        if not form.is_valid():
            return self._render(request, form, status=400)
        data = form.cleaned_data
        try:
            complaint, access_code = services.complaint_submit(
                actor=request.user,
                organisation=data["organisation"],
                kind=data["kind"],
                channel=data["channel"],
                received_on=data["received_on"],
                subject=data["subject"],
                content=data["content"],
                contact_name=data["contact_name"],
                contact_phone=data["contact_phone"],
                contact_email=data["contact_email"],
            )
        except ApplicationError as error:
            add_service_errors(form, error)
            return self._render(request, form, status=400)
        messages.success(
            request,
            _("已登记，受理编号 %(number)s，查询码 %(code)s（只显示这一次，请告知投诉人）。")
            % {"number": complaint.tracking_number, "code": access_code},
        )
        return redirect("backoffice:complaint_detail", pk=complaint.pk)


class ComplaintDetailView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.COMPLAINTS_VIEW

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        complaint = _load(request, pk)
        can_manage = permissions.can_manage_complaint(request.user, complaint)
        return render(
            request,
            "backoffice/complaints/detail.html",
            {
                "complaint": complaint,
                "is_overdue": selectors.complaint_is_overdue(complaint),
                "can_manage": can_manage,
                "route_form": forms.ComplaintRouteForm(
                    initial={"department": complaint.department_id}
                ),
                "reply_form": forms.ComplaintReplyForm(),
                "audit_entries": audit.entries_for(complaint)[:200],
            },
        )


class ComplaintRouteView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.COMPLAINTS_MANAGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        complaint = _load(request, pk)
        deny_unless(permissions.can_manage_complaint(request.user, complaint))
        form = forms.ComplaintRouteForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("请选择责任部门。"))
        else:
            try:
                services.complaint_route(
                    actor=request.user,
                    complaint=complaint,
                    department=form.cleaned_data["department"],
                )
                messages.success(request, _("已转办。"))
            except ApplicationError as error:
                messages.error(request, error.message)
        return redirect("backoffice:complaint_detail", pk=complaint.pk)


class ComplaintReplyView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.COMPLAINTS_MANAGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        complaint = _load(request, pk)
        deny_unless(permissions.can_manage_complaint(request.user, complaint))
        form = forms.ComplaintReplyForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("请填写答复内容和有效的答复日期。"))
        else:
            try:
                services.complaint_reply(
                    actor=request.user,
                    complaint=complaint,
                    reply=form.cleaned_data["reply"],
                    replied_on=form.cleaned_data["replied_on"],
                )
                messages.success(request, _("已答复，投诉人可在查询页面看到答复。"))
            except ApplicationError as error:
                messages.error(request, error.message)
        return redirect("backoffice:complaint_detail", pk=complaint.pk)


class ComplaintSettingsView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.COMPLAINTS_MANAGE

    def _form(self, request: HttpRequest) -> forms.ComplaintSettingsForm:
        return forms.ComplaintSettingsForm(
            request.POST or None,
            organisations=selectors.organisations_for_complaint_entry(request.user),
            initial={"answer_working_days": DEFAULT_ANSWER_WORKING_DAYS},
        )

    def _render(self, request: HttpRequest, form: Form, status: int = 200) -> HttpResponse:
        return render_form(
            request,
            form=form,
            heading=_("投诉建议答复期限"),
            back_url=reverse("backoffice:complaint_list"),
            intro=_("新受理的投诉建议按此工作日数计算答复期限（默认15个工作日）。"),
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request)
        if not form.is_valid():
            return self._render(request, form, status=400)
        try:
            services.complaint_settings_update(
                actor=request.user,
                organisation=form.cleaned_data["organisation"],
                answer_working_days=form.cleaned_data["answer_working_days"],
            )
        except ApplicationError as error:
            add_service_errors(form, error)
            return self._render(request, form, status=400)
        messages.success(request, _("答复期限已保存。"))
        return redirect("backoffice:complaint_list")
