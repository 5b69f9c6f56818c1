from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from landmine_monitor.api.api import api

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    path("countries/", include("landmine_monitor.site.countries.urls")),
    path("map/", include("landmine_monitor.site.maps.urls")),
    path("search/", include("landmine_monitor.site.search.urls")),
    # A report's citation files beside it (/reports/1999/north-korea/cite.bib), served by the page's
    # own routes: Wagtail's page paths have no dots.
    re_path(r"^((?:[\w\-]+/)+cite\.(?:bib|json))$", wagtail_views.serve),
    path("", include(wagtail_urls)),
]
