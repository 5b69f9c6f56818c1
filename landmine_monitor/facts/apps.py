from django.apps import AppConfig


class FactsConfig(AppConfig):
    name = "landmine_monitor.facts"
    label = "facts"
