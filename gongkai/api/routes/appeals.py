"""API routes of 行政复议、行政诉讼和申诉 (staff, token authentication)."""

from django.urls import URLPattern, URLResolver, path

from gongkai.api.views import appeals

urlpatterns: list[URLPattern | URLResolver] = [
    path("staff/appeals/", appeals.StaffAppealListCreateApi.as_view(), name="staff_appeal_list"),
    path(
        "staff/appeals/statistics/",
        appeals.StaffAppealStatisticsApi.as_view(),
        name="staff_appeal_statistics",
    ),
    path(
        "staff/appeals/<int:pk>/",
        appeals.StaffAppealDetailApi.as_view(),
        name="staff_appeal_detail",
    ),
    path(
        "staff/appeals/<int:pk>/decision/",
        appeals.StaffAppealDecisionApi.as_view(),
        name="staff_appeal_decision",
    ),
    path(
        "staff/appeals/<int:pk>/documents/",
        appeals.StaffAppealDocumentUploadApi.as_view(),
        name="staff_appeal_document_upload",
    ),
]
