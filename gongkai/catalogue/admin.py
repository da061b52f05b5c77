"""Superuser data repair only (the admin site itself is superuser-only, see accounts/admin.py).
Staff create, publish and withdraw items in the back office, through the services."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.catalogue.models import Attachment, Category, InformationItem


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin[Category]):
    list_display = ["name", "code", "organisation", "parent", "sort_order"]
    list_filter = ["organisation"]
    search_fields = ["name", "code"]
    raw_id_fields = ["organisation", "parent"]


class AttachmentInline(admin.TabularInline[Attachment, InformationItem]):
    model = Attachment
    extra = 0
    readonly_fields = ["original_name", "content_type", "size", "sha256", "uploaded_at"]
    fields = ("original_name", "content_type", "size", "sha256", "uploaded_at")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Uploads must pass the content check in catalogue.services.attachment_add.
        return False


@admin.register(InformationItem)
class InformationItemAdmin(admin.ModelAdmin[InformationItem]):
    list_display = ["title", "index_number", "organisation", "status", "generated_on"]
    list_filter = ["status", "validity", "genre"]
    search_fields = ["title", "index_number", "document_number"]
    raw_id_fields = ["organisation", "category", "created_by", "published_by"]
    # Derived or permanent: the index number, the deadline and the plain text come from services.
    readonly_fields = [
        "index_number",
        "publication_due_on",
        "body_text",
        "published_at",
        "published_by",
        "created_by",
        "created_at",
        "updated_at",
    ]
    inlines = [AttachmentInline]
