"""Pages of the 2000 book (`importers.html.book2000`): a region in one file, markers as
superscripts or, once the tags are gone, digits glued to the end of a sentence."""

import pytest
from html_pages import ibids, notes, outline, read, read_html


@pytest.mark.parametrize("name", ["book2000/states_parties.html", "book2000/states_parties_glued.html"])
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
    benin, botswana = read("book2000/states_parties_glued.html")
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


def test_a_square_before_a_marker_with_the_same_number(tmp_path):
    [doc] = read_html(
        tmp_path,
        """<p><b>BENIN</b></p><p><b>Mine Action</b></p>
        <p>Teams cleared 2 km<sup>2</sup> in the north.<sup>1</sup> The army cleared
        a road<sup>2</sup> in May.</p>
        <p><sup>1</sup> Sample survey report, 1999.</p><p><sup>2</sup> Ibid.</p>""",
    )
    assert doc.paragraphs[0].text == (
        "Teams cleared 2 km2 in the north.[^1] The army cleared a road[^2] in May."
    )
    assert list(notes(doc)) == [1, 2] and ibids(doc) == {2: 1}
    assert doc.warnings == []
