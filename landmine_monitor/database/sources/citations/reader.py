"""Reading a footnote: cut into parts (one citation each), each part read by its kind."""

from __future__ import annotations

import re

from .citation import Citation
from .ibid import is_ibid_plain
from .part import Part
from .registry import classify
from .text import plain, split_top, top_level
from .words import ABBREVIATIONS, AGENCY, DATABASE_WORDS, URL

_LEAD = re.compile(
    r"^(?:the\s+)?(?:Landmine Monitor|LM\b|(?:(?:tele)?phone\s+|personal\s+|e-?mail\s+)?interviews?\b"
    r"|[Ll]etters?\b|[Ee]-?mails?\b|[Ff]ax\b|[Rr]esponses?\b|[Rr]epl(?:y|ies)\b|[Ss]tatements?\b"
    r"|[Pp]resentations?\b|Article 7\b|Mine\s?Web|Mine\s?Facts|ORDATA|IMSMA|https?://|www\.)"
)
_SEE = re.compile(
    r"^(?:see(?: also)?|also|cf\.?|cited in|quoted in|as (?:cited|quoted|reported) in|according to"
    r"|reported in|source:?|sources:?|and)\s+",
    re.I,
)


def parse_footnote(text: str) -> list[Citation]:
    """The sources one footnote cites, in the order it cites them; [] for "Ibid." (and for a
    footnote that is commentary only)."""
    text = plain(text)
    if not text or is_ibid_plain(text):
        return []
    citations = []
    for part in parts(text):
        if is_ibid_plain(part):
            continue
        citation = read_part(part)
        if citation is not None:
            citations.append(citation)
    return citations


def read_part(text: str) -> Citation | None:
    """The citation one part makes; None when no kind is recognised or it names nothing."""
    part = Part.read(text)
    kind = classify(part)
    return kind.read(part) if kind is not None else None


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“\"(\x01])")
_LAST_TOKEN = re.compile(r"(\S*)$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?")


def sentences(text: str) -> list[str]:
    pieces, start = [], 0
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    for end, top in zip(ends, top_level(text, ends), strict=True):
        if not top:
            continue
        token = _LAST_TOKEN.search(text[start:end]).group(1).lstrip('(“"\x01')
        bare = token.rstrip(".")
        if len(bare) <= 1 or bare.lower() in ABBREVIATIONS or _INITIALS.fullmatch(bare) or URL.search(token):
            continue
        pieces.append(text[start : end + 1])
        start = end + 1
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def parts(text: str) -> list[str]:
    """Plain text cut into parts: sentences, then at "; ", then at " and " (`split_and`)."""
    found = []
    for sentence in sentences(text):
        for chunk in split_top(sentence, ";"):
            chunk = _tidy(chunk)
            if chunk:
                found.extend(split_and(chunk))
    return [p for p in (_tidy(p) for p in found) if p]


# A full stop that ends an initial or an abbreviation ("Mr.", "p."), not a citation.
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]|\b(?:" + "|".join(sorted(ABBREVIATIONS)) + r"))\.$")


def _tidy(text: str) -> str:
    text = text.strip(" ,;:")
    while True:
        stripped = _SEE.sub("", text)
        if stripped == text:
            break
        text = stripped
    text = text.strip(" ,;:")
    if text.endswith(".") and not _ABBREVIATION_END.search(text):
        text = text[:-1]
    return text.strip(" ,;:")


_AND = re.compile(r",?\s+and\s+")


def split_and(chunk: str) -> list[str]:
    """Cut "A, and B" / "A and B" where B starts a new citation and A is one on its own."""
    matches = list(_AND.finditer(chunk))
    for m, top in zip(matches, top_level(chunk, [m.start() for m in matches]), strict=True):
        if not top:
            continue
        left, right = chunk[: m.start()], chunk[m.end() :]
        if not _LEAD.match(right) and not AGENCY.match(right) and not DATABASE_WORDS.match(right):
            continue
        left_kind = classify(Part.read(left))
        if left_kind is None:
            continue
        if left_kind.cites_parties and not _LEAD.match(right):
            continue  # "interviews with Kyodo, and Reuters": one list of people interviewed
        return [left, *split_and(right)]
    return [chunk]
