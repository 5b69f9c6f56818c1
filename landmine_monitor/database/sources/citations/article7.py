"""Article 7 reports: the Mine Ban Treaty's transparency reports ("Examplestan, Article 7
Report, Form B, 30 April 2003"); the Form is the locator."""

from __future__ import annotations

import re

from .citation import ARTICLE_7_REPORT
from .document import DocumentKind
from .part import Part
from .words import ARTICLE_7_WORDS

_ARTICLE_7_TITLE = re.compile(r"\bArt(?:icle|\.)\s*7\b")


class Article7Report(DocumentKind):
    """The state reporting (named first, or before "Article 7" in the title) as organisation."""

    value = ARTICLE_7_REPORT
    names_reporting_state = True

    def matches(self, part: Part) -> bool:
        return bool(ARTICLE_7_WORDS.search(part.masked))

    def own_title(self, title: str, organisations: list[str]) -> str:
        match = _ARTICLE_7_TITLE.search(title)
        if match and match.start() > 0:  # "Mozambique Article 7 Report"
            organisations.append(title[: match.start()].strip(" ,"))
            title = title[match.start() :]
        return title
