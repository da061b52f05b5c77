"""工作台: what needs the actor's attention across their organisations."""

from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.views.generic import TemplateView

from gongkai.backoffice.mixins import StaffRequiredMixin
from gongkai.catalogue import selectors as catalogue_selectors
from gongkai.catalogue.models import InformationItem
from gongkai.core import selectors as core_selectors
from gongkai.organisations import permissions


class DashboardView(StaffRequiredMixin, TemplateView):
    template_name = "backoffice/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        actor = self.request.user
        items = catalogue_selectors.item_list_for_actor(actor=actor)
        counts = dict(
            items.order_by()
            .values_list("status")
            .annotate(n=Count("id"))
            .values_list("status", "n")
        )
        context["status_counts"] = [
            (value, label, counts.get(value, 0)) for value, label in InformationItem.Status.choices
        ]
        context["overdue_items"] = catalogue_selectors.item_list_publication_overdue(actor=actor)[
            :20
        ]
        context["pending_items"] = catalogue_selectors.item_list_for_actor(
            actor=actor, status=InformationItem.Status.PENDING_REVIEW
        )[:20]
        context["can_view_audit"] = permissions.has_any_permission(actor, permissions.AUDIT_VIEW)
        if context["can_view_audit"]:
            context["recent_entries"] = core_selectors.audit_entry_list_for_actor(actor=actor)[:10]
        return context
