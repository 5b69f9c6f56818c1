from django.apps import AppConfig


class FoundationConfig(AppConfig):
    """What every element stands on: the content version, e-mail, batching.

    The label stays "instance", the app's name before the packages were arranged by element, so
    that existing databases keep their tables and migration history."""

    name = "landmine_monitor.foundation"
    label = "instance"
    verbose_name = "Foundation"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the receivers)
