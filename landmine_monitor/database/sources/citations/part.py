"""One part of a footnote (one citation's text), read into what every kind uses: its URL,
quoted and emphasised titles, "Landmine Monitor/<place>", locators, dates and publisher, and
what is left (`rest`) cut into components."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

from .components import is_outlet
from .dates import (
    ACCESS,
    ACCESS_WORD,
    ANY_YEAR,
    DATE_LEAD,
    DATE_PATTERNS,
    YEAR_COMPONENT,
    blank_out,
    month_number,
)
from .text import EMPH_CLOSE, EMPH_OPEN, SPACES, components_of, mask_quotes, remove_component, unemph
from .words import ARTICLE_7_WORDS, FORM, LM_PLACE, LOCATORS, PUBLISHER, UN_SYMBOL, URL, URL_LEAD

_EMPTY_BRACKETS = re.compile(r"\(\s*[,;:\s]*\)")


@dataclass
class Part:
    """One citation's text, read once for every kind: the kinds' `matches` and `fill` look at it."""

    raw: str
    masked: str  # the text with quoted titles masked, for keyword rules
    rest: str  # what is left once title, url, locator, dates … are taken out
    quoted: str = ""
    emphasised: str = ""
    url: str = ""
    locator: str = ""
    date: datetime.date | None = None
    date_text: str = ""
    has_day: bool = False
    lm_place: str = ""
    publisher: str = ""
    publisher_place: str = ""

    @functools.cached_property
    def components(self) -> list[str]:
        """The comma-separated components of what is left (`rest`, final once `read` returns);
        shared by the kinds, so never changed in place."""
        return components_of(self.rest)

    @classmethod
    def read(cls, text: str) -> Part:
        part = cls(raw=text, masked=unemph(mask_quotes(text)), rest=text)
        part._take_urls()
        if ACCESS_WORD.search(part.rest):
            part.rest = ACCESS.sub(" ", part.rest)
        part._take_titles()
        match = LM_PLACE.search(part.rest)
        if match:
            part.lm_place = match.group("place")
        part._take_locators()
        part._take_dates()
        part._take_publisher()
        part.rest = _EMPTY_BRACKETS.sub(" ", part.rest)
        part.rest = SPACES.sub(" ", part.rest).strip(" ,;:.")
        return part

    def _take_urls(self) -> None:
        urls = []

        def take(m: re.Match) -> str:
            urls.append(m.group(0).rstrip(".”\"'’"))
            return "\x00"

        rest = URL.sub(take, self.rest)
        if urls:
            # drop "at" / "available at" in front of each URL
            pieces = rest.split("\x00")
            rest = " ".join(URL_LEAD.sub("", p) if i < len(pieces) - 1 else p for i, p in enumerate(pieces))
            url = urls[0]
            self.url = url if re.match(r"https?://", url, re.I) else f"http://{url}"
        self.rest = rest

    def _take_titles(self) -> None:
        match = re.search(r"“([^”]+)”?", self.rest) or re.search(r'"([^"]+)"', self.rest)
        if match:
            self.quoted = match.group(1).strip().rstrip(",.;:").strip()
            self.rest = self.rest[: match.start()] + ", " + self.rest[match.end() :]
        match = re.search(f"{EMPH_OPEN}([^{EMPH_CLOSE}]*){EMPH_CLOSE}", self.rest)
        if match:
            inner = match.group(1).strip().rstrip(",.;:").strip()
            if is_outlet(inner):
                self.rest = self.rest.replace(match.group(0), inner)
            else:
                self.emphasised = inner
                self.rest = self.rest[: match.start()] + ", " + self.rest[match.end() :]
        self.rest = unemph(self.rest)

    def _take_locators(self) -> None:
        found: list[tuple[int, str]] = []
        patterns = list(LOCATORS)
        if ARTICLE_7_WORDS.search(self.masked):
            patterns.insert(0, FORM)
        for pattern in patterns:
            matches = list(pattern.finditer(self.rest))
            if matches:
                found.extend((m.start(), m.group(0).strip()) for m in matches)
                self.rest = pattern.sub(" ", self.rest)
        self.locator = ", ".join(text for _, text in sorted(found))

    def _take_dates(self) -> None:
        hits: list[tuple[int, str, re.Match]] = []
        rest = self.rest
        # Every date pattern has a year: text without one has no date (but may have a bare year).
        for kind, pattern in DATE_PATTERNS if ANY_YEAR.search(rest) else ():
            matches = list(pattern.finditer(rest))
            if matches:
                hits.extend((m.start(), kind, m) for m in matches)
                rest = pattern.sub(blank_out, rest)
        # take each date out, with "dated" / "submitted on" … in front of it
        spans = sorted((m.start(), m.end()) for _, _, m in hits)
        text = self.rest
        for start, end in reversed(spans):
            lead = DATE_LEAD.search(text[:start])
            cut = lead.start() if lead else start
            text = text[:cut] + ", " + text[end:]
        self.rest = text
        for _, kind, m in sorted(hits, key=lambda h: h[0], reverse=True):
            if self._use_date(kind, m):
                return
        # a bare year, only as a whole component
        for component in reversed(components_of(self.rest)):
            if YEAR_COMPONENT.match(component):
                self.date_text = component.strip("()")
                self.rest = remove_component(self.rest, component)
                return

    def _use_date(self, kind: str, m: re.Match) -> bool:
        g = m.groupdict()
        written = m.group(0).strip()
        try:
            if kind == "day":
                self.date = datetime.date(int(g["y"]), month_number(g["m"]), int(g["d"]))
                self.has_day = True
            elif kind == "iso":
                self.date = datetime.date(int(g["y"]), int(g["mo"]), int(g["d"]))
                self.has_day = True
            elif kind == "month":
                self.date_text = written
            elif kind == "months":
                self.date_text = written
            else:  # a range of days: the first day, and the range as written
                year = int(g.get("y1") or g["y2"])
                month = month_number(g.get("m1") or g["m2"])
                self.date = datetime.date(year, month, int(g["d1"]))
                self.date_text = written
                self.has_day = True
        except ValueError:  # "31 February": keep it as written
            self.date, self.date_text = None, written
        return True

    def _take_publisher(self) -> None:
        match = PUBLISHER.search(self.rest)
        if match and not UN_SYMBOL.search(match.group(0)):
            self.publisher = match.group("publisher").strip(" ,;:")
            self.publisher_place = match.group("place").strip(" ,;:")
            if match.group("year") and not (self.date or self.date_text):
                self.date_text = match.group("year")
            self.rest = self.rest[: match.start()] + ", " + self.rest[match.end() :]
