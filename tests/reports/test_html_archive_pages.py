"""Archive pages of the Monitor's web site (`importers.html.archive`): one country to a page,
markers as note links or "[n]", notes at the end, with scripts and menus gone."""

from html_pages import ibids, notes, outline, read, read_html, texts


def test_an_archive_page_becomes_one_report_without_scripts_or_menus():
    [doc] = read("archive/burma.html")
    assert doc.title == "Burma (Myanmar)[^1]"  # the title keeps its own marker
    assert doc.country_name == "Burma (Myanmar)"
    assert doc.source_file.endswith("archive/burma.html")
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


def test_an_archive_page_keeps_emphasis_and_makes_spaces_plain():
    [doc] = read("archive/burma.html")
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


def test_a_broken_page_is_read_with_warnings_naming_where():
    [doc] = read("archive/broken.html")
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


def test_headings_naming_other_countries_do_not_split_an_archive_page(tmp_path):
    [doc] = read_html(
        tmp_path,
        """<h1>Angola</h1><h2>Mine Ban Policy</h2><p>Angola has not ratified the treaty.[1]</p>
        <h2>Namibia</h2><p>Refugees crossed from Namibia in March.[2]</p>
        <h2>Zambia</h2><p>A joint survey with Zambia began.[3]</p>
        <p>[1] Sample letter, 1999.</p><p>[2] Sample report, 1999.</p><p>[3] Ibid.</p>""",
    )
    assert doc.country_name == "Angola"
    assert [s.heading for s in doc.sections] == ["Mine Ban Policy", "Namibia", "Zambia"]
    assert list(notes(doc)) == [1, 2, 3] and ibids(doc) == {3: 2}
