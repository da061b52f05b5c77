"""Back-office routes of 审批处长接访."""

from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import reception as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("reception/schedules/", views.ScheduleListView.as_view(), name="reception_schedule_list"),
    path(
        "reception/schedules/new/",
        views.ScheduleCreateView.as_view(),
        name="reception_schedule_create",
    ),
    path(
        "reception/schedules/<int:pk>/",
        views.ScheduleDetailView.as_view(),
        name="reception_schedule_detail",
    ),
    path(
        "reception/schedules/<int:pk>/edit/",
        views.ScheduleEditView.as_view(),
        name="reception_schedule_edit",
    ),
    path(
        "reception/schedules/<int:pk>/slots/",
        views.SlotCreateView.as_view(),
        name="reception_slot_create",
    ),
    path("reception/bookings/", views.BookingListView.as_view(), name="reception_booking_list"),
    path(
        "reception/bookings/<int:pk>/cancel/",
        views.BookingCancelView.as_view(),
        name="reception_booking_cancel",
    ),
    path("reception/sessions/", views.SessionListView.as_view(), name="reception_session_list"),
    path(
        "reception/sessions/new/",
        views.SessionCreateView.as_view(),
        name="reception_session_create",
    ),
    path(
        "reception/sessions/<int:pk>/",
        views.SessionDetailView.as_view(),
        name="reception_session_detail",
    ),
    path(
        "reception/sessions/<int:pk>/edit/",
        views.SessionEditView.as_view(),
        name="reception_session_edit",
    ),
]
