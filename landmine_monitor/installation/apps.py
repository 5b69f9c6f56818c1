from django.apps import AppConfig


class InstallationConfig(AppConfig):
    name = "landmine_monitor.installation"
    label = "installation"
    verbose_name = "Installation"
