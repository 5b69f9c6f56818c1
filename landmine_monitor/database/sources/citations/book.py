"""Books: an emphasised title, a publisher in brackets "(London: Example Books, 2004)", an ISBN
or an editor; or, when nothing else names a kind, "Author, Title, p. 470"."""

from __future__ import annotations

import re

from .citation import BOOK
from .document import DocumentKind
from .part import Part

_BOOK = re.compile(r"\bISBN\b|\b(?:ed\.|eds\.|edited by)\s", re.I)


class Book(DocumentKind):
    value = BOOK

    def matches(self, part: Part) -> bool:
        return bool(part.emphasised or part.publisher or _BOOK.search(part.masked))

    def matches_weakly(self, part: Part) -> bool:
        # "Author, Title, p. 470": a page in something that is not dated to the day
        return bool(part.locator) and not part.has_day and len(part.components) >= 2
