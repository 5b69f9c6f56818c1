"""Reading the HTML fixtures, for the tests of the HTML importer and of its page layouts.

The fixtures are sample pages written for these tests in each layout (`fixtures/html/<layout>/`);
their sentences are not report text."""

from __future__ import annotations

from pathlib import Path

from landmine_monitor.reports.document import ReportDocument
from landmine_monitor.reports.importers.html import HtmlImporter

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"

UNSAFE = ["<script", "alert(", "onclick", "style=", "<iframe", "<form", "Frame text", "search terms"]
MENU = [
    "About Us", "The Issues", "Order Publications", "Press Room", "Table of Contents", "Table Of Contents",
    "Previous Page", "Next Page", "Back to top", "Country Reports", "+ *",
]  # fmt: skip


def read(name: str) -> list[ReportDocument]:
    return HtmlImporter().read(FIXTURES / name)


def read_html(tmp_path: Path, html: str, name: str = "page.html") -> list[ReportDocument]:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return HtmlImporter().read(path)


def texts(doc: ReportDocument) -> list[str]:
    """Every piece of text an importer hands on."""
    return [
        doc.title,
        doc.country_name,
        doc.key_developments,
        *(s.heading for s in doc.sections),
        *(p.text for p in doc.paragraphs),
        *(f.text for f in doc.footnotes),
        *(str(w) for w in doc.warnings),
    ]


def outline(doc: ReportDocument) -> list[tuple[str, list[str], bool, list[list[int]]]]:
    """Each section as (heading, kinds, inferred, the notes each paragraph cites)."""
    return [
        (s.heading, [k.value for k in s.kinds], s.inferred, [p.footnotes for p in s.paragraphs])
        for s in doc.sections
    ]


def notes(doc: ReportDocument) -> dict[int, str]:
    return {f.number: f.text for f in doc.footnotes}


def ibids(doc: ReportDocument) -> dict[int, int | None]:
    return {f.number: f.ibid_of for f in doc.footnotes if f.text.startswith("Ibid")}
