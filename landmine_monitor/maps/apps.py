from django.apps import AppConfig


class MapsConfig(AppConfig):
    name = "landmine_monitor.maps"
    label = "maps"
