from django.urls import URLPattern, URLResolver, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from gongkai.api.views.errors import ApiRootApi

urlpatterns: list[URLPattern | URLResolver] = [
    path("", ApiRootApi.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Both documentation pages load their assets from drf-spectacular-sidecar, never a CDN.
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="swagger_ui"),
    path(
        "redoc/",
        SpectacularRedocView.as_view(url_name="api:schema", template_name="api/redoc.html"),
        name="redoc",
    ),
]
