"""API routes of 审批处长接访 and 政企互动."""

from django.urls import URLPattern, URLResolver, path

from gongkai.api.views import reception_engagement as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("reception/slots/", views.SlotListApi.as_view(), name="reception_slot_list"),
    path(
        "reception/slots/<int:pk>/bookings/",
        views.BookingCreateApi.as_view(),
        name="reception_booking_create",
    ),
    path("meetings/", views.MeetingListApi.as_view(), name="meeting_list"),
    path(
        "meetings/<int:pk>/registrations/",
        views.MeetingRegisterApi.as_view(),
        name="meeting_register",
    ),
    path(
        "enterprise-service/subscriptions/",
        views.SubscribeApi.as_view(),
        name="enterprise_subscribe",
    ),
    path(
        "staff/reception/sessions/",
        views.StaffSessionListApi.as_view(),
        name="staff_reception_session_list",
    ),
    path(
        "staff/reception/sessions/<int:pk>/",
        views.StaffSessionDetailApi.as_view(),
        name="staff_reception_session_detail",
    ),
    path(
        "staff/reception/bookings/",
        views.StaffBookingListApi.as_view(),
        name="staff_reception_booking_list",
    ),
    path("staff/meetings/", views.StaffMeetingListApi.as_view(), name="staff_meeting_list"),
    path(
        "staff/enterprise-service/subscribers/",
        views.StaffSubscriberListApi.as_view(),
        name="staff_subscriber_list",
    ),
    path(
        "staff/enterprise-service/messages/",
        views.StaffMessageListApi.as_view(),
        name="staff_message_list",
    ),
    path(
        "staff/enterprise-service/messages/<int:pk>/send/",
        views.StaffMessageSendApi.as_view(),
        name="staff_message_send",
    ),
]
