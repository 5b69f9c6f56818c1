"""An "Ibid." footnote repeats the source(s) of the one before it, sometimes at another page
("Ibid., p. 12"). This is the one definition of it, for the reader (which gives `[]` for such a
note) and for the reports' import checks and citing (which follow `Footnote.ibid_of`).

"Ibid", "ibid.", "*Ibid.*", "Ibidem, p. 4." are Ibid.; "Ibid" must be the note's first word once
its Markdown is read. It is not a kind of source: it cites nothing itself."""

from __future__ import annotations

import re

from .text import plain, unemph

IBID = re.compile(r"^\s*ibid(?:em)?\b\.?(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)

# A cheap first look at the raw text, true whenever IBID could match its plain text: once
# leading spaces are set aside, the plain text starts with the raw text's first character unless
# that character opens Markdown (emphasis, a link or a note marker, an autolink, an escape) or is
# an emphasis sentinel. Most notes start otherwise, and are not read as Markdown at all.
_MAY_BE_IBID = re.compile(r"\s*(?:i|[*_\[<\\\x01\x02])", re.IGNORECASE)


def is_ibid_plain(text: str) -> bool:
    """Whether text already made plain (`text.plain`) is an "Ibid."."""
    return bool(IBID.match(unemph(text)))


def is_ibid(text: str) -> bool:
    """Whether the footnote repeats the one before it ("Ibid.", "Ibid., p. 12", "Ibidem, p. 4")."""
    return bool(_MAY_BE_IBID.match(text)) and is_ibid_plain(plain(text))


def ibid_locator(text: str) -> str:
    """The locator an "Ibid." footnote adds ("Ibid., p. 12" → "p. 12"); "" when none."""
    match = _MAY_BE_IBID.match(text) and IBID.match(unemph(plain(text)))
    if not match:
        return ""
    return match.group("rest").strip(" .,;:")
