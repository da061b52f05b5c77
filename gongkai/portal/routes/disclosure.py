"""Portal routes of 依申请公开: apply, receipt and tracking."""

from django.urls import URLPattern, URLResolver, path

from gongkai.portal.views import disclosure

urlpatterns: list[URLPattern | URLResolver] = [
    path("apply/", disclosure.apply, name="apply"),
    path("apply/receipt/<str:tracking_number>/", disclosure.apply_receipt, name="apply_receipt"),
    path(
        "apply/receipt/<str:tracking_number>/receipt.pdf",
        disclosure.apply_receipt_pdf,
        name="apply_receipt_pdf",
    ),
    path("track/", disclosure.track, name="track"),
    path(
        "track/letters/<int:pk>/<str:file_format>/",
        disclosure.track_letter,
        name="track_letter",
    ),
]
