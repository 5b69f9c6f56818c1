"""The kinds in the order they are tried (`REGISTRY`), and `classify`."""

from __future__ import annotations

from .article7 import Article7Report
from .book import Book
from .database import Database
from .government import GovernmentDocument
from .interview import Interview, TelephoneInterview
from .kind import CitationKind
from .letter import Letter
from .part import Part
from .press import Press
from .report import Report
from .un_document import UNDocument
from .website import Website

# The first with a sign wins: a telephone interview is not just an interview, an e-mail
# interview is an interview and not a letter, a ministry's press release is press, and a
# newspaper's name outweighs the words of a government.
REGISTRY: tuple[CitationKind, ...] = (
    TelephoneInterview(),
    Interview(),
    Letter(),
    Article7Report(),
    UNDocument(),
    Database(),
    Press(),
    GovernmentDocument(),
    Book(),
    Website(),
    Report(),
)
_WEAK = tuple(k for k in REGISTRY if type(k).matches_weakly is not CitationKind.matches_weakly)


def classify(part: Part) -> CitationKind | None:
    """The kind `part` cites: the first in `REGISTRY` with a sign in it, else the first with a
    weak sign; None when none has (the part is commentary)."""
    for kind in REGISTRY:
        if kind.matches(part):
            return kind
    for kind in _WEAK:
        if kind.matches_weakly(part):
            return kind
    return None
