"""Reading what a reader typed into the search box: the countries it names and the other words.

A run of words that is a country's name or one of its other names ("North Korea", "Korea, DPR",
"Democratic People's Republic of Korea") names that country, however a report spells it: the
search then finds the country's own reports, and the other reports' passages that use any of its
names. Names are compared as `countries.names.fold_name` compares them (accents, case and
typography do not matter). An abbreviation names a country in any case when it has four letters
or more ("DPRK", "dprk"), and only as typed in capitals when shorter ("US", "CAR"), since "us" and
"car" are ordinary words; for the same reason, in the text of other reports, abbreviations of
fewer than four letters are looked for only when the reader typed them.

Everything else is searched for as words, all of which must be in a passage; a hyphenated word
("POMZ-2M") as the phrase of its parts, as the index splits it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from landmine_monitor.database.countries.models import Country, CountryName
from landmine_monitor.database.countries.names import NameIndex

from .versioned import per_content_version

WORD = re.compile(r"\w+")
MAX_PAGE = 10_000  # the last page of results one may ask for
MAX_QUERY_LENGTH = 200
MAX_NAME_WORDS = 8  # the longest name tried ("Korea, Democratic People's Republic of" is 6)
SHORT_ABBREVIATION = 4  # abbreviations shorter than this are looked for in text only when typed
_EDGE_PUNCTUATION = ".,;:!?\"'()[]{}“”‘’«»"


def fold_word(word: str) -> str:
    """A word as the index compares it: accents dropped, case folded."""
    text = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def words_of(text: str) -> tuple[str, ...]:
    return tuple(fold_word(w) for w in WORD.findall(text))


def is_abbreviation(name: str) -> bool:
    """ "DPRK", "US", "BiH": one word with two capitals or more."""
    return " " not in name and len(name) <= 6 and sum(ch.isupper() for ch in name) >= 2


@dataclass(frozen=True)
class CountryNames:
    """Every country's names, for finding the ones a query uses."""

    index: NameIndex
    abbreviations: dict[str, set[int]]  # as written, case kept
    names: dict[int, list[str]]  # country id -> all its names, display name first

    def abbreviation(self, typed: str) -> set[int]:
        """The countries an abbreviation stands for: a short one ("US", "CAR") only as written in
        capitals, a longer one ("DPRK", "dprk") in any case."""
        if typed in self.abbreviations:
            return self.abbreviations[typed]
        if len(typed) >= SHORT_ABBREVIATION:
            return {
                pk
                for name, ids in self.abbreviations.items()
                if name.casefold() == typed.casefold()
                for pk in ids
            }
        return set()


def _build_names() -> CountryNames:
    index = NameIndex()
    abbreviations: dict[str, set[int]] = {}
    names: dict[int, list[str]] = {}

    def add(name: str, country_id: int) -> None:
        names.setdefault(country_id, []).append(name)
        if is_abbreviation(name):
            abbreviations.setdefault(name, set()).add(country_id)
        else:
            index.add(name, str(country_id))

    for pk, name in Country.objects.values_list("pk", "name"):
        add(name, pk)
    for country_id, name in CountryName.objects.values_list("country_id", "name"):
        add(name, country_id)
    return CountryNames(index, abbreviations, names)


def country_names() -> CountryNames:
    """Built once per process and content version (a country renamed or given another name moves
    the version on)."""
    return per_content_version("country-names", _build_names)


@dataclass
class ParsedQuery:
    text: str
    words: list[str] = field(default_factory=list)  # single words, as typed
    phrases: list[tuple[str, ...]] = field(default_factory=list)  # hyphenated words, folded parts
    countries: list[Country] = field(default_factory=list)
    # The names of those countries to look for in other reports' text, as folded word sequences,
    # longest first.
    country_phrases: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.words or self.phrases or self.countries)


def _strip(token: str) -> str:
    return token.strip(_EDGE_PUNCTUATION)


def _country_at(tokens: list[str], start: int, names: CountryNames) -> tuple[int, set[int], str] | None:
    """The longest run of tokens from `start` that is a country's name: (length, country ids,
    the name as typed)."""
    for length in range(min(MAX_NAME_WORDS, len(tokens) - start), 0, -1):
        typed = _strip(" ".join(tokens[start : start + length]))
        if not typed:
            continue
        if length == 1:
            ids = names.abbreviation(typed)
            if ids:
                return 1, ids, typed
        found = names.index.candidates(typed)
        if found:
            return length, {int(k) for k in found}, typed
    return None


def parse_query(text: str) -> ParsedQuery:
    text = " ".join((text or "").split())[:MAX_QUERY_LENGTH]
    parsed = ParsedQuery(text=text)
    if not text:
        return parsed
    names = country_names()
    tokens = text.split(" ")
    named: dict[int, None] = {}
    typed_abbreviations: set[str] = set()
    i = 0
    while i < len(tokens):
        found = _country_at(tokens, i, names)
        if found is not None:
            length, ids, typed = found
            named.update(dict.fromkeys(sorted(ids)))
            if is_abbreviation(typed):
                typed_abbreviations.add(typed)
            i += length
            continue
        parts = WORD.findall(tokens[i])
        if len(parts) == 1:
            parsed.words.append(parts[0])
        elif parts:
            parsed.phrases.append(tuple(fold_word(p) for p in parts))
        i += 1
    if named:
        parsed.countries = list(Country.objects.filter(pk__in=list(named)).order_by("name"))
        phrases: dict[tuple[str, ...], None] = {}
        for pk in named:
            for name in names.names.get(pk, []):
                if (
                    is_abbreviation(name)
                    and len(name) < SHORT_ABBREVIATION
                    and name not in typed_abbreviations
                ):
                    continue
                folded = words_of(name)
                if folded:
                    phrases[folded] = None
        parsed.country_phrases = sorted(phrases, key=len, reverse=True)
    return parsed
