"""API routes of 咨询: public 留言 and FAQ; staff register, tallies, conversion, figures."""

from django.urls import URLPattern, URLResolver, path

from gongkai.api.views import consultations as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("consultations/", views.ConsultationSubmitApi.as_view(), name="consultation_submit"),
    path(
        "consultations/answered/",
        views.ConsultationPublicListApi.as_view(),
        name="consultation_public_list",
    ),
    path("faq/", views.FaqListApi.as_view(), name="faq_list"),
    path(
        "staff/consultations/",
        views.StaffConsultationListApi.as_view(),
        name="staff_consultation_list",
    ),
    path(
        "staff/consultations/statistics/",
        views.StaffConsultationStatisticsApi.as_view(),
        name="staff_consultation_statistics",
    ),
    path(
        "staff/consultations/<int:pk>/",
        views.StaffConsultationDetailApi.as_view(),
        name="staff_consultation_detail",
    ),
    path(
        "staff/consultations/<int:pk>/convert/",
        views.StaffConsultationConvertApi.as_view(),
        name="staff_consultation_convert",
    ),
    path(
        "staff/consultation-tallies/",
        views.StaffTallyListApi.as_view(),
        name="staff_consultation_tally_list",
    ),
]
