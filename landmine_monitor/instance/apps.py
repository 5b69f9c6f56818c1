from django.apps import AppConfig


class InstanceConfig(AppConfig):
    name = "landmine_monitor.instance"
    label = "instance"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the receivers)
