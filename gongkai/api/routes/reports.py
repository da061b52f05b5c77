"""API routes of 政府信息公开工作年度报告: public reports and auditor, staff endpoints."""

from django.urls import URLPattern, URLResolver, path

from gongkai.api.views import reports

urlpatterns: list[URLPattern | URLResolver] = [
    path("reports/", reports.PublicReportListApi.as_view(), name="report_list"),
    path("reports/audit/", reports.PublicReportAuditApi.as_view(), name="report_audit"),
    path("reports/<int:pk>/", reports.PublicReportDetailApi.as_view(), name="report_detail"),
    path("staff/reports/", reports.StaffReportListCreateApi.as_view(), name="staff_report_list"),
    path("staff/reports/build/", reports.StaffReportBuildApi.as_view(), name="staff_report_build"),
    path(
        "staff/reports/<int:pk>/",
        reports.StaffReportDetailApi.as_view(),
        name="staff_report_detail",
    ),
    path(
        "staff/reports/<int:pk>/checks/",
        reports.StaffReportChecksApi.as_view(),
        name="staff_report_checks",
    ),
]
