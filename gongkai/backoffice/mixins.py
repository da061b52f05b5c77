"""Access rules of the back office, declared on views and decided by organisations.permissions.

Anonymous visitors are sent to the login page. Signed-in people without any back-office role,
or without the declared permission, get the 403 page. Objects outside the actor's
organisations are looked up through scoped selectors, so they are a plain 404: a member of
one organisation cannot learn that another's draft exists.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from gongkai.organisations import permissions


def forbidden(request: HttpRequest, message: str | None = None) -> HttpResponse:
    return render(
        request,
        "backoffice/403.html",
        {"message": message or _("您没有执行此操作的权限。")},
        status=403,
    )


def deny_unless(allowed: bool) -> None:
    """Object-level check after loading an object through a scoped selector."""
    if not allowed:
        raise PermissionDenied


class StaffRequiredMixin(AccessMixin):
    """Signed in and holding at least one role (or a superuser)."""

    # Permission code ("catalogue.publish") the actor must hold in at least one organisation.
    permission: str = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not permissions.is_back_office_user(request.user):
            return forbidden(request, _("您的账号尚未分配任何机构岗位，请联系机构管理员。"))
        if self.permission and not permissions.has_any_permission(request.user, self.permission):
            return forbidden(request)
        try:
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc, no-any-return]
        except PermissionDenied:
            return forbidden(request)


class OrganisationPermissionRequiredMixin(StaffRequiredMixin):
    """Declare `permission = "catalogue.publish"`; the actor must hold it in some organisation.

    Views acting on one object check that object's organisation again with the matching
    `can_<verb>_<entity>` predicate once loaded (`deny_unless`).
    """

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.permission:
            raise ValueError(f"{type(self).__name__} must declare `permission`.")
        return super().dispatch(request, *args, **kwargs)
