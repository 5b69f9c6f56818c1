"""Where a statement comes from. Every treaty action, vote and fact points to a Source."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from landmine_monitor.foundation.dates import long_date


class SourceKind(models.TextChoices):
    INTERVIEW = "interview", "Interview"
    TELEPHONE_INTERVIEW = "telephone-interview", "Telephone interview"
    LETTER = "letter", "Letter or reply to a request for information"
    PRESS = "press", "Press"
    GOVERNMENT_DOCUMENT = "government-document", "Government document"
    ARTICLE_7_REPORT = "article-7-report", "Article 7 report"
    UN_DOCUMENT = "un-document", "UN document"
    DATABASE = "database", "Database"
    BOOK = "book", "Book"
    REPORT = "report", "Report"
    WEBSITE = "website", "Website"


class Source(index.Indexed, models.Model):
    """A document, interview, letter or data set that the Monitor cites.

    For a data set, `date` is the date its contents hold for (the as-of date).
    """

    key = models.SlugField(
        max_length=80,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="Set on the sources that come with the bundled reference data.",
    )
    kind = models.CharField(max_length=30, choices=SourceKind.choices)
    title = models.CharField(max_length=500, blank=True)
    person = models.CharField(
        max_length=300, blank=True, help_text="Author, or the person interviewed or writing."
    )
    organisation = models.CharField(max_length=300, blank=True)
    date = models.DateField(null=True, blank=True, help_text="For a data set: its as-of date.")
    date_text = models.CharField(
        max_length=100, blank=True, help_text="The date as written when it is not a single day."
    )
    place = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=500, blank=True)
    note = models.TextField(blank=True)
    fingerprint = models.CharField(
        max_length=300,
        blank=True,
        db_index=True,
        editable=False,
        help_text="The source's identity as footnotes cite it (database.sources.citations.fingerprint); "
        "set by sources.services, never typed.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("person"), FieldPanel("organisation")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("date"), FieldPanel("date_text")]), FieldPanel("place")],
            heading="When and where",
        ),
        FieldPanel("url"),
        FieldPanel("note"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("person"),
        index.SearchField("organisation"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("id"),  # the admin's search within the sources a user may see
    ]

    class Meta:
        ordering = ["-date", "title"]

    def __str__(self) -> str:
        return self.citation

    @property
    def when(self) -> str:
        """The source's date as cited: as the footnote wrote it, else the date written long."""
        return self.date_text or long_date(self.date)

    @property
    def citation(self) -> str:
        """The source as a reader sees it in a footnote."""
        parts = [self.person, self.organisation, self.title, self.place, self.when]
        text = ", ".join(p for p in parts if p)
        return f"{text}, {self.url}" if self.url else text


class MergedFingerprint(models.Model):
    """The fingerprint of a source merged into another (`sources.services.merge_sources`): an
    import that cites the merged source the same way again finds the one kept."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="merged_fingerprints")
    fingerprint = models.CharField(max_length=300, db_index=True)

    class Meta:
        ordering = ["source_id", "pk"]

    def __str__(self) -> str:
        return f"{self.fingerprint} → source #{self.source_id}"
