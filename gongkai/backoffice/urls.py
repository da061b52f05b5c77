"""Staff back office (mounted at /staff/)."""

from gongkai.backoffice.routes import accounts, calendar, catalogue, disclosure, organisations
from gongkai.backoffice.routes import appeals as appeals_routes
from gongkai.backoffice.routes import complaints as complaints_routes
from gongkai.backoffice.routes import consultations as consultations_routes
from gongkai.backoffice.routes import engagement as engagement_routes
from gongkai.backoffice.routes import reading_room as reading_room_routes
from gongkai.backoffice.routes import reception as reception_routes
from gongkai.backoffice.routes import reports as reports_routes
from gongkai.backoffice.routes import service_desk as service_desk_routes
from gongkai.backoffice.routes import service_guides as service_guides_routes
from gongkai.backoffice.routes import web_analytics as web_analytics_routes

app_name = "backoffice"
urlpatterns = [
    *accounts.urlpatterns,
    *catalogue.urlpatterns,
    *organisations.urlpatterns,
    *calendar.urlpatterns,
    *disclosure.urlpatterns,
    *appeals_routes.urlpatterns,
    *consultations_routes.urlpatterns,
    *complaints_routes.urlpatterns,
    *service_guides_routes.urlpatterns,
    *service_desk_routes.urlpatterns,
    *reading_room_routes.urlpatterns,
    *web_analytics_routes.urlpatterns,
    *reception_routes.urlpatterns,
    *engagement_routes.urlpatterns,
    *reports_routes.urlpatterns,
]
