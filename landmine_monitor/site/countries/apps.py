from django.apps import AppConfig


class CountryPagesConfig(AppConfig):
    """A page for every country and area (/countries/<slug>/); the records are the database's."""

    name = "landmine_monitor.site.countries"
    label = "country_pages"
    verbose_name = "Country pages"
