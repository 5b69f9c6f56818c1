"""Facts: sourced statements about a country, shaped like Wikidata statements.

A fact is never a bare number: it names its indicator (with unit and value type), holds a value
or says explicitly that the value is unknown or that there is none, says when it holds, carries
qualifiers, the edition it was published in, a rank, and at least one reference to a source.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.database.sources.models import Source


class ValueType(models.TextChoices):
    QUANTITY = "quantity", "Number"
    RANGE = "range", "Range of numbers"
    TEXT = "text", "Text"
    DATE = "date", "Date"
    BOOLEAN = "boolean", "Yes / no"


class Indicator(models.Model):
    """What a fact measures, from the maintained list: "stockpile size", "area cleared", …"""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    value_type = models.CharField(max_length=10, choices=ValueType.choices)
    unit = models.CharField(max_length=40, blank=True, help_text='e.g. "mines", "km²", "people", "USD".')
    theme = models.CharField(max_length=40, blank=True, help_text="The report section it belongs to.")
    description = models.TextField(blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("value_type"), FieldPanel("unit"), FieldPanel("theme")]),
        FieldPanel("description"),
    ]

    class Meta:
        ordering = ["theme", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name


class ValueStatus(models.TextChoices):
    VALUE = "value", "Has a value"
    UNKNOWN = "unknown", "Unknown"
    NONE = "none", "None (there is nothing to count)"


class Rank(models.TextChoices):
    """As in Wikidata: a later edition's revision becomes preferred, the old figure is kept."""

    PREFERRED = "preferred", "Preferred"
    NORMAL = "normal", "Normal"
    DEPRECATED = "deprecated", "Deprecated"


class Fact(RevisionMixin, ClusterableModel):
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="facts")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="facts")
    value_status = models.CharField(max_length=10, choices=ValueStatus.choices, default=ValueStatus.VALUE)
    quantity = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    quantity_upper = models.DecimalField(
        max_digits=20, decimal_places=4, null=True, blank=True, help_text="Upper end of a range."
    )
    text = models.TextField(blank=True)
    date_value = models.DateField(null=True, blank=True)
    boolean = models.BooleanField(null=True, blank=True)
    point_in_time = models.DateField(null=True, blank=True, help_text="The day the value holds for.")
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    is_estimate = models.BooleanField("estimate", default=False)
    is_approximate = models.BooleanField("approximate", default=False)
    is_disputed = models.BooleanField("disputed", default=False)
    edition = models.ForeignKey(
        Edition,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="facts",
        help_text="The edition the fact was published in.",
    )
    rank = models.CharField(max_length=12, choices=Rank.choices, default=Rank.NORMAL)
    note = models.TextField(blank=True)

    panels = [
        FieldRowPanel([FieldPanel("country"), FieldPanel("indicator")]),
        MultiFieldPanel(
            [
                FieldPanel("value_status"),
                FieldRowPanel([FieldPanel("quantity"), FieldPanel("quantity_upper")]),
                FieldPanel("text"),
                FieldRowPanel([FieldPanel("date_value"), FieldPanel("boolean")]),
            ],
            heading="Value",
        ),
        FieldRowPanel(
            [FieldPanel("point_in_time"), FieldPanel("period_start"), FieldPanel("period_end")],
            heading="Holds for",
        ),
        FieldRowPanel(
            [FieldPanel("is_estimate"), FieldPanel("is_approximate"), FieldPanel("is_disputed")],
            heading="Qualifiers",
        ),
        FieldRowPanel([FieldPanel("edition"), FieldPanel("rank")]),
        InlinePanel("references", heading="References", label="Reference", min_num=1),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["country__name", "indicator__name", "-point_in_time"]
        indexes = [models.Index(fields=["country", "indicator"])]

    def __str__(self) -> str:
        return f"{self.country} — {self.indicator.name}: {self.display_value}"

    @property
    def qualifiers(self) -> list[str]:
        return [
            name
            for name, flag in (
                ("estimate", self.is_estimate),
                ("approximate", self.is_approximate),
                ("disputed", self.is_disputed),
            )
            if flag
        ]

    @property
    def value(self) -> object:
        """The value in its own type; None when unknown or none."""
        if self.value_status != ValueStatus.VALUE:
            return None
        match self.indicator.value_type:
            case ValueType.QUANTITY if self.quantity_upper is None:
                return self.quantity
            case ValueType.QUANTITY | ValueType.RANGE:
                return (self.quantity, self.quantity_upper)
            case ValueType.DATE:
                return self.date_value
            case ValueType.BOOLEAN:
                return self.boolean
        return self.text

    @property
    def display_value(self) -> str:
        if self.value_status != ValueStatus.VALUE:
            return self.get_value_status_display()
        value = self.value
        unit = f" {self.indicator.unit}" if self.indicator.unit else ""
        if isinstance(value, tuple):
            return f"{_number(value[0])}–{_number(value[1])}{unit}"
        if isinstance(value, Decimal):
            return f"{_number(value)}{unit}"
        if isinstance(value, bool):
            return "yes" if value else "no"
        return str(value)

    def clean(self) -> None:
        from .rules import check_fact  # the rules need the model; the model asks them

        errors = check_fact(self)
        if errors:
            raise ValidationError(errors)


def _number(value: Decimal | None) -> str:
    if value is None:
        return "?"
    return f"{value.normalize():,f}" if value != value.to_integral() else f"{int(value):,}"


class FactReference(Orderable):
    """One source a fact rests on, and where in it."""

    fact = ParentalKey(Fact, on_delete=models.CASCADE, related_name="references")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="fact_references")
    locator = models.CharField(max_length=300, blank=True, help_text="Page, paragraph, table.")
    footnote_number = models.PositiveIntegerField(
        null=True, blank=True, help_text="The report footnote that carries the source."
    )
    quote = models.TextField(blank=True)

    panels = [
        FieldPanel("source"),
        FieldRowPanel([FieldPanel("locator"), FieldPanel("footnote_number")]),
        FieldPanel("quote"),
    ]

    def __str__(self) -> str:
        return f"{self.source} {self.locator}".strip()
