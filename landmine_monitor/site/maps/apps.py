from django.apps import AppConfig


class MapsConfig(AppConfig):
    name = "landmine_monitor.site.maps"
    label = "maps"
