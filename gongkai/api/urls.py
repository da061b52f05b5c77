"""REST API v1 (mounted at /api/v1/)."""

from django.urls import re_path

from gongkai.api.routes import appeals as appeals_routes
from gongkai.api.routes import calendar, catalogue, disclosure, disclosure_requests, schema
from gongkai.api.routes import consultations as consultations_routes
from gongkai.api.routes import reading_room as reading_room_routes
from gongkai.api.routes import reception_engagement as reception_engagement_routes
from gongkai.api.routes import reports as reports_routes
from gongkai.api.routes import service_centre as service_centre_routes
from gongkai.api.views.errors import UnknownEndpointApi

app_name = "api"
urlpatterns = [
    *schema.urlpatterns,
    *catalogue.urlpatterns,
    *calendar.urlpatterns,
    *disclosure.urlpatterns,
    *disclosure_requests.urlpatterns,
    *appeals_routes.urlpatterns,
    *consultations_routes.urlpatterns,
    *service_centre_routes.urlpatterns,
    *reading_room_routes.urlpatterns,
    *reception_engagement_routes.urlpatterns,
    *reports_routes.urlpatterns,
    # Last: every other path under /api/v1/ answers with a JSON 404.
    re_path(r"^.*$", UnknownEndpointApi.as_view(), name="unknown_endpoint"),
]
