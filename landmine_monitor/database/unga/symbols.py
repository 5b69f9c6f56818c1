"""How resolution symbols are written."""

from __future__ import annotations

import re


def normalise_symbol(text: str) -> str:
    """A resolution's symbol as people write it: "A/RES/51/45S", "R/51/45S", "51-45-s" → "51/45 S"."""
    text = re.sub(r"^(A/RES/|R/|A/)", "", text.strip().upper())
    text = text.replace("-", "/").replace(" ", "/")
    match = re.fullmatch(r"(\d+)/+(\d+)/*([A-Z]{0,2})", text)
    if not match:
        return text
    session, number, letter = match.groups()
    return f"{session}/{number} {letter}".strip()
