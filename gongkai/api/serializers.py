"""Public read serializers. They expose only what the portal shows: no staff-only fields."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gongkai.catalogue.models import Attachment, Category, InformationItem
from gongkai.organisations.models import Organisation


class OrganisationContactSerializer(serializers.ModelSerializer[Organisation]):
    """The contact block of the 政府信息公开指南 (第十二条)."""

    class Meta:
        model = Organisation
        fields = [
            "disclosure_office",
            "address",
            "postcode",
            "office_hours",
            "phone",
            "fax",
            "email",
            "website",
        ]


class OrganisationSerializer(serializers.ModelSerializer[Organisation]):
    # Plain string: the calendar's "kind" enum would otherwise collide in the schema.
    kind = serializers.CharField(read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "name", "short_name", "code", "kind", "kind_label", "parent"]


class OrganisationDetailSerializer(OrganisationSerializer):
    contact = serializers.SerializerMethodField()

    class Meta(OrganisationSerializer.Meta):
        fields = [*OrganisationSerializer.Meta.fields, "description", "contact"]

    @extend_schema_field(OrganisationContactSerializer)
    def get_contact(self, organisation: Organisation) -> dict[str, Any]:
        return OrganisationContactSerializer(organisation).data


class CategorySerializer(serializers.ModelSerializer[Category]):
    class Meta:
        model = Category
        fields = ["id", "organisation", "parent", "name", "code", "sort_order", "description"]


class AttachmentSerializer(serializers.ModelSerializer[Attachment]):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = ["id", "original_name", "content_type", "size", "sha256", "url"]

    def get_url(self, attachment: Attachment) -> str:
        path = reverse("portal:attachment_download", args=[attachment.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


class _Labels(serializers.ModelSerializer[InformationItem]):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    category_name = serializers.CharField(source="category.name", read_only=True, default=None)
    genre_label = serializers.CharField(source="get_genre_display", read_only=True)
    validity_label = serializers.CharField(source="get_validity_display", read_only=True)
    article20_item_label = serializers.CharField(
        source="get_article20_item_display", read_only=True, default=None
    )
    url = serializers.SerializerMethodField()

    def get_url(self, information_item: InformationItem) -> str:
        path = reverse("portal:item_detail", args=[information_item.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path


PUBLIC_ITEM_FIELDS = [
    "id",
    "index_number",
    "title",
    "summary",
    "document_number",
    "organisation",
    "organisation_name",
    "category",
    "category_name",
    "generated_on",
    "changed_on",
    "published_at",
    "topic",
    "genre",
    "genre_label",
    "keywords",
    "article20_item",
    "article20_item_label",
    "disclosure_timing",
    "validity",
    "validity_label",
    "effective_on",
    "repealed_on",
    "url",
]


class PublicItemSerializer(_Labels):
    class Meta:
        model = InformationItem
        fields = PUBLIC_ITEM_FIELDS


class PublicItemDetailSerializer(_Labels):
    attachments = AttachmentSerializer(many=True, read_only=True)
    is_fully_electronic = serializers.BooleanField(read_only=True)

    class Meta:
        model = InformationItem
        fields = [*PUBLIC_ITEM_FIELDS, "body", "is_fully_electronic", "attachments"]


# Named figures (statistic key -> count), as the statistics endpoints answer.
FIGURES: dict[str, Any] = {"type": "object", "additionalProperties": {"type": "integer"}}
