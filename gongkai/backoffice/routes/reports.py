"""Back-office routes of 政府信息公开工作年度报告."""

from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import reports

urlpatterns: list[URLPattern | URLResolver] = [
    path("reports/", reports.ReportListView.as_view(), name="report_list"),
    path("reports/new/", reports.ReportCreateView.as_view(), name="report_create"),
    path("reports/deadlines/", reports.ReportDeadlineView.as_view(), name="report_deadlines"),
    path("reports/<int:pk>/", reports.ReportDetailView.as_view(), name="report_detail"),
    path(
        "reports/<int:pk>/narrative/<str:section>/",
        reports.ReportNarrativeView.as_view(),
        name="report_narrative",
    ),
    path(
        "reports/<int:pk>/figures/",
        reports.ReportEnteredFigureView.as_view(),
        name="report_entered_figure",
    ),
    path("reports/<int:pk>/submit/", reports.ReportSubmitView.as_view(), name="report_submit"),
    path("reports/<int:pk>/approve/", reports.ReportApproveView.as_view(), name="report_approve"),
    path("reports/<int:pk>/return/", reports.ReportReturnView.as_view(), name="report_return"),
    path("reports/<int:pk>/publish/", reports.ReportPublishView.as_view(), name="report_publish"),
    path("reports/<int:pk>/correct/", reports.ReportCorrectView.as_view(), name="report_correct"),
    path(
        "reports/<int:pk>/download/<str:kind>/",
        reports.ReportDownloadView.as_view(),
        name="report_download",
    ),
]
