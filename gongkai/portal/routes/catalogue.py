"""Portal routes of the catalogue: browsing, items, search, guide, feeds and sitemap."""

from django.contrib.sitemaps.views import sitemap
from django.urls import URLPattern, URLResolver, path

from gongkai.portal.views import catalogue, feeds, guide, search, sitemaps

urlpatterns: list[URLPattern | URLResolver] = [
    path("", catalogue.home, name="home"),
    path("catalogue/", catalogue.catalogue_index, name="catalogue_index"),
    path("catalogue/category/<int:pk>/", catalogue.catalogue_category, name="catalogue_category"),
    path("organisations/<int:pk>/", catalogue.organisation_detail, name="organisation_detail"),
    path("catalogue/items/<int:pk>/", catalogue.item_detail, name="item_detail"),
    path("catalogue/items/<int:pk>/print/", catalogue.item_print, name="item_print"),
    path("catalogue/items/<int:pk>/qr.svg", catalogue.item_qr, name="item_qr"),
    path(
        "catalogue/attachments/<int:pk>/",
        catalogue.attachment_download,
        name="attachment_download",
    ),
    path("search/", search.search, name="search"),
    path("guide/", guide.guide, name="guide"),
    path("guide/<int:pk>/", guide.guide, name="guide"),
    path("directory/", guide.directory, name="directory"),
    path("feeds/rss/", feeds.LatestItemsRssFeed(), name="feed_rss"),
    path("feeds/atom/", feeds.LatestItemsAtomFeed(), name="feed_atom"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps.SITEMAPS}, name="sitemap"),
]
