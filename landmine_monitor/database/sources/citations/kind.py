"""The interface every kind of citation implements (`CitationKind`)."""

from __future__ import annotations

from typing import ClassVar

from .citation import Citation
from .components import strip_the
from .part import Part
from .text import unplain


class CitationKind:
    """One kind of source a footnote cites (a `SourceKind` value): how a part of a footnote shows
    it cites one, and how that part is read for it.

    - `matches(part)`: a sign that names the kind ("telephone interview", "Article 7 report", a
      newspaper's name, an emphasised title);
    - `matches_weakly(part)`: a weaker sign, looked at only when no kind has a sign in the part
      ("Author, Title, p. 470" is a book, a bare URL a website);
    - `fill(part, citation)`: who, what and where (title, person, organisation, place); the
      citation comes with what every kind takes alike (URL, locator, date, the text).

    `registry.REGISTRY` holds one of each, in order: the first whose sign matches is the kind,
    else the first whose weak sign does."""

    value: ClassVar[str]  # the SourceKind value
    # What follows the kind's word is a list of those cited ("interviews with Kyodo, and
    # Reuters"): ", and …" continues the list unless it starts a citation with a word of its own.
    cites_parties: ClassVar[bool] = False

    def matches(self, part: Part) -> bool:
        return False

    def matches_weakly(self, part: Part) -> bool:
        return False

    def fill(self, part: Part, citation: Citation) -> None:
        raise NotImplementedError

    def read(self, part: Part) -> Citation | None:
        """The citation `part` makes of this kind; None when it names nothing and has no date."""
        citation = Citation(
            kind=self.value,
            url=part.url,
            locator=part.locator,
            date=part.date,
            date_text=part.date_text,
            raw=unplain(part.raw),
        )
        self.fill(part, citation)
        for name in ("title", "person", "organisation", "place"):
            setattr(citation, name, strip_the(getattr(citation, name)).strip(" ,;:"))
        named = (citation.title, citation.person, citation.organisation, citation.place, citation.url)
        if not any(named) and not (citation.date or citation.date_text):
            return None  # "The refugees interviewed had left …": a remark, not a source
        return citation

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.value!r}>"
