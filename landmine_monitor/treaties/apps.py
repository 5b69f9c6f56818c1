from django.apps import AppConfig


class TreatiesConfig(AppConfig):
    name = "landmine_monitor.treaties"
    label = "treaties"
