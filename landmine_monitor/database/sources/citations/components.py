"""What a component (a comma-separated piece of a citation) is: a name, a place, an
organisation, a news outlet, a role; and who a citation names (`read_parties`)."""

from __future__ import annotations

import functools
import re

from .citation import Citation
from .text import MEDIUM, components_of, unemph
from .words import (
    ACRONYM,
    AGENCY,
    DOC_START,
    HONORIFIC,
    KNOWN_NGOS,
    NAME,
    NAME_TOKEN,
    NOT_OUTLET,
    ORG,
    OUTLET_ANYWHERE,
    OUTLET_END,
    PLACE,
    POSTNOMINAL,
    REPORT_WORDS,
    ROLE_OF,
    ROLE_ONLY,
    SOURCE_LABEL,
    UN_SYMBOL,
)

# What a component is (`party_kind`, `is_outlet`) depends on its text alone, and the same
# components (a ministry, an agency, a person) recur across footnotes: the last ones are kept.
COMPONENTS_KEPT = 4096

_DIGIT = re.compile(r"\d")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_TRAILING_BRACKETS = re.compile(r"\s*\([^)]*\)$")


def capitalised(text: str) -> bool:
    """Whether a component starts with a capital or a digit once "the" / "a" is set aside."""
    bare = _LEADING_ARTICLE.sub("", text)
    return bool(bare) and not bare[0].islower()


def strip_the(text: str) -> str:
    return _LEADING_THE.sub("", text.strip()).strip()


@functools.lru_cache(maxsize=COMPONENTS_KEPT)
def is_outlet(text: str) -> bool:
    text = unemph(text).strip()
    text = SOURCE_LABEL.sub("", text)
    bare = _TRAILING_BRACKETS.sub("", text).strip()
    if not bare or NOT_OUTLET.search(bare):
        return False
    if AGENCY.search(bare) or OUTLET_ANYWHERE.search(bare):
        return True
    words = bare.split()
    if OUTLET_END.search(bare) and len(words) <= 5 and not ORG.search(" ".join(words[:-1])):
        return len(words) > 1 or bare in ("Reuters",)
    return False


def titled_name(text: str) -> str:
    """The name after an honorific or rank ("Mr.Ri Thae Gun" → "Ri Thae Gun"), else ""."""
    match = HONORIFIC.match(text)
    if not match:
        return ""
    name = text[match.end() :].strip()
    if re.fullmatch(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{0,4}}", name) and not ORG.search(name):
        return name
    return ""


def name_like(text: str) -> bool:
    return bool(NAME.match(text)) and not (
        ORG.search(text)
        or is_outlet(text)
        or ROLE_ONLY.match(text)
        or REPORT_WORDS.search(text)
        or DOC_START.match(text)
        or _DIGIT.search(text)
    )


def place_like(text: str) -> bool:
    return bool(PLACE.match(text)) and not (
        ORG.search(text)
        or REPORT_WORDS.search(text)
        or MEDIUM.match(text)
        or is_outlet(text)
        or ACRONYM.match(text)
        or ROLE_ONLY.match(text)
        or _DIGIT.search(text)
    )


def org_like(text: str) -> bool:
    if DOC_START.match(text) or UN_SYMBOL.search(text):
        return False
    document = REPORT_WORDS.search(text)
    if document and not ORG.search(text[document.end() :]):
        return False  # "Landmine Monitor Report 2000" is a title; "Survey Action Center" is not
    return bool(ORG.search(text) or ACRONYM.match(text) or KNOWN_NGOS.search(text))


def read_parties(text: str, citation: Citation, lm_place: str) -> None:
    """Who was interviewed or wrote: a person, their organisation and the place."""
    components = [c for c in components_of(text) if capitalised(c) or ROLE_ONLY.match(c) or ROLE_OF.match(c)]
    kinds = [party_kind(c) for c in components]
    organisations = [c for c, k in zip(components, kinds, strict=True) if k in ("org", "role-of")]
    named = [c for c, k in zip(components, kinds, strict=True) if k in ("titled", "name")]
    if len(organisations) >= 2 and not named:
        # "with A, Seoul, B, Seoul, and C": several parties, kept as written
        citation.organisation = re.sub(r"(?:,\s*)+", ", ", text).strip(" ,;:.")
        citation.place = lm_place
        return
    place = ""
    if len(components) >= 2 and kinds[-1] in ("place", "name") and place_like(components[-1]):
        place = components.pop()
        kinds.pop()
    person, orgs, descriptions = "", [], []
    for component, kind in zip(components, kinds, strict=True):
        if kind == "postnominal" and person:
            continue
        if kind == "titled" and not person:
            person = titled_name(component)
        elif kind == "role-of":
            match = ROLE_OF.match(component)
            org = match.group("org")
            if len(org.split()) >= 2 or ACRONYM.match(org) or ORG.search(org):
                orgs.append(org)
            else:
                descriptions.append(component)
        elif kind == "role":
            descriptions.append(component)
        elif kind == "name" and not person:
            person = component
        elif kind == "place" and not place:
            place = component
        else:
            orgs.append(component)
    if not person and descriptions and not orgs:
        person = descriptions[0]
    citation.person = person
    citation.organisation = ", ".join(strip_the(o) for o in orgs)
    citation.place = place or lm_place


@functools.lru_cache(maxsize=COMPONENTS_KEPT)
def party_kind(component: str) -> str:
    if POSTNOMINAL.match(component):
        return "postnominal"
    if titled_name(component):
        return "titled"
    if ROLE_OF.match(component) and not ORG.search(component.split()[0]):
        return "role-of"
    if ROLE_ONLY.match(component):
        return "role"
    if org_like(component) or is_outlet(component):
        return "org"
    if name_like(component):
        return "name"
    if place_like(component):
        return "place"
    return "other"
