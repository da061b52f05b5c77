"""DRF permission classes. They only wrap gongkai.organisations.permissions."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from gongkai.organisations import permissions


class IsBackOfficeUser(BasePermission):
    """Authenticated staff holding at least one role; anonymous callers get 401."""

    message = _("您的账号尚未分配任何机构岗位。")

    def has_permission(self, request: Request, view: Any) -> bool:
        return permissions.is_back_office_user(request.user)


class HasDeclaredPermission(IsBackOfficeUser):
    """The view declares `permission = "catalogue.publish"`; the actor must hold it somewhere.

    The object's own organisation is checked in the view with the matching predicate,
    after the object was loaded through a scoped selector (404 outside the actor's reach).
    """

    message = _("您没有执行此操作的权限。")

    def has_permission(self, request: Request, view: Any) -> bool:
        code = getattr(view, "permission", "")
        if not code:
            raise ValueError(f"{type(view).__name__} must declare `permission`.")
        return super().has_permission(request, view) and permissions.has_any_permission(
            request.user, code
        )
