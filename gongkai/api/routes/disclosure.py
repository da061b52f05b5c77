"""Public API routes of 依申请公开 rules: the answer-deadline calculator."""

from django.urls import URLPattern, URLResolver, path

from gongkai.api.views import disclosure_due_date

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "calendar/due-date/",
        disclosure_due_date.DisclosureDueDateView.as_view(),
        name="disclosure_due_date",
    ),
]
