from django.apps import AppConfig


class FactsConfig(AppConfig):
    name = "landmine_monitor.database.facts"
    label = "facts"
