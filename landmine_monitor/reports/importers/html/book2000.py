"""Pages of the 2000 book: a region to a page, laid out as the 1999 book's.

Markers are superscripts `<sup>52</sup>` or, once the tags are lost, digits glued to the end of a
sentence ("…31 December 1999.52 The…"); the notes start with the same superscript or number.
Glued digits are a marker only where they are one of the file's notes and the numbers rise
through the text, so that "in 1999." and "2,000 mines." stay prose.
"""

from __future__ import annotations

from .layout import PageLayout, register_layout
from .notes import rising_markers
from .page import GLUED, SUPERSCRIPT, Block


class Book2000Page(PageLayout):
    name = "book-2000"
    priority = 30
    note_styles = frozenset({"superscript", "bare"})
    marker_patterns = (SUPERSCRIPT, GLUED)
    several_countries = True

    def mark(self, texts: list[Block], numbers: set[int]) -> None:
        rising_markers(texts, numbers, GLUED)


register_layout(Book2000Page())
