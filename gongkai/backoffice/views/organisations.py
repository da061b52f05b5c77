"""机构: the organisations the actor works in, their 指南 contact block and their members."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.generic import View

from gongkai.backoffice.forms.organisations import (
    ORGANISATION_FIELDS,
    OrganisationCreateForm,
    OrganisationForm,
)
from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin, deny_unless
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.organisations import permissions
from gongkai.organisations import services as organisation_services
from gongkai.organisations.models import Membership, Organisation


def _visible_organisations(request: HttpRequest) -> Any:
    # Every role includes catalogue.view, so this is "organisations where the actor works".
    return permissions.organisations_with(request.user, permissions.CATALOGUE_VIEW)


def _load_organisation(request: HttpRequest, pk: int) -> Organisation:
    organisation = _visible_organisations(request).filter(pk=pk).first()
    if organisation is None:
        raise Http404(_("没有找到该机构。"))
    return organisation


def _apply_validation_error(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            for message in field_messages:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


class OrganisationListView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.CATALOGUE_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        organisations = _visible_organisations(request).select_related("parent")
        return render(
            request,
            "backoffice/organisations/list.html",
            {
                "organisations": organisations,
                "can_create": permissions.has_any_permission(
                    request.user, permissions.ORGANISATION_MANAGE
                ),
            },
        )


class OrganisationDetailView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.CATALOGUE_VIEW

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = _load_organisation(request, pk)
        memberships = (
            Membership.objects.filter(organisation=organisation)
            .select_related("user")
            .order_by("role", "user__username")
        )
        can_audit = permissions.can_view_audit(request.user, organisation)
        return render(
            request,
            "backoffice/organisations/detail.html",
            {
                "organisation": organisation,
                "memberships": memberships,
                "children": organisation.children.all(),
                "can_manage": permissions.can_manage_organisation(request.user, organisation),
                "audit_entries": audit.entries_for(organisation)[:100] if can_audit else None,
                "can_audit": can_audit,
            },
        )


class OrganisationEditView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.ORGANISATION_MANAGE

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = _load_organisation(request, pk)
        deny_unless(permissions.can_manage_organisation(request.user, organisation))
        initial = {name: getattr(organisation, name) for name in ORGANISATION_FIELDS}
        return self._render(request, organisation, OrganisationForm(initial=initial))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        organisation = _load_organisation(request, pk)
        deny_unless(permissions.can_manage_organisation(request.user, organisation))
        form = OrganisationForm(request.POST)
        if form.is_valid():
            try:
                organisation_services.organisation_update(
                    actor=request.user, organisation=organisation, **form.service_fields()
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            except ValidationError as error:
                _apply_validation_error(form, error)
            else:
                messages.success(request, _("已保存机构信息。"))
                return redirect("backoffice:organisation_detail", pk=organisation.pk)
            # The service refused: reload so the page does not show half-applied values.
            organisation.refresh_from_db()
        return self._render(request, organisation, form)

    def _render(
        self, request: HttpRequest, organisation: Organisation | None, form: Any
    ) -> HttpResponse:
        return render(
            request,
            "backoffice/organisations/form.html",
            {"organisation": organisation, "form": form},
            status=400 if form.errors else 200,
        )


class OrganisationCreateView(OrganisationEditView):
    """A new sub-organisation under one the actor administers."""

    def _form(self, request: HttpRequest, data: Any = None) -> OrganisationCreateForm:
        parents = permissions.organisations_with(request.user, permissions.ORGANISATION_MANAGE)
        return OrganisationCreateForm(data, parents=parents)

    def get(self, request: HttpRequest) -> HttpResponse:  # type: ignore[override]
        return self._render(request, None, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:  # type: ignore[override]
        form = self._form(request, request.POST)
        if form.is_valid():
            parent = form.cleaned_data["parent"]
            deny_unless(permissions.can_manage_organisation(request.user, parent))
            try:
                organisation = organisation_services.organisation_create(
                    actor=request.user,
                    parent=parent,
                    code=form.cleaned_data["code"],
                    **form.service_fields(),
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            except ValidationError as error:
                _apply_validation_error(form, error)
            else:
                messages.success(request, _("已新增机构。"))
                return redirect("backoffice:organisation_detail", pk=organisation.pk)
        return self._render(request, None, form)
