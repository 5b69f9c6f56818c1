from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "landmine_monitor.sources"
    label = "sources"
