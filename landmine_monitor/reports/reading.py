"""What a reader sees of a country report: its text with an id on every paragraph and marker, its
notes with back links and sources, the same country's other editions, and the reports before and
after it in the book's order.

Only published reports are linked (`selectors.public_reports`): a draft is never named on a public
page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from landmine_monitor.database.sources.models import Source

from .inline import Markers, render_html
from .models import CountryReportPage, FootnoteCitation, ReportFootnote
from .selectors import book_order, public_reports

SOURCE_RECORD_URL = "/api/v1/sources/{}"


@dataclass
class ReportParagraph:
    id: str  # p-<section>-<n>, both counted from 1: stable for a given revision
    html: SafeString


@dataclass
class ReportSection:
    id: str
    heading: str
    kinds: list[str]
    inferred: bool
    paragraphs: list[ReportParagraph]


@dataclass
class NoteSource:
    kind: str
    description: SafeString
    locator: str
    record_url: str
    url: str  # the source's own address, when the note does not already give it


@dataclass
class ReportNote:
    number: int
    html: SafeString
    backrefs: list[str]  # ids of the markers citing it, in reading order
    sources: list[NoteSource] = field(default_factory=list)


@dataclass
class ReportText:
    title: SafeString
    summary_table: list[tuple[str, SafeString]]
    key_developments: SafeString
    sections: list[ReportSection]
    notes: list[ReportNote]


def footnotes_of(page: CountryReportPage) -> list[ReportFootnote]:
    """The page's footnotes with their citations and sources, in three queries whatever their
    number; a page built from a revision (a preview) keeps the footnotes it carries."""
    if "footnotes" in getattr(page, "_cluster_related_objects", {}):
        return list(page.footnotes.all())
    citations = FootnoteCitation.objects.select_related("source").order_by("sort_order")
    return list(
        ReportFootnote.objects.filter(report=page)
        .order_by("sort_order")
        .prefetch_related(Prefetch("citations", queryset=citations))
    )


def read_report(page: CountryReportPage) -> ReportText:
    """The report's text in reading order (title, summary, key developments, sections), so that
    its markers are numbered as a reader meets them, then its notes."""
    footnotes = footnotes_of(page)
    markers = Markers(notes={f.number for f in footnotes})
    title = render_html(page.title, markers)
    summary = [(str(row[0]), render_html(str(row[1]), markers)) for row in page.summary_table]
    key_developments = render_html(page.key_developments, markers) if page.key_developments else ""
    sections = []
    for s, block in enumerate(page.sections, start=1):
        value = block.value
        paragraphs = [
            ReportParagraph(f"p-{s}-{n}", render_html(str(text), markers))
            for n, text in enumerate(value["paragraphs"], start=1)
        ]
        sections.append(
            ReportSection(
                id=f"s-{s}",
                heading=value["heading"] or "",
                kinds=list(value["kinds"]),
                inferred=bool(value["inferred"]),
                paragraphs=paragraphs,
            )
        )
    notes = [
        ReportNote(
            number=f.number,
            html=render_html(f.text),
            backrefs=markers.of(f.number),
            sources=[_note_source(c, f.text) for c in f.citations.all()],
        )
        for f in footnotes
    ]
    return ReportText(title, summary, key_developments, sections, notes)


def _note_source(citation: FootnoteCitation, note_text: str) -> NoteSource:
    source = citation.source
    return NoteSource(
        kind=source.get_kind_display(),
        description=describe_source(source),
        locator=citation.locator,
        record_url=SOURCE_RECORD_URL.format(source.pk),
        url=source.url if source.url and source.url not in note_text else "",
    )


def describe_source(source: Source) -> SafeString:
    """Who, what (the title as a <cite>), where and when, as the footnote was read."""
    title = format_html("<cite>{}</cite>", source.title) if source.title else ""
    parts = [p for p in (source.person, source.organisation, title, source.place, source.when) if p]
    if not parts:
        return format_html("{} #{}", source.get_kind_display().lower(), source.pk)
    return format_html_join(", ", "{}", ((p,) for p in parts))


@dataclass
class EditionLink:
    year: int
    title: str
    url: str
    current: bool


def other_editions(page: CountryReportPage, request=None) -> list[EditionLink]:
    """Every published report of the page's country, newest edition first, the page's own marked."""
    reports = public_reports().filter(country_id=page.country_id).order_by("-edition__year")
    return [
        EditionLink(r.edition.year, r.edition.title, r.get_url(request), r.pk == page.pk) for r in reports
    ]


def neighbours(
    page: CountryReportPage,
) -> tuple[CountryReportPage | None, CountryReportPage | None]:
    """The published reports before and after the page's in its edition's book order (region,
    then treaty status on the reporting date, then name); None at either end, and for a page
    that is not published."""
    order = [
        entry.report
        for region in book_order(page.edition, only_reports=True)
        for group in region.groups
        for entry in group.entries
    ]
    position = next((i for i, report in enumerate(order) if report.pk == page.pk), None)
    if position is None:
        return None, None
    before = order[position - 1] if position > 0 else None
    after = order[position + 1] if position + 1 < len(order) else None
    return before, after
