"""Back-office routes of 政企互动 and the enterprise information service."""

from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import engagement as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("meetings/", views.MeetingListView.as_view(), name="meeting_list"),
    path("meetings/new/", views.MeetingCreateView.as_view(), name="meeting_create"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.MeetingEditView.as_view(), name="meeting_edit"),
    path(
        "meetings/<int:pk>/attendance/",
        views.MeetingAttendanceView.as_view(),
        name="meeting_attendance",
    ),
    path(
        "meetings/<int:pk>/materials/",
        views.MeetingMaterialUploadView.as_view(),
        name="meeting_material_upload",
    ),
    path(
        "meetings/registrations/<int:pk>/check-in/",
        views.RegistrationCheckInView.as_view(),
        name="registration_check_in",
    ),
    path("enterprise-service/topics/", views.TopicListView.as_view(), name="topic_list"),
    path("enterprise-service/topics/new/", views.TopicCreateView.as_view(), name="topic_create"),
    path(
        "enterprise-service/subscribers/",
        views.SubscriberListView.as_view(),
        name="subscriber_list",
    ),
    path(
        "enterprise-service/subscribers/new/",
        views.SubscriberCreateView.as_view(),
        name="subscriber_create",
    ),
    path(
        "enterprise-service/subscribers/<int:pk>/",
        views.SubscriberDetailView.as_view(),
        name="subscriber_detail",
    ),
    path("enterprise-service/messages/", views.MessageListView.as_view(), name="message_list"),
    path(
        "enterprise-service/messages/new/",
        views.MessageCreateView.as_view(),
        name="message_create",
    ),
    path(
        "enterprise-service/messages/<int:pk>/",
        views.MessageDetailView.as_view(),
        name="message_detail",
    ),
    path(
        "enterprise-service/messages/<int:pk>/send/",
        views.MessageSendView.as_view(),
        name="message_send",
    ),
    path("enterprise-service/feedback/", views.FeedbackListView.as_view(), name="feedback_list"),
    path(
        "enterprise-service/feedback/new/",
        views.FeedbackCreateView.as_view(),
        name="feedback_create",
    ),
    path(
        "enterprise-service/feedback/<int:pk>/",
        views.FeedbackDetailView.as_view(),
        name="feedback_detail",
    ),
    path(
        "enterprise-service/feedback/<int:pk>/answer/",
        views.FeedbackAnswerView.as_view(),
        name="feedback_answer",
    ),
]
