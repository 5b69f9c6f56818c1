from django.apps import AppConfig


class WorkroomConfig(AppConfig):
    name = "landmine_monitor.network.workroom"
    label = "workroom"
    verbose_name = "The reporting network's work"

    def ready(self) -> None:
        from .notifications import connect_notifications

        connect_notifications()
