"""Pages of the 1999 book: a whole region to a page.

Each country starts with a heading naming it ("Angola", "ANGOLA", in bold or as a heading),
under headings that group the countries ("AFRICA", "SIGNATORIES"). Markers are "(n)" numbered
continuously across the file (a country may start at (974)); the notes, "(974) …", follow each
country or all stand at the end of the file. A "(n)" is a marker only where n is one of the
file's notes and the numbers rise through the text, so that "(1998)" and "(1)" list items stay
prose.
"""

from __future__ import annotations

from .layout import PageLayout, register_layout
from .notes import rising_markers
from .page import PAREN, Block


class Book1999Page(PageLayout):
    name = "book-1999"
    priority = 20
    note_styles = frozenset({"paren"})
    marker_patterns = (PAREN,)
    several_countries = True

    def mark(self, texts: list[Block], numbers: set[int]) -> None:
        rising_markers(texts, numbers, PAREN)


register_layout(Book1999Page())
