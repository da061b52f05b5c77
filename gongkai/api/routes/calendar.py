"""API routes of the working-day calendar (public, read-only)."""

from django.urls import URLPattern, URLResolver, path

from gongkai.api.views import calendar

urlpatterns: list[URLPattern | URLResolver] = [
    path("calendar/days/", calendar.CalendarDaysView.as_view(), name="calendar_days"),
    path(
        "calendar/working-days/",
        calendar.WorkingDaysView.as_view(),
        name="calendar_working_days",
    ),
]
