"""办事指南 in the back office: service items, their guide versions (revise, publish) and
print runs (guides and 便民服务卡), with list export."""

from __future__ import annotations

from typing import Any

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
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.core.exports import Column
from gongkai.organisations import permissions
from gongkai.service_guides import selectors, services
from gongkai.service_guides.models import GUIDE_TEXT_FIELDS, ServiceItem

ITEM_COLUMNS = [
    Column("事项编码", lambda i: i.code),
    Column("事项名称", lambda i: i.name),
    Column("办理部门", lambda i: i.department_label),
    Column("机构", lambda i: i.organisation.name),
    Column("版本数", lambda i: i.version_count),
    Column("最新版本", lambda i: i.last_version),
]
PRINT_RUN_COLUMNS = [
    Column("批次号", lambda r: r.batch_number),
    Column("印制品", lambda r: r.get_kind_display()),
    Column("印制日期", lambda r: r.printed_on),
    Column("事项数", lambda r: r.items_count),
    Column("印数（份）", lambda r: r.copies),
    Column("机构", lambda r: r.organisation.name),
    Column("备注", lambda r: r.note),
]


def _managed_organisations(request: HttpRequest) -> Any:
    return permissions.organisations_with(request.user, permissions.SERVICE_GUIDES_MANAGE).filter(
        is_active=True
    )


def _load_item(request: HttpRequest, pk: int) -> ServiceItem:
    item = selectors.service_item_get_for_actor(actor=request.user, pk=pk)
    if item is None:
        raise Http404(_("没有找到该服务事项。"))
    return item


class ServiceItemListView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_GUIDES_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        query = (request.GET.get("q") or "").strip()[:100]
        actions = [(reverse("backoffice:print_run_list"), _("印制批次"))]
        if permissions.has_any_permission(request.user, permissions.SERVICE_GUIDES_MANAGE):
            actions.append((reverse("backoffice:service_item_create"), _("新增服务事项")))
        return list_or_export(
            request,
            rows=selectors.service_item_list_for_actor(actor=request.user, query=query or None),
            columns=ITEM_COLUMNS,
            filename="办事指南事项",
            heading=_("办事指南"),
            link=lambda i: reverse("backoffice:service_item_detail", args=[i.pk]),
            actions=actions,
        )


class ServiceItemCreateView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_GUIDES_MANAGE

    def _render(self, request: HttpRequest, form: Form, status: int = 200) -> HttpResponse:
        return render_form(
            request,
            form=form,
            heading=_("新增服务事项"),
            back_url=reverse("backoffice:service_item_list"),
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        form = forms.ServiceItemForm(organisations=_managed_organisations(request))
        return self._render(request, form)

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.ServiceItemForm(request.POST, organisations=_managed_organisations(request))
        if not form.is_valid():
            return self._render(request, form, status=400)
        try:
            item = services.service_item_create(actor=request.user, **form.cleaned_data)
        except ApplicationError as error:
            add_service_errors(form, error)
            return self._render(request, form, status=400)
        messages.success(request, _("服务事项已保存，请填写第一版办事指南。"))
        return redirect("backoffice:guide_revise", pk=item.pk)


class ServiceItemDetailView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_GUIDES_VIEW

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        item = _load_item(request, pk)
        versions = list(item.guides.select_related("created_by").order_by("-version"))
        audit_entries = list(audit.entries_for(item)[:50])
        for guide in versions[:20]:
            audit_entries.extend(audit.entries_for(guide)[:10])
        audit_entries.sort(key=lambda entry: (entry.created_at, entry.pk), reverse=True)
        return render(
            request,
            "backoffice/service_guides/item_detail.html",
            {
                "item": item,
                "versions": versions,
                "current": versions[0] if versions else None,
                "current_fields": [
                    (services.GUIDE_FIELD_LABELS[name], getattr(versions[0], name))
                    for name in GUIDE_TEXT_FIELDS
                ]
                if versions
                else [],
                "can_manage": permissions.can_manage_service_guides(
                    request.user, item.organisation
                ),
                "audit_entries": audit_entries,
            },
        )


class GuideReviseView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_GUIDES_MANAGE

    def _render(
        self, request: HttpRequest, item: ServiceItem, form: Form, status: int = 200
    ) -> HttpResponse:
        return render_form(
            request,
            form=form,
            heading=_("修订办事指南：%(name)s") % {"name": item.name},
            back_url=reverse("backoffice:service_item_detail", args=[item.pk]),
            intro=_("每次保存形成一个新版本（一次修订），已发布的版本保持不变。"),
            status=status,
        )

    def _item(self, request: HttpRequest, pk: int) -> ServiceItem:
        item = _load_item(request, pk)
        deny_unless(permissions.can_manage_service_guides(request.user, item.organisation))
        return item

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        item = self._item(request, pk)
        current = selectors.latest_guide(item)
        initial = {name: getattr(current, name) for name in GUIDE_TEXT_FIELDS} if current else {}
        return self._render(request, item, forms.GuideVersionForm(initial=initial))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        item = self._item(request, pk)
        form = forms.GuideVersionForm(request.POST)
        if not form.is_valid():
            return self._render(request, item, form, status=400)
        data = form.cleaned_data
        try:
            guide = services.service_guide_revise(
                actor=request.user,
                service_item=item,
                fields={name: data[name] for name in GUIDE_TEXT_FIELDS},
                change_note=data["change_note"],
                revised_on=data["revised_on"],
                publish=data["publish"],
            )
        except ApplicationError as error:
            add_service_errors(form, error)
            return self._render(request, item, form, status=400)
        messages.success(request, _("已保存第 %(version)s 版。") % {"version": guide.version})
        return redirect("backoffice:service_item_detail", pk=item.pk)


class GuidePublishView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_GUIDES_MANAGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        guide = selectors.guide_get_for_actor(actor=request.user, pk=pk)
        if guide is None:
            raise Http404(_("没有找到该版本。"))
        deny_unless(
            permissions.can_manage_service_guides(request.user, guide.service_item.organisation)
        )
        try:
            services.service_guide_publish(actor=request.user, guide=guide)
            messages.success(request, _("已发布。"))
        except ApplicationError as error:
            messages.error(request, error.message)
        return redirect("backoffice:service_item_detail", pk=guide.service_item_id)


class PrintRunListView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_GUIDES_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        form = forms.PrintRunFilterForm(request.GET or None)
        filters: dict[str, Any] = {}
        if form.is_valid():
            filters = {"kind": form.cleaned_data["kind"] or None, "year": form.cleaned_data["year"]}
        actions = [(reverse("backoffice:service_item_list"), _("服务事项"))]
        if permissions.has_any_permission(request.user, permissions.SERVICE_GUIDES_MANAGE):
            actions.append((reverse("backoffice:print_run_create"), _("登记印制批次")))
        return list_or_export(
            request,
            rows=selectors.print_run_list_for_actor(actor=request.user, **filters),
            columns=PRINT_RUN_COLUMNS,
            filename="办事指南印制批次",
            heading=_("办事指南及便民服务卡印制"),
            filter_form=form,
            actions=actions,
        )


class PrintRunCreateView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.SERVICE_GUIDES_MANAGE

    def _render(self, request: HttpRequest, form: Form, status: int = 200) -> HttpResponse:
        return render_form(
            request,
            form=form,
            heading=_("登记印制批次"),
            back_url=reverse("backoffice:print_run_list"),
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        form = forms.PrintRunForm(organisations=_managed_organisations(request))
        return self._render(request, form)

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.PrintRunForm(request.POST, organisations=_managed_organisations(request))
        if not form.is_valid():
            return self._render(request, form, status=400)
        try:
            services.guide_print_run_record(actor=request.user, **form.cleaned_data)
        except ApplicationError as error:
            add_service_errors(form, error)
            return self._render(request, form, status=400)
        messages.success(request, _("印制批次已登记。"))
        return redirect("backoffice:print_run_list")
