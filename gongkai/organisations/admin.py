"""Superuser data repair only (the admin site itself is superuser-only, see accounts/admin.py).
Organisation codes and paths are kept consistent by organisations.services in the back office."""

from django.contrib import admin

from gongkai.organisations.models import Membership, Organisation


class MembershipInline(admin.TabularInline[Membership, Organisation]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "code", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "code"]
    readonly_fields = ["path", "created_at", "updated_at"]
    raw_id_fields = ["parent"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ["user", "organisation", "role"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__full_name", "organisation__name"]
    raw_id_fields = ["user", "organisation"]
