from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "landmine_monitor.site.pages"
    label = "pages"
