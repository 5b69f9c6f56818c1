"""Page layouts: one small interface, one class per way the Monitor laid out its HTML pages.

A layout says how well a page matches it (`score`: the weight of the page's notes written its
way, 0 when none are) and reads the page into its reports (`read`). `layout_for(page)` asks every
registered layout and takes the best match; on a tie, or when no layout finds notes, the one
registered with the lowest `priority`.

What a layout defines: how its notes start (`note_styles`, see `notes.NOTE_STARTS`), which
markers cite them (`marker_patterns`, for weighing the notes), whether a page holds several
countries (`several_countries`), and how it makes markers of the numbers the text writes without
tags (`mark`). Everything else is read by the same steps (`reading`).
"""

from __future__ import annotations

import re

from ...document import ReportDocument
from .notes import Notes, find_notes
from .page import Block, Page
from .reading import read_reports


class PageLayout:
    name: str
    priority: int  # lower wins a tie
    note_styles: frozenset[str]
    marker_patterns: tuple[re.Pattern, ...]
    several_countries: bool

    def score(self, page: Page) -> float:
        """How well the page matches this layout: the weight of its notes written this way."""
        return self.notes(page).weight

    def read(self, page: Page) -> list[ReportDocument]:
        """Every report on the page, with warnings and sanitized, normalised text."""
        return read_reports(page, self)

    def notes(self, page: Page) -> Notes:
        key = ("notes", self.name)
        if key not in page.memo:
            page.memo[key] = find_notes(page, self.note_styles, self.marker_patterns)
        return page.memo[key]

    def mark(self, texts: list[Block], numbers: set[int]) -> None:
        """Make markers of the numbers `texts` write this layout's way where the tags are gone;
        `numbers` are the page's notes."""
        raise NotImplementedError


LAYOUTS: list[PageLayout] = []


def register_layout(layout: PageLayout) -> PageLayout:
    LAYOUTS.append(layout)
    return layout


def layout_for(page: Page) -> PageLayout:
    ordered = sorted(LAYOUTS, key=lambda layout: layout.priority)
    return max(ordered, key=lambda layout: layout.score(page))  # the first of the best
