"""Dates as footnotes write them: days, ranges of days, months, years, and access dates."""

from __future__ import annotations

import re

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
DATE_NOISE = {"from", "to", "and", "between", "until", "through", "for", "the", "period", "covering"}


def month_number(name: str) -> int:
    return _MONTHS[name[:3].lower()]


def _m(group: str) -> str:
    return (
        rf"(?P<{group}>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
        rf"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
    )


YEAR = r"(?:1[89]\d\d|20\d\d)"
_ORD = r"(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|–|—|to|and|until|through|till)\s*"
_FROM = r"(?:(?:from|between|for the period(?: from)?|covering(?: the period)?|during)\s+)?"
DATE_PATTERNS = [
    # 30 January to 2 February 1999; 3 May 2001 to 4 June 2002
    (
        "range",
        re.compile(
            rf"{_FROM}(?P<d1>\d{{1,2}}){_ORD}\s+{_m('m1')}(?:,?\s+(?P<y1>{YEAR}))?{_TO}"
            rf"(?P<d2>\d{{1,2}}){_ORD}\s+{_m('m2')},?\s+(?P<y2>{YEAR})\b"
        ),
    ),
    # from 19 to 24 February 1999; 19-24 February 1999
    (
        "range",
        re.compile(
            rf"{_FROM}(?P<d1>\d{{1,2}}){_ORD}{_TO}(?P<d2>\d{{1,2}}){_ORD}\s+{_m('m2')},?\s+(?P<y2>{YEAR})\b"
        ),
    ),
    # February 19-24, 1999
    (
        "range",
        re.compile(rf"{_FROM}{_m('m2')}\s+(?P<d1>\d{{1,2}}){_TO}(?P<d2>\d{{1,2}}),\s*(?P<y2>{YEAR})\b"),
    ),
    # January–March 1999; January 1999 to March 2000
    ("months", re.compile(rf"{_FROM}{_m('m1')}(?:,?\s+(?P<y1>{YEAR}))?{_TO}{_m('m2')},?\s+(?P<y2>{YEAR})\b")),
    # 24 February 1999; 24th Feb. 1999
    ("day", re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}\s+{_m('m')},?\s+(?P<y>{YEAR})\b")),
    # February 24, 1999
    ("day", re.compile(rf"{_m('m')}\s+(?P<d>\d{{1,2}}){_ORD},\s*(?P<y>{YEAR})\b")),
    # 1999-02-24
    ("iso", re.compile(rf"\b(?P<y>{YEAR})-(?P<mo>\d\d)-(?P<d>\d\d)\b")),
    # February 1999
    ("month", re.compile(rf"{_m('m')},?\s+(?P<y>{YEAR})\b")),
]
ANY_YEAR = re.compile(YEAR)


def blank_out(m: re.Match) -> str:
    """A date found, masked so that the patterns after it do not find it again."""
    return "\x00" * len(m.group(0))


# A bare year only as a whole component: ", 1997" / "(1997)" / "1998–1999" / "mid-1998".
YEAR_COMPONENT = re.compile(
    rf"^\(?(?:(?:early|mid|late|end of|end)[- ]?)?{YEAR}(?:\s*(?:-|–|/|to)\s*(?:{YEAR}|\d\d))?\)?$", re.I
)
DATE_LEAD = re.compile(
    r"(?:,\s*)?\b(?:dated|on|of|as of|as at|submitted(?: on)?|received(?: on)?|issued(?: on)?"
    r"|published(?: on)?|updated(?: on)?|sent(?: on)?)\s*$",
    re.I,
)
ACCESS = re.compile(
    r"\(?\s*(?:last\s+)?(?:accessed|viewed|visited|retrieved|consulted|downloaded)(?:\s+on)?\s+"
    rf"(?:\d{{1,2}}\s+{_m('am')},?\s+{YEAR}|{_m('bm')}\s+\d{{1,2}},\s*{YEAR}|{_m('cm')},?\s+{YEAR})\s*\)?",
    re.I,
)

ACCESS_WORD = re.compile(r"accessed|viewed|visited|retrieved|consulted|downloaded", re.I)  # in every ACCESS
