"""Back-office routes of 办事指南: service items, guide versions and print runs."""

from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import service_guides as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("service-guides/", views.ServiceItemListView.as_view(), name="service_item_list"),
    path("service-guides/new/", views.ServiceItemCreateView.as_view(), name="service_item_create"),
    path(
        "service-guides/<int:pk>/",
        views.ServiceItemDetailView.as_view(),
        name="service_item_detail",
    ),
    path("service-guides/<int:pk>/revise/", views.GuideReviseView.as_view(), name="guide_revise"),
    path(
        "service-guides/versions/<int:pk>/publish/",
        views.GuidePublishView.as_view(),
        name="guide_publish",
    ),
    path("service-guides/print-runs/", views.PrintRunListView.as_view(), name="print_run_list"),
    path(
        "service-guides/print-runs/new/",
        views.PrintRunCreateView.as_view(),
        name="print_run_create",
    ),
]
