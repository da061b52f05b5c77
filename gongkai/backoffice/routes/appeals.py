"""Back-office routes of 行政复议、行政诉讼和申诉."""

from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import appeals

urlpatterns: list[URLPattern | URLResolver] = [
    path("appeals/", appeals.AppealListView.as_view(), name="appeal_list"),
    path("appeals/new/", appeals.AppealCreateView.as_view(), name="appeal_create"),
    path("appeals/statistics/", appeals.AppealStatisticsView.as_view(), name="appeal_statistics"),
    path("appeals/<int:pk>/", appeals.AppealDetailView.as_view(), name="appeal_detail"),
    path("appeals/<int:pk>/edit/", appeals.AppealEditView.as_view(), name="appeal_edit"),
    path(
        "appeals/<int:pk>/decision/", appeals.AppealDecisionView.as_view(), name="appeal_decision"
    ),
    path(
        "appeals/<int:pk>/documents/",
        appeals.AppealDocumentUploadView.as_view(),
        name="appeal_document_upload",
    ),
    path(
        "appeals/<int:pk>/documents/<int:document_pk>/",
        appeals.AppealDocumentDownloadView.as_view(),
        name="appeal_document_download",
    ),
]
