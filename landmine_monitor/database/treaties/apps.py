from django.apps import AppConfig


class TreatiesConfig(AppConfig):
    name = "landmine_monitor.database.treaties"
    label = "treaties"
