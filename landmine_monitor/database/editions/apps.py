from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "landmine_monitor.database.editions"
    label = "editions"
