"""Back-office routes of service evaluations and the service desk."""

from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import service_desk as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("service-desk/evaluations/", views.EvaluationListView.as_view(), name="evaluation_list"),
    path(
        "service-desk/evaluations/new/",
        views.EvaluationCreateView.as_view(),
        name="evaluation_create",
    ),
    path("service-desk/faults/", views.FaultListView.as_view(), name="fault_list"),
    path("service-desk/faults/new/", views.FaultCreateView.as_view(), name="fault_create"),
    path("service-desk/faults/<int:pk>/", views.FaultDetailView.as_view(), name="fault_detail"),
    path("service-desk/faults/<int:pk>/start/", views.FaultStartView.as_view(), name="fault_start"),
    path(
        "service-desk/faults/<int:pk>/resolve/",
        views.FaultResolveView.as_view(),
        name="fault_resolve",
    ),
]
