from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/v1/", include("gongkai.api.urls")),
    path("staff/", include("gongkai.backoffice.urls")),
    path("", include("gongkai.portal.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# JSON errors under /api/, Django's usual pages elsewhere.
handler404 = "gongkai.api.views.errors.handler404"
handler500 = "gongkai.api.views.errors.handler500"
