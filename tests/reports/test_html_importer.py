"""The HTML importer reads the three layouts the Monitor published on the web: archive pages of
one country, the 1999 book's regional pages and the 2000 book's pages, with scripts and menus gone.

The fixtures are sample pages written for these tests in each layout; their sentences are not
report text."""

from pathlib import Path

import pytest

from landmine_monitor.reports.document import ReportDocument
from landmine_monitor.reports.importers import ImportFailed
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


# Which files it reads


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


# Archive pages: one country


def test_an_archive_page_becomes_one_report_without_scripts_or_menus():
    [doc] = read("archive_burma.html")
    assert doc.title == "Burma (Myanmar)[^1]"  # the title keeps its own marker
    assert doc.country_name == "Burma (Myanmar)"
    assert doc.source_file.endswith("archive_burma.html")
    assert outline(doc) == [
        ("", ["stockpiling"], True, [[2]]),  # "[2 ]": a marker with a space in it
        ("Mine Ban Policy", ["mine-ban-policy"], False, [[3, 4], [5]]),
        ("Landmine Problem", ["landmine-problem"], False, [[6]]),
        ("", ["mine-action"], True, [[]]),  # under an empty bold line: a lost heading
    ]
    assert notes(doc) == {
        1: "A note on the name of the country used in this sample page.",
        2: "Landmine Monitor interview with a sample official, 12 January 1999.",
        3: "*Sample Voting Record*, United Nations, 1998.",
        4: "Ibid.",
        5: "Ibid.",
        6: "Sample field report, February 1999.",
    }
    assert ibids(doc) == {4: 3, 5: 3}
    assert doc.warnings == []


@pytest.mark.parametrize(
    "name",
    [
        "archive_burma.html",
        "book1999_africa.html",
        "book1999_africa_notes_at_end.html",
        "book2000_states_parties.html",
        "book2000_states_parties_glued.html",
        "broken.html",
    ],
)
def test_no_script_style_handler_or_menu_reaches_any_text(name):
    for doc in read(name):
        for text in texts(doc):
            for word in UNSAFE + MENU:
                assert word not in text, (word, text)


def test_an_archive_page_keeps_emphasis_and_makes_spaces_plain():
    [doc] = read("archive_burma.html")
    policy = doc.sections[1].paragraphs
    assert "the *sample resolution* in December 1998.[^3]" in policy[0].text
    assert "was **not received**.[^4]" in policy[0].text
    assert policy[1].text == "Officials gave their view in a short interview on 2 March 1999.[^5]"
    assert all("\u00a0" not in text and "  " not in text for text in texts(doc))


def test_a_scraped_archive_page_with_plain_markers_and_all_notes_in_one_paragraph(tmp_path):
    [doc] = read_html(
        tmp_path,
        """<html><body>
        <p>+ * + +</p>
        <p>ANGOLA, Landmine Monitor Report 1999</p>
        <p><strong>Mine Ban Policy</strong></p>
        <p>Angola signed the treaty in a sample year.[1] It has not ratified.[2 ]</p>
        <p>Officials said a law is being drafted.[3]</p>
        <p>[1] Sample letter, 1999. [2] Ibid. [3] Sample interview, 2 March 1999.</p>
        </body></html>""",
    )
    assert (doc.title, doc.country_name) == ("ANGOLA, Landmine Monitor Report 1999", "ANGOLA")
    assert outline(doc) == [("Mine Ban Policy", ["mine-ban-policy"], False, [[1, 2], [3]])]
    assert notes(doc) == {1: "Sample letter, 1999.", 2: "Ibid.", 3: "Sample interview, 2 March 1999."}
    assert ibids(doc) == {2: 1}
    assert doc.warnings == []


def test_notes_in_an_ordered_list_cited_by_superscript_links(tmp_path):
    [doc] = read_html(
        tmp_path,
        """<html><head><title>Landmine Monitor Report 2002: Cambodia</title></head><body>
        <p>Cambodia reported new clearance of 12 km<sup>2</sup> in three provinces.<sup><a href="#fn1"
        id="r1">1</a></sup> Funding rose.<sup><a href="#fn2" id="r2">2</a></sup></p>
        <ol class="list"><li>A sample list item that is not a note.</li></ol>
        <div class="footnotes"><ol>
        <li id="fn1">Sample program report, 2002. <a href="#r1">&#8617;</a></li>
        <li id="fn2"><p>Ibid.</p></li>
        </ol></div></body></html>""",
    )
    assert (doc.title, doc.country_name) == ("Landmine Monitor Report 2002: Cambodia", "Cambodia")
    assert outline(doc)[0][3] == [[1, 2], []]
    assert doc.paragraphs[0].text.startswith(
        "Cambodia reported new clearance of 12 km2 in three provinces.[^1]"
    )
    assert notes(doc) == {1: "Sample program report, 2002.", 2: "Ibid."}
    assert ibids(doc) == {2: 1}


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


def test_a_table_of_donor_countries_does_not_split_a_report(tmp_path):
    documents = read_html(
        tmp_path,
        """<h1>Mozambique</h1><h2>Mine Action Funding</h2>
        <p>Donors gave the following sums for clearance in 1999.[1]</p>
        <table><tr><td>Norway</td><td>US$1 million</td></tr>
        <tr><td>Sweden</td><td>US$2 million</td></tr></table>
        <p>[1] Sample donor report, 2000.</p>""",
    )
    assert [d.country_name for d in documents] == ["Mozambique"]


def test_a_breadcrumb_above_the_title_line(tmp_path):
    [doc] = read_html(
        tmp_path,
        """<p><a href="/reports/">Country Reports</a> &gt; Benin</p>
        <p>Benin, Landmine Monitor Report 2004</p><h2>Benin</h2>
        <p>Benin has no known stockpile.</p>""",
    )
    assert (doc.title, doc.country_name) == ("Benin, Landmine Monitor Report 2004", "Benin")
    assert outline(doc) == [("", ["stockpiling"], True, [[]])]


# The 1999 book: a region in one file, notes numbered across it


BOOK_1999 = {
    "Angola": [
        ("Mine Ban Policy", ["mine-ban-policy"], False, [[974, 975], [976]]),
        ("Use", ["use"], False, [[977, 978]]),
        ("Landmine Casualties", ["casualties"], False, [[979]]),
    ],
    "Botswana": [
        ("Mine Ban Policy", ["mine-ban-policy"], False, [[980], [], []]),
        (
            "Production, Transfer and Stockpiling",
            ["production", "transfer", "stockpiling"],
            False,
            [[981, 982, 983], [984]],
        ),
    ],  # fmt: skip
    "Mozambique": [
        ("", ["landmine-problem"], True, [[985]]),
        ("Mine Action", ["mine-action"], False, [[986, 987]]),
        ("Landmine Casualties", ["casualties"], False, [[988, 989], [990]]),
    ],
}


@pytest.mark.parametrize("name", ["book1999_africa.html", "book1999_africa_notes_at_end.html"])
def test_a_1999_regional_file_is_split_into_one_report_per_country(name):
    documents = read(name)
    assert [d.country_name.title() for d in documents] == ["Angola", "Botswana", "Mozambique"]
    assert {d.country_name.title(): outline(d) for d in documents} == BOOK_1999
    angola, botswana, mozambique = documents
    # The published numbers are kept, and each country has the notes its text cites.
    assert list(notes(angola)) == list(range(974, 980))
    assert list(notes(botswana)) == list(range(980, 985))
    assert list(notes(mozambique)) == list(range(985, 991))
    assert notes(angola)[974] == "Sample letter from the Ministry of Foreign Affairs, 3 February 1999."
    assert ibids(angola) == {978: 977}
    assert ibids(botswana) == {982: 981, 983: 981}
    assert ibids(mozambique) == {989: 988}
    assert [d.warnings for d in documents] == [[], [], []]
    for doc in documents:
        assert all(word not in text for text in texts(doc) for word in MENU + ["AFRICA", "SIGNATORIES"])


def test_numbers_in_brackets_that_are_not_notes_stay_prose():
    angola, botswana, _ = read("book1999_africa.html")
    policy = angola.sections[0].paragraphs
    assert policy[0].text.endswith("discussed the matter twice (1998), without a vote.[^975]")
    # "(982)" is one of the file's notes, but Botswana's: here it would break the rising numbers.
    assert policy[1].text == (
        "Officials said that a law is being drafted (see below).[^976] "
        "Traffic resumed on provincial route (982) in June."
    )
    items = [p.text for p in botswana.sections[0].paragraphs]
    assert items[0].endswith("two steps in its reply (1999):")
    assert items[1:] == [
        "(1) The training stock will be reviewed.",
        "(2) A report will be sent to the United Nations.",
    ]


def test_a_country_heading_in_capitals_as_the_file_writes_it():
    documents = read("book1999_africa_notes_at_end.html")
    assert [(d.title, d.country_name) for d in documents] == [
        ("ANGOLA", "ANGOLA"),
        ("BOTSWANA", "BOTSWANA"),
        ("MOZAMBIQUE", "MOZAMBIQUE"),
    ]


def test_a_year_beside_the_marker_with_the_same_number_stays_prose(tmp_path):
    [doc] = read_html(
        tmp_path,
        """<h3>Angola</h3><p>Sentence one.(1995) Sentence two.(1996) The army withdrew (1998) in
        the south.(1997) Clearance began.(1998) Later (1999) it ended.(1999)</p>
        <p>(1995) Source a.</p><p>(1996) Source b.</p><p>(1997) Source c.</p><p>(1998) Source d.</p>
        <p>(1999) Source e.</p>""",
    )
    assert doc.paragraphs[0].footnotes == [1995, 1996, 1997, 1998, 1999]
    assert "The army withdrew (1998) in the south.[^1997]" in doc.paragraphs[0].text
    assert "Later (1999) it ended.[^1999]" in doc.paragraphs[0].text


def test_a_year_among_notes_numbered_near_it_stays_prose(tmp_path):
    numbers = range(1995, 2000)
    cited = " ".join(f"Sentence {n - 1994} is sourced.({n})" for n in numbers)
    angola, chad = read_html(
        tmp_path,
        f"""<h3>Angola</h3><p>Fighting resumed (1998) in the east. {cited}</p>
        <h3>Chad</h3><p>Chad reported no new mines (1997).</p>
        {"".join(f"<p>({n}) Sample source {n}.</p>" for n in numbers)}""",
    )
    assert angola.paragraphs[0].footnotes == list(numbers)
    assert angola.paragraphs[0].text.startswith("Fighting resumed (1998) in the east.")
    assert chad.paragraphs[0].footnotes == []
    assert list(notes(angola)) == list(numbers) and chad.footnotes == []


def test_a_heading_at_the_countries_level_naming_no_listed_country_starts_a_report_with_a_warning(tmp_path):
    angola, other, chad = read_html(
        tmp_path,
        """<h2>AFRICA</h2><h3>Angola</h3><p>Angola text.(1)</p>
        <h3>Sample Territory</h3><p>Territory text.(2)</p>
        <h3>Chad</h3><h4>Mine Ban Policy</h4><p>Chad text.(3)</p>
        <p>(1) Note one.</p><p>(2) Note two.</p><p>(3) Note three.</p>""",
    )
    assert [d.country_name for d in (angola, other, chad)] == ["Angola", "Sample Territory", "Chad"]
    assert [list(notes(d)) for d in (angola, other, chad)] == [[1], [2], [3]]
    assert [str(w) for w in other.warnings] == [
        "line 2: heading 'Sample Territory' taken as a country though the country list lacks it"
    ]
    assert outline(chad) == [("Mine Ban Policy", ["mine-ban-policy"], False, [[3]])]


# The 2000 book: superscript markers, or digits glued to the sentence once tags are gone


@pytest.mark.parametrize("name", ["book2000_states_parties.html", "book2000_states_parties_glued.html"])
def test_a_2000_book_page_with_superscript_or_glued_markers(name):
    benin, botswana = read(name)
    assert (benin.country_name, botswana.country_name) == ("BENIN", "BOTSWANA")
    assert outline(benin) == [("", ["production"], True, [[52, 53], [54, 55], [56]])]
    assert outline(botswana) == [
        ("Mine Ban Policy", ["mine-ban-policy"], False, [[58]]),
        ("Stockpiling", ["stockpiling"], False, [[59, 60]]),
    ]
    assert botswana.key_developments == (
        "**Key developments since March 1999:** Botswana ratified the treaty on 1 March 2000.[^57]"
    )
    assert list(notes(benin)) == [52, 53, 54, 55, 56]
    assert list(notes(botswana)) == [57, 58, 59, 60]
    assert notes(benin)[52] == "Sample transparency report, submitted 15 October 1999."
    assert ibids(benin) == {53: 52, 55: 54} and ibids(botswana) == {60: 59}
    assert [benin.warnings, botswana.warnings] == [[], []]


def test_years_and_thousands_before_a_full_stop_stay_prose():
    benin, botswana = read("book2000_states_parties_glued.html")
    first, second, _ = benin.paragraphs
    assert first.text == (
        "Benin joined the treaty in 1998 and sent its first transparency report in 1999. The report "
        "covers the period up to 31 December 1999.[^52] It states that no national law is yet in place.[^53]"
    )
    assert second.text == (
        "A sample commission was set up in 1999 to draft a law.[^54] The army destroyed 2,000 mines. "
        "None are held now, officials said.[^55]"
    )
    assert botswana.paragraphs[0].text.endswith("It voted for the resolution in December 1999.")
    assert botswana.paragraphs[1].text.startswith("The army holds a stock of 2,000 mines. Officials")


# Bad and doubtful input


def test_a_broken_page_is_read_with_warnings_naming_where():
    [doc] = read("broken.html")
    assert doc.country_name == ""
    assert "“sample treaty”" in doc.paragraphs[1].text  # Windows-1252 quotes
    assert [str(w) for w in doc.warnings] == [
        "line 6: not UTF-8; read as Windows-1252: check accented letters and quotes",
        "line 6, paragraph 2: marker [7] has no footnote",
        'line 10, footnote 1: "Ibid." with no footnote before it',
        "line 12, footnote 4: footnote 4 follows footnote 2",
        "line 13, footnote 5: footnote 5 is never cited",
        "footnote markers are not in ascending order in the text",
        "line 3: no title naming the country; choose the country when saving",
        "line 7: heading 'Landmine Casualties' has no paragraphs under it",
    ]


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
