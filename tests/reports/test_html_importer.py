"""The HTML importer reads the three layouts the Monitor published on the web, each page by the
layout it matches best (`importers.html.layout`): archive pages of one country, the 1999 book's
regional pages and the 2000 book's pages, with scripts and menus gone. Each layout has tests of
its own (`test_html_<layout>_pages.py`); these are about every page."""

from pathlib import Path

import pytest
from html_pages import FIXTURES, MENU, UNSAFE, notes, read, read_html, texts

from landmine_monitor.reports.importers import ImportFailed
from landmine_monitor.reports.importers.html import LAYOUTS, HtmlImporter, layout_for, read_page


def test_it_reads_html_files_and_pages_that_look_like_html():
    importer = HtmlImporter()
    assert importer.priority == 30
    assert importer.accepts(Path("report.html"), b"")
    assert importer.accepts(Path("report.HTM"), b"")
    assert importer.accepts(Path("page"), b"\n  <!DOCTYPE html PUBLIC>")
    assert importer.accepts(Path("page.txt"), b"<HTML><BODY>")
    assert importer.accepts(Path("fragment"), b"<p>Mine Ban Policy</p>")
    assert not importer.accepts(Path("report.txt"), b"Mine Ban Policy\n\nThe text [1] cites <p>.")
    assert not importer.accepts(Path("report.docx"), b"PK\x03\x04")


@pytest.mark.parametrize(
    "name",
    [
        "archive/burma.html",
        "book1999/africa.html",
        "book1999/africa_notes_at_end.html",
        "book2000/states_parties.html",
        "book2000/states_parties_glued.html",
        "archive/broken.html",
    ],
)
def test_no_script_style_handler_or_menu_reaches_any_text(name):
    for doc in read(name):
        for text in texts(doc):
            for word in UNSAFE + MENU:
                assert word not in text, (word, text)


def test_text_that_spells_out_markup_never_comes_through_as_markup(tmp_path):
    [doc] = read_html(
        tmp_path,
        """<h1>Chad</h1>
        <p>A sample page quoted &lt;script&gt;alert(1)&lt;/script&gt; and
        &lt;img src=x onerror=alert(2)&gt; in its text.[1]</p>
        <p>[1] See &lt;http://www.example.org/page&gt; for the sample.</p>""",
    )
    assert doc.paragraphs[0].text == "A sample page quoted alert(1) and in its text.[^1]"
    assert notes(doc) == {1: "See <http://www.example.org/page> for the sample."}
    assert all("<script" not in t and "onerror" not in t for t in texts(doc))


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.html", "the file is empty"),
        ("binary.html", "line 1: binary data"),
        ("undecodable.html", "line 2: neither UTF-8 nor Windows-1252 text (byte 0x81)"),
        ("menus_only.html", "no report text in the page"),
    ],
)
def test_a_file_that_is_no_report_fails_naming_the_file(name, message):
    with pytest.raises(ImportFailed) as failure:
        read(name)
    assert str(failure.value).startswith(str(FIXTURES / name) + ": ")
    assert message in str(failure.value)


def test_a_page_with_headings_but_no_paragraphs_fails(tmp_path):
    with pytest.raises(ImportFailed, match="no paragraphs of report text"):
        read_html(tmp_path, "<h1>Chad</h1><h2>Mine Ban Policy</h2>")


# Which layout reads a page


def test_the_layouts_are_asked_in_order():
    assert [(layout.name, layout.priority) for layout in sorted(LAYOUTS, key=lambda lt: lt.priority)] == [
        ("archive", 10),
        ("book-1999", 20),
        ("book-2000", 30),
    ]


@pytest.mark.parametrize(
    ("name", "layout"),
    [
        ("archive/burma.html", "archive"),
        ("archive/broken.html", "archive"),
        ("book1999/africa.html", "book-1999"),
        ("book1999/africa_notes_at_end.html", "book-1999"),
        ("book2000/states_parties.html", "book-2000"),
        ("book2000/states_parties_glued.html", "book-2000"),
    ],
)
def test_each_page_is_read_by_the_layout_its_notes_are_written_in(name, layout):
    page = read_page(FIXTURES / name)
    scores = {lt.name: lt.score(page) for lt in LAYOUTS}
    assert layout_for(page).name == layout
    assert scores[layout] > 0 and all(score < scores[layout] for n, score in scores.items() if n != layout)


def test_glued_digits_outweigh_the_same_notes_read_as_an_archive_page():
    # "52 Sample report." starts a note on an archive page too, but only the 2000 book's glued
    # markers cite it.
    page = read_page(FIXTURES / "book2000" / "states_parties_glued.html")
    scores = {lt.name: lt.score(page) for lt in LAYOUTS}
    assert 0 < scores["archive"] < scores["book-2000"]


def test_a_page_without_notes_is_read_as_one_country(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<h1>Chad</h1><p>Chad reported no mines.</p><h2>Niger</h2><h2>Mali</h2>")
    page = read_page(path)
    assert [lt.score(page) for lt in LAYOUTS] == [0, 0, 0]
    assert layout_for(page).name == "archive"
    assert [d.country_name for d in HtmlImporter().read(path)] == ["Chad"]
