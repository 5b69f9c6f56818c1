from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "landmine_monitor.database.reference"
    label = "reference"
