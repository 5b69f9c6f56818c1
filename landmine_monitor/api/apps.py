from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "landmine_monitor.api"
    label = "api"
