"""Back-office routes of 投诉建议."""

from django.urls import URLPattern, URLResolver, path

from gongkai.backoffice.views import complaints

urlpatterns: list[URLPattern | URLResolver] = [
    path("complaints/", complaints.ComplaintListView.as_view(), name="complaint_list"),
    path("complaints/new/", complaints.ComplaintCreateView.as_view(), name="complaint_create"),
    path(
        "complaints/settings/",
        complaints.ComplaintSettingsView.as_view(),
        name="complaint_settings",
    ),
    path("complaints/<int:pk>/", complaints.ComplaintDetailView.as_view(), name="complaint_detail"),
    path(
        "complaints/<int:pk>/route/",
        complaints.ComplaintRouteView.as_view(),
        name="complaint_route",
    ),
    path(
        "complaints/<int:pk>/reply/",
        complaints.ComplaintReplyView.as_view(),
        name="complaint_reply",
    ),
]
