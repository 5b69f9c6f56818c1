"""Country reports as Wagtail pages: /reports/<year>/<country-slug>/.

A report is a page so that it has, from Wagtail itself, revisions, drafts, scheduled publishing
(the embargo), approval workflows and locking. Its structure is the `ReportDocument` of
`document.py`: sections (a StreamField of headings, kinds and paragraphs) and numbered footnotes,
each footnote with its citations of `Source` records.
"""

from __future__ import annotations

from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.database.sources.models import Source

from . import inline
from .citing import BIBTEX_MEDIA_TYPE, CSL_JSON_MEDIA_TYPE, ReportReference, bibtex, csl_json, plain_text
from .document import SectionKind

KIND_CHOICES = [(k.value, k.value.replace("-", " ").capitalize()) for k in SectionKind]


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, help_text="As written; empty when the heading was lost.")
    kinds = blocks.MultipleChoiceBlock(choices=KIND_CHOICES)
    inferred = blocks.BooleanBlock(
        required=False, help_text="Kinds guessed from the content: confirm them and untick this."
    )
    paragraphs = blocks.ListBlock(
        blocks.TextBlock(help_text="*emphasis*, **strong**, and footnote markers like [^3]."),
    )

    class Meta:
        icon = "doc-full"
        label = "Section"


class ReportsIndexPage(Page):
    """Country Reports: every edition's reports."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["reports.EditionPage"]
    max_count = 1

    def menu_entries(self) -> list[tuple[str, str]]:
        """In the site's menu: the latest edition's Table of Contents, then Country Reports."""
        from .selectors import latest_edition_page

        latest = latest_edition_page()
        toc = [("Table of Contents", latest.url)] if latest is not None else []
        return [*toc, (self.title, self.url)]

    def get_context(self, request, *args, **kwargs):
        from .selectors import book_order

        context = super().get_context(request, *args, **kwargs)
        editions = [
            p.edition for p in EditionPage.objects.live().select_related("edition").order_by("-edition__year")
        ]
        context["editions"] = editions
        context["edition"] = edition = editions[0] if editions else None
        context["q"] = q = request.GET.get("q", "").strip()
        context["view"] = view = "az" if request.GET.get("view") == "az" else "book"
        if edition is not None:
            regions = book_order(edition, only_reports=False, q=q)
            context["regions"] = regions
            if view == "az":
                entries = [e for r in regions for g in r.groups for e in g.entries]
                context["az"] = sorted(entries, key=lambda e: e.country.name)
        return context


class EditionPage(Page):
    """One edition's reports, at /reports/<year>/."""

    edition = models.OneToOneField(Edition, on_delete=models.PROTECT, related_name="page")

    content_panels = [*Page.content_panels, FieldPanel("edition")]
    parent_page_types = ["reports.ReportsIndexPage"]
    subpage_types = ["reports.CountryReportPage"]

    def get_context(self, request, *args, **kwargs):
        from .selectors import book_order

        context = super().get_context(request, *args, **kwargs)
        context["regions"] = book_order(self.edition, only_reports=True)
        return context


class CountryReportPage(RoutablePageMixin, Page):
    """A country's report in one edition, at /reports/<year>/<country-slug>/; its citation is
    downloadable beside it as `cite.bib` (BibTeX) and `cite.json` (CSL-JSON)."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="reports")
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="reports")
    key_developments = models.TextField(blank=True)
    summary_table = models.JSONField(default=list, blank=True, help_text="[[label, value], …]")
    sections = StreamField([("section", SectionBlock())], blank=True)
    import_warnings = models.JSONField(
        default=list, blank=True, help_text="What the import asked an editor to check."
    )
    source_file = models.CharField(max_length=500, blank=True, help_text="The file it was imported from.")
    is_sample = models.BooleanField(
        default=False, help_text="Sample content written for the project, not a published report."
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("country"), FieldPanel("edition"), FieldPanel("is_sample")]),
        MultiFieldPanel([FieldPanel("key_developments"), FieldPanel("summary_table")], heading="Summary"),
        MultiFieldPanel(
            [FieldPanel("import_warnings", read_only=True), FieldPanel("source_file", read_only=True)],
            heading="Import",
        ),
        FieldPanel("sections"),
        InlinePanel("footnotes", heading="Footnotes", label="Footnote"),
    ]
    parent_page_types = ["reports.EditionPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("key_developments"),
        index.SearchField("sections"),
        index.RelatedFields("footnotes", [index.SearchField("text")]),
        index.FilterField("country_id"),
        index.FilterField("edition_id"),
    ]

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["country", "edition"], name="one_report_per_country_and_edition")
        ]

    def get_context(self, request, *args, **kwargs):
        from . import reading

        context = super().get_context(request, *args, **kwargs)
        context["report"] = reading.read_report(self)
        context["title_text"] = inline.plain_text(self.title)
        context["contents_url"] = self.get_parent().get_url(request)
        context["other_editions"] = reading.other_editions(self, request)
        context["previous_report"], context["next_report"] = reading.neighbours(self)
        reference = self.reference(request)
        context["citation"] = {
            "text": plain_text(reference),
            "bibtex": bibtex(reference),
            "csl_json": csl_json(reference),
        }
        return context

    def save_revision(self, *args, **kwargs):
        """Read every footnote's sources from its text again, as an import does, when the
        footnotes were edited in memory (the page editor's form): a note written or changed in
        the browser is linked to the Sources it cites, and an "Ibid." to those of the note it
        repeats, in the revision saved. Only here, when a revision is saved: the editor's live
        preview builds the page from the form too, and must not create sources for half-typed
        notes. (`services.save_report` reads them itself and says so with `citations_read`.)"""
        if self.footnotes.is_deferring and not getattr(self, "citations_read", False):
            from .services import cite_footnotes

            cite_footnotes(list(self.footnotes.all()))
        return super().save_revision(*args, **kwargs)

    def reference(self, request) -> ReportReference:
        """What a citation of the report says, as `citing` formats it."""
        released = self.edition.release_at
        return ReportReference(
            title=inline.plain_text(self.title) or self.country.name,
            edition_title=self.edition.title,
            year=self.edition.year,
            url=request.build_absolute_uri(self.get_url(request)),
            accessed=timezone.localdate(),
            slug=self.country.slug,
            released=timezone.localdate(released) if released else None,
            sample=self.is_sample,
        )

    @path("cite.bib/", name="cite-bibtex")
    def cite_bibtex(self, request):
        return self._citation_file(bibtex, BIBTEX_MEDIA_TYPE, "bib", request)

    @path("cite.json/", name="cite-csl-json")
    def cite_csl_json(self, request):
        return self._citation_file(csl_json, CSL_JSON_MEDIA_TYPE, "json", request)

    def _citation_file(self, formatter, content_type: str, extension: str, request) -> HttpResponse:
        reference = self.reference(request)
        response = HttpResponse(formatter(reference), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{reference.key}.{extension}"'
        return response


class ReportFootnote(Orderable, ClusterableModel):
    """A numbered footnote as published; its number is kept even when a book numbered its notes
    continuously across a whole region."""

    report = ParentalKey(CountryReportPage, on_delete=models.CASCADE, related_name="footnotes")
    number = models.PositiveIntegerField()
    text = models.TextField()
    ibid_of = models.PositiveIntegerField(
        null=True, blank=True, help_text='For "Ibid.": the number of the footnote it repeats.'
    )

    panels = [FieldRowPanel([FieldPanel("number"), FieldPanel("ibid_of")]), FieldPanel("text")]

    class Meta(Orderable.Meta):
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return f"[{self.number}] {self.text[:60]}"


class FootnoteCitation(Orderable):
    """One source a footnote cites, and where in it."""

    footnote = ParentalKey(ReportFootnote, on_delete=models.CASCADE, related_name="citations")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="footnote_citations")
    locator = models.CharField(max_length=200, blank=True)

    @classmethod
    def public_citing(cls) -> models.QuerySet[FootnoteCitation]:
        """The citations that make their sources public: those in published reports (see
        `database.sources.selectors`)."""
        from .selectors import public_reports

        return cls.objects.filter(footnote__report__in=public_reports().values("pk"))
