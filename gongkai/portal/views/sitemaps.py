"""sitemap.xml: published items, categories, organisations and their guides."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from gongkai.catalogue.models import Category, InformationItem
from gongkai.catalogue.selectors import item_list_public
from gongkai.organisations.models import Organisation
from gongkai.organisations.selectors import organisation_list_public


class ItemSitemap(Sitemap[InformationItem]):
    changefreq = "monthly"
    priority = 0.8
    limit = 10000

    def items(self) -> QuerySet[InformationItem]:
        return item_list_public().order_by("pk")

    def location(self, item: InformationItem) -> str:
        return reverse("portal:item_detail", args=[item.pk])

    def lastmod(self, item: InformationItem) -> dt.datetime | None:
        return item.updated_at


class CategorySitemap(Sitemap[Category]):
    changefreq = "weekly"
    priority = 0.5

    def items(self) -> QuerySet[Category]:
        return Category.objects.filter(organisation__in=organisation_list_public()).order_by("pk")

    def location(self, category: Category) -> str:
        return reverse("portal:catalogue_category", args=[category.pk])


class OrganisationSitemap(Sitemap[Organisation]):
    changefreq = "weekly"
    priority = 0.6

    def items(self) -> QuerySet[Organisation]:
        return organisation_list_public()

    def location(self, organisation: Organisation) -> str:
        return reverse("portal:organisation_detail", args=[organisation.pk])


class GuideSitemap(Sitemap[Organisation]):
    changefreq = "monthly"
    priority = 0.6

    def items(self) -> QuerySet[Organisation]:
        return organisation_list_public()

    def location(self, organisation: Organisation) -> str:
        return reverse("portal:guide", args=[organisation.pk])


class PageSitemap(Sitemap[str]):
    changefreq = "daily"
    priority = 1.0

    def items(self) -> list[str]:
        return ["portal:home", "portal:catalogue_index", "portal:directory", "portal:guide"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS: dict[str, Any] = {
    "pages": PageSitemap,
    "items": ItemSitemap,
    "categories": CategorySitemap,
    "organisations": OrganisationSitemap,
    "guides": GuideSitemap,
}
