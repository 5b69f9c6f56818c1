"""Reports, studies, surveys, briefing papers…: a quoted title, a component that names a report;
or, when nothing else names a kind, something dated."""

from __future__ import annotations

from .citation import REPORT
from .document import DocumentKind
from .part import Part
from .words import REPORT_WORDS


class Report(DocumentKind):
    value = REPORT

    def matches(self, part: Part) -> bool:
        return bool(part.quoted) or any(REPORT_WORDS.search(c) for c in part.components)

    def matches_weakly(self, part: Part) -> bool:
        return bool(part.date or part.date_text)  # something dated that names no kind: a document
