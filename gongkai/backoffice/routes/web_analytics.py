"""Back-office route of the portal's page-view figures."""

from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import web_analytics

urlpatterns: list[URLPattern | URLResolver] = [
    path("page-views/", web_analytics.PageViewsView.as_view(), name="page_views"),
]
