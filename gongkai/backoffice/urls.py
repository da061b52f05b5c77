"""Staff back office (mounted at /staff/)."""

from gongkai.backoffice.routes import accounts, calendar, catalogue, disclosure, organisations
from gongkai.backoffice.routes import appeals as appeals_routes

app_name = "backoffice"
urlpatterns = [
    *accounts.urlpatterns,
    *catalogue.urlpatterns,
    *organisations.urlpatterns,
    *calendar.urlpatterns,
    *disclosure.urlpatterns,
    *appeals_routes.urlpatterns,
]
