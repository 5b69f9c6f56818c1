from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "landmine_monitor.publishing"
    label = "publishing"
