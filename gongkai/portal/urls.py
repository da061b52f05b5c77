"""Public portal. Each domain's routes live in their own module, mounted here."""

from gongkai.portal.routes import calendar, catalogue, disclosure, disclosure_deadline
from gongkai.portal.routes import complaints as complaints_routes
from gongkai.portal.routes import consultations as consultations_routes
from gongkai.portal.routes import engagement as engagement_routes
from gongkai.portal.routes import reading_room as reading_room_routes
from gongkai.portal.routes import reception as reception_routes
from gongkai.portal.routes import reports as reports_routes
from gongkai.portal.routes import service_guides as service_guides_routes

app_name = "portal"
urlpatterns = [
    *catalogue.urlpatterns,
    *calendar.urlpatterns,
    *disclosure.urlpatterns,
    *disclosure_deadline.urlpatterns,
    *consultations_routes.urlpatterns,
    *reception_routes.urlpatterns,
    *engagement_routes.urlpatterns,
    *complaints_routes.urlpatterns,
    *service_guides_routes.urlpatterns,
    *reading_room_routes.urlpatterns,
    *reports_routes.urlpatterns,
]
