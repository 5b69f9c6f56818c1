"""What the documents share (`DocumentKind`): books, reports, government and UN documents,
Article 7 reports and websites are read alike: author(s), then the title, then publisher, place."""

from __future__ import annotations

import re
from typing import ClassVar

from .citation import Citation
from .components import capitalised, org_like, party_kind, place_like, strip_the, titled_name
from .kind import CitationKind
from .part import Part
from .words import ARTICLE_7_WORDS, DOC_START, ROLE_OF, UN_SYMBOL

# "Statement by H.E. Ambassador X": the document, then who made it
_MADE_BY = re.compile(
    r"^(?P<doc>(?:[\w'’-]+\s+){0,3}?(?:[Ss]tatement|[Pp]resentation|[Rr]emarks|[Ii]ntervention|[Ss]peech"
    r"|[Aa]ddress|[Ss]ubmission|[Dd]eclaration))\s+(?:by|of|from)\s+(?P<party>.+)$"
)


class DocumentKind(CitationKind):
    """A document. The kinds change the reading through the hooks below."""

    # A place as the first component is the state reporting ("Afghanistan, Article 7 Report").
    names_reporting_state: ClassVar[bool] = False

    def symbol(self, part: Part) -> str:
        """A document symbol that belongs in the title ("A/RES/53/77"); "" when none."""
        return ""

    def issuer(self, components: list[str]) -> tuple[list[str], list[str]]:
        """The body named at the head of the components as the author, taken off them:
        (the components left, the organisations found)."""
        return components, []

    def own_title(self, title: str, organisations: list[str]) -> str:
        """The title, once what belongs elsewhere is moved to `organisations`."""
        return title

    def fill(self, part: Part, citation: Citation) -> None:
        components = [c for c in part.components if capitalised(c)]
        symbol = self.symbol(part)
        components, orgs = self.issuer(components)
        if components:
            match = _MADE_BY.match(components[0])
            if match and not part.quoted:
                part.quoted = match.group("doc")
                components[0] = match.group("party")
        title = part.quoted or part.emphasised
        person = ""
        index = 0
        while index < len(components):
            component = components[index]
            if title and component == title:
                index += 1
                continue
            kind = party_kind(component)
            if UN_SYMBOL.search(component) or DOC_START.match(component) or ARTICLE_7_WORDS.search(component):
                break
            if kind == "postnominal" and person:
                pass
            elif kind == "titled" and not person:
                person = titled_name(component)
            elif kind == "role-of":
                orgs.append(ROLE_OF.match(component).group("org"))
            elif kind == "role" and person:
                pass
            elif kind == "org":
                orgs.append(strip_the(component))
            elif kind == "name" and not person and (title or index + 1 < len(components)):
                person = component
            elif kind == "place" and index == 0 and self.names_reporting_state:
                orgs.append(component)
            else:
                break
            index += 1
        rest = components[index:]
        if not title and rest:
            title = rest.pop(0)
        title = self.own_title(title, orgs)
        if symbol and symbol not in title:
            title = f"{title}, {symbol}" if title else symbol
            rest = [c for c in rest if symbol not in c]
        place = part.publisher_place
        for component in rest:
            if not place and place_like(component):
                place = component
            elif org_like(component) and not DOC_START.match(component):
                orgs.append(strip_the(component))
        if part.publisher and not orgs:
            orgs.append(part.publisher)
        citation.title = title
        citation.person = person
        citation.organisation = ", ".join(o for o in orgs if o)
        citation.place = place or part.lm_place
