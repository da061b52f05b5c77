"""Back-office routes of 依申请公开: queues, staff entry, the application page and its steps."""

from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import disclosure

STEP_PATHS = {
    "confirm": "confirm",
    "assign": "assign",
    "correction_request": "correction/request",
    "correction_receive": "correction/receive",
    "correction_missed": "correction/missed",
    "consultation_start": "consultation/start",
    "consultation_end": "consultation/end",
    "extend": "extend",
    "fee_notice": "fee/notice",
    "fee_payment": "fee/payment",
    "fee_overdue": "fee/overdue",
    "decision_draft": "decision/draft",
    "decision_approve": "decision/approve",
    "letter_generate": "letters/generate",
    "delivery": "delivery",
    "split": "split",
    "publish": "publish",
}

urlpatterns: list[URLPattern | URLResolver] = [
    path("requests/", disclosure.RequestListView.as_view(), name="request_list"),
    path("requests/to-confirm/", disclosure.ConfirmQueueView.as_view(), name="request_to_confirm"),
    path("requests/new/", disclosure.RegisterView.as_view(), name="request_register"),
    path("requests/<int:pk>/", disclosure.RequestDetailView.as_view(), name="request_detail"),
    path(
        "requests/<int:pk>/applicant/",
        disclosure.ApplicantRevealView.as_view(),
        name="request_applicant",
    ),
    path(
        "requests/<int:pk>/letters/<int:letter_pk>/<str:file_format>/",
        disclosure.LetterDownloadView.as_view(),
        name="request_letter_download",
    ),
    *[
        path(
            f"requests/<int:pk>/{suffix}/",
            disclosure.RequestStepView.for_step(name),
            name=f"request_{name}",
        )
        for name, suffix in STEP_PATHS.items()
    ],
]
