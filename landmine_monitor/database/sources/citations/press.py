"""Press: news agencies, newspapers, radio and television, press releases ("“Title,” Agency
(Place), date"; "Newspaper, Place, date")."""

from __future__ import annotations

import re

from .citation import PRESS, Citation
from .components import capitalised, is_outlet, name_like, org_like, place_like, strip_the, titled_name
from .kind import CitationKind
from .part import Part
from .words import SOURCE_LABEL

_PRESS_WORDS = re.compile(
    r"\b(?:press\s+release|news\s+release|press\s+statement|press\s+conference)\b", re.I
)


class Press(CitationKind):
    """The outlet(s) as organisation, the place just after an outlet's name (or in brackets
    after it), an author first, the title (quoted, emphasised, or the first other component)."""

    value = PRESS

    def matches(self, part: Part) -> bool:
        return bool(_PRESS_WORDS.search(part.masked)) or any(is_outlet(c) for c in part.components)

    def fill(self, part: Part, citation: Citation) -> None:
        outlets, others, place = [], [], ""
        previous_outlet = False
        for index, component in enumerate(part.components):
            component = SOURCE_LABEL.sub("", component)
            if is_outlet(component):
                paren = re.search(r"\s*\(([^)]*)\)$", component)
                if paren and place_like(paren.group(1)):
                    place = place or paren.group(1)
                    component = component[: paren.start()]
                outlets.append(strip_the(component) if not component.startswith("The ") else component)
                previous_outlet = True
                continue
            if previous_outlet and not place and place_like(component):
                place = component
            elif index == 0 and not citation.person and (titled_name(component) or name_like(component)):
                citation.person = titled_name(component) or component
            elif capitalised(component):
                others.append(component)
            previous_outlet = False
        title = part.quoted or part.emphasised
        orgs = [o for o in others if org_like(o)]
        if not title:
            rest = [o for o in others if o not in orgs and not place_like(o)]
            if rest:
                title = rest[0]
            elif _PRESS_WORDS.search(part.masked):
                title = _PRESS_WORDS.search(part.masked).group(0)
        citation.title = title
        citation.organisation = ", ".join(outlets + orgs)
        citation.place = place or (others[-1] if others and place_like(others[-1]) and orgs else "")
