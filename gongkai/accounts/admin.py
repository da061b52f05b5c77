from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from gongkai.accounts.models import User


def _superuser_only(request: HttpRequest) -> bool:
    user: Any = request.user
    return bool(user.is_active and user.is_superuser)


# The Django admin is for system operators repairing data; staff work in the back office
# (/staff/), where every change goes through services and the audit trail. Holding is_staff
# alone must not open it.
admin.site.has_permission = _superuser_only  # type: ignore[method-assign]
admin.site.site_header = "gongkai 系统维护"
admin.site.site_title = "gongkai 系统维护"


@admin.register(User)
class GongkaiUserAdmin(UserAdmin):
    fieldsets = (*(UserAdmin.fieldsets or ()), ("gongkai", {"fields": ("full_name", "phone")}))
    list_display = ["username", "full_name", "email", "is_staff", "is_active"]
