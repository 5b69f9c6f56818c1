from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "landmine_monitor.reference"
    label = "reference"
