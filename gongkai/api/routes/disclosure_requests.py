"""API routes of 依申请公开: public submit and track; staff list, detail and steps."""

from django.urls import URLPattern, URLResolver, path

from gongkai.api.views import disclosure_requests as views

# Steps offered over the API: the back office's, under the same names.
STEP_PATHS = {
    "confirm": "confirm",
    "assign": "assign",
    "correction_request": "correction/request",
    "correction_receive": "correction/receive",
    "consultation_start": "consultation/start",
    "consultation_end": "consultation/end",
    "extend": "extend",
    "decision_draft": "decision/draft",
    "decision_approve": "decision/approve",
    "letter_generate": "letters/generate",
    "delivery": "delivery",
}

urlpatterns: list[URLPattern | URLResolver] = [
    path("requests/", views.RequestSubmitApi.as_view(), name="request_submit"),
    path("requests/track/", views.RequestTrackApi.as_view(), name="request_track"),
    path("staff/requests/", views.StaffRequestListApi.as_view(), name="staff_request_list"),
    path(
        "staff/requests/<int:pk>/",
        views.StaffRequestDetailApi.as_view(),
        name="staff_request_detail",
    ),
    *[
        path(
            f"staff/requests/<int:pk>/{suffix}/",
            views.StaffRequestStepApi.for_step(name),
            name=f"staff_request_{name}",
        )
        for name, suffix in STEP_PATHS.items()
    ],
]
