from django.apps import AppConfig


class SearchPageConfig(AppConfig):
    """The search page (/search/); the index and the query are `reports.search`'s."""

    name = "landmine_monitor.site.search"
    label = "search_page"
    verbose_name = "Search page"
