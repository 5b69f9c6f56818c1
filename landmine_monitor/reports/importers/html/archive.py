"""Archive pages of the Landmine Monitor's web site (1999–2005): one country to a page.

The site menu, a title ("Burma (Myanmar)", "ANGOLA, Landmine Monitor Report 1999", which may
carry a marker of its own, or only the page's <title>), the body, and the notes at the end.
Markers are links `<a href="#fn1" name="fnB1">[1]</a>` (sometimes "[1 ]"), or "[1]" once the tags
are lost; the notes are paragraphs that start with the same kind of link or number (several may
share one paragraph), or the items of an <ol>, or lines "1. …".
"""

from __future__ import annotations

from .layout import PageLayout, register_layout
from .notes import bracket_markers
from .page import BRACKET, LINK, Block


class ArchivePage(PageLayout):
    name = "archive"
    priority = 10
    note_styles = frozenset({"link", "bracket", "ol", "bare"})
    marker_patterns = (LINK, BRACKET)
    several_countries = False

    def mark(self, texts: list[Block], numbers: set[int]) -> None:
        bracket_markers(texts)


register_layout(ArchivePage())
