"""Portal routes of the working-day calendar."""

from django.urls import URLPattern, URLResolver, path

from gongkai.portal.views import calendar

urlpatterns: list[URLPattern | URLResolver] = [
    path("calendar/", calendar.calendar_year, name="calendar_year"),
    path("calendar/<int:year>/", calendar.calendar_year, name="calendar_year"),
    path("calendar/deadline/", calendar.deadline_calculator, name="deadline_calculator"),
]
