"""Public portal. Each domain's routes live in their own module, mounted here."""

from gongkai.portal.routes import calendar, catalogue, disclosure, disclosure_deadline

app_name = "portal"
urlpatterns = [
    *catalogue.urlpatterns,
    *calendar.urlpatterns,
    *disclosure.urlpatterns,
    *disclosure_deadline.urlpatterns,
]
