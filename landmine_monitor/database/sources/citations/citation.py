"""What a footnote cites: a `Citation` per source, of one of the kinds below."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

# The kinds, as `sources.models.SourceKind` values (kept here so this package needs no Django).
# The kinds, as `sources.models.SourceKind` values (kept here so this module needs no Django).
INTERVIEW = "interview"
TELEPHONE_INTERVIEW = "telephone-interview"
LETTER = "letter"
PRESS = "press"
GOVERNMENT_DOCUMENT = "government-document"
ARTICLE_7_REPORT = "article-7-report"
UN_DOCUMENT = "un-document"
DATABASE = "database"
BOOK = "book"
REPORT = "report"
WEBSITE = "website"
KINDS = (
    INTERVIEW,
    TELEPHONE_INTERVIEW,
    LETTER,
    PRESS,
    GOVERNMENT_DOCUMENT,
    ARTICLE_7_REPORT,
    UN_DOCUMENT,
    DATABASE,
    BOOK,
    REPORT,
    WEBSITE,
)


@dataclass
class Citation:
    """One source cited by a footnote, as the footnote gives it."""

    kind: str  # a SourceKind value
    title: str = ""
    person: str = ""
    organisation: str = ""
    date: datetime.date | None = None
    date_text: str = ""  # as written, when not a single day: "July 1997", "from 19 to 24 February 1999"
    place: str = ""
    url: str = ""
    locator: str = ""  # where in the source: "p. 470", "Form B"; not part of the source's identity
    raw: str = ""  # the part of the footnote it was read from
