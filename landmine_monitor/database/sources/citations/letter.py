"""Letters, faxes, e-mails, notes verbales, questionnaires, replies and information provided:
the correspondent is who wrote ("Letter from X to Landmine Monitor"), or who was written to when
the Monitor wrote ("Request for information from Landmine Monitor to X")."""

from __future__ import annotations

import re

from .citation import LETTER, Citation
from .components import read_parties
from .kind import CitationKind
from .part import Part
from .text import components_of
from .words import LM_PREFIX

_LETTER = re.compile(
    r"\b(?:letters?|fax(?:es)?|e-?mails?|note verbale|notes verbales|correspondence|questionnaire|memo"
    r"|memorandum)\b|\b(?:response|reply|replies|answer|responses)\s+(?:to|from)\b"
    r"|\b(?:information|data|statistics|figures)\s+(?:provided|supplied|received|sent|given)\s+(?:by|from|to)\b"
    r"|\bcommunication\s+(?:from|to)\b"
    r"|\brequests?\s+for\s+information\s+(?:(?:from|by)\s+(?:the\s+)?(?:Landmine Monitor|LM)\S*\s+)?"
    r"(?:sent\s+)?to\b",
    re.I,
)

_RECIPIENT = re.compile(
    r"\bto\s+(?:the\s+)?(?:Landmine Monitor|LM|ICBL|HRW|Human Rights Watch|Mines Action Canada)"
    r"(?:\s*\([^)]*\))?(?:\s*/\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?"
    r"(?:\s+(?:researchers?|questionnaire|request(?:s)?\s+for\s+information|research team))?",
)


_LETTER_WORD = re.compile(
    r"^(?:letters?|fax(?:es)?|e-?mails?|notes? verbales?|correspondence|questionnaire|memo|memorandum"
    r"|response|responses|reply|replies|answer|information|data|statistics|figures|communication)\b",
    re.I,
)


# A letter or request the Monitor sent: "Request for information from Landmine Monitor to X",
# "Landmine Monitor/Tokyo letter to X", "Letter from LM to X". The party is the addressee.
_MONITOR = (
    r"(?:the\s+)?(?:Landmine Monitor|LM)(?:\s*\([^)]*\))?(?:\s*/\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?"
)
_REQUEST = re.compile(r"\brequests?\s+for\s+information\b", re.I)
_SENT_WORD = r"requests?\s+for\s+information|letters?|fax(?:es)?|e-?mails?"
_OUTGOING = re.compile(
    rf"^\s*(?:(?:{_SENT_WORD})\s+(?:from|by)\s+{_MONITOR}|{_MONITOR},?\s+(?:{_SENT_WORD})"
    rf"|requests?\s+for\s+information)\s+(?:sent\s+)?to\s+(?P<to>.+)$",
    re.I,
)
# "sent through the General Association of …", "via the embassy": who passed it on, not the addressee.
_PASSED_ON = re.compile(r",?\s*(?:sent\s+)?(?:through|via|care of|c/o)\s+[^,;]+", re.I)


class Letter(CitationKind):
    """Who wrote (after "from" / "by", up to "to …"), or the addressee of a letter or request the
    Monitor sent, titled "Request for information" when it was one."""

    value = LETTER
    cites_parties = True

    def matches(self, part: Part) -> bool:
        return bool(_LETTER.search(part.masked))

    def fill(self, part: Part, citation: Citation) -> None:
        outgoing = _OUTGOING.match(part.rest)
        if outgoing:
            read_parties(_PASSED_ON.sub("", outgoing.group("to")), citation, part.lm_place)
            if _REQUEST.search(part.rest, 0, outgoing.start("to")):
                citation.title = "Request for information"
            return
        rest = _RECIPIENT.sub(" ", part.rest)
        rest = LM_PREFIX.sub("", rest)
        match = re.search(r"\b(?:from|by)\b", rest)
        if match:
            after = rest[match.end() :]
            stop = re.search(r"\s+to\s+(?!the\s+(?:UN|United Nations|Conference|CD|OSCE|EU)\b)", after)
            if stop:
                after = after[: stop.start()]
        else:
            after = ", ".join(
                c for c in components_of(rest) if not _LETTER.search(c) and not _LETTER_WORD.match(c)
            )
        read_parties(after, citation, part.lm_place)
        if part.quoted:
            citation.title = part.quoted
