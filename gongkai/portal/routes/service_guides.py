"""Portal routes of 办事指南."""

from django.urls import URLPattern, URLResolver, path

from gongkai.portal.views import service_guides

urlpatterns: list[URLPattern | URLResolver] = [
    path("service-guides/", service_guides.guide_list, name="service_guide_list"),
    path("service-guides/<int:pk>/", service_guides.guide_detail, name="service_guide_detail"),
    path(
        "service-guides/<int:pk>/v<int:version>/",
        service_guides.guide_detail,
        name="service_guide_version",
    ),
]
