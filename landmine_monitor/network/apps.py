from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "landmine_monitor.network"
    label = "network"
    verbose_name = "Reporting network"

    def ready(self) -> None:
        # Registered here, before anything asks Wagtail for the page permission policy.
        from .page_access import register_page_policy

        register_page_policy()
