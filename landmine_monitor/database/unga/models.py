"""UN General Assembly resolutions on landmines and how each state voted on them."""

from __future__ import annotations

import datetime

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.sources.models import Source


class Resolution(models.Model):
    """A resolution on which the Assembly took a recorded vote."""

    symbol = models.CharField(max_length=30, unique=True, help_text='As people write it: "51/45 S".')
    session = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=500)
    adopted_on = models.DateField(
        null=True, blank=True, help_text="The official adoption date, from the UN's own record."
    )
    adopted_on_source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dataset_date = models.DateField(
        help_text="The date the vote data gives; for several years it is not the adoption date."
    )
    recorded_yes = models.PositiveSmallIntegerField(null=True, blank=True)
    recorded_no = models.PositiveSmallIntegerField(null=True, blank=True)
    recorded_abstain = models.PositiveSmallIntegerField(null=True, blank=True)
    recorded_source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Where the officially recorded totals come from.",
    )
    votes_source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="resolutions",
        help_text="The data set the per-state votes come from.",
    )
    votes_locator = models.CharField(max_length=100, blank=True, help_text="e.g. the roll-call id.")
    note = models.TextField(blank=True, help_text="Known gaps and how they are handled.")

    panels = [
        FieldRowPanel([FieldPanel("symbol"), FieldPanel("session")]),
        FieldPanel("title"),
        FieldRowPanel(
            [FieldPanel("adopted_on"), FieldPanel("adopted_on_source"), FieldPanel("dataset_date")]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("recorded_yes"), FieldPanel("recorded_no"), FieldPanel("recorded_abstain")]
                ),
                FieldPanel("recorded_source"),
            ],
            heading="Officially recorded result",
        ),
        FieldRowPanel([FieldPanel("votes_source"), FieldPanel("votes_locator")]),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["session", "symbol"]

    def __str__(self) -> str:
        return f"{self.symbol} ({self.vote_date.year})"

    @property
    def vote_date(self) -> datetime.date:
        """The adoption date where it is recorded, else the data's date."""
        return self.adopted_on or self.dataset_date

    @property
    def slug(self) -> str:
        return self.symbol.replace("/", "-").replace(" ", "-").lower()

    @property
    def recorded_totals(self) -> dict[str, int] | None:
        if self.recorded_yes is None:
            return None
        return {"yes": self.recorded_yes, "no": self.recorded_no or 0, "abstain": self.recorded_abstain or 0}


class VoteChoice(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    ABSTAIN = "abstain", "Abstain"


class Vote(models.Model):
    """A state's recorded vote. "Absent" is never stored: it is a member with no vote here."""

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="votes")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="unga_votes")
    vote = models.CharField(max_length=10, choices=VoteChoice.choices)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="unga_votes")
    in_dataset = models.BooleanField(
        default=True,
        help_text="False for a vote added from the official record where the data set lacks it.",
    )
    note = models.CharField(max_length=500, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("resolution"), FieldPanel("country"), FieldPanel("vote")]),
        FieldPanel("source"),
        FieldPanel("in_dataset"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["resolution", "country__name"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "country"], name="vote_unique_per_state")
        ]

    def __str__(self) -> str:
        return f"{self.country} on {self.resolution.symbol}: {self.vote}"
