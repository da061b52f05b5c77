"""Portal routes of 审批处长接访."""

from django.urls import URLPattern, URLResolver, path

from gongkai.portal.views import reception

urlpatterns: list[URLPattern | URLResolver] = [
    path("reception/", reception.reception_index, name="reception_index"),
    path("reception/slots/<int:pk>/book/", reception.reception_book, name="reception_book"),
    path(
        "reception/bookings/<str:reference>/",
        reception.reception_booking,
        name="reception_booking",
    ),
]
