"""A report's inline text has one home, `reports.inline`: the footnote marker, reading text into
runs, plain text and HTML all come from it, so that what an importer stores, the page shows and
the search indexes read the same."""

from __future__ import annotations

import ast
import re
import warnings
from pathlib import Path

from landmine_monitor.database.sources import citations
from landmine_monitor.reports import inline
from landmine_monitor.reports.document import Paragraph
from landmine_monitor.reports.inline import (
    MARKER,
    Markers,
    Run,
    footnote_numbers,
    inline_runs,
    marker,
    plain_text,
    render_html,
)

PACKAGE = Path(inline.__file__).resolve().parents[1]


def _marker_patterns() -> list[str]:
    """Every string in the package's code that, read as a regular expression, is a footnote
    marker pattern: it matches "[^12]" and none of its look-alikes."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str | bytes):
                continue
            value = node.value if isinstance(node.value, str) else node.value.decode("latin-1")
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # most strings are no regular expression
                    pattern = re.compile(value)
            except (re.error, RecursionError, OverflowError):
                continue
            if pattern.fullmatch("[^12]") and not any(
                pattern.fullmatch(other) for other in ("[12]", "^12", "12", "[^x]", "[^]", "")
            ):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}")
    return found


def test_the_footnote_marker_is_defined_once():
    """One pattern of `[^n]` in the whole package, the citation reader's (the lowest element that
    reads report text), which `reports.inline` writes, parses and renders with."""
    found = _marker_patterns()
    assert len(found) == 1 and found[0].startswith("landmine_monitor/database/sources/citations/"), found
    assert inline.MARKER is citations.MARKER


def test_a_marker_is_written_and_read_back():
    assert marker(974) == "[^974]"
    assert MARKER.fullmatch(marker(974)).group(1) == "974"
    assert footnote_numbers("Signed.[^3] Ratified.[^12][^3]") == [3, 12, 3]
    assert Paragraph("Signed.[^3] Ratified.[^12]").footnotes == [3, 12]


def test_a_marker_is_read_wherever_it_stands_but_not_when_escaped():
    assert inline_runs("*Signed*[^3] in \\[^4] 1999") == [
        Run("Signed", italic=True),
        Run(footnote=3),
        Run(" in [^4] 1999"),
    ]


def test_the_page_shows_what_the_importers_stored():
    markers = Markers(notes={3})
    html = str(render_html("The *treaty*[^3] and [^3], a literal \\[^4] and `[^5]`.", markers))
    assert html == (
        'The <em>treaty</em><sup class="fn-ref"><a href="#fn-3" id="fnref-3" aria-describedby="fn-3-text"'
        ' aria-label="Note 3">3</a></sup> and <sup class="fn-ref"><a href="#fn-3" id="fnref-3-2"'
        ' aria-describedby="fn-3-text" aria-label="Note 3">3</a></sup>, a literal [^4] and <code>[^5]</code>.'
    )
    assert markers.of(3) == ["fnref-3", "fnref-3-2"]


def test_raw_html_in_report_text_is_shown_as_text():
    assert str(render_html('A <b onclick="x()">tag</b>.')) == 'A &lt;b onclick="x()"&gt;tag&lt;/b&gt;.'
    assert plain_text('A <b onclick="x()">tag</b>.') == 'A <b onclick="x()">tag</b>.'


def test_plain_text_reads_as_the_reader_does():
    assert plain_text("**Key developments:** *Sample Times*, 4 May 2001.[^5]") == (
        "Key developments: Sample Times, 4 May 2001."
    )
    assert plain_text("A literal \\[^4] stays.") == "A literal [^4] stays."
    assert plain_text("") == ""
