"""How a country's name is compared.

Reports, the UN Treaty Collection and the vote data spell the same state many ways
("Côte d’Ivoire", "Cote d'Ivoire", "St. Kitts & Nevis"). Names are compared in a folded form so
that typography does not matter, while words still do: "Congo" and "Congo - Kinshasa" stay apart.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")


def fold_name(name: str) -> str:
    """The form in which two spellings of a name are compared.

    Accents are dropped, case folded, apostrophes and dashes unified, "&" read as "and",
    "St." as "saint", and runs of white space (no-break spaces included) collapsed.
    """
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("&", " and ")
    text = re.sub(r"\bst\.?(?=\s)", "saint", text)
    text = re.sub(r"\s*-\s*", " - ", text)
    text = text.replace(".", "")
    return _SPACES.sub(" ", text).strip(" ,")


def parse_alias(text: str) -> tuple[str, datetime.date | None, datetime.date | None]:
    """Split "Yugoslavia@/1992-04-27" into the name and the dates it held for (inclusive)."""
    name, _, span = text.partition("@")
    if not span:
        return name.strip(), None, None
    start, _, end = span.partition("/")
    return (
        name.strip(),
        datetime.date.fromisoformat(start) if start else None,
        datetime.date.fromisoformat(end) if end else None,
    )


class NameIndex:
    """Names to keys in memory, for resolving thousands of names from a data file at once."""

    def __init__(self) -> None:
        self._entries: dict[str, list[tuple[str, datetime.date | None, datetime.date | None]]] = {}

    def add(self, name: str, key: str, valid_from=None, valid_until=None) -> None:
        entries = self._entries.setdefault(fold_name(name), [])
        if (key, valid_from, valid_until) not in entries:
            entries.append((key, valid_from, valid_until))

    def candidates(self, name: str, on: datetime.date | None = None) -> set[str]:
        return {
            key
            for key, start, end in self._entries.get(fold_name(name), [])
            if on is None or ((start is None or start <= on) and (end is None or on <= end))
        }

    def resolve(self, name: str, on: datetime.date | None = None) -> str:
        """The one key `name` stands for on `on`; LookupError naming the problem otherwise."""
        found = self.candidates(name, on)
        if len(found) == 1:
            return found.pop()
        if not found:
            raise LookupError(f"unknown country or area {name!r}")
        raise LookupError(f"{name!r} fits more than one country or area: {', '.join(sorted(found))}")
