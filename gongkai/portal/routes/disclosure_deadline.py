"""Portal route of the 依申请公开 answer-deadline calculator."""

from django.urls import URLPattern, URLResolver, path

from gongkai.portal.views import disclosure_deadline

urlpatterns: list[URLPattern | URLResolver] = [
    path(
        "apply/deadline/",
        disclosure_deadline.disclosure_deadline,
        name="disclosure_deadline",
    ),
]
