"""The citation reader's kinds, one `CitationKind` each, tried in the registry's order: each kind
with footnotes of its own (written for the test), the order between the kinds, and what the
kinds share.

`test_citations.py` reads whole footnotes (the seed's and other years' styles); here each kind
is asked directly whether it recognises a part and what it reads from it."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from landmine_monitor.database.sources.citations import (
    KINDS,
    REGISTRY,
    CitationKind,
    classify,
    parse_footnote,
)
from landmine_monitor.database.sources.citations.article7 import Article7Report
from landmine_monitor.database.sources.citations.book import Book
from landmine_monitor.database.sources.citations.database import Database
from landmine_monitor.database.sources.citations.document import DocumentKind
from landmine_monitor.database.sources.citations.government import GovernmentDocument
from landmine_monitor.database.sources.citations.interview import Interview, TelephoneInterview
from landmine_monitor.database.sources.citations.letter import Letter
from landmine_monitor.database.sources.citations.part import Part
from landmine_monitor.database.sources.citations.press import Press
from landmine_monitor.database.sources.citations.reader import parts
from landmine_monitor.database.sources.citations.report import Report
from landmine_monitor.database.sources.citations.text import plain
from landmine_monitor.database.sources.citations.un_document import UNDocument
from landmine_monitor.database.sources.citations.website import Website

D = datetime.date

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "citation_kinds"  # one file a kind
KIND_OF_VALUE = {kind.value: type(kind) for kind in REGISTRY}


def fixtures() -> list[tuple[type[CitationKind], str, dict]]:
    """(kind, footnote, the fields read from it) from each kind's file: a footnote a line, each
    followed by indented "field: value" lines."""
    cases = []
    for path in sorted(FIXTURES.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            if not line.startswith(" "):
                cases.append((KIND_OF_VALUE[path.stem], line, {}))
                continue
            name, _, value = line.strip().partition(":")
            value = value.strip()
            if name == "date":
                value = None if value == "none" else datetime.date.fromisoformat(value)
            cases[-1][2][name] = value
    return cases


CASES = fixtures()


def part_of(text: str) -> Part:
    """The one part a footnote is cut into, read."""
    [one] = parts(plain(text))
    return Part.read(one)


def kind_of(text: str) -> CitationKind | None:
    return classify(part_of(text))


@pytest.mark.parametrize(
    ("kind", "text", "expected"), CASES, ids=[f"{k.__name__}-{t[:40]}" for k, t, _ in CASES]
)
def test_each_kind_reads_its_own_footnotes(kind, text, expected):
    part = part_of(text)
    found = classify(part)
    assert type(found) is kind
    citation = found.read(part)
    assert citation.kind == kind.value
    assert {name: getattr(citation, name) for name in expected} == expected
    assert parse_footnote(text) == [citation]  # the reader, footnote to citations, gives the same


def test_the_registry_holds_one_of_each_kind_and_every_kind_has_fixtures():
    assert [k.value for k in REGISTRY] == list(dict.fromkeys(k.value for k in REGISTRY))
    assert {k.value for k in REGISTRY} == set(KINDS)
    assert {type(k) for k in REGISTRY} == {kind for kind, _, _ in CASES}


def test_the_registry_tries_the_kinds_in_order():
    assert [type(k) for k in REGISTRY] == [
        TelephoneInterview,
        Interview,
        Letter,
        Article7Report,
        UNDocument,
        Database,
        Press,
        GovernmentDocument,
        Book,
        Website,
        Report,
    ]


def test_a_telephone_interview_is_tried_before_an_interview():
    text = "Telephone interview with Sok Dara, Example Mine Action Centre, 3 May 2001"
    assert Interview().matches(part_of(text)) and TelephoneInterview().matches(part_of(text))
    assert type(kind_of(text)) is TelephoneInterview


def test_the_first_kind_with_a_sign_wins():
    # a newspaper reporting a ministry's statement is press; an e-mail interview, an interview
    assert type(kind_of("Statement of the Example Ministry, Example Times, 3 May 2001")) is Press
    assert type(kind_of("E-mail interview with Sok Dara, Example Group, 3 May 2001")) is Interview
    assert type(kind_of("E-mail from Sok Dara, Example Times, 3 May 2001")) is Letter
    # a ministry's press release is press, not a government document
    assert type(kind_of("Example Ministry of Defence, press release, 3 May 2001")) is Press


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Jane Roe, Notes on Clearance, p. 12", Book),  # "Author, Title, p. 470"
        ("Jane Roe, “Clearance notes,” p. 12", Report),  # a quoted title is a sign; the page is not
        ("www.example.org/fields, 3 May 2001", Website),  # a URL before a date
        ("Clearance figures, 3 May 2001", Report),  # something dated that names no kind
    ],
)
def test_weak_signs_count_only_where_no_kind_has_a_sign(text, kind):
    part = part_of(text)
    assert type(classify(part)) is kind
    weak = [type(k) for k in REGISTRY if k.matches_weakly(part)]
    strong = [type(k) for k in REGISTRY if k.matches(part)]
    assert strong == [kind] or (not strong and weak[0] is kind)


def test_commentary_has_no_kind_and_a_kind_that_names_nothing_reads_nothing():
    assert kind_of("The figures were revised later") is None
    assert parse_footnote("The figures were revised later.") == []
    part = part_of("Interviews.")
    assert type(classify(part)) is Interview
    assert classify(part).read(part) is None  # no one, nowhere, no date: a remark


def test_documents_share_one_reading():
    documents = {type(k) for k in REGISTRY if isinstance(k, DocumentKind)}
    assert documents == {Article7Report, UNDocument, GovernmentDocument, Book, Report, Website}
    assert all(not k.cites_parties for k in REGISTRY if isinstance(k, DocumentKind))
    assert {type(k) for k in REGISTRY if k.cites_parties} == {TelephoneInterview, Interview, Letter}


def test_interviews_and_letters_list_those_cited():
    # ", and Reuters" after an interview continues the list of those interviewed …
    [interview] = parse_footnote("Interviews with Example Times, and Reuters, 1 May 1999.")
    assert interview.kind == "interview"
    # … but after a press item it starts a citation of its own
    assert [c.kind for c in parse_footnote("Example Times, 30 April 1999, and Reuters, 1 May 1999.")] == [
        "press",
        "press",
    ]


def test_a_database_named_only_in_an_emphasised_title_is_read():
    """The name stands in no component of its own: before, reading the note failed, and with it
    the whole import of the report."""
    [citation] = parse_footnote("Jane Doe, *The Mine Database*, 1999.")
    assert (citation.kind, citation.title, citation.person) == ("database", "Mine Database", "Jane Doe")
