from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import organisations

urlpatterns: list[URLPattern | URLResolver] = [
    path("organisations/", organisations.OrganisationListView.as_view(), name="organisation_list"),
    path(
        "organisations/new/",
        organisations.OrganisationCreateView.as_view(),
        name="organisation_create",
    ),
    path(
        "organisations/<int:pk>/",
        organisations.OrganisationDetailView.as_view(),
        name="organisation_detail",
    ),
    path(
        "organisations/<int:pk>/edit/",
        organisations.OrganisationEditView.as_view(),
        name="organisation_edit",
    ),
]
