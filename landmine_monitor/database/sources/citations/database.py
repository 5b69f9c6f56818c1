"""Databases ("IMSMA database, Example Mine Action Centre", "Mine Web", "ORDATA")."""

from __future__ import annotations

from .citation import DATABASE, Citation
from .components import capitalised, party_kind, strip_the, titled_name
from .kind import CitationKind
from .part import Part
from .words import DATABASE_WORDS


class Database(CitationKind):
    """The database's name as title; who keeps it (a person named before it, organisations)."""

    value = DATABASE

    def matches(self, part: Part) -> bool:
        return bool(DATABASE_WORDS.search(part.masked))

    def fill(self, part: Part, citation: Citation) -> None:
        components = part.components
        title = next((c for c in components if DATABASE_WORDS.search(c)), "")
        # The name may stand only in an emphasised or quoted title, in no component of its own.
        title_at = components.index(title) if title in components else len(components)
        person, orgs, place = "", [], ""
        for position, component in enumerate(components):
            if component == title:
                continue
            kind = party_kind(component)
            if kind == "postnominal":
                continue
            if kind == "titled" and not person:
                person = titled_name(component)
            elif kind == "name" and not person and position < title_at:
                person = component
            elif kind == "place" and not place:
                place = component
            elif capitalised(component):
                orgs.append(strip_the(component))
        citation.title = part.quoted or part.emphasised or strip_the(title)
        citation.person = person
        citation.organisation = ", ".join(orgs)
        citation.place = place
