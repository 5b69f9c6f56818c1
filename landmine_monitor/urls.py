from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from landmine_monitor.api.api import api

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("countries/", include("landmine_monitor.countries.urls")),
    path("map/", include("landmine_monitor.maps.urls")),
    path("", include(wagtail_urls)),
]
