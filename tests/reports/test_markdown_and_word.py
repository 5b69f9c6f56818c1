"""Markdown (the authoring format) and Word .docx: what an editor writes is what the Monitor reads,
and what the Monitor exports reads back as the same report.

The importers are used directly (the registry also loads the other formats' modules)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from landmine_monitor.reports.document import Footnote, Paragraph, ReportDocument, Section, SectionKind
from landmine_monitor.reports.exporters import to_docx, to_markdown
from landmine_monitor.reports.importers import ImportFailed
from landmine_monitor.reports.importers.markdown import MarkdownImporter, parse_heading, parse_markdown
from landmine_monitor.reports.importers.word import WordImporter
from landmine_monitor.reports.inline import Run, inline_markdown, normalise_inline

K = SectionKind
FIXTURES = Path(__file__).parent / "fixtures"
MONGOLIA = FIXTURES / "markdown" / "mongolia-1999.md"
CAMBODIA = FIXTURES / "word" / "cambodia-2000.docx"
LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


def fields(doc: ReportDocument) -> dict:
    """Everything a round trip must keep (not warnings or the source file's name)."""
    return {
        "title": doc.title,
        "country_name": doc.country_name,
        "key_developments": doc.key_developments,
        "summary_table": [tuple(row) for row in doc.summary_table],
        "sections": [
            (s.heading, [str(k) for k in s.kinds], s.inferred, [p.text for p in s.paragraphs])
            for s in doc.sections
        ],
        "footnotes": [(f.number, f.text, f.ibid_of) for f in doc.footnotes],
    }


def read_markdown(path: Path) -> ReportDocument:
    [doc] = MarkdownImporter().read(path)
    return doc


def read_word(path: Path) -> ReportDocument:
    [doc] = WordImporter().read(path)
    return doc


def messages(doc: ReportDocument) -> list[str]:
    return [str(warning) for warning in doc.warnings]


# ---------------------------------------------------------------------------------------------
# Reading the authoring format


def test_markdown_report_has_its_title_table_key_developments_and_sections():
    doc = read_markdown(MONGOLIA)

    assert doc.title == "Mongolia — Landmine Monitor Report 1999"
    assert doc.country_name == "Mongolia"
    assert doc.summary_table == [
        ("Mine Ban Treaty", "Not signed"),
        ("Estimated area of contamination", "Not known"),
    ]
    assert doc.key_developments == (
        "**Key developments since March 1999:** The government told a visiting delegation that it is "
        "*studying* the treaty.[^974]"
    )
    assert [(s.heading, s.kinds, s.inferred) for s in doc.sections] == [
        ("Mine Ban Policy", [K.MINE_BAN_POLICY], False),
        ("Production, Transfer and Stockpiling", [K.PRODUCTION, K.TRANSFER, K.STOCKPILING], False),
        ("", [K.USE], True),
        ("Mine Clearance", [K.MINE_ACTION, K.LANDMINE_PROBLEM], False),
    ]
    assert doc.warnings == []


def test_markdown_paragraphs_keep_emphasis_and_markers_where_they_stood():
    doc = read_markdown(MONGOLIA)

    # A paragraph written over three lines is one paragraph, its line breaks spaces.
    assert doc.sections[0].paragraphs == [
        Paragraph(
            "Mongolia has not signed the Mine Ban Treaty. Officials said at a meeting in the capital that "
            "accession is being considered, but gave no date.[^975] Mongolia voted in favour of the General "
            "Assembly resolution supporting a ban in 1998.[^976]"
        )
    ]
    assert doc.sections[1].paragraphs[0].text == (
        "There is no evidence that Mongolia has **ever** produced antipersonnel mines, "
        "and no exports are known.[^977]"
    )
    assert doc.sections[3].paragraphs[0].text.endswith("its results are ***not yet*** available.[^979]")
    assert [p.footnotes for p in doc.paragraphs] == [[975, 976], [977], [978], [979]]


def test_markdown_footnotes_keep_their_published_numbers_and_ibid_points_back():
    doc = read_markdown(MONGOLIA)

    assert [f.number for f in doc.footnotes] == [974, 975, 976, 977, 978, 979]
    assert doc.footnote(974).text == (
        "Landmine Monitor interview with an official of the Ministry of Foreign Affairs, "
        "Ulaanbaatar, 12 January 1999."
    )
    assert doc.footnote(976).text == "Record of the vote, *Official Records of the General Assembly*, 1998."
    assert [(f.number, f.ibid_of) for f in doc.footnotes if f.text == "Ibid."] == [(975, 974), (978, 977)]


def test_a_country_comment_names_the_country_when_the_title_does_not():
    [doc] = parse_markdown(
        "# Burma (Myanmar)[^1]\n<!-- country: Myanmar -->\n\n## Use\n\nText.\n\n[^1]: A note.\n"
    )
    assert (doc.title, doc.country_name) == ("Burma (Myanmar)[^1]", "Myanmar")

    [doc] = parse_markdown("# NORTH KOREA, Landmine Monitor Report 1999\n\n## Use\n\nText.\n")
    assert doc.country_name == "NORTH KOREA"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mine Ban Policy", ("Mine Ban Policy", [K.MINE_BAN_POLICY], False)),
        ("Use and Landmine Problem", ("Use and Landmine Problem", [K.USE, K.LANDMINE_PROBLEM], False)),
        ("Production {production, stockpiling}", ("Production", [K.PRODUCTION, K.STOCKPILING], False)),
        ("Survivors {inferred: Survivor Assistance}", ("Survivors", [K.SURVIVOR_ASSISTANCE], True)),
        ("(production, transfer)", ("", [K.PRODUCTION, K.TRANSFER], True)),
        ("{use}", ("", [K.USE], False)),
        ("(Alleged use)", ("(Alleged use)", [K.USE], False)),  # not kinds: an ordinary heading
    ],
)
def test_a_heading_line_gives_heading_kinds_and_whether_they_were_inferred(line, expected):
    assert parse_heading(line) == expected


def test_one_file_may_hold_several_reports_each_with_its_notes():
    docs = parse_markdown(
        "# Laos — Landmine Monitor Report 1999\n\n## Use\n\nOne.[^974]\n\n[^974]: First.\n\n"
        "# Vietnam — Landmine Monitor Report 1999\n\n## Use\n\nTwo.[^975]\n\n[^975]: Second.\n"
    )
    assert [(d.country_name, [f.number for f in d.footnotes]) for d in docs] == [
        ("Laos", [974]),
        ("Vietnam", [975]),
    ]
    assert all(d.warnings == [] for d in docs)


def test_a_marker_with_no_note_and_a_note_never_cited_are_warned():
    [doc] = parse_markdown("# Chad\n\n## Use\n\nCited.[^1] Missing.[^2]\n\n[^1]: One.\n[^3]: Three.\n")
    assert "paragraph 1: marker [2] has no footnote" in messages(doc)
    assert "footnote 3: footnote 3 is never cited" in messages(doc)
    assert doc.sections[0].paragraphs[0].text == "Cited.[^1] Missing.[^2]"


def test_lists_and_html_are_read_as_text_with_a_warning():
    [doc] = parse_markdown("# Chad\n\n## Use\n\n- first item\n- second <b>item</b>\n\n<div>dropped</div>\n")
    assert [p.text for p in doc.paragraphs] == ["first item", "second item"]
    assert "line 5: list or quotation read as paragraphs" in messages(doc)
    assert "line 6: HTML removed: <b> </b>" in messages(doc)
    assert "line 8: HTML removed: <div>dropped</div>" in messages(doc)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"# Chad\n\nCaf\xe9\n", "not UTF-8 text"),
        (b"## Use\n\nNo title.\n", "line 1: text before the first '# Title' line"),
        (b"<!-- a note -->\n", "no '# Title' line"),
        (b"# Chad\n\n## Use\n\nText.[^a]\n\n[^a]: A note.\n", "line 7: footnote [^a] has no number"),
        (b"# Chad\n\n## Use {usage}\n", "line 3: unknown section kind in {usage}"),
    ],
)
def test_broken_markdown_fails_naming_the_file_and_line(tmp_path, content, expected):
    path = tmp_path / "broken.md"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as failure:
        MarkdownImporter().read(path)
    assert str(failure.value).startswith(f"{path}: ")
    assert expected in str(failure.value)


def test_the_markdown_importer_takes_markdown_files_and_footnoted_text():
    importer = MarkdownImporter()
    assert importer.accepts(Path("report.md"), b"")
    assert importer.accepts(Path("report.markdown"), b"")
    assert importer.accepts(Path("report.txt"), b"# Chad\n\nText.[^1]\n\n[^1]: A note.\n")
    assert not importer.accepts(Path("report.txt"), b"CHAD\n\nText.[1]\n\n[1] A note.\n")
    assert importer.priority == 20


# ---------------------------------------------------------------------------------------------
# Inline text


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("_emphasis_ and __strong__", "*emphasis* and **strong**"),
        ("two  spaces\nand a line break", "two spaces and a line break"),
        ("*not closed *here", "*not closed *here"),  # not emphasis in Markdown: left as written
        ("5 * 3 and snake_case", "5 * 3 and snake_case"),  # no escapes where nothing is markup
        (r"a \*literal\* pair", r"a \*literal\* pair"),
        ("text.[^12] More", "text.[^12] More"),
        ("[Mine Web](http://example.org/mines)", "Mine Web (http://example.org/mines)"),
        ("<http://example.org/>", "http://example.org/"),
    ],
)
def test_inline_text_is_stored_in_one_canonical_form(written, stored):
    assert normalise_inline(written) == stored
    assert normalise_inline(stored) == stored


def test_runs_from_word_become_inline_markdown():
    runs = [
        Run("The "),
        Run("Ottawa ", italic=True),
        Run("Process", italic=True),
        Run(" ended."),
        Run(footnote=3),
    ]
    assert inline_markdown(runs) == "The *Ottawa Process* ended.[^3]"
    # Literal asterisks and a literal "[^5]" in Word text are escaped so they stay text.
    assert inline_markdown([Run("*Ibid* [^5]")]) == r"\*Ibid\* \[^5]"
    assert inline_markdown([Run("bold and italic", italic=True, bold=True)]) == "***bold and italic***"


# ---------------------------------------------------------------------------------------------
# Reading Word


def test_word_report_has_headings_by_style_emphasis_and_native_footnotes():
    doc = read_word(CAMBODIA)

    assert doc.title == "Cambodia — Landmine Monitor Report 2000"
    assert doc.country_name == "Cambodia"
    assert doc.summary_table == [
        ("State Party since", "1 January 2000"),
        ("Last Article 7 report", "Not yet due"),
    ]
    assert doc.key_developments == (
        "**Key developments since March 1999:** The treaty entered into force for the country, "
        "and a national authority was set up.[^1]"
    )
    assert [(s.heading, s.kinds) for s in doc.sections] == [
        ("Mine Ban Policy", [K.MINE_BAN_POLICY]),  # Heading 1
        ("Stockpiling", [K.STOCKPILING]),  # Heading 2
    ]
    assert [p.text for p in doc.paragraphs] == [
        "The country ratified the treaty in *July 1999*, after a debate in which **no member** "
        "spoke against it.[^2] Implementing legislation is being drafted.[^3]",
        "The army reported that its stockpile is being counted; see the *Article 7 report*.[^4]",
    ]
    assert [(f.number, f.text, f.ibid_of) for f in doc.footnotes] == [
        (1, "Decree on the national authority, 5 June 1999.", None),
        (2, "Record of the session of the national assembly, 28 July 1999.", None),
        (3, "Ibid.", 2),
        (4, "Letter from the Ministry of National Defence, *unnumbered*, 2 February 2000.", None),
    ]
    assert doc.warnings == []


NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def hand_made_docx(
    path: Path, body: str, footnotes: str | None, start: int | None = None, kind: str = "footnote"
) -> Path:
    """A .docx written part by part, as Word writes them (not through python-docx). `footnotes`
    holds the notes (`kind` "endnote": endnotes), `start` where Word's count starts."""
    overrides = [("document", "document.main"), ("styles", "styles"), ("settings", "settings")]
    if footnotes is not None:
        overrides.append((f"{kind}s", f"{kind}s"))
    content_types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(
            f'<Override PartName="/word/{name}.xml" ContentType="{WML}.{kind}+xml"/>'
            for name, kind in overrides
        )
        + "</Types>"
    )
    relationships = [
        ("rId1", "styles", "styles.xml"),
        ("rId2", "settings", "settings.xml"),
        ("rId9", "hyperlink", "http://www.example.org/"),
    ]
    if footnotes is not None:
        relationships.append(("rId3", f"{kind}s", f"{kind}s.xml"))
    document_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"'
            + (' TargetMode="External"/>' if kind == "hyperlink" else "/>")
            for rid, kind, target in relationships
        )
        + "</Relationships>"
    )
    styles = (
        f"<w:styles {NAMESPACES}>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/></w:style>'
        '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Emphasis"><w:name w:val="Emphasis"/>'
        "<w:rPr><w:i/></w:rPr></w:style>"
        "</w:styles>"
    )
    settings = (
        f'<w:settings {NAMESPACES}><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        "</w:settings>"
    )
    numbering = f'<w:{kind}Pr><w:numStart w:val="{start}"/></w:{kind}Pr>' if start else ""
    document = (
        f"<w:document {NAMESPACES}><w:body>{body}"
        f'<w:sectPr>{numbering}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        package.writestr("word/document.xml", document)
        package.writestr("word/_rels/document.xml.rels", document_rels)
        package.writestr("word/styles.xml", styles)
        package.writestr("word/settings.xml", settings)
        if footnotes is not None:
            package.writestr(f"word/{kind}s.xml", f"<w:{kind}s {NAMESPACES}>{footnotes}</w:{kind}s>")
    return path


def paragraph(content: str, style: str | None = None) -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{properties}{content}</w:p>"


def text(words: str, properties: str = "") -> str:
    run_properties = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{run_properties}<w:t xml:space="preserve">{words}</w:t></w:r>'


REFERENCE_STYLE = '<w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'


def reference(note_id: int, mark: str | None = None) -> str:
    if mark is None:
        return f'<w:r>{REFERENCE_STYLE}<w:footnoteReference w:id="{note_id}"/></w:r>'
    return (
        f'<w:r>{REFERENCE_STYLE}<w:footnoteReference w:customMarkFollows="1" w:id="{note_id}"/>'
        f"<w:t>{mark}</w:t></w:r>"
    )


def note(note_id: int, content: str, mark: str | None = None) -> str:
    own_mark = "<w:footnoteRef/>" if mark is None else f"<w:t>{mark}</w:t>"
    return (
        f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        f"<w:r>{REFERENCE_STYLE}{own_mark}</w:r>{content}</w:p></w:footnote>"
    )


SEPARATORS = (
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    "</w:footnote>"
)


def test_word_footnotes_are_read_from_words_own_structure(tmp_path):
    body = "".join(
        [
            paragraph(text("Laos — Landmine Monitor Report 1999"), "Title"),
            paragraph(text("Mine Ban Policy"), "Heading1"),
            paragraph(
                text("Laos has ")
                + text("not", "<w:i/>")
                + text(" signed the treaty")
                + '<w:del w:id="90" w:author="an editor">'
                + "<w:r><w:delText> (deleted words)</w:delText></w:r></w:del>"
                + text(".")
                + reference(1)
                + f'<w:ins w:id="91" w:author="an editor">{text(" It ")}</w:ins>'
                + text("abstained", '<w:rStyle w:val="Emphasis"/>')
                + text(" in ")
                + text("19", "<w:b/>")
                + text("96", "<w:b/>")
                + text(".")
                + reference(2)
            ),
            paragraph(text("Use"), "Heading2"),
            paragraph(
                text("Reports of new mine laying were not confirmed.")
                + reference(3, mark="980")
                + text(" See ")
                + f'<w:hyperlink r:id="rId9">{text("http://www.example.org/")}</w:hyperlink>'
                + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                + '<w:r><w:instrText xml:space="preserve"> DATE \\@ "d MMMM yyyy" </w:instrText></w:r>'
                + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                + text(" and the report")
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                + text(".")
                + reference(4)
            ),
        ]
    )
    footnotes = SEPARATORS + "".join(
        [
            note(1, text(" Landmine Monitor interview with an official, Vientiane, 2 February 1999.")),
            note(2, text(" ") + text("Ibid.", "<w:i/>")),
            note(3, text(" ") + text("Vientiane Times", "<w:i/>") + text(", 3 March 1999."), mark="980"),
            note(4, text(" Letter to Landmine Monitor, 10 March 1999.")).replace(
                "</w:footnote>", f"<w:p>{text('A second paragraph of the note.')}</w:p></w:footnote>"
            ),
            note(5, text(" A note nothing refers to.")),
        ]
    )
    doc = read_word(hand_made_docx(tmp_path / "laos.docx", body, footnotes, start=974))

    assert doc.title == "Laos — Landmine Monitor Report 1999"
    assert [(s.heading, s.kinds) for s in doc.sections] == [
        ("Mine Ban Policy", [K.MINE_BAN_POLICY]),
        ("Use", [K.USE]),
    ]
    # Tracked deletions are gone, insertions kept; a field shows its result, not its code; a
    # custom mark is the number shown and does not advance Word's count (974, 975, [980], 976).
    assert [p.text for p in doc.paragraphs] == [
        "Laos has *not* signed the treaty.[^974] It *abstained* in **1996**.[^975]",
        "Reports of new mine laying were not confirmed.[^980] "
        "See http://www.example.org/ and the report.[^976]",
    ]
    assert [(f.number, f.text, f.ibid_of) for f in doc.footnotes] == [
        (974, "Landmine Monitor interview with an official, Vientiane, 2 February 1999.", None),
        (975, "*Ibid.*", 974),
        (980, "*Vientiane Times*, 3 March 1999.", None),
        (976, "Letter to Landmine Monitor, 10 March 1999. A second paragraph of the note.", None),
    ]
    assert "footnotes with ids 5 are never referenced: left out" in messages(doc)
    assert "footnote 976: footnote 976 follows footnote 980" in messages(doc)


def test_a_word_reference_to_a_missing_note_is_warned(tmp_path):
    body = "".join(
        [
            paragraph(text("Chad"), "Title"),
            paragraph(text("Use"), "Heading1"),
            paragraph(text("Mines were found.") + reference(7)),
        ]
    )
    doc = read_word(hand_made_docx(tmp_path / "chad.docx", body, footnotes=SEPARATORS))
    assert doc.paragraphs[0].text == "Mines were found.[^1]"
    assert messages(doc) == ["paragraph 1: marker [1] has no footnote"]


def test_a_word_file_without_a_title_style_takes_its_first_paragraph(tmp_path):
    body = paragraph(text("Chad — Landmine Monitor Report 2001")) + paragraph(text("Use"), "Heading1")
    doc = read_word(hand_made_docx(tmp_path / "chad.docx", body, footnotes=None))
    assert (doc.title, doc.country_name) == ("Chad — Landmine Monitor Report 2001", "Chad")
    assert "no paragraph in the Title style: the first one is the title" in messages(doc)


def test_several_titles_in_one_word_file_are_several_reports(tmp_path):
    body = "".join(
        [
            paragraph(text("Angola — Landmine Monitor Report 1999"), "Title"),
            paragraph(text("Use"), "Heading1"),
            paragraph(text("Mines were laid.") + reference(1)),
            paragraph(text("Botswana — Landmine Monitor Report 1999"), "Title"),
            paragraph(text("Mine Ban Policy"), "Heading1"),
            paragraph(text("The treaty was ratified.") + reference(2)),
        ]
    )
    notes = SEPARATORS + note(1, text(" A first note.")) + note(2, text(" A second note."))
    docs = WordImporter().read(hand_made_docx(tmp_path / "africa.docx", body, notes, start=120))
    assert [
        (d.country_name, [p.text for p in d.paragraphs], [(f.number, f.text) for f in d.footnotes])
        for d in docs
    ] == [
        ("Angola", ["Mines were laid.[^120]"], [(120, "A first note.")]),
        ("Botswana", ["The treaty was ratified.[^121]"], [(121, "A second note.")]),
    ]


def test_a_word_file_with_endnotes_only_reads_them_as_its_notes(tmp_path):
    body = "".join(
        [
            paragraph(text("Chad"), "Title"),
            paragraph(text("Use"), "Heading1"),
            paragraph(text("Mines were found.") + reference(1).replace("footnote", "endnote")),
        ]
    )
    notes = (SEPARATORS + note(1, text(" An endnote."))).replace("footnote", "endnote")
    doc = read_word(hand_made_docx(tmp_path / "chad.docx", body, notes, start=7, kind="endnote"))
    assert doc.paragraphs[0].text == "Mines were found.[^7]"
    assert [(f.number, f.text) for f in doc.footnotes] == [(7, "An endnote.")]


def test_a_report_without_a_title_keeps_its_text_in_both_formats(tmp_path):
    [doc] = parse_markdown("#\n\n## Use\n\nText.\n")
    assert (doc.title, messages(doc)) == ("", ["line 1: the report has no title"])
    [again] = parse_markdown(to_markdown(doc))
    assert fields(again) == fields(doc)
    to_docx(doc, tmp_path / "untitled.docx")
    assert fields(read_word(tmp_path / "untitled.docx")) == fields(doc)


def test_broken_word_files_fail_naming_the_file(tmp_path):
    not_a_zip = tmp_path / "not-a-zip.docx"
    not_a_zip.write_bytes(b"This is not a zip archive at all.")
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(CAMBODIA.read_bytes()[:2000])
    no_document = tmp_path / "no-document.docx"
    with zipfile.ZipFile(no_document, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
    for path in (not_a_zip, truncated, no_document):
        with pytest.raises(ImportFailed) as failure:
            WordImporter().read(path)
        assert str(failure.value).startswith(f"{path}: not a readable Word document")


def test_the_word_importer_takes_docx_files():
    importer = WordImporter()
    assert importer.accepts(Path("report.docx"), b"PK\x03\x04")
    assert importer.accepts(Path("REPORT.DOCX"), b"")  # a damaged .docx fails here, by name
    assert importer.accepts(Path("report.bin"), CAMBODIA.read_bytes()[:4096])
    assert not importer.accepts(Path("report.md"), b"# Chad\n")
    assert not importer.accepts(Path("sheet.xlsx"), b"PK\x03\x04[Content_Types].xml xl/workbook.xml")
    assert importer.priority == 10


# ---------------------------------------------------------------------------------------------
# Exporting, and reading the export back


def test_markdown_export_reads_back_as_the_same_report():
    doc = read_markdown(MONGOLIA)
    written = to_markdown(doc)

    [back] = parse_markdown(written)
    assert fields(back) == fields(doc)
    assert back.warnings == []
    assert to_markdown(back) == written
    assert "## (use)\n" in written
    assert "## Mine Clearance {mine-action, landmine-problem}\n" in written
    assert "[^974]: Landmine Monitor interview" in written


def test_docx_export_has_real_footnotes_counted_from_the_first_published_number(tmp_path):
    doc = read_markdown(MONGOLIA)
    path = tmp_path / "mongolia.docx"
    to_docx(doc, path)

    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        content_types = package.read("[Content_Types].xml").decode()
        rels = package.read("word/_rels/document.xml.rels").decode()
        document = package.read("word/document.xml").decode()
        footnotes = package.read("word/footnotes.xml").decode()
        settings = package.read("word/settings.xml").decode()
    assert "word/footnotes.xml" in names
    assert 'PartName="/word/footnotes.xml"' in content_types and "footnotes+xml" in content_types
    assert "relationships/footnotes" in rels
    assert '<w:numStart w:val="974"/>' in document
    assert document.count("<w:footnoteReference ") == 6 and "customMarkFollows" not in document
    assert (
        'w:type="separator" w:id="-1"' in footnotes and 'w:type="continuationSeparator" w:id="0"' in footnotes
    )
    assert footnotes.count("<w:footnoteRef/>") == 6
    assert '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' in settings

    back = read_word(path)
    assert fields(back) == fields(doc)
    assert back.warnings == []


def test_word_fixture_survives_both_exports(tmp_path):
    doc = read_word(CAMBODIA)

    to_docx(doc, tmp_path / "again.docx")
    assert fields(read_word(tmp_path / "again.docx")) == fields(doc)
    [from_markdown] = parse_markdown(to_markdown(doc))
    assert fields(from_markdown) == fields(doc)


def awkward_report() -> ReportDocument:
    """Everything the formats must carry that a plain report does not show."""
    return ReportDocument(
        title="Burma (Myanmar)[^1] — Landmine Monitor Report 2004",
        country_name="Myanmar",
        key_developments=(
            "**Key developments since May 2003:** First paragraph.[^2]\n\n"
            "**Key developments since 1999:** Second paragraph."
        ),
        summary_table=[("Mines | ERW", "a | b"), ("Empty", "")],
        sections=[
            Section("", [K.OTHER], [Paragraph("1999. A year that starts a paragraph.[^3]")]),
            Section("(Alleged use)", [K.USE], [Paragraph("# not a heading"), Paragraph("- not a list item")]),
            Section(
                "Use", [K.USE], [Paragraph("Cited again.[^3] A marker with no note.[^99]")], inferred=True
            ),
            Section("Funding {2003}", [K.MINE_ACTION], [Paragraph("| not a table |")]),
            Section("Casualties", [], [Paragraph("After a gap in the numbering.[^7]")]),
        ],
        footnotes=[
            Footnote(1, "The country's name, as the report gives it."),
            Footnote(2, "A note that cites another, see [^1]."),
            Footnote(3, "1999. A note that starts with a year."),
            Footnote(7, "Numbered after a gap."),
            Footnote(8, "Never cited in the text."),
        ],
    )


def test_what_a_plain_report_does_not_show_survives_both_exports(tmp_path):
    doc = awkward_report()

    [from_markdown] = parse_markdown(to_markdown(doc))
    assert fields(from_markdown) == fields(doc)

    to_docx(doc, tmp_path / "awkward.docx")
    from_word = read_word(tmp_path / "awkward.docx")
    assert fields(from_word) == fields(doc)
    assert "paragraph 4: marker [99] has no footnote" in messages(from_word)


def run_libreoffice(tmp_path: Path, target: str, source: Path) -> Path:
    out = tmp_path / "libreoffice"
    subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_docx_export_and_keeps_its_footnotes(tmp_path):
    doc = read_markdown(MONGOLIA)
    exported = tmp_path / "mongolia.docx"
    to_docx(doc, exported)

    pdf = run_libreoffice(tmp_path, "pdf", exported) / "mongolia.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")

    # Saved again by LibreOffice, in its own way of writing Word footnotes, it reads back the same.
    resaved = run_libreoffice(tmp_path, "docx:MS Word 2007 XML", exported) / "mongolia.docx"
    assert fields(read_word(resaved)) == fields(doc)
