"""Portal routes of 投诉建议."""

from django.urls import URLPattern, URLResolver, path

from gongkai.portal.views import complaints

urlpatterns: list[URLPattern | URLResolver] = [
    path("complaints/", complaints.complaint_new, name="complaint_new"),
    path("complaints/receipt/", complaints.complaint_receipt, name="complaint_receipt"),
    path("complaints/track/", complaints.complaint_track, name="complaint_track"),
    path("complaints/track/rate/", complaints.complaint_rate, name="complaint_rate"),
]
