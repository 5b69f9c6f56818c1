"""How the Monitor writes dates in prose, the one place for it: "24 February 1999", "January
1999", "24 Feb 1999", "1 March 2000, 00:00 CET". Templates write the same with Django's `date`
filter and the formats below (`LONG_DATE` is "j F Y")."""

from __future__ import annotations

import datetime

from django.utils import timezone

LONG_DATE = "j F Y"  # for templates: {{ day|date:"j F Y" }}
NOTHING = ""


def long_date(day: datetime.date | None, *, empty: str = NOTHING) -> str:
    """ "24 February 1999" (no leading zero, the month in full), or `empty` for no date."""
    return f"{day.day} {day:%B %Y}" if day else empty


def month_year(day: datetime.date | None, *, empty: str = NOTHING) -> str:
    """ "January 1999": a date known to the month only."""
    return f"{day:%B %Y}" if day else empty


def short_date(day: datetime.date | None, *, empty: str = "—") -> str:
    """ "24 Feb 1999": for the columns of a terminal table."""
    return f"{day.day} {day:%b %Y}" if day else empty


def long_datetime(moment: datetime.datetime, *, zone: bool = True) -> str:
    """ "1 March 2000, 00:00 CET": a moment in the installation's time zone (an embargo's end)."""
    local = timezone.localtime(moment)
    return f"{long_date(local)}, {local:%H:%M}" + (f" {local:%Z}" if zone else "")
