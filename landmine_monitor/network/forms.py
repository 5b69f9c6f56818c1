"""The admin form of the research log (requests for information, interviews): researchers and
coordinators record only for the countries and editions they cover, as themselves by default."""

from __future__ import annotations

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm


class NetworkRecordForm(WagtailAdminModelForm):
    # The rules are imported where they are used: they import the models, which name this form.

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from landmine_monitor.database.countries.models import Country

        from .permissions import has_full_access, scope_of

        user = self.for_user
        if user is None:
            return
        if "researcher" in self.fields and self.instance.pk is None:
            self.initial.setdefault("researcher", user.pk)
        if "country" in self.fields and not has_full_access(user):
            scope = scope_of(user)
            if not scope.theme_editions:
                self.fields["country"].queryset = Country.objects.filter(
                    Q(pk__in=[country for _, country in scope.countries])
                    | Q(region__in=[region for _, region in scope.regions])
                )

    def clean(self):
        from .permissions import covers

        cleaned = super().clean()
        country, edition, user = cleaned.get("country"), cleaned.get("edition"), self.for_user
        if user is not None and country and edition and not covers(user, edition.pk, country):
            self.add_error(
                "country", f"{country.name} in the {edition.year} edition is not among your assignments."
            )
        return cleaned

    def save(self, commit=True):
        if self.instance.researcher_id is None and self.for_user is not None:
            self.instance.researcher = self.for_user
        return super().save(commit=commit)
