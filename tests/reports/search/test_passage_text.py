"""A passage's indexed text is the text as a reader reads it (`inline.plain_text`): the same
whether or not the Markdown parser had to run on it. These pin it on text with and without
markup."""

from __future__ import annotations

import pytest

from landmine_monitor.reports.inline import parsed_plain_text, plain_text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Interview with Ann Lee, Example Group, Example City, 3 May 2001.",
        "  Leading and trailing spaces, inner  double  spaces\tand a tab.  ",
        "No-break\u00a0spaces and “curly quotes”, ‘single’ ones — and dashes – too.",
        'Straight "quotes", (brackets), 50% of $3, #5, a+b=c, x|y, {braces}, a/b, 1999-2001?',
        "A note cited twice.[^3] And again [^12].",
        "[^4]",
        "*Mines in Example*, p. 12.",
        "**Strong** and _emphasis_ and a * lone star and snake_case_words",
        "Ampersands: Smith & Sons, &amp; an entity, &#35; a number, &nbsp; a space.",
        "A <b>tag</b>, a < sign and a > sign.",
        "A [link](http://example.org/a_b) and <http://example.org> and www.example.org.",
        "Escaped \\*stars\\* and a back\\slash.",
        "`code` and ~tildes~ and ~~struck~~ and ! bang ![image](x.png)",
        "Line one\nline two  \nline three\r\nline four",
        "A NUL \x00 character.",
        "Brackets [not a marker] and [^x] and [^ 3].",
    ],
)
def test_plain_text_is_the_parsers_reading(text):
    assert plain_text(text) == parsed_plain_text(text)


def test_plain_notes_read_as_written():
    note = "Letter from the Example Ministry to Landmine Monitor, 22 January 1999.[^5]"
    assert plain_text(note) == "Letter from the Example Ministry to Landmine Monitor, 22 January 1999."
    assert plain_text("*Example Times*, 4 May 2001.") == "Example Times, 4 May 2001."
