"""RSS 2.0 and Atom feeds of newly published items."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from gongkai.catalogue.models import InformationItem
from gongkai.catalogue.selectors import item_list_public

FEED_SIZE = 50


class LatestItemsRssFeed(Feed):
    link = reverse_lazy("portal:catalogue_index")

    def title(self) -> str:
        return _("%(site)s：最新公开的政府信息") % {"site": _(settings.GONGKAI_SITE_NAME)}

    def description(self) -> str:
        return _("主动公开的政府信息，按发布日期由新到旧。")

    def items(self) -> QuerySet[InformationItem]:
        return item_list_public().select_related("organisation")[:FEED_SIZE]

    def item_title(self, item: InformationItem) -> str:
        return item.title

    def item_description(self, item: InformationItem) -> str:
        return item.summary or item.body_text[:200]

    def item_link(self, item: InformationItem) -> str:
        return reverse("portal:item_detail", args=[item.pk])

    def item_guid(self, item: InformationItem) -> str:
        # The 索引号 is permanent by rule, so readers never see an item twice.
        return item.index_number or str(item.pk)

    item_guid_is_permalink = False

    def item_pubdate(self, item: InformationItem) -> dt.datetime | None:
        return item.published_at

    def item_author_name(self, item: InformationItem) -> str:
        return item.organisation.name

    def item_categories(self, item: InformationItem) -> list[str]:
        return [item.category.name] if item.category_id and item.category else []


class LatestItemsAtomFeed(LatestItemsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
