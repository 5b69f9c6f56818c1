"""Where a footnote is cut into citations, and a citation into its components, on tricky text:
separators inside quoted titles, parentheses and emphasis do not cut; unbalanced quotes and
brackets keep what follows together as written; a closing bracket with none open is ignored.

These pin the splitting rules of the citation reader, `database.sources.citations` (the footnotes
are written for the test)."""

from __future__ import annotations

import pytest

from landmine_monitor.database.sources.citations import parse_footnote
from landmine_monitor.database.sources.citations.reader import parts, sentences, split_and
from landmine_monitor.database.sources.citations.text import (
    EMPH_CLOSE,
    EMPH_OPEN,
    components_of,
    plain,
    split_top,
)

E1, E2 = EMPH_OPEN, EMPH_CLOSE


@pytest.mark.parametrize(
    ("text", "separator", "pieces"),
    [
        ("a; b; c", ";", ["a", " b", " c"]),
        ("“a; b”; c", ";", ["“a; b”", " c"]),
        ('"a; b"; c', ";", ['"a; b"', " c"]),
        ('"a; b; c', ";", ['"a; b; c']),  # an unclosed straight quote runs to the end
        ("(a; (b; c); d); e", ";", ["(a; (b; c); d)", " e"]),
        ("a); b; c", ";", ["a)", " b", " c"]),  # a closing bracket with none open is ignored
        ("a)) (b; c", ";", ["a)) (b; c"]),
        ("“a ”; b” ; c", ";", ["“a ”", " b” ", " c"]),  # a stray closing quote changes nothing
        (f"{E1}a; b{E2}; c", ";", [f"{E1}a; b{E2}", " c"]),
        (f"{E1}a; {E1}b{E2}; c", ";", [f"{E1}a; {E1}b{E2}", " c"]),  # emphasis does not nest
        (f"a{E2}; b", ";", [f"a{E2}", " b"]),
        ("A, “B, C”, (D, E), F", ",", ["A", " “B, C”", " (D, E)", " F"]),
        ('“a "b, c” d", e, f', ",", ['“a "b, c” d"', " e", " f"]),
        ("", ",", [""]),
        (",", ",", ["", ""]),
    ],
)
def test_separators_cut_only_outside_quotes_brackets_and_emphasis(text, separator, pieces):
    assert split_top(text, separator) == pieces


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interview, 3 May 2001. Letter, 4 May 2001.", ["Interview, 3 May 2001.", "Letter, 4 May 2001."]),
        ("“Mines. Report” (Geneva. Example). Next", ["“Mines. Report” (Geneva. Example).", "Next"]),
        ("Mr. Ri Thae Gun, p. 12. Done", ["Mr. Ri Thae Gun, p. 12.", "Done"]),
        ("See U.S. Example. Then (x. Y", ["See U.S. Example.", "Then (x. Y"]),
        ('"Unclosed. Quote. Goes', ['"Unclosed. Quote. Goes']),
        (f"{E1}Emphasised. Title{E2}. Next", [f"{E1}Emphasised. Title{E2}.", "Next"]),
        ("See www.example.org. Next", ["See www.example.org. Next"]),
        ("Stray) close. Then open", ["Stray) close.", "Then open"]),
    ],
)
def test_sentences_end_outside_quotes_brackets_and_emphasis(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("chunk", "pieces"),
    [
        (
            "Mine Database 96, and Mine Web, 1998",
            ["Mine Database 96", "Mine Web, 1998"],
        ),
        (
            "Letter from Example Ministry, 22 January 1999 and Landmine Monitor/Tokyo telephone "
            "interviews, 3 March 1999",
            [
                "Letter from Example Ministry, 22 January 1999",
                "Landmine Monitor/Tokyo telephone interviews, 3 March 1999",
            ],
        ),
        (
            "“Mines, 12 May 1999 and Landmine Monitor”, report",
            ["“Mines, 12 May 1999 and Landmine Monitor”, report"],
        ),
        ("(Report, 12 May 1999 and Landmine Monitor) x", ["(Report, 12 May 1999 and Landmine Monitor) x"]),
        (
            "interviews with Kyodo, and Reuters, 1 May 1999",
            ["interviews with Kyodo, and Reuters, 1 May 1999"],
        ),
    ],
)
def test_and_cuts_only_where_a_new_citation_starts(chunk, pieces):
    assert split_and(chunk) == pieces


def test_emphasis_and_quotes_survive_plain_text():
    text = plain('See *Mines; a Study*, and "Fields; Notes" (Geneva; 1999); Reuters, 3 May 2001.')
    assert text == f'See {E1}Mines; a Study{E2}, and "Fields; Notes" (Geneva; 1999); Reuters, 3 May 2001.'
    assert parts(text) == [
        f'{E1}Mines; a Study{E2}, and "Fields; Notes" (Geneva; 1999)',
        "Reuters, 3 May 2001",
    ]
    assert components_of("A, “B, C”, (D, E), and Fields.") == ["A", "“B, C”", "(D, E)", "Fields"]


def test_a_footnote_with_an_unclosed_quote_is_one_citation():
    (citation,) = parse_footnote(
        'Example Agency, "Field notes; second part, 3 May 2001; Reuters, 4 May 2001.'
    )
    assert citation.raw == 'Example Agency, "Field notes; second part, 3 May 2001; Reuters, 4 May 2001'


def test_semicolons_inside_a_title_do_not_cut_a_footnote():
    citations = parse_footnote(
        "“Mines; Fields; Roads,” Example Times (Example City), 3 May 2001; interview with Ann Lee, "
        "Example Group, Example City, 4 May 2001."
    )
    assert [c.kind for c in citations] == ["press", "interview"]
    assert citations[0].title == "Mines; Fields; Roads"
    assert citations[1].person == "Ann Lee"
