"""Back-office routes of the working-day calendar."""

from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import calendar

urlpatterns: list[URLPattern | URLResolver] = [
    path("calendar/", calendar.CalendarListView.as_view(), name="calendar_list"),
    path("calendar/new/", calendar.CalendarAddView.as_view(), name="calendar_add"),
    path("calendar/<int:year>/", calendar.CalendarEditView.as_view(), name="calendar_edit"),
]
