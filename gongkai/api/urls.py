"""REST API v1 (mounted at /api/v1/)."""

from gongkai.api.routes import calendar, catalogue, schema

app_name = "api"
urlpatterns = [*schema.urlpatterns, *catalogue.urlpatterns, *calendar.urlpatterns]
