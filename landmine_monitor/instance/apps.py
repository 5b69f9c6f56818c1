from django.apps import AppConfig


class InstanceConfig(AppConfig):
    name = "landmine_monitor.instance"
    label = "instance"
