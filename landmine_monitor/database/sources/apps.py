from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "landmine_monitor.database.sources"
    label = "sources"
