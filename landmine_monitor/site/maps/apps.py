from django.apps import AppConfig


class MapsConfig(AppConfig):
    name = "landmine_monitor.site.maps"
    label = "maps"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from landmine_monitor.database.countries.models import Country
        from landmine_monitor.database.sources.models import Source
        from landmine_monitor.database.treaties.models import Treaty, TreatyAction

        from .views import bump_version

        # What a rendered map rests on: any change to it makes every cached map stale.
        for model in (TreatyAction, Treaty, Country, Source):
            for name, signal in (("save", post_save), ("delete", post_delete)):
                signal.connect(bump_version, sender=model, dispatch_uid=f"maps-{model.__name__}-{name}")
