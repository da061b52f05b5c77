"""Portal routes of 政府信息公开工作年度报告 and the public report auditor."""

from django.urls import URLPattern, URLResolver, path

from gongkai.portal.views import reports

urlpatterns: list[URLPattern | URLResolver] = [
    path("reports/", reports.report_list, name="report_list"),
    path("reports/audit/", reports.report_audit, name="report_audit"),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/download/<str:kind>/", reports.report_download, name="report_download"),
]
