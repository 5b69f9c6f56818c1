"""Government documents: statements, speeches, laws and decrees, national reports, what a
ministry, an embassy or a permanent mission issues (but not what a known NGO does)."""

from __future__ import annotations

import re

from .citation import GOVERNMENT_DOCUMENT
from .document import DocumentKind
from .part import Part
from .words import KNOWN_NGOS

_GOVERNMENT = re.compile(
    r"\b(?:[Ss]tatements?|[Pp]resentations?|[Ii]nterventions?|[Rr]emarks|[Ss]peech|[Dd]ecree|[Ll]aw\s+No"
    r"|[Aa]ct\s+No|[Oo]fficial\s+[Gg]azette|[Nn]ational\s+[Rr]eports?|Article\s+13\s+[Rr]eports?"
    r"|Protocol\s+V?I*\s+[Rr]eports?|Ministry|Ministère|Government\s+of|Permanent\s+Mission|Embassy"
    r"|Cabinet|Parliament|Prime\s+Minister|President\s+of)\b"
)


class GovernmentDocument(DocumentKind):
    """A state named first is the state reporting; "Statement by X": X made it."""

    value = GOVERNMENT_DOCUMENT
    names_reporting_state = True

    def matches(self, part: Part) -> bool:
        return bool(_GOVERNMENT.search(part.masked)) and not KNOWN_NGOS.search(part.masked)
