"""Saving reports: a `ReportDocument` becomes a new revision of the (country, edition) report.

Nothing is lost: importing a report that exists makes a new revision, and earlier revisions stay
in Wagtail's history. A report is a draft unless it is published.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.actions.base import BaseAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.blocks import StreamValue
from wagtail.models import ReferenceIndex, Revision, Site
from wagtail.permissions import policy_registry
from wagtail.signal_handlers import disable_reference_index_auto_update

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.countries.selectors import resolve_country
from landmine_monitor.database.editions.models import Edition
from landmine_monitor.database.sources.citations import Citation, ibid_locator, is_ibid, parse_footnote
from landmine_monitor.database.sources.services import find_or_create_sources

from .document import Footnote, Paragraph, ReportDocument, Section, SectionKind, Warning
from .models import CountryReportPage, EditionPage, FootnoteCitation, ReportFootnote, ReportsIndexPage


@dataclass
class SaveResult:
    page: CountryReportPage
    created: bool
    published: bool
    sources_created: int = 0
    changes: list[str] = field(default_factory=list)


def ensure_reports_index() -> ReportsIndexPage:
    index = ReportsIndexPage.objects.first()
    if index is not None:
        return index
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise ImproperlyConfigured("The site has no home page yet: run `landmine-monitor setup` first.")
    return site.root_page.add_child(
        instance=ReportsIndexPage(
            title="Country Reports",
            slug="reports",
            intro="Every country and area's report, edition by edition.",
        )
    )


def ensure_edition(year: int) -> Edition:
    """The edition of that year; a new one is titled plainly until an editor names it."""
    edition, _ = Edition.objects.get_or_create(
        year=year, defaults={"title": f"Landmine Monitor Report {year}"}
    )
    return edition


def ensure_edition_page(edition: Edition) -> EditionPage:
    page = EditionPage.objects.filter(edition=edition).first()
    if page is None:
        page = ensure_reports_index().add_child(
            instance=EditionPage(title=edition.title, slug=str(edition.year), edition=edition)
        )
    return page


def document_of(page: CountryReportPage) -> ReportDocument:
    """The report as a document, from the page object given (a revision's or the live one)."""
    sections = [
        Section(
            heading=block.value["heading"] or "",
            kinds=[SectionKind(k) for k in block.value["kinds"]],
            paragraphs=[Paragraph(str(p)) for p in block.value["paragraphs"]],
            inferred=bool(block.value["inferred"]),
        )
        for block in page.sections
    ]
    footnotes = [Footnote(f.number, f.text, f.ibid_of) for f in page.footnotes.all()]
    return ReportDocument(
        title=page.title,
        country_name=page.country.name,
        key_developments=page.key_developments,
        summary_table=[tuple(row) for row in page.summary_table],
        sections=sections,
        footnotes=footnotes,
        warnings=[Warning(**w) for w in page.import_warnings],
        source_file=page.source_file,
    )


def _footnotes_with_citations(doc: ReportDocument) -> tuple[list[ReportFootnote], int]:
    """Footnotes for the page, unsaved, each with its citations linked to Source records (created
    when new, all in one batch: see `find_or_create_sources`), and the number of sources created."""
    footnotes = [
        ReportFootnote(number=fn.number, text=fn.text, ibid_of=fn.ibid_of, sort_order=position)
        for position, fn in enumerate(doc.footnotes)
    ]
    return footnotes, cite_footnotes(footnotes)


def cite_footnotes(footnotes: list[ReportFootnote]) -> int:
    """Read the sources each footnote cites from its text and set its citations (unsaved, linked
    to Source records, new ones created in one batch); returns the number of sources created.

    An "Ibid." cites what the footnote it repeats cites, at its own page: the one `ibid_of`
    names, or, when it names none (a note written in the browser), the footnote before it.
    A footnote citing the research log as `network.citing` words it is linked to that record's
    Source, the same way."""
    parsed: list[list[Citation] | None] = []  # per footnote: its citations, or None for an "Ibid."
    repeats: list[int | None] = []
    numbers: set[int] = set()
    previous = None
    for fn in footnotes:
        repeated = fn.ibid_of
        if repeated is None and previous is not None and is_ibid(fn.text):
            repeated = previous
        repeats.append(repeated if repeated in numbers else None)
        if fn.ibid_of is None and repeats[-1] is not None:
            fn.ibid_of = repeats[-1]
        parsed.append(None if repeats[-1] is not None else parse_footnote(fn.text))
        numbers.add(fn.number)
        previous = repeats[-1] if repeats[-1] is not None and is_ibid(fn.text) else fn.number
    found = iter(find_or_create_sources([c for citations in parsed if citations for c in citations]))
    made = 0
    locator_length = FootnoteCitation._meta.get_field("locator").max_length
    by_number: dict[int, list[FootnoteCitation]] = {}
    for fn, citations, repeated in zip(footnotes, parsed, repeats, strict=True):
        if citations is None:
            # "Ibid., p. 12" cites the same sources at its own page.
            own = ibid_locator(fn.text)
            cited = [FootnoteCitation(source=c.source, locator=own or c.locator) for c in by_number[repeated]]
        else:
            cited = []
            for citation in citations:
                source, created = next(found)
                made += int(created)
                cited.append(FootnoteCitation(source=source, locator=citation.locator[:locator_length]))
        by_number[fn.number] = cited
        fn.citations = cited
    return made


def _fill(page: CountryReportPage, doc: ReportDocument) -> tuple[list[ReportFootnote], int]:
    """Set the page's fields from the document; returns its footnotes (unsaved, not yet given
    to the page) and the number of sources created for them."""
    page.title = doc.title or page.title
    page.key_developments = doc.key_developments
    page.summary_table = [list(row) for row in doc.summary_table]
    page.sections = _sections_keeping_ids(page, doc)
    page.import_warnings = [{"message": w.message, "where": w.where} for w in doc.warnings]
    page.source_file = doc.source_file
    return _footnotes_with_citations(doc)


def _sections_keeping_ids(page: CountryReportPage, doc: ReportDocument) -> StreamValue:
    """The document's sections as the StreamField stores them, each section and paragraph keeping
    the block id of the one at the same place in the page's current revision: editors' comments
    are anchored to those ids, and stay on their paragraph when a new version is uploaded."""
    old = list(page.sections.raw_data) if page.pk and page.sections else []

    def old_id(items: list, index: int) -> str:
        item = items[index] if index < len(items) else None
        return item.get("id") if isinstance(item, dict) and item.get("id") else str(uuid.uuid4())

    raw = []
    for i, section in enumerate(doc.sections):
        before = old[i] if i < len(old) and isinstance(old[i], dict) else {}
        old_paragraphs = (before.get("value") or {}).get("paragraphs") or []
        raw.append(
            {
                "type": "section",
                "id": old_id(old, i),
                "value": {
                    "heading": section.heading,
                    "kinds": [k.value for k in section.kinds],
                    "inferred": section.inferred,
                    "paragraphs": [
                        {"type": "item", "value": p.text, "id": old_id(old_paragraphs, j)}
                        for j, p in enumerate(section.paragraphs)
                    ],
                },
            }
        )
    return StreamValue(CountryReportPage.sections.field.stream_block, raw, is_lazy=True)


@transaction.atomic
def save_report(
    doc: ReportDocument,
    *,
    country: Country,
    edition: Edition,
    publish: bool = False,
    user=None,
    is_sample: bool = False,
) -> SaveResult:
    """Create the (country, edition) report, or add a revision to it; publish it if asked."""
    # Wagtail re-indexes a page's references on every save of every footnote and citation, which
    # makes a report's save quadratic in its footnotes; index once, at the end, instead.
    with disable_reference_index_auto_update():
        existing = CountryReportPage.objects.filter(country=country, edition=edition).first()
        if existing is None:
            return _create_report(doc, country, edition, publish=publish, user=user, is_sample=is_sample)
        page = existing.get_latest_revision_as_object()
        changes = diff_documents(document_of(page), doc)
        footnotes, made = _fill(page, doc)
        page.footnotes = footnotes
        page.citations_read = True
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
    ReferenceIndex.create_or_update_for_object(
        CountryReportPage.objects.prefetch_related("footnotes__citations").get(pk=page.pk)
    )
    return SaveResult(page=page, created=False, published=publish, sources_created=made, changes=changes)


def _create_report(
    doc: ReportDocument, country: Country, edition: Edition, *, publish: bool, user, is_sample: bool
) -> SaveResult:
    """A new report: the page, its footnotes and citations, its first revision and, if asked, its
    publication, each written once.

    Wagtail's own path would write the footnotes and citations one row at a time with the page,
    then, to publish, rebuild the page from the revision just saved (checking every row's foreign
    keys) and write them all again. Here the page is added alone, its footnotes and citations are
    inserted in two statements, the revision is saved by Wagtail's `save_revision` from the page
    as it stands (its footnotes held in memory, as saved), and Wagtail's publish action publishes
    the page as saved (`PublishSavedRevision`).
    """
    page = CountryReportPage(
        title=doc.title or f"{country.name}: {edition.title}",
        slug=country.slug,
        country=country,
        edition=edition,
        live=False,
        is_sample=is_sample,
    )
    footnotes, made = _fill(page, doc)
    ensure_edition_page(edition).add_child(instance=page)
    for footnote in footnotes:
        footnote.report = page
    ReportFootnote.objects.bulk_create(footnotes)
    FootnoteCitation.objects.bulk_create([c for footnote in footnotes for c in footnote.citations.all()])
    page.footnotes = footnotes  # saved already: the page's saves below name their fields, not these
    page.citations_read = True
    # A page being published is validated as its publication saves it: not twice.
    revision = page.save_revision(user=user, log_action=True, clean=not publish)
    ReferenceIndex.create_or_update_for_object(page)  # its footnotes and citations as held in memory
    if publish:
        page = _as_saved(page)
        PublishSavedRevision(page, revision, user=user).execute()
    return SaveResult(
        page=page, created=True, published=publish, sources_created=made, changes=["new report"]
    )


def _as_saved(page: CountryReportPage) -> CountryReportPage:
    """The page as the database holds it, built from `page` without reading it back
    (`Model.from_db`, as a query would build it): its fields as saved, its country and edition
    as `page` has them, but not the footnotes `page` holds in memory, which Wagtail's publish
    action, saving the page it publishes whole, would write again."""
    fields = page._meta.concrete_fields
    names = [f.attname for f in fields]
    saved = type(page).from_db(page._state.db, names, [getattr(page, name) for name in names])
    saved.country, saved.edition = page.country, page.edition
    return saved


class PublishSavedRevision(PublishPageRevisionAction):
    """Wagtail's publish action (what `revision.publish()` runs), for a revision just saved from
    `page`, which is in the database as the revision has it: the page published is `page`, where
    Wagtail's action rebuilds a copy from the revision's JSON, looking up every footnote's and
    citation's foreign keys, and whose save writes every footnote and citation again. Everything
    else is Wagtail's: the permission check, the page made live, `page_published` and
    `published`, the audit log, the workflow cancelled, comments and aliases."""

    def __init__(self, page: CountryReportPage, revision: Revision, user=None) -> None:
        # `PublishRevisionAction.__init__` with `page` where it calls `revision.as_object()`.
        BaseAction.__init__(self, page, user=user)
        self.revision = revision
        self.object = page
        self.permission_policy = policy_registry.get(page)
        self.changed = True
        self.log_action = True
        self.previous_revision = None


def diff_documents(old: ReportDocument, new: ReportDocument) -> list[str]:
    """What a new import would change, in lines an editor reads (`compare.compare_documents`)."""
    from .compare import compare_documents

    return compare_documents(old, new).summary()


SAMPLE_DIR = Path(__file__).resolve().parent / "sample"
# The sample reports bundled for a new installation: (file, edition year).
SAMPLES = [("north-korea-1999.md", 1999)]


def ensure_sample_reports() -> int:
    """Load the bundled sample reports that are not there yet, published and marked as samples."""
    from .importers import read_reports

    loaded = 0
    for name, year in SAMPLES:
        edition = ensure_edition(year)
        for doc in read_reports(SAMPLE_DIR / name):
            country = resolve_country(doc.country_name)
            if not CountryReportPage.objects.filter(country=country, edition=edition).exists():
                save_report(doc, country=country, edition=edition, publish=True, is_sample=True)
                loaded += 1
    return loaded
