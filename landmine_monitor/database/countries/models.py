"""Every state and other area the Monitor reports on, with its codes, region and names."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from .names import fold_name


class Region(models.TextChoices):
    """The five regions the annual report is grouped by."""

    AFRICA = "africa", "Africa"
    AMERICAS = "americas", "Americas"
    ASIA_PACIFIC = "asia-pacific", "Asia-Pacific"
    EUROPE_CENTRAL_ASIA = "europe-central-asia", "Europe/Central Asia"
    MIDDLE_EAST_NORTH_AFRICA = "middle-east-north-africa", "Middle East/North Africa"


class CountryKind(models.TextChoices):
    MEMBER = "member", "UN member state"
    OBSERVER = "observer", "UN observer state"
    NON_MEMBER_STATE = "non-member-state", "State not a member of the UN"
    OTHER_AREA = "other-area", "Other area"
    FORMER_STATE = "former-state", "Former state"


STATE_KINDS = (
    CountryKind.MEMBER,
    CountryKind.OBSERVER,
    CountryKind.NON_MEMBER_STATE,
    CountryKind.FORMER_STATE,
)


class Country(index.Indexed, ClusterableModel):
    """A state or other area. Its `slug` is stable: URLs and citations use it for decades."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120, help_text="The name as the Monitor writes it.")
    folded_name = models.CharField(max_length=120, db_index=True, editable=False)
    kind = models.CharField(max_length=20, choices=CountryKind.choices)
    region = models.CharField(max_length=30, choices=Region.choices)
    iso2 = models.CharField("ISO 3166 alpha-2", max_length=2, blank=True, db_index=True)
    iso3 = models.CharField("ISO 3166 alpha-3", max_length=3, blank=True, db_index=True)
    numeric = models.CharField("ISO 3166 numeric", max_length=3, blank=True)
    independent_from = models.DateField(
        null=True,
        blank=True,
        help_text="For a state that came into being after 1980: the day it did. Empty when it "
        "existed throughout the period the Monitor covers.",
    )
    un_member_from = models.DateField(
        "UN member from", null=True, blank=True, help_text="Date of admission to the United Nations."
    )
    un_member_until = models.DateField(
        "UN member until", null=True, blank=True, help_text="For a former state: its last day."
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
            ],
            heading="Country or area",
        ),
        FieldRowPanel([FieldPanel("iso2"), FieldPanel("iso3"), FieldPanel("numeric")], heading="ISO 3166"),
        FieldRowPanel(
            [FieldPanel("un_member_from"), FieldPanel("un_member_until")], heading="United Nations"
        ),
        InlinePanel("names", heading="Other names", label="Name"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("iso3"),
        index.SearchField("iso2"),
        index.SearchField("slug"),
        index.AutocompleteField("iso3"),
        index.FilterField("region"),
        index.FilterField("kind"),
        index.RelatedFields("names", [index.SearchField("name"), index.AutocompleteField("name")]),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries and areas"
        constraints = [
            models.UniqueConstraint(
                fields=["iso3"], condition=~models.Q(iso3=""), name="country_unique_iso3"
            ),
            models.UniqueConstraint(
                fields=["iso2"], condition=~models.Q(iso2=""), name="country_unique_iso2"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_state(self) -> bool:
        return self.kind in STATE_KINDS

    def is_un_member_on(self, on: datetime.date) -> bool:
        """Whether it sat in the General Assembly on that date."""
        if self.un_member_from is None or self.un_member_from > on:
            return False
        return self.un_member_until is None or on <= self.un_member_until

    def save(self, *args, **kwargs) -> None:
        # The folded form is derived, never typed: keep it in step with the name.
        self.folded_name = fold_name(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        for field in ("iso2", "iso3"):
            setattr(self, field, getattr(self, field).upper())
        if self.un_member_until and not self.un_member_from:
            raise ValidationError({"un_member_until": "A membership that ended needs its start."})
        if self.un_member_until and self.un_member_from and self.un_member_until < self.un_member_from:
            raise ValidationError({"un_member_until": "Membership cannot end before it began."})


class CountryName(models.Model):
    """Another name of a country: a spelling met in reports or data, or an old name.

    A name that meant different states at different times ("Yugoslavia") carries the dates it
    held for, so that a name and a date resolve to exactly one country.
    """

    country = ParentalKey(Country, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=160)
    folded = models.CharField(max_length=160, db_index=True, editable=False)
    valid_from = models.DateField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")])]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "folded", "valid_from"], name="countryname_unique_per_country"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        # The folded form is derived, never typed: keep it in step with the name.
        self.folded = fold_name(self.name)
        super().save(*args, **kwargs)

    def holds_on(self, on: datetime.date | None) -> bool:
        if on is None:
            return True
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_until is None or on <= self.valid_until
        )
