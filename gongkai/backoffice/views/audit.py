"""审计记录: the audit trail of the organisations the actor may audit."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from gongkai.backoffice.mixins import OrganisationPermissionRequiredMixin
from gongkai.core import selectors as core_selectors
from gongkai.organisations import permissions


class AuditFilterForm(forms.Form):
    action = forms.CharField(
        label=_("操作代码"), required=False, help_text=_("前缀，如 catalogue.item")
    )
    object_type = forms.CharField(label=_("对象类型"), required=False)
    object_id = forms.CharField(label=_("对象编号"), required=False)
    actor = forms.CharField(label=_("操作人"), required=False)


class AuditLogView(OrganisationPermissionRequiredMixin, TemplateView):
    permission = permissions.AUDIT_VIEW
    template_name = "backoffice/audit/list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = AuditFilterForm(self.request.GET or None)
        filters: dict[str, Any] = {}
        if form.is_valid():
            filters = {
                "action": form.cleaned_data["action"],
                "object_type": form.cleaned_data["object_type"],
                "object_id": form.cleaned_data["object_id"],
                "actor_name": form.cleaned_data["actor"],
            }
        entries = core_selectors.audit_entry_list_for_actor(actor=self.request.user, **filters)
        page = Paginator(entries, 50).get_page(self.request.GET.get("page"))
        context.update({"form": form, "page_obj": page, "entries": page.object_list})
        return context
