"""Saving reports: a `ReportDocument` becomes a new revision of the (country, edition) report.

Nothing is lost: importing a report that exists makes a new revision, and earlier revisions stay
in Wagtail's history. A report is a draft unless it is published.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from landmine_monitor.countries.models import Country
from landmine_monitor.countries.selectors import resolve_country
from landmine_monitor.editions.models import Edition
from landmine_monitor.reports.citations import ibid_locator, parse_footnote
from landmine_monitor.sources.services import find_or_create_source

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
    from landmine_monitor.instance.services import ensure_site

    home = ensure_site()
    return home.add_child(
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
    """Footnotes for the page, each with its citations linked to Source records (created when
    new). An "Ibid." cites what the footnote it repeats cites."""
    made = 0
    by_number: dict[int, list[FootnoteCitation]] = {}
    footnotes = []
    for position, fn in enumerate(doc.footnotes):
        citations = []
        if fn.ibid_of is not None and fn.ibid_of in by_number:
            # "Ibid., p. 12" cites the same sources at its own page.
            own = ibid_locator(fn.text)
            citations = [
                FootnoteCitation(source=c.source, locator=own or c.locator) for c in by_number[fn.ibid_of]
            ]
        else:
            for citation in parse_footnote(fn.text):
                source, created = find_or_create_source(citation)
                made += int(created)
                locator = citation.locator[: FootnoteCitation._meta.get_field("locator").max_length]
                citations.append(FootnoteCitation(source=source, locator=locator))
        by_number[fn.number] = citations
        footnote = ReportFootnote(number=fn.number, text=fn.text, ibid_of=fn.ibid_of, sort_order=position)
        footnote.citations = citations
        footnotes.append(footnote)
    return footnotes, made


def _fill(page: CountryReportPage, doc: ReportDocument) -> int:
    page.title = doc.title or page.title
    page.key_developments = doc.key_developments
    page.summary_table = [list(row) for row in doc.summary_table]
    page.sections = [
        (
            "section",
            {
                "heading": s.heading,
                "kinds": [k.value for k in s.kinds],
                "inferred": s.inferred,
                "paragraphs": [p.text for p in s.paragraphs],
            },
        )
        for s in doc.sections
    ]
    page.import_warnings = [{"message": w.message, "where": w.where} for w in doc.warnings]
    page.source_file = doc.source_file
    footnotes, made = _footnotes_with_citations(doc)
    page.footnotes = footnotes
    return made


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
            page = CountryReportPage(
                title=doc.title or f"{country.name}: {edition.title}",
                slug=country.slug,
                country=country,
                edition=edition,
                live=False,
                is_sample=is_sample,
            )
            made = _fill(page, doc)
            ensure_edition_page(edition).add_child(instance=page)
            changes = ["new report"]
        else:
            page = existing.get_latest_revision_as_object()
            changes = diff_documents(document_of(page), doc)
            made = _fill(page, doc)
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
    ReferenceIndex.create_or_update_for_object(CountryReportPage.objects.get(pk=page.pk))
    return SaveResult(
        page=page, created=existing is None, published=publish, sources_created=made, changes=changes
    )


def diff_documents(old: ReportDocument, new: ReportDocument) -> list[str]:
    """What a new import would change, in lines an editor reads."""
    changes = []
    if old.title != new.title:
        changes.append(f"title: {old.title!r} → {new.title!r}")
    if old.key_developments != new.key_developments:
        changes.append("key developments changed")
    old_heads = [s.heading or f"({', '.join(k.value for k in s.kinds)})" for s in old.sections]
    new_heads = [s.heading or f"({', '.join(k.value for k in s.kinds)})" for s in new.sections]
    if old_heads != new_heads:
        changes.append(f"sections: {old_heads} → {new_heads}")
    old_paras, new_paras = [p.text for p in old.paragraphs], [p.text for p in new.paragraphs]
    changed = sum(1 for a, b in zip(old_paras, new_paras, strict=False) if a != b)
    if changed or len(old_paras) != len(new_paras):
        changes.append(f"paragraphs: {len(old_paras)} → {len(new_paras)}, {changed} changed")
    old_notes = {f.number: f.text for f in old.footnotes}
    new_notes = {f.number: f.text for f in new.footnotes}
    added, removed = sorted(set(new_notes) - set(old_notes)), sorted(set(old_notes) - set(new_notes))
    edited = sorted(n for n in set(old_notes) & set(new_notes) if old_notes[n] != new_notes[n])
    for label, numbers in (
        ("footnotes added", added),
        ("footnotes removed", removed),
        ("footnotes changed", edited),
    ):
        if numbers:
            changes.append(f"{label}: {', '.join(map(str, numbers))}")
    return changes or ["no change"]


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
