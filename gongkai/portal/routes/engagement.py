"""Portal routes of 政企互动 and the enterprise information service."""

from django.urls import URLPattern, URLResolver, path

from gongkai.portal.views import engagement

urlpatterns: list[URLPattern | URLResolver] = [
    path("meetings/", engagement.meeting_list, name="meeting_list"),
    path("meetings/<int:pk>/", engagement.meeting_detail, name="meeting_detail"),
    path("meetings/materials/<int:pk>/", engagement.meeting_material, name="meeting_material"),
    path("enterprise-service/", engagement.subscribe, name="subscribe"),
    path(
        "enterprise-service/<str:token>/",
        engagement.subscription_manage,
        name="subscription_manage",
    ),
]
