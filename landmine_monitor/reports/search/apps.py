from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    """Search over the published country reports. Labelled `site_search` so that it cannot be
    confused with Wagtail's own `wagtailsearch` app, whose backend it uses."""

    name = "landmine_monitor.reports.search"
    label = "site_search"
    verbose_name = "Report search"

    def ready(self) -> None:
        from . import signals

        signals.connect()
