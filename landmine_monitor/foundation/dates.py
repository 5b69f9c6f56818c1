"""How the Monitor writes dates in prose, the one place for it: "24 February 1999", "January
1999", "24 Feb 1999", "1 March 2000, 00:00 CET". Templates write them with the same functions, as
filters: `{% load dates %}` then `{{ day|long_date }}` (`foundation/templatetags/dates.py`).

A moment (an aware datetime) is written on its day in the installation's time zone."""

from __future__ import annotations

import datetime

from django.utils import timezone

LONG_DATE = "j F Y"  # `long_date` in the terms of Django's `date` filter
NOTHING = ""


def _local(day: datetime.date) -> datetime.date:
    if isinstance(day, datetime.datetime) and timezone.is_aware(day):
        return timezone.localtime(day)
    return day


def long_date(day: datetime.date | None, *, empty: str = NOTHING) -> str:
    """ "24 February 1999" (no leading zero, the month in full), or `empty` for no date."""
    if not day:
        return empty
    day = _local(day)
    return f"{day.day} {day:%B %Y}"


def month_year(day: datetime.date | None, *, empty: str = NOTHING) -> str:
    """ "January 1999": a date known to the month only."""
    return f"{_local(day):%B %Y}" if day else empty


def short_date(day: datetime.date | None, *, empty: str = "—") -> str:
    """ "24 Feb 1999": for the columns of a terminal table."""
    if not day:
        return empty
    day = _local(day)
    return f"{day.day} {day:%b %Y}"


def long_datetime(moment: datetime.datetime | None, *, zone: bool = True, empty: str = NOTHING) -> str:
    """ "1 March 2000, 00:00 CET": a moment in the installation's time zone (an embargo's end)."""
    if not moment:
        return empty
    local = timezone.localtime(moment)
    return f"{long_date(local)}, {local:%H:%M}" + (f" {local:%Z}" if zone else "")
