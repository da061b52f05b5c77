"""服务评价与服务保障 in the back office: evaluations by stationed departments and fault reports
from the service hotline, with status and time to resolve."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import View

from gongkai.backoffice.forms import service_centre as forms
from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin, deny_unless
from gongkai.backoffice.views.registers import add_service_errors, list_or_export, render_form
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.core.exports import Column
from gongkai.organisations import permissions
from gongkai.service_desk import selectors, services
from gongkai.service_desk.models import SCORE_FIELDS, SERVICE_HOTLINE, FaultReport

EVALUATION_COLUMNS = [
    Column("评价部门", lambda e: e.evaluator_department),
    Column("评价期起", lambda e: e.period_start),
    Column("评价期止", lambda e: e.period_end),
    Column(
        "被评价人员/岗位",
        lambda e: e.evaluated_staff.display_name if e.evaluated_staff else e.evaluated_team,
    ),
    Column("服务态度", lambda e: e.attitude),
    Column("服务质量", lambda e: e.quality),
    Column("办事效率", lambda e: e.efficiency),
    Column("工作作风", lambda e: e.conduct),
    Column("评价意见", lambda e: e.comment),
]
FAULT_COLUMNS = [
    Column("申报时间", lambda f: f.reported_at.strftime("%Y-%m-%d %H:%M")),
    Column("申报部门", lambda f: f.reporting_department),
    Column("故障描述", lambda f: f.description[:60]),
    Column("渠道", lambda f: f.get_channel_display()),
    Column("状态", lambda f: f.get_status_display()),
    Column("解决用时", lambda f: selectors.format_duration(f.time_to_resolve)),
]


def _managed_organisations(request: HttpRequest) -> Any:
    return permissions.organisations_with(request.user, permissions.SERVICE_DESK_MANAGE).filter(
        is_active=True
    )


class EvaluationListView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_DESK_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        form = forms.EvaluationFilterForm(request.GET or None)
        filters: dict[str, Any] = {}
        if form.is_valid():
            filters = {
                "year": form.cleaned_data["year"],
                "department": form.cleaned_data["department"] or None,
            }
        actions = [(reverse("backoffice:fault_list"), _("故障申报"))]
        if permissions.has_any_permission(request.user, permissions.SERVICE_DESK_MANAGE):
            actions.append((reverse("backoffice:evaluation_create"), _("登记服务评价")))
        return list_or_export(
            request,
            rows=selectors.evaluation_list_for_actor(actor=request.user, **filters),
            columns=EVALUATION_COLUMNS,
            filename="服务评价",
            heading=_("服务评价（服务态度、服务质量、办事效率、工作作风）"),
            filter_form=form,
            actions=actions,
        )


class EvaluationCreateView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_DESK_MANAGE

    def _form(self, request: HttpRequest) -> forms.EvaluationForm:
        organisations = _managed_organisations(request)
        staff = (
            get_user_model()
            .objects.filter(memberships__organisation__in=organisations, is_active=True)
            .distinct()
            .order_by("username")
        )
        return forms.EvaluationForm(request.POST or None, organisations=organisations, staff=staff)

    def _render(self, request: HttpRequest, form: Form, status: int = 200) -> HttpResponse:
        return render_form(
            request,
            form=form,
            heading=_("登记服务评价"),
            back_url=reverse("backoffice:evaluation_list"),
            intro=_("进驻部门对工作人员提供的服务从四个方面评价，每项1至5分。"),
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
            services.service_evaluation_record(
                actor=request.user,
                organisation=data["organisation"],
                evaluator_department=data["evaluator_department"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                scores={name: data[name] for name in SCORE_FIELDS},
                evaluated_staff=data["evaluated_staff"],
                evaluated_team=data["evaluated_team"],
                comment=data["comment"],
            )
        except ApplicationError as error:
            add_service_errors(form, error)
            return self._render(request, form, status=400)
        messages.success(request, _("服务评价已登记。"))
        return redirect("backoffice:evaluation_list")


class FaultListView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_DESK_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        form = forms.FaultFilterForm(request.GET or None)
        filters: dict[str, Any] = {}
        if form.is_valid():
            filters = {
                "status": form.cleaned_data["status"] or None,
                "year": form.cleaned_data["year"],
                "query": form.cleaned_data["q"] or None,
            }
        actions = [(reverse("backoffice:evaluation_list"), _("服务评价"))]
        if permissions.has_any_permission(request.user, permissions.SERVICE_DESK_MANAGE):
            actions.append((reverse("backoffice:fault_create"), _("登记故障申报")))
        return list_or_export(
            request,
            rows=selectors.fault_list_for_actor(actor=request.user, **filters),
            columns=FAULT_COLUMNS,
            filename="故障申报",
            heading=_("故障申报（服务保障电话 %(phone)s）") % {"phone": SERVICE_HOTLINE},
            filter_form=form,
            link=lambda f: reverse("backoffice:fault_detail", args=[f.pk]),
            actions=actions,
        )


class FaultCreateView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_DESK_MANAGE

    def _render(self, request: HttpRequest, form: Form, status: int = 200) -> HttpResponse:
        return render_form(
            request,
            form=form,
            heading=_("登记故障申报"),
            back_url=reverse("backoffice:fault_list"),
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(
            request, forms.FaultReportForm(organisations=_managed_organisations(request))
        )

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.FaultReportForm(request.POST, organisations=_managed_organisations(request))
        if not form.is_valid():
            return self._render(request, form, status=400)
        try:
            report = services.fault_report_record(actor=request.user, **form.cleaned_data)
        except ApplicationError as error:
            add_service_errors(form, error)
            return self._render(request, form, status=400)
        messages.success(request, _("故障申报已登记。"))
        return redirect("backoffice:fault_detail", pk=report.pk)


def _load_fault(request: HttpRequest, pk: int) -> FaultReport:
    report = selectors.fault_get_for_actor(actor=request.user, pk=pk)
    if report is None:
        raise Http404(_("没有找到该故障申报。"))
    return report


class FaultDetailView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_DESK_VIEW

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = _load_fault(request, pk)
        return render(
            request,
            "backoffice/service_desk/fault_detail.html",
            {
                "report": report,
                "time_to_resolve": selectors.format_duration(report.time_to_resolve),  # type: ignore[attr-defined]
                "can_manage": permissions.can_manage_service_desk(
                    request.user, report.organisation
                ),
                "resolve_form": forms.FaultResolveForm(),
                "audit_entries": audit.entries_for(report)[:200],
            },
        )


class FaultStartView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_DESK_MANAGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = _load_fault(request, pk)
        deny_unless(permissions.can_manage_service_desk(request.user, report.organisation))
        try:
            services.fault_report_start(actor=request.user, fault_report=report)
            messages.success(request, _("已开始处理。"))
        except ApplicationError as error:
            messages.error(request, error.message)
        return redirect("backoffice:fault_detail", pk=report.pk)


class FaultResolveView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_DESK_MANAGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        report = _load_fault(request, pk)
        deny_unless(permissions.can_manage_service_desk(request.user, report.organisation))
        form = forms.FaultResolveForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("请填写处理情况。"))
        else:
            try:
                services.fault_report_resolve(
                    actor=request.user,
                    fault_report=report,
                    resolution=form.cleaned_data["resolution"],
                )
                messages.success(request, _("已标记为解决。"))
            except ApplicationError as error:
                messages.error(request, error.message)
        return redirect("backoffice:fault_detail", pk=report.pk)
