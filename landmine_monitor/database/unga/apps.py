from django.apps import AppConfig


class UngaConfig(AppConfig):
    name = "landmine_monitor.database.unga"
    label = "unga"
