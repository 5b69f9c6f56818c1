"""One "Ibid.": the citation reader's `is_ibid` is what the import checks, the linking of notes and
the citing of an imported report go by (the notes are written for the test)."""

from __future__ import annotations

import pytest

from landmine_monitor.database.sources.citations import ibid_locator, is_ibid, parse_footnote
from landmine_monitor.reports.checks import check_document, link_ibids
from landmine_monitor.reports.document import Footnote, Paragraph, ReportDocument, Section, SectionKind
from landmine_monitor.reports.models import ReportFootnote
from landmine_monitor.reports.services import cite_footnotes

SOURCE = "Example Times, Example City, 3 May 2001."
NO_NOTE_BEFORE = '"Ibid." with no footnote before it'


def document(*notes: str) -> ReportDocument:
    markers = "".join(f"[^{n}]" for n in range(1, len(notes) + 1))
    paragraph = Paragraph(f"Mines were found.{markers}")
    return ReportDocument(
        title="Examplestan",
        sections=[Section("Mine Ban Policy", [SectionKind.MINE_BAN_POLICY], [paragraph])],
        footnotes=[Footnote(n, text) for n, text in enumerate(notes, start=1)],
    )


def ibid_warnings(doc: ReportDocument) -> list[str]:
    return [w.where for w in check_document(doc) if w.message == NO_NOTE_BEFORE]


def test_ibidem_is_ibid_for_the_parser_and_for_the_import_checks():
    assert is_ibid("Ibidem, p. 4.")
    assert parse_footnote("Ibidem, p. 4.") == []
    assert ibid_locator("Ibidem, p. 4.") == "p. 4"

    doc = document(SOURCE, "Ibidem, p. 4.")
    link_ibids(doc)
    assert doc.footnotes[1].ibid_of == 1
    assert ibid_warnings(doc) == []

    first = document("Ibidem, p. 4.", SOURCE)
    link_ibids(first)
    assert first.footnotes[0].ibid_of is None
    assert ibid_warnings(first) == ["footnote 1"]


@pytest.mark.parametrize(
    ("text", "ibid"),
    [
        ("Ibid.", True),
        ("ibid", True),
        ("Ibidem, p. 4.", True),
        ("*Ibid.*, pp. 3–4", True),
        ("_Ibid._", True),
        ("**Ibid.**, p. 9", True),
        ("\u00a0Ibid., p. 2", True),
        ("Ibidx, p. 2", False),
        ("See ibid.", False),
        ("*Ibid., p. 4", False),  # an emphasis never closed is an asterisk, not emphasis
        (SOURCE, False),
    ],
)
def test_the_checks_and_the_linking_agree_with_the_parser(text, ibid):
    assert is_ibid(text) is ibid
    if ibid:
        assert parse_footnote(text) == []
    doc = document(SOURCE, text)
    link_ibids(doc)
    assert (doc.footnotes[1].ibid_of == 1) is ibid
    alone = document(text)
    link_ibids(alone)
    assert ibid_warnings(alone) == (["footnote 1"] if ibid else [])


@pytest.mark.django_db
def test_an_imported_ibidem_cites_the_source_before_it_at_its_own_page():
    notes = [
        ReportFootnote(number=1, text=SOURCE, sort_order=0),
        ReportFootnote(number=2, text="Ibidem, p. 4.", sort_order=1),
    ]
    assert cite_footnotes(notes) == 1
    assert notes[1].ibid_of == 1
    [first], [second] = notes[0].citations.all(), notes[1].citations.all()
    assert second.source == first.source
    assert (first.locator, second.locator) == ("", "p. 4")
