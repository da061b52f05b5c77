from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from gongkai.accounts.models import User


@admin.register(User)
class GongkaiUserAdmin(UserAdmin):
    fieldsets = (*(UserAdmin.fieldsets or ()), ("gongkai", {"fields": ("full_name", "phone")}))
    list_display = ["username", "full_name", "email", "is_staff", "is_active"]
