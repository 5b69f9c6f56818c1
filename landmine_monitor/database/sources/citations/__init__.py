"""Reading the sources a footnote cites.

A footnote body is free text written by hundreds of researchers over many years, so this package
reads it with a few clear rules rather than a grammar. It is pure Python (no database, no Django
setup needed) so it can be tested on text alone.

- `parse_footnote(text)` splits a footnote into the sources it cites and reads each one's kind,
  person, organisation, title, date, place, URL and locator. "Ibid." gives `[]`: the caller
  follows `Footnote.ibid_of` (and `ibid_locator(text)` gives the "p. 12" of "Ibid., p. 12");
  `is_ibid(text)` is the one test of "Ibid." (`ibid`), for the reports' checks too.
- `fingerprint(citation)` is a normalised identity, so that one source cited in several footnotes
  or reports is recognised as one `Source` (`identity`).

How a footnote is read (`reader`):

1. Markdown is reduced to text (`*Title*` is remembered as an emphasised title) (`text`).
2. It is cut into parts: sentences, then "; ", then " and " / ", and " where what follows starts a
   new citation ("… 22 January 1999 and Landmine Monitor/Tokyo telephone interviews …", "… Mine
   Database 96, and Mine Web, …"). A sentence that cites nothing (no kind recognised, no date, no
   URL) is commentary and is dropped.
3. From each part (`part.Part`) come, in this order: URLs, access dates (dropped), a quoted title
   “…”, an emphasised title, "Landmine Monitor/<place>", locators (p. / pp. / para. / Annex /
   Table / section; Article 7 "Form B"), dates (ranges, days, months, then a bare year; `dates`),
   a publisher in parentheses "(New York: Human Rights Watch, 1993)". What remains is split at
   commas into components (`components` tells what each is: a name, a place, an organisation…).
4. The kind is the first in `registry.REGISTRY` whose sign matches, else the first whose weak
   sign does: telephone interview, interview, letter, Article 7 report, UN document, database,
   press, government document, book, report; then a book ("Author, Title, p. 470"), a website
   (a URL), a report (something dated). Each kind is a `CitationKind` in a module of its own.
5. The kind then reads the components by position: who was interviewed ("with …"), who wrote
   ("from …" / "by …"), author(s) before a title, a place just before the date or just after a
   newspaper's name. Books, reports, government, UN and Article 7 documents and websites share
   one reading (`document.DocumentKind`).

Dates: a single day gives `date` and an empty `date_text`; a range gives its first day as `date`
and the range as written in `date_text` ("from 19 to 24 February 1999"); a month or a year alone
gives `date=None` and `date_text` ("July 1997", "1997"). When several dates stand in one part, the
last one is the citation's. Honorifics and ranks (Mr., Dr., Sgt, Ambassador, Lt. Col. …) are not
part of `person`; a role ("the Counselor") is dropped and "Counselor of the Permanent Mission of X"
gives the organisation "Permanent Mission of X". Text keeps its typography (’ stays ’): only
`fingerprint` folds it.
"""

from .citation import (
    ARTICLE_7_REPORT,
    BOOK,
    DATABASE,
    GOVERNMENT_DOCUMENT,
    INTERVIEW,
    KINDS,
    LETTER,
    PRESS,
    REPORT,
    TELEPHONE_INTERVIEW,
    UN_DOCUMENT,
    WEBSITE,
    Citation,
)
from .components import COMPONENTS_KEPT
from .ibid import IBID, ibid_locator, is_ibid
from .identity import FINGERPRINT_MAX, fingerprint
from .kind import CitationKind
from .reader import parse_footnote
from .registry import REGISTRY, classify
from .text import MARKER

__all__ = [
    "ARTICLE_7_REPORT",
    "BOOK",
    "COMPONENTS_KEPT",
    "DATABASE",
    "FINGERPRINT_MAX",
    "GOVERNMENT_DOCUMENT",
    "IBID",
    "INTERVIEW",
    "KINDS",
    "LETTER",
    "MARKER",
    "PRESS",
    "REGISTRY",
    "REPORT",
    "TELEPHONE_INTERVIEW",
    "UN_DOCUMENT",
    "WEBSITE",
    "Citation",
    "CitationKind",
    "classify",
    "fingerprint",
    "ibid_locator",
    "is_ibid",
    "parse_footnote",
]
