"""What the report search finds: passages of published country reports.

A passage is one paragraph of a report's text (a section's paragraph, the key developments, a row
of the summary table) or one footnote, as the live revision has it. Passages are rows of their
own so that a search answers with the place in the report (its `anchor` on the report page), and
so that facets count passages, not whole reports. They are derived from the published pages and
rebuilt from them (`services.index_report`, `landmine-monitor reindex`); nothing else writes them.

The text is indexed by Wagtail's search backend (`WAGTAILSEARCH_BACKENDS`; the database backend:
SQLite FTS5 or PostgreSQL full text). Saving a passage does not update the index by itself
(`search_auto_update = False`): passages are written in bulk, a page at a time, and added to the
index in the same batch.
"""

from __future__ import annotations

from django.db import models
from wagtail.search import index

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.reports.models import CountryReportPage

KIND_SEPARATOR = "|"


def encode_kinds(kinds) -> str:
    """Section kinds as one filterable string, "|production|transfer|"; "" for none."""
    kinds = [str(k) for k in dict.fromkeys(kinds)]
    return f"{KIND_SEPARATOR}{KIND_SEPARATOR.join(kinds)}{KIND_SEPARATOR}" if kinds else ""


def decode_kinds(value: str) -> list[str]:
    return [k for k in value.split(KIND_SEPARATOR) if k]


class Passage(index.Indexed, models.Model):
    page = models.ForeignKey(CountryReportPage, on_delete=models.CASCADE, related_name="+")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="+")
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(help_text="Reading order in the report, from 1.")
    anchor = models.CharField(
        max_length=40, blank=True, help_text='Its id on the report page ("p-2-1", "fn-6"); empty if none.'
    )
    heading = models.CharField(
        max_length=300, blank=True, help_text="The heading of its section, as written."
    )
    kinds = models.CharField(max_length=300, blank=True, help_text="Its section's kinds, encode_kinds().")
    footnote = models.PositiveIntegerField(
        null=True, blank=True, help_text="The note's number, for a footnote."
    )
    text = models.TextField(help_text="As the report has it: inline Markdown with [^n] markers.")
    body = models.TextField(help_text="The text as a reader reads it: what is indexed and highlighted.")

    search_fields = [
        index.SearchField("body"),
        index.FilterField("page"),
        index.FilterField("country"),
        index.FilterField("edition"),
        index.FilterField("kinds"),
    ]
    search_auto_update = False

    class Meta:
        ordering = ["page", "position"]
        indexes = [models.Index(fields=["page", "position"])]

    def __str__(self) -> str:
        where = f"note {self.footnote}" if self.footnote is not None else self.anchor or "summary"
        return f"{self.page_id} {where}: {self.body[:60]}"

    @property
    def is_footnote(self) -> bool:
        return self.footnote is not None
