"""Interviews, meetings, discussions and consultations with someone ("Landmine Monitor
interview with Mr. X, Role, Organisation, Place, date"); by telephone, a kind of their own."""

from __future__ import annotations

import re

from .citation import INTERVIEW, TELEPHONE_INTERVIEW, Citation
from .components import place_like, read_parties, strip_the
from .kind import CitationKind
from .part import Part
from .words import LM_PREFIX

# One alternative a line: "telephone interview", "phone calls", "interviewed by telephone", …
_TELEPHONE = re.compile(
    r"\b(?:tele)?phone[ds]?\s+(?:interview|conversation|call|discussion)s?\b"
    r"|\binterview(?:s|ed)?\s+by\s+(?:tele)?phone\b"
    r"|\btelephone\b.*\binterview",
    re.I,
)
_INTERVIEW = re.compile(
    r"\binterview(?:s|ed)?\b"
    r"|\b(?:meeting|discussion|conversation|consultation)s?\s+with\b",
    re.I,
)


class Interview(CitationKind):
    """Who was interviewed (after "with"): a person, their organisation, the place; else the
    place the interviews were held ("interviews in Example Camp") or "Landmine Monitor/<place>"."""

    value = INTERVIEW
    cites_parties = True
    words = _INTERVIEW  # the words that name the kind

    def matches(self, part: Part) -> bool:
        return bool(self.words.search(part.masked))

    def fill(self, part: Part, citation: Citation) -> None:
        rest = LM_PREFIX.sub("", part.rest)
        match = self.words.search(rest)
        after = rest[match.end() :] if match else rest
        with_match = re.search(r"\bwith\b", rest[match.start() :]) if match else None
        if with_match:
            after = rest[match.start() + with_match.end() :]
        elif not match:
            after = rest
        read_parties(after, citation, part.lm_place)
        where = re.search(r"^\s*(?:in|at)\s+([^,]+)", after) if not with_match else None
        if where and place_like(strip_the(where.group(1))) and citation.place == part.lm_place:
            citation.place = strip_the(where.group(1))  # "interviews in Example Camp"
        if part.quoted and not citation.title:
            citation.title = part.quoted


class TelephoneInterview(Interview):
    """An interview, conversation, call or discussion by telephone, read as an interview."""

    value = TELEPHONE_INTERVIEW
    words = _TELEPHONE
