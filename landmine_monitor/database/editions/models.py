"""An edition of the annual Landmine Monitor Report: the frame every report and fact belongs to."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class EditionState(models.TextChoices):
    RESEARCH = "research", "In research"
    EDITING = "editing", "In editing"
    EMBARGOED = "embargoed", "Approved, under embargo"
    PUBLISHED = "published", "Published"


class Edition(models.Model):
    year = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(
        max_length=300, help_text='e.g. "Landmine Monitor Report 1999: Toward a Mine-Free World"'
    )
    reporting_period_end = models.DateField(
        null=True, blank=True, help_text="Facts are reported as they stood on this date."
    )
    release_at = models.DateTimeField(
        null=True, blank=True, help_text="Embargoed until this moment; nothing is public before."
    )
    state = models.CharField(max_length=20, choices=EditionState.choices, default=EditionState.RESEARCH)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("state")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("reporting_period_end"), FieldPanel("release_at")]),
    ]

    class Meta:
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title or str(self.year)

    def release_pending(self, now: datetime.datetime | None = None) -> bool:
        """Whether the edition's release is still to come (at `now`, by default the present): its
        reports stay under embargo until then. No release time set means nothing is held back."""
        return self.release_at is not None and self.release_at > (now or timezone.now())
