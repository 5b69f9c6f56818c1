"""Citing a country report: plain text, BibTeX and CSL-JSON, from plain values (no database)."""

import datetime
import json
import re

import pytest
from csl_check import csl_problems

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
