"""API routes of 投诉建议, 办事指南 and the service desk."""

from django.urls import URLPattern, URLResolver, path

from gongkai.api.views import service_centre as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("complaints/", views.ComplaintSubmitApi.as_view(), name="complaint_submit"),
    path("complaints/track/", views.ComplaintTrackApi.as_view(), name="complaint_track"),
    path("complaints/rate/", views.ComplaintRateApi.as_view(), name="complaint_rate"),
    path("service-guides/", views.ServiceGuideListApi.as_view(), name="service_guide_list"),
    path(
        "service-guides/<int:pk>/",
        views.ServiceGuideDetailApi.as_view(),
        name="service_guide_detail",
    ),
    path("staff/complaints/", views.StaffComplaintListApi.as_view(), name="staff_complaint_list"),
    path(
        "staff/complaints/<int:pk>/",
        views.StaffComplaintDetailApi.as_view(),
        name="staff_complaint_detail",
    ),
    path(
        "staff/complaints/<int:pk>/reply/",
        views.StaffComplaintReplyApi.as_view(),
        name="staff_complaint_reply",
    ),
    path(
        "staff/guide-print-runs/",
        views.StaffPrintRunListApi.as_view(),
        name="staff_print_run_list",
    ),
    path(
        "staff/service-evaluations/",
        views.StaffEvaluationListApi.as_view(),
        name="staff_evaluation_list",
    ),
    path("staff/fault-reports/", views.StaffFaultListApi.as_view(), name="staff_fault_list"),
    path(
        "staff/fault-reports/<int:pk>/resolve/",
        views.StaffFaultResolveApi.as_view(),
        name="staff_fault_resolve",
    ),
]
