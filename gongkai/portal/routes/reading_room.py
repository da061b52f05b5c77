"""Portal routes of the 政务资讯大厅: the current-documents library, databases and the kiosk."""

from django.urls import URLPattern, URLResolver, path

from gongkai.portal.views import kiosk, reading_room

urlpatterns: list[URLPattern | URLResolver] = [
    path("library/", reading_room.library, name="library"),
    path("library/<int:pk>/", reading_room.library_document, name="library_document"),
    path("library/databases/", reading_room.external_databases, name="library_databases"),
    path("kiosk/", kiosk.home, name="kiosk_home"),
    path("kiosk/catalogue/", kiosk.catalogue, name="kiosk_catalogue"),
    path("kiosk/catalogue/<int:pk>/", kiosk.item, name="kiosk_item"),
    path("kiosk/search/", kiosk.search, name="kiosk_search"),
    path("kiosk/library/", kiosk.library, name="kiosk_library"),
    path("kiosk/library/<int:pk>/", kiosk.library_document, name="kiosk_library_document"),
    path("kiosk/guides/", kiosk.guides, name="kiosk_guides"),
    path("kiosk/guides/<int:pk>/", kiosk.guide, name="kiosk_guide"),
]
