"""Staff sign-in (locked after repeated failures by django-axes), sign-out and own account."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from gongkai.accounts import selectors as account_selectors
from gongkai.accounts import services as account_services
from gongkai.backoffice.mixins import StaffRequiredMixin


class LoginView(auth_views.LoginView):
    template_name = "backoffice/login.html"


class LogoutView(auth_views.LogoutView):
    # POST only (Django 5): a link or an image tag cannot sign anybody out.
    next_page = "backoffice:login"


class AccountView(StaffRequiredMixin, TemplateView):
    template_name = "backoffice/accounts/account.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["memberships"] = account_selectors.membership_list_for_user(user=self.request.user)
        context["api_token"] = account_selectors.api_token_get(user=self.request.user)
        return context


class ApiTokenRegenerateView(StaffRequiredMixin, View):
    def post(self, request: HttpRequest) -> HttpResponse:
        account_services.api_token_regenerate(actor=request.user)
        messages.success(request, _("已生成新的 API 令牌，旧令牌即时失效。"))
        return redirect("backoffice:account")


class ApiTokenRevokeView(StaffRequiredMixin, View):
    def post(self, request: HttpRequest) -> HttpResponse:
        account_services.api_token_revoke(actor=request.user)
        messages.success(request, _("API 令牌已作废。"))
        return redirect("backoffice:account")
