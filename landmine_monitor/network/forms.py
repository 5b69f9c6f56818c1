"""The admin form of the research log (requests for information, interviews): researchers and
coordinators record only for the countries and editions they cover, as themselves by default."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminModelForm


class NetworkRecordForm(WagtailAdminModelForm):
    # The rules are imported where they are used: they import the models, which name this form.

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .permissions import countries_covered

        user = self.for_user
        if user is None:
            return
        if "researcher" in self.fields and self.instance.pk is None:
            self.initial.setdefault("researcher", user.pk)
        countries = countries_covered(user) if "country" in self.fields else None
        if countries is not None:
            self.fields["country"].queryset = countries

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
