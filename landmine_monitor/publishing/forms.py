"""The order form of Order Publications: who orders, where to send it, and how many of each."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from landmine_monitor.database.countries.models import Country, CountryKind

from .models import Publication
from .services import check_order_limit

MAX_QUANTITY = 25
NO_PUBLICATION = "Choose at least one publication: enter a quantity of 1 or more."


def postal_countries():
    """Where a parcel can go: every state and other area but the former states."""
    return Country.objects.exclude(kind=CountryKind.FORMER_STATE).order_by("name")


class OrderForm(forms.Form):
    name = forms.CharField(max_length=200, label="Your name")
    organisation = forms.CharField(max_length=200, required=False, label="Organisation (optional)")
    email = forms.EmailField(
        max_length=254, label="E-mail", help_text="Only to write to you about this order."
    )
    postal_address = forms.CharField(
        max_length=1000,
        label="Postal address",
        help_text="As it should appear on the parcel: street, town, postcode. The country goes below.",
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
    )
    country = forms.ModelChoiceField(queryset=postal_countries(), empty_label="Choose a country")
    notes = forms.CharField(
        max_length=2000,
        required=False,
        label="Notes (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, publications: list[Publication], **kwargs):
        super().__init__(*args, **kwargs)
        self.publications = publications
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        for publication in publications:
            self.fields[self.quantity_name(publication)] = forms.IntegerField(
                label=f"Copies of {publication}",
                min_value=0,
                max_value=MAX_QUANTITY,
                initial=0,
                required=False,
                widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "quantity"}),
            )

    @staticmethod
    def quantity_name(publication: Publication) -> str:
        return f"quantity_{publication.pk}"

    def customer_fields(self):
        return [self[name] for name in ("name", "organisation", "email", "postal_address", "country")]

    def quantity_fields(self):
        """(publication, bound field) for each publication that can be ordered."""
        return [(p, self[self.quantity_name(p)]) for p in self.publications]

    def clean_email(self):
        email = self.cleaned_data["email"]
        check_order_limit(email)  # shown on the field; `place_order` asks the same again
        return email

    def clean(self):
        data = super().clean()
        names = [self.quantity_name(p) for p in self.publications]
        if not any(name in self.errors for name in names) and not any(data.get(n) for n in names):
            raise ValidationError(NO_PUBLICATION, code="no-publication")
        return data

    def customer(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"].strip(),
            "organisation": data["organisation"].strip(),
            "email": data["email"],
            "postal_address": data["postal_address"].strip(),
            "country": data["country"],
            "notes": data["notes"].strip(),
        }

    def lines(self) -> list[tuple[Publication, int]]:
        return [
            (p, self.cleaned_data[self.quantity_name(p)])
            for p in self.publications
            if self.cleaned_data.get(self.quantity_name(p))
        ]
