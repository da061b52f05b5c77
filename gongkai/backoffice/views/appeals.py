"""行政复议、行政诉讼和申诉 in the back office: register, case page, decision, documents, table 四.

Cases are loaded through the actor-scoped selector (404 outside the actor's organisations);
each write checks its predicate (403) and calls one service, whose refusals come back as form
errors or messages.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.generic import View

from gongkai.appeals import selectors, services, statistics
from gongkai.appeals.models import AppealCase
from gongkai.backoffice.forms import appeals as appeal_forms
from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin, deny_unless
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.core.exports import EXPORT_FORMATS, Column, export_response
from gongkai.organisations import permissions

PAGE_SIZE = 25

EXPORT_COLUMNS = [
    Column("案号", lambda c: c.case_number),
    Column("类型", lambda c: c.get_kind_display()),
    Column("被申请人/被告机关", lambda c: c.organisation.name),
    Column("受理机关", lambda c: c.handling_body),
    Column("申请人/原告", lambda c: c.applicant_name),
    Column(
        "涉及申请",
        lambda c: c.disclosure_request.tracking_number if c.disclosure_request else "",
    ),
    Column("提出日期", lambda c: c.filed_on),
    Column("受理/立案日期", lambda c: c.accepted_on),
    Column("法定审结期限", lambda c: c.decision_due_on),
    Column("审结日期", lambda c: c.decided_on),
    Column("结果", lambda c: c.result_label),
    Column("纠正措施", lambda c: c.corrective_action),
]


def _load_case(request: HttpRequest, pk: int) -> AppealCase:
    appeal_case = selectors.appeal_case_get_for_actor(actor=request.user, pk=pk)
    if appeal_case is None:
        raise Http404(_("没有找到该案件。"))
    return appeal_case


def _case_form(request: HttpRequest, data: Any = None, **kwargs: Any) -> Any:
    return appeal_forms.AppealCaseForm(
        data,
        disclosure_requests=selectors.disclosure_requests_for(actor=request.user),
        review_cases=selectors.review_cases_for(actor=request.user),
        **kwargs,
    )


class AppealListView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.APPEALS_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        form = appeal_forms.AppealFilterForm(request.GET or None)
        filters: dict[str, Any] = {}
        if form.is_valid():
            data = form.cleaned_data
            filters = {
                "kind": data["kind"] or None,
                "result": data["result"] or None,
                "year": data["year"],
                "overdue": data["overdue"] or None,
                "query": data["q"] or None,
            }
        cases = selectors.appeal_case_list_for_actor(actor=request.user, **filters)
        file_format = request.GET.get("export")
        if file_format in EXPORT_FORMATS:
            return export_response(
                cases, EXPORT_COLUMNS, filename="复议诉讼案件", file_format=file_format
            )
        page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        query.pop("export", None)
        return render(
            request,
            "backoffice/appeals/list.html",
            {
                "form": form,
                "page_obj": page,
                "cases": page.object_list,
                "query_string": query.urlencode(),
                "can_create": permissions.has_any_permission(
                    request.user, permissions.APPEALS_MANAGE
                ),
            },
        )


class AppealCreateView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.APPEALS_MANAGE

    def _form(self, request: HttpRequest, data: Any = None) -> Any:
        organisations = permissions.organisations_with(
            request.user, permissions.APPEALS_MANAGE
        ).order_by("path")
        return _case_form(request, data, organisations=organisations)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            organisation = form.cleaned_data["organisation"]
            deny_unless(permissions.can_create_appeal_case(request.user, organisation))
            try:
                appeal_case = services.appeal_case_create(
                    actor=request.user, organisation=organisation, **form.service_fields()
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("已登记案件。"))
                return redirect("backoffice:appeal_detail", pk=appeal_case.pk)
        return self._render(request, form)

    def _render(
        self, request: HttpRequest, form: forms.Form, appeal_case: AppealCase | None = None
    ) -> HttpResponse:
        return render(
            request,
            "backoffice/appeals/form.html",
            {"form": form, "appeal_case": appeal_case},
            status=400 if form.errors else 200,
        )


class AppealEditView(AppealCreateView):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:  # type: ignore[override]
        appeal_case = _load_case(request, pk)
        deny_unless(permissions.can_manage_appeal_case(request.user, appeal_case))
        initial = {name: getattr(appeal_case, name) for name in services.EDITABLE_FIELDS}
        return self._render(request, _case_form(request, initial=initial), appeal_case)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:  # type: ignore[override]
        appeal_case = _load_case(request, pk)
        deny_unless(permissions.can_manage_appeal_case(request.user, appeal_case))
        form = _case_form(request, request.POST)
        if form.is_valid():
            try:
                services.appeal_case_update(
                    actor=request.user, appeal_case=appeal_case, **form.service_fields()
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("已保存案件信息。"))
                return redirect("backoffice:appeal_detail", pk=appeal_case.pk)
            appeal_case.refresh_from_db()
        return self._render(request, form, appeal_case)


class AppealDetailView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.APPEALS_VIEW

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        appeal_case = _load_case(request, pk)
        return render_detail(request, appeal_case)


def render_detail(
    request: HttpRequest,
    appeal_case: AppealCase,
    *,
    decision_form: forms.Form | None = None,
    document_form: forms.Form | None = None,
    status: int = 200,
) -> HttpResponse:
    can_manage = permissions.can_manage_appeal_case(request.user, appeal_case)
    can_audit = permissions.can_view_audit(request.user, appeal_case.organisation)
    return render(
        request,
        "backoffice/appeals/detail.html",
        {
            "appeal_case": appeal_case,
            "deadlines": selectors.deadlines_for(appeal_case),
            "documents": appeal_case.documents.all(),
            "lawsuits": appeal_case.lawsuits.all(),
            "can_manage": can_manage,
            "decision_form": decision_form or appeal_forms.DecisionForm(),
            "document_form": document_form or appeal_forms.DocumentForm(),
            "can_audit": can_audit,
            "audit_entries": audit.entries_for(appeal_case)[:100] if can_audit else None,
        },
        status=status,
    )


class AppealDecisionView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.APPEALS_MANAGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        appeal_case = _load_case(request, pk)
        deny_unless(permissions.can_manage_appeal_case(request.user, appeal_case))
        form = appeal_forms.DecisionForm(request.POST)
        if form.is_valid():
            try:
                services.appeal_case_record_decision(
                    actor=request.user, appeal_case=appeal_case, **form.cleaned_data
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("已记录审结结果。"))
                return redirect("backoffice:appeal_detail", pk=appeal_case.pk)
        return render_detail(request, appeal_case, decision_form=form, status=400)


class AppealDocumentUploadView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.APPEALS_MANAGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        appeal_case = _load_case(request, pk)
        deny_unless(permissions.can_manage_appeal_case(request.user, appeal_case))
        form = appeal_forms.DocumentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.appeal_document_add(
                    actor=request.user,
                    appeal_case=appeal_case,
                    uploaded_file=form.cleaned_data["file"],
                    title=form.cleaned_data["title"],
                )
            except ApplicationError as error:
                form.add_error("file", error.message)
            else:
                messages.success(request, _("已上传文书。"))
                return redirect("backoffice:appeal_detail", pk=appeal_case.pk)
        return render_detail(request, appeal_case, document_form=form, status=400)


class AppealDocumentDownloadView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.APPEALS_VIEW

    def get(self, request: HttpRequest, pk: int, document_pk: int) -> HttpResponseBase:
        appeal_case = _load_case(request, pk)
        document = appeal_case.documents.filter(pk=document_pk).first()
        if document is None:
            raise Http404
        return FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type,
        )


class AppealStatisticsView(OrganisationPermissionRequiredMixin, View):
    """Table 四 of the annual report for one organisation the actor may view and one year."""

    permission = permissions.APPEALS_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        organisations = permissions.organisations_with(
            request.user, permissions.APPEALS_VIEW
        ).order_by("path")
        form = appeal_forms.StatisticsForm(request.GET or None)
        form.fields["organisation"] = forms.ModelChoiceField(
            queryset=organisations, label=_("机关"), required=False
        )
        year = form.fields["year"].initial
        organisation = organisations.first()
        if form.is_valid():
            year = form.cleaned_data["year"]
            organisation = form.cleaned_data["organisation"] or organisation
        figures = (
            statistics.year_statistics(organisation_ids=[organisation.pk], year=year)
            if organisation is not None
            else {}
        )
        return render(
            request,
            "backoffice/appeals/statistics.html",
            {
                "form": form,
                "year": year,
                "organisation": organisation,
                "row": statistics.table_four_row(figures) if figures else [],
                "complaints": figures.get("appeals.complaints", 0),
            },
            status=400 if form.errors else 200,
        )
