from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "landmine_monitor.pages"
    label = "pages"
