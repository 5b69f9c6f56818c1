from django.apps import AppConfig


class CountriesConfig(AppConfig):
    name = "landmine_monitor.database.countries"
    label = "countries"
