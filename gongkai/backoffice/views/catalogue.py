"""主动公开目录 in the back office: list, create, edit, workflow actions and attachments.

Each view parses input, loads objects through actor-scoped selectors (404 outside the actor's
organisations), checks the matching permission predicate (403) and calls one service.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View

from gongkai.backoffice.forms.catalogue import (
    ITEM_FIELDS,
    AttachmentUploadForm,
    InformationItemForm,
    ItemFilterForm,
    ReasonForm,
)
from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin, deny_unless
from gongkai.catalogue import selectors as catalogue_selectors
from gongkai.catalogue import services as catalogue_services
from gongkai.catalogue.models import Category, InformationItem
from gongkai.core import audit
from gongkai.core.exceptions import ApplicationError
from gongkai.organisations import permissions

PAGE_SIZE = 25


def _load_item(request: HttpRequest, pk: int) -> InformationItem:
    information_item = catalogue_selectors.item_get_for_actor(actor=request.user, pk=pk)
    if information_item is None:
        raise Http404(_("没有找到该政府信息。"))
    return information_item


def _categories_for(organisations: Any) -> Any:
    return Category.objects.filter(organisation__in=organisations).order_by(
        "organisation__path", "sort_order", "id"
    )


def _validation_messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [
            f"{field}: {message}" for field, msgs in error.message_dict.items() for message in msgs
        ]
    return list(error.messages)


class ItemListView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.CATALOGUE_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        organisations = permissions.organisations_with(request.user, permissions.CATALOGUE_VIEW)
        form = ItemFilterForm(
            request.GET or None,
            organisations=organisations,
            categories=_categories_for(organisations),
        )
        filters: dict[str, Any] = {}
        year = None
        if form.is_valid():
            data = form.cleaned_data
            filters = {
                "status": data["status"] or None,
                "organisation": data["organisation"],
                "category": data["category"],
                "query": data["q"] or None,
                "overdue": data["overdue"] or None,
            }
            year = data["year"]
        items = catalogue_selectors.item_list_for_actor(actor=request.user, **filters)
        if year:
            items = items.filter(generated_on__year=year)
        items = items.select_related("organisation", "category")
        page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "backoffice/catalogue/list.html",
            {
                "form": form,
                "page_obj": page,
                "items": page.object_list,
                "query_string": query.urlencode(),
                "can_create": permissions.has_any_permission(
                    request.user, permissions.CATALOGUE_EDIT
                ),
            },
        )


class ItemCreateView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.CATALOGUE_EDIT

    def _form(self, request: HttpRequest, data: Any = None) -> InformationItemForm:
        organisations = permissions.organisations_with(request.user, permissions.CATALOGUE_EDIT)
        return InformationItemForm(
            data, organisations=organisations, categories=_categories_for(organisations)
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, self._form(request))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request, request.POST)
        if form.is_valid():
            organisation = form.cleaned_data["organisation"]
            deny_unless(permissions.can_create_information_item(request.user, organisation))
            try:
                information_item = catalogue_services.information_item_create(
                    actor=request.user, organisation=organisation, **form.service_fields()
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            except ValidationError as error:
                for message in _validation_messages(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("已保存草稿。"))
                return redirect("backoffice:item_detail", pk=information_item.pk)
        return self._render(request, form)

    def _render(self, request: HttpRequest, form: InformationItemForm) -> HttpResponse:
        return render(
            request,
            "backoffice/catalogue/form.html",
            {"form": form, "information_item": None},
            status=200 if not form.errors else 400,
        )


class ItemEditView(OrganisationPermissionRequiredMixin, View):
    # Editors change drafts, publishers change public items: decided per object below.
    permission = permissions.CATALOGUE_VIEW

    def _form(self, information_item: InformationItem, data: Any = None) -> InformationItemForm:
        initial = {name: getattr(information_item, name) for name in ITEM_FIELDS}
        initial["organisation"] = information_item.organisation
        return InformationItemForm(
            data,
            initial=initial,
            categories=Category.objects.filter(organisation=information_item.organisation),
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        information_item = _load_item(request, pk)
        deny_unless(permissions.can_change_information_item(request.user, information_item))
        return self._render(request, information_item, self._form(information_item))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        information_item = _load_item(request, pk)
        deny_unless(permissions.can_change_information_item(request.user, information_item))
        form = self._form(information_item, request.POST)
        if form.is_valid():
            try:
                catalogue_services.information_item_update(
                    actor=request.user, information_item=information_item, **form.service_fields()
                )
            except ApplicationError as error:
                form.add_error(None, error.message)
            except ValidationError as error:
                for message in _validation_messages(error):
                    form.add_error(None, message)
            else:
                messages.success(request, _("已保存修改。"))
                return redirect("backoffice:item_detail", pk=information_item.pk)
        return self._render(request, information_item, form)

    def _render(
        self, request: HttpRequest, information_item: InformationItem, form: InformationItemForm
    ) -> HttpResponse:
        return render(
            request,
            "backoffice/catalogue/form.html",
            {"form": form, "information_item": information_item},
            status=200 if not form.errors else 400,
        )


class ItemDetailView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.CATALOGUE_VIEW

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        information_item = _load_item(request, pk)
        user = request.user
        status = information_item.status
        Status = InformationItem.Status
        context = {
            "information_item": information_item,
            "attachments": information_item.attachments.all(),
            "audit_entries": audit.entries_for(information_item)[:200],
            "can_edit": permissions.can_change_information_item(user, information_item),
            "can_submit": permissions.can_submit_information_item(user, information_item)
            and status == Status.DRAFT,
            "can_return": permissions.can_publish_information_item(user, information_item)
            and status == Status.PENDING_REVIEW,
            "can_publish": permissions.can_publish_information_item(user, information_item)
            and status in (Status.PENDING_REVIEW, Status.WITHDRAWN),
            "can_withdraw": permissions.can_withdraw_information_item(user, information_item)
            and status == Status.PUBLISHED,
            "can_upload": permissions.can_change_information_item(user, information_item),
            "upload_form": AttachmentUploadForm(),
            "reason_form": ReasonForm(),
        }
        return render(request, "backoffice/catalogue/detail.html", context)


class _ItemActionView(OrganisationPermissionRequiredMixin, View):
    """POST-only workflow step: predicate, then one service; refusals become messages."""

    predicate: Callable[[Any, Any], bool]
    needs_reason = False
    success_message: Any = ""

    def call_service(
        self, request: HttpRequest, information_item: InformationItem, **extra: Any
    ) -> Any:
        raise NotImplementedError

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        information_item = _load_item(request, pk)
        deny_unless(type(self).predicate(request.user, information_item))
        extra: dict[str, Any] = {}
        if self.needs_reason:
            form = ReasonForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("请填写原因。"))
                return redirect("backoffice:item_detail", pk=information_item.pk)
            extra["reason"] = form.cleaned_data["reason"]
        try:
            self.call_service(request, information_item, **extra)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, self.success_message)
        return redirect("backoffice:item_detail", pk=information_item.pk)


class ItemSubmitView(_ItemActionView):
    permission = permissions.CATALOGUE_SUBMIT
    predicate = staticmethod(permissions.can_submit_information_item)
    success_message = gettext_lazy("已提交审核。")

    def call_service(
        self, request: HttpRequest, information_item: InformationItem, **extra: Any
    ) -> Any:
        return catalogue_services.information_item_submit(
            actor=request.user, information_item=information_item
        )


class ItemReturnView(_ItemActionView):
    permission = permissions.CATALOGUE_PUBLISH
    predicate = staticmethod(permissions.can_publish_information_item)
    needs_reason = True
    success_message = gettext_lazy("已退回修改。")

    def call_service(
        self, request: HttpRequest, information_item: InformationItem, **extra: Any
    ) -> Any:
        return catalogue_services.information_item_return(
            actor=request.user, information_item=information_item, reason=extra["reason"]
        )


class ItemPublishView(_ItemActionView):
    permission = permissions.CATALOGUE_PUBLISH
    predicate = staticmethod(permissions.can_publish_information_item)
    success_message = gettext_lazy("已发布。")

    def call_service(
        self, request: HttpRequest, information_item: InformationItem, **extra: Any
    ) -> Any:
        return catalogue_services.information_item_publish(
            actor=request.user, information_item=information_item
        )


class ItemWithdrawView(_ItemActionView):
    permission = permissions.CATALOGUE_PUBLISH
    predicate = staticmethod(permissions.can_withdraw_information_item)
    needs_reason = True
    success_message = gettext_lazy("已撤回。")

    def call_service(
        self, request: HttpRequest, information_item: InformationItem, **extra: Any
    ) -> Any:
        return catalogue_services.information_item_withdraw(
            actor=request.user, information_item=information_item, reason=extra["reason"]
        )


class AttachmentUploadView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.CATALOGUE_VIEW

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        information_item = _load_item(request, pk)
        deny_unless(permissions.can_change_information_item(request.user, information_item))
        form = AttachmentUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _("请选择要上传的文件。"))
        else:
            try:
                attachment = catalogue_services.attachment_add(
                    actor=request.user,
                    information_item=information_item,
                    uploaded_file=form.cleaned_data["file"],
                )
            except ApplicationError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("已上传附件：%(name)s") % {"name": attachment})
        return redirect(
            reverse("backoffice:item_detail", args=[information_item.pk]) + "#attachments"
        )


class AttachmentRemoveView(OrganisationPermissionRequiredMixin, View):
    permission = permissions.CATALOGUE_VIEW

    def post(self, request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
        information_item = _load_item(request, pk)
        attachment = information_item.attachments.filter(pk=attachment_pk).first()
        if attachment is None:
            raise Http404
        deny_unless(permissions.can_change_information_item(request.user, information_item))
        try:
            catalogue_services.attachment_remove(actor=request.user, attachment=attachment)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("已删除附件。"))
        return redirect(
            reverse("backoffice:item_detail", args=[information_item.pk]) + "#attachments"
        )


class AttachmentDownloadView(OrganisationPermissionRequiredMixin, View):
    """Staff may open attachments of unpublished items; the portal serves only public ones."""

    permission = permissions.CATALOGUE_VIEW

    def get(self, request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponseBase:
        information_item = _load_item(request, pk)
        attachment = information_item.attachments.filter(pk=attachment_pk).first()
        if attachment is None:
            raise Http404
        return FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )
