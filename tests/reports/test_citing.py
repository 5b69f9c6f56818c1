"""Citing a country report: plain text, BibTeX and CSL-JSON, from plain values (no database)."""

import datetime
import json
import re

import pytest

from landmine_monitor.reports.citing import (
    AUTHOR,
    PUBLISHER,
    ReportReference,
    bibtex,
    bibtex_escape,
    csl_item,
    csl_json,
    plain_text,
)

ACCESSED = datetime.date(2025, 3, 5)


def reference(**changes) -> ReportReference:
    values = {
        "title": "North Korea",
        "edition_title": "Landmine Monitor Report 1999: Toward a Mine-Free World",
        "year": 1999,
        "url": "https://www.the-monitor.example/reports/1999/north-korea/",
        "accessed": ACCESSED,
        "slug": "north-korea",
    }
    return ReportReference(**(values | changes))


# CSL 1.0.2 input data (the CSL-JSON schema, csl-data.json): the item types, and the variables by
# the shape their values take.
CSL_TYPES = {
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
    "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
    "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case", "legislation",
    "manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
    "performance", "periodical", "personal_communication", "post", "post-weblog", "regulation", "report",
    "review", "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
}  # fmt: skip
CSL_NAME_VARIABLES = {
    "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor",
    "curator", "director", "editor", "editorial-director", "executive-producer", "interviewer", "illustrator",
    "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author", "translator",
}  # fmt: skip
CSL_NAME_PARTS = {
    "family", "given", "dropping-particle", "non-dropping-particle", "suffix", "comma-suffix",
    "static-ordering", "literal", "parse-names",
}  # fmt: skip
CSL_DATE_VARIABLES = {
    "accessed", "available-date", "event-date", "issued", "original-date", "submitted",
}  # fmt: skip
CSL_TEXT_VARIABLES = {
    "id", "language", "title", "title-short", "container-title", "container-title-short", "collection-title",
    "publisher", "publisher-place", "URL", "DOI", "ISBN", "ISSN", "note", "abstract", "genre", "medium",
    "source", "status", "version", "edition", "volume", "issue", "page", "number", "section", "archive",
    "event-place", "original-title", "part-title", "chapter-number", "collection-number",
}  # fmt: skip


def csl_problems(data) -> list[str]:
    """What makes `data` not valid CSL-JSON input, per the CSL schema's rules."""
    if not isinstance(data, list):
        return ["CSL-JSON is an array of items"]
    problems = []
    for item in data:
        for required in ("id", "type"):
            if required not in item:
                problems.append(f"missing {required}")
        if item.get("type") not in CSL_TYPES:
            problems.append(f"unknown type {item.get('type')!r}")
        for name, value in item.items():
            if name in CSL_NAME_VARIABLES:
                if not isinstance(value, list) or not all(
                    isinstance(n, dict) and n and set(n) <= CSL_NAME_PARTS for n in value
                ):
                    problems.append(f"{name} is not a list of names")
            elif name in CSL_DATE_VARIABLES:
                parts = value.get("date-parts") if isinstance(value, dict) else None
                if not (
                    isinstance(parts, list)
                    and 1 <= len(parts) <= 2
                    and all(isinstance(p, list) and 1 <= len(p) <= 3 for p in parts)
                    and all(isinstance(x, int) for p in parts for x in p)
                ):
                    problems.append(f"{name} is not a CSL date")
            elif name in CSL_TEXT_VARIABLES:
                if not isinstance(value, str | int) or value == "":
                    problems.append(f"{name} is not a string or number")
            elif name != "type":
                problems.append(f"unknown variable {name!r}")
    return problems


def test_the_plain_text_follows_the_monitors_style_with_publisher_and_year():
    assert plain_text(reference()) == (
        'Landmine Monitor Report 1999: Toward a Mine-Free World, "North Korea" '
        f"({PUBLISHER}, 1999), https://www.the-monitor.example/reports/1999/north-korea/, "
        "accessed 5 March 2025."
    )


def test_a_sample_report_says_so_in_every_format():
    ref = reference(sample=True)
    assert plain_text(ref).endswith("accessed 5 March 2025. Sample content written for the Landmine "
                                    "Monitor software; not the published report.")  # fmt: skip
    assert "note = {Sample content written for the Landmine Monitor software" in bibtex(ref)
    assert csl_item(ref)["note"].startswith("Sample content")
    assert "note" not in csl_item(reference())


def test_bibtex_is_an_incollection_entry_with_the_edition_as_book():
    entry = bibtex(reference())
    assert entry.startswith("@incollection{landmine-monitor-1999-north-korea,\n")
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", entry, re.MULTILINE))
    assert fields == {
        "author": "{Landmine Monitor}",
        "title": "{North Korea}",
        "booktitle": "Landmine Monitor Report 1999: Toward a Mine-Free World",
        "publisher": PUBLISHER,
        "year": "1999",
        "url": "https://www.the-monitor.example/reports/1999/north-korea/",
        "urldate": "2025-03-05",
        "note": "Accessed 5 March 2025",
    }
    assert entry.count("{") == entry.count("}")
    assert entry.endswith("}\n")


def test_bibtex_escapes_what_latex_reads_as_commands():
    assert bibtex_escape("Mines & UXO: 50% of {all}_#1 ~ $5 ^ \\") == (
        r"Mines \& UXO: 50\% of \{all\}\_\#1 \textasciitilde{} \$5 \textasciicircum{} \textbackslash{}"
    )
    entry = bibtex(reference(title="Bosnia & Herzegovina", url="https://example.org/r/{x} y/"))
    assert "title = {{Bosnia \\& Herzegovina}}" in entry
    assert "url = {https://example.org/r/%7Bx%7D%20y/}" in entry
    assert entry.count("{") - entry.count("\\{") == entry.count("}") - entry.count("\\}")


def test_the_citation_key_is_plain_ascii_whatever_the_slug():
    assert reference(slug="Côte d'Ivoire").key == "landmine-monitor-1999-c-te-d-ivoire"
    assert reference(slug="bosnia-and-herzegovina").key == "landmine-monitor-1999-bosnia-and-herzegovina"


def test_csl_json_is_valid_csl_for_a_chapter_of_the_edition():
    data = json.loads(csl_json(reference(title="Côte d’Ivoire")))
    assert csl_problems(data) == []
    (item,) = data
    assert item == {
        "id": "landmine-monitor-1999-north-korea",
        "type": "chapter",
        "title": "Côte d’Ivoire",
        "container-title": "Landmine Monitor Report 1999: Toward a Mine-Free World",
        "author": [{"literal": AUTHOR}],
        "publisher": PUBLISHER,
        "issued": {"date-parts": [[1999]]},
        "accessed": {"date-parts": [[2025, 3, 5]]},
        "URL": "https://www.the-monitor.example/reports/1999/north-korea/",
        "language": "en",
    }


def test_a_recorded_release_day_is_the_issued_date():
    ref = reference(released=datetime.date(1999, 5, 3))
    assert csl_item(ref)["issued"] == {"date-parts": [[1999, 5, 3]]}
    assert "  date = {1999-05-03},\n" in bibtex(ref)
    assert "(International Campaign to Ban Landmines, 1999)" in plain_text(ref)


def test_the_checker_catches_what_is_not_csl():
    assert csl_problems({"id": "x"}) == ["CSL-JSON is an array of items"]
    assert csl_problems([{"id": "x", "type": "web page", "issued": {"date-parts": [["1999"]]}}]) == [
        "unknown type 'web page'",
        "issued is not a CSL date",
    ]
    assert csl_problems([{"type": "chapter", "author": ["Landmine Monitor"], "booktitle": "x"}]) == [
        "missing id",
        "author is not a list of names",
        "unknown variable 'booktitle'",
    ]


@pytest.mark.parametrize("field", ["title", "edition_title", "url", "slug"])
def test_a_reference_without_what_a_citation_needs_is_refused_naming_it(field):
    with pytest.raises(ValueError, match=field.replace("_", " ")):
        reference(**{field: " "})
