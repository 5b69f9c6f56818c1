"""Pages of the 1999 book (`importers.html.book1999`): a region in one file, each country under a
heading naming it, markers "(n)" numbered across the whole file."""

import pytest
from html_pages import MENU, ibids, notes, outline, read, read_html, texts

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


@pytest.mark.parametrize("name", ["book1999/africa.html", "book1999/africa_notes_at_end.html"])
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
    angola, botswana, _ = read("book1999/africa.html")
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
    documents = read("book1999/africa_notes_at_end.html")
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
