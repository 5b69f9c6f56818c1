"""UN documents: resolutions, reports and records of the General Assembly, the Security
Council, the Secretary-General…, and anything with a UN document symbol ("A/RES/53/77")."""

from __future__ import annotations

import re

from .citation import UN_DOCUMENT
from .document import DocumentKind
from .part import Part
from .words import UN_SYMBOL

_UN = re.compile(
    r"\b(?:UN|United Nations)\s+(?:General Assembly|Security Council|Doc(?:ument)?\b|Secretary-General"
    r"|Press Release)|\bGeneral Assembly\b|\bSecurity Council\b|\bSecretary-General\b|\bUNGA\b"
)

_UN_BODY = re.compile(
    r"^(?:the\s+)?(?P<body>(?:UN|United Nations)\s+(?:General Assembly(?:\s+First Committee)?"
    r"|Security Council|Secretary-General|Secretariat|Economic and Social Council"
    r"|Department of [A-Z][\w ]*?|Office for Disarmament Affairs|Mine Action Service)"
    r"|General Assembly|Security Council|Secretary-General|First Committee)\b[,:]?\s*(?P<rest>.*)$"
)


class UNDocument(DocumentKind):
    """The UN body named first as author ("UN General Assembly Resolution 53/77"), the symbol
    in the title."""

    value = UN_DOCUMENT

    def matches(self, part: Part) -> bool:
        return bool(UN_SYMBOL.search(part.masked) or _UN.search(part.masked))

    def symbol(self, part: Part) -> str:
        match = UN_SYMBOL.search(part.rest)
        return match.group(0).strip() if match else ""

    def issuer(self, components: list[str]) -> tuple[list[str], list[str]]:
        match = _UN_BODY.match(components[0]) if components else None
        if not match:
            return components, []
        components[0] = match.group("rest")
        return [c for c in components if c], [match.group("body")]
