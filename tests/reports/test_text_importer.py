"""The plain-text importer: the scraped seed report, and invented files shaped like other years."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from landmine_monitor.reports.document import SectionKind as K
from landmine_monitor.reports.importers import IMPORTERS, ImportFailed
from landmine_monitor.reports.importers.text import TextImporter

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_309f5905dcc51e13.txt"
MENU = ["About Us", "The Issues", "Our Research Products", "Order Publications", "Press Room", "Table of"]


def read(path: Path):
    docs = TextImporter().read(path)
    assert len(docs) == 1
    return docs[0]


def write(tmp_path: Path, text: str, name: str = "report.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def all_text(doc) -> list[str]:
    return [
        doc.title,
        doc.key_developments,
        *(p.text for p in doc.paragraphs),
        *(s.heading for s in doc.sections),
    ]


# The seed


@pytest.fixture(scope="module")
def seed():
    if not SEED.is_file():
        (pytest.fail if os.environ.get("CI") else pytest.skip)(f"the seed report is missing ({SEED})")
    return read(SEED)


def test_seed_drops_menu_and_decoration(seed):
    for text in all_text(seed):
        assert not any(item in text for item in MENU), text
        assert "+ " not in text and not text.startswith("+")
    assert seed.title == ""
    assert seed.country_name == ""
    assert seed.source_file == str(SEED)


def test_seed_sections_in_order(seed):
    shape = [(s.heading, s.kinds, s.inferred) for s in seed.sections]
    assert shape == [
        ("Mine Ban Policy", [K.MINE_BAN_POLICY], False),
        ("", [K.PRODUCTION], True),
        ("", [K.TRANSFER], True),
        ("", [K.STOCKPILING], True),
        ("", [K.USE], True),
        ("Landmine Problem", [K.LANDMINE_PROBLEM], False),
        ("Mine Action", [K.MINE_ACTION], False),
    ]
    assert [len(s.paragraphs) for s in seed.sections] == [4, 1, 1, 1, 1, 2, 2]
    policy = seed.sections[0].paragraphs
    assert policy[0].text.startswith("The Democratic People’s Republic of Korea (DPRK) has not signed")
    assert policy[0].text.endswith("in 1997 and 1998.")
    assert seed.sections[4].paragraphs[0].text.startswith("It is believed that North Korea has planted")


def test_seed_footnotes_cited_where_their_markers_stand(seed):
    assert [f.number for f in seed.footnotes] == list(range(1, 16))
    policy = seed.sections[0].paragraphs
    assert [p.footnotes for p in policy] == [[], [1], [2, 3, 4], [5]]
    assert policy[1].text.endswith("exempt any region from the mine ban treaty.[^1]")
    assert "a short statement on antipersonnel mines.[^2] He said" in policy[2].text
    assert [s.paragraphs[0].footnotes for s in seed.sections[1:5]] == [[6, 7, 8], [9], [10], [11]]
    assert seed.sections[5].paragraphs[0].footnotes == [12, 13, 14, 15]
    assert "Though difficult to confirm,[^13] that" in seed.sections[5].paragraphs[0].text
    assert seed.footnote(1).text == "Jiji Press, Geneva, Sankei Newspaper, 15 September 1997."
    assert seed.footnote(13).text.endswith("from 19 to 24 February 1999")
    assert seed.footnote(3).ibid_of == 2
    assert seed.footnote(4).ibid_of == 2
    assert seed.footnote(5).ibid_of is None


def test_seed_warnings_and_spaces(seed):
    assert not [w for w in seed.warnings if "marker" in w.message or "cited" in w.message]
    assert [w.message for w in seed.warnings] == [
        "no title line naming the country; choose the country when saving"
    ]
    assert seed.warnings[0].where == "line 12"
    texts = all_text(seed) + [f.text for f in seed.footnotes]
    assert not any("\u00a0" in t or "\u202f" in t or "  " in t or t != t.strip() for t in texts)


# Other years, in invented files


def test_2003_report_with_title_key_developments_and_merged_headings():
    doc = read(FIXTURES / "lm2003_mozambique.txt")
    assert doc.title == "Mozambique, Landmine Monitor Report 2003"
    assert doc.country_name == "Mozambique"
    assert doc.key_developments.startswith("Key developments since May 2002: This invented sample")
    assert "transparency report submitted.[^1] It adds" in doc.key_developments
    assert doc.key_developments.endswith("held in the capital.[^2]")
    assert doc.summary_table == []
    assert [(s.heading, s.kinds, s.inferred) for s in doc.sections] == [
        ("Mine Ban Policy", [K.MINE_BAN_POLICY], False),
        ("Production, Transfer and Stockpiling", [K.PRODUCTION, K.TRANSFER, K.STOCKPILING], False),
        ("Use and Landmine Problem", [K.USE, K.LANDMINE_PROBLEM], False),
        ("Mine Action", [K.MINE_ACTION], False),
        ("Landmine Casualties and Survivor Assistance", [K.CASUALTIES, K.SURVIVOR_ASSISTANCE], False),
    ]
    policy = doc.sections[0].paragraphs
    # A sub-heading that names no section of the report stays in its section, as a line of its own.
    assert [p.text for p in policy[1:]] == [
        "Convention on Conventional Weapons",
        "This sample paragraph says that the country is not party to the Convention on Conventional Weapons.",
    ]
    assert policy[0].footnotes == [3]
    assert "the meetings of the year.[^3] A second" in policy[0].text  # "[3 ]" in the file
    assert doc.sections[3].paragraphs[0].text.startswith("This sample paragraph, written under its heading")
    assert [f.number for f in doc.footnotes] == [1, 2, 3, 4, 5, 6]
    assert (
        doc.footnote(1).text == "Sample letter to Landmine Monitor from a national official, 15 March 2003."
    )
    assert doc.footnote(6).text.endswith(
        "covering January to December 2002, and a further note wrapped onto a third line."
    )
    assert doc.footnote(4).ibid_of == 3
    assert doc.warnings == []  # notes 1 and 2 are cited in the key developments


def test_2003_report_reads_the_same_with_windows_line_endings(tmp_path):
    text = (FIXTURES / "lm2003_mozambique.txt").read_text(encoding="utf-8")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    crlf, lf = read(path), read(FIXTURES / "lm2003_mozambique.txt")
    assert crlf.sections == lf.sections
    assert crlf.footnotes == lf.footnotes
    assert crlf.key_developments == lf.key_developments


def test_2007_report_with_summary_table():
    doc = read(FIXTURES / "lm2007_senegal.txt")
    assert doc.title == "Senegal"
    assert doc.country_name == "Senegal"
    assert doc.key_developments == ""
    assert doc.summary_table == [
        ("State Party since", "1 March 1999"),
        ("Last Article 7 report submitted on", "30 April 2007"),
        ("Estimated area of contamination", "12 km²"),  # a no-break space in the file
        ("Mine/ERW casualties in 2006", "22"),  # a tab in the file
    ]
    assert [(s.heading, s.kinds) for s in doc.sections] == [
        ("Mine Ban Policy", [K.MINE_BAN_POLICY]),
        ("Landmine/ERW Problem", [K.LANDMINE_PROBLEM]),
        ("Mine Action", [K.MINE_ACTION]),
        ("Mine Risk Education", [K.MINE_AWARENESS]),
        ("Landmine/ERW Casualties", [K.CASUALTIES]),
        ("Survivor Assistance", [K.SURVIVOR_ASSISTANCE]),
    ]
    assert not any(s.inferred for s in doc.sections)
    assert [p.footnotes for p in doc.paragraphs] == [[1], [2], [], [3], [4], []]
    assert "reached villages in the affected region.[^3]" in doc.paragraphs[3].text
    assert doc.footnote(4).ibid_of == 3
    assert doc.warnings == []


def test_tiny_report_without_a_heading_is_one_inferred_section():
    doc = read(FIXTURES / "tiny_iceland.txt")
    assert doc.title == "Iceland"
    assert doc.country_name == "Iceland"
    assert len(doc.sections) == 1
    section = doc.sections[0]
    assert (section.heading, section.kinds, section.inferred) == ("", [K.MINE_BAN_POLICY], True)
    assert len(section.paragraphs) == 1
    assert section.paragraphs[0].text.endswith("and has no mine problem.[^1]")
    assert [(f.number, f.text) for f in doc.footnotes] == [
        (1, "Sample letter to Landmine Monitor from the foreign ministry, 2 March 2004.")
    ]
    assert doc.warnings == []


def test_broken_notes_give_warnings_naming_where():
    doc = read(FIXTURES / "broken.txt")
    assert doc.country_name == "Fiji"
    assert [f.number for f in doc.footnotes] == [1, 3, 2, 9]
    warnings = {(w.message, w.where) for w in doc.warnings}
    assert ("marker [7] has no footnote", "line 8, paragraph 2") in warnings
    assert ("footnote 9 is never cited", "line 17, footnote 9") in warnings
    assert ("footnote 3 follows footnote 1", "line 13, footnote 3") in warnings
    assert ("footnote 2 follows footnote 3", "line 15, footnote 2") in warnings
    assert ('"Ibid." with no footnote before it', "line 11, footnote 1") in warnings
    assert doc.footnote(1).ibid_of is None
    assert all(w.where.startswith("line ") for w in doc.warnings)
    assert len(doc.warnings) == 6  # the four faults; the misordered notes give one warning each


def test_country_heading_with_a_footnote_marker(tmp_path):
    path = write(
        tmp_path,
        "Burma (Myanmar)[1]\n\nMine Ban Policy\n\nThis invented paragraph says the country has not"
        " acceded to the treaty.[2]\n\n[1] Sample note on the name of the country.\n\n[2] Sample"
        " interview, 2 June 2004.\n",
    )
    doc = read(path)
    assert doc.title == "Burma (Myanmar)[^1]"
    assert doc.country_name == "Burma (Myanmar)"
    assert [f.number for f in doc.footnotes] == [1, 2]
    assert doc.warnings == []  # footnote 1 is cited by the title


def test_key_developments_keep_both_run_in_paragraphs(tmp_path):
    path = write(
        tmp_path,
        "Angola\n\nKey developments since May 2003: Invented first summary.[1]\n\n"
        "Key developments since 1999: Invented longer view.\n\nMine Ban Policy\n\n"
        "This sample paragraph is about the treaty.[2]\n\n[1] Sample one.\n\n[2] Sample two.\n",
    )
    doc = read(path)
    assert doc.key_developments == (
        "Key developments since May 2003: Invented first summary.[^1]\n\n"
        "Key developments since 1999: Invented longer view."
    )
    assert [s.heading for s in doc.sections] == ["Mine Ban Policy"]
    assert doc.warnings == []


def test_lost_heading_needs_a_wider_gap_than_the_file_usually_has(tmp_path):
    # Every gap here is two blank lines; the lost heading left three.
    text = (
        "Mine Ban Policy\n\n\nThis sample paragraph is about the treaty and its ratification.\n\n\n"
        "This second sample paragraph is still about the treaty, and was signed off.\n\n\n\n"
        "This sample paragraph says the country produced mines and still produces them.\n"
    )
    doc = read(write(tmp_path, text))
    assert [(s.heading, s.kinds, len(s.paragraphs)) for s in doc.sections] == [
        ("Mine Ban Policy", [K.MINE_BAN_POLICY], 2),
        ("", [K.PRODUCTION], 1),
    ]


def test_unwrapped_paragraphs_one_to_a_line(tmp_path):
    long = "This invented sentence is long enough to show that the line was never wrapped by anyone. "
    text = f"Mine Ban Policy\n{long * 3}\n{long * 3}[1]\nMine Action\n{long * 3}\n\n[1] Sample note.\n"
    doc = read(write(tmp_path, text))
    assert [(s.heading, len(s.paragraphs)) for s in doc.sections] == [
        ("Mine Ban Policy", 2),
        ("Mine Action", 1),
    ]
    assert doc.sections[0].paragraphs[1].footnotes == [1]


def test_cut_off_note_list_is_reported(tmp_path):
    path = write(
        tmp_path,
        "Mine Ban Policy\n\nSample paragraph.[1] Another sentence.[2] A third.[3]\n\n"
        "[1] Sample note.\n\n[2] Sample interview with the\n",
    )
    doc = read(path)
    cut = [w for w in doc.warnings if "cut off" in w.message]
    assert len(cut) == 1
    assert cut[0].message == "the note list seems cut off after footnote 2: the text cites up to [3]"
    assert cut[0].where == "line 7"
    assert ("marker [3] has no footnote", "line 3, paragraph 1") in {
        (w.message, w.where) for w in doc.warnings
    }


def test_note_text_without_a_number_is_joined_with_a_warning(tmp_path):
    path = write(
        tmp_path, "Mine Ban Policy\n\nSample paragraph.[1]\n\n[1] Sample note.\n\nStray footer text.\n"
    )
    doc = read(path)
    assert doc.footnote(1).text == "Sample note. Stray footer text."
    assert any(w.where == "line 7" and "without a note number" in w.message for w in doc.warnings)


# Bad input


@pytest.mark.parametrize(
    ("name", "message"),
    [("empty.txt", "the file is empty"), ("binary.txt", "line 3: binary data")],
)
def test_bad_files_fail_naming_the_file(name, message):
    path = FIXTURES / name
    with pytest.raises(ImportFailed) as failure:
        TextImporter().read(path)
    assert str(failure.value).startswith(f"{path}: ")
    assert message in str(failure.value)


def test_not_utf8_fails_naming_the_line(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Mine Ban Policy\n\nCôte d'Ivoire sample.\n".encode("latin-1"))
    with pytest.raises(ImportFailed, match=r"latin1\.txt: line 3: not UTF-8 text \(byte 0xf4\)"):
        TextImporter().read(path)


def test_file_without_paragraphs_fails(tmp_path):
    path = write(tmp_path, "About Us\nOrder Publications\n+  *  +  +\n\n[1] A note with no report.\n")
    with pytest.raises(ImportFailed, match=r"report\.txt: no paragraphs of report text"):
        TextImporter().read(path)
    with pytest.raises(ImportFailed, match=r"report\.txt: the file is empty"):
        TextImporter().read(write(tmp_path, " \n\n  \n"))


# Choosing the importer


def test_registered_as_the_fallback():
    importers = [i for i in IMPORTERS if isinstance(i, TextImporter)]
    assert len(importers) == 1
    assert importers[0].name == "text" and importers[0].priority == 90


@pytest.mark.parametrize(
    ("name", "head", "accepted"),
    [
        ("report.txt", b"Mine Ban Policy\n\nText.", True),
        ("report.txt", b"", True),  # read() explains what is wrong
        ("report.dat", "Burma (Myanmar)[1]\n\nMine Ban Policy\u00a0".encode(), True),
        ("report", b"Mine Ban Policy\n\nText \xe2\x80", True),  # a character cut at the end of the head
        ("report.html", b"Mine Ban Policy", False),
        ("report.dat", b"<!DOCTYPE html><html><body><p>Text</p>", False),
        ("report.dat", b"\n<div class='x'>Text</div>", False),
        ("report.md", b"# Mine Ban Policy\n\nText.[^1]\n\n[^1]: A note.\n", False),
        ("report.dat", b"\x89PNG\r\n\x1a\n\x00\x00", False),
        ("report.dat", "Côte d'Ivoire".encode("latin-1"), False),
        ("report.dat", b"", False),
    ],
)
def test_accepts(name, head, accepted):
    assert TextImporter().accepts(Path(name), head) is accepted


def test_summary_table_in_tab_separated_columns(tmp_path):
    text = (
        "Jordan\n\nState Party since\t1 May 1999\nMine/ERW casualties in 2007\t\t12\n\n"
        "Mine Ban Policy\n\nThis sample\tparagraph is about the treaty.\n"
    )
    doc = read(write(tmp_path, text))
    assert doc.summary_table == [("State Party since", "1 May 1999"), ("Mine/ERW casualties in 2007", "12")]
    assert doc.paragraphs[0].text == "This sample paragraph is about the treaty."


def test_a_lone_colon_line_at_the_top_is_not_a_table(tmp_path):
    doc = read(write(tmp_path, "Note: this invented report has one paragraph about clearance.\n"))
    assert doc.summary_table == []
    assert [(s.kinds, s.inferred) for s in doc.sections] == [([K.MINE_ACTION], True)]
