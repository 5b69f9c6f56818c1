from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "landmine_monitor.reports"
    label = "reports"
