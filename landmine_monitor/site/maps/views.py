"""`/map/?on=YYYY-MM-DD`: the world coloured by Mine Ban Treaty status on a date, drawn on the server.

The map, legend and table for a date are rendered once and kept in Django's cache, keyed by the
date and the content version (`foundation.content_version`), which any committed change to a
treaty action, treaty, country or source moves on: every process draws the map afresh within a
second of a change made anywhere.
"""

from __future__ import annotations

import datetime
import re

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from landmine_monitor.foundation.content_version import version
from landmine_monitor.foundation.dates import long_date

from .svg import swatch_svg, world_map_svg
from .world import FIRST_DAY, MAP_DATA_CREDIT, world_map

PARAMETER = "on"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CACHE_TIMEOUT = 60 * 60  # s
KEY_DATES = [
    (datetime.date(1999, 3, 1), "1 March 1999 (entry into force)"),
    (datetime.date(1999, 12, 31), "31 December 1999"),
    (datetime.date(2010, 12, 31), "31 December 2010"),
]


class BadDate(ValueError):
    pass


def parse_on(value: str | None, today: datetime.date) -> datetime.date:
    """The date asked for: `YYYY-MM-DD` from 3 December 1997 to today; today when absent."""
    if value is None or not value.strip():
        return today
    value = value.strip()
    if not ISO_DATE.fullmatch(value):
        raise BadDate(f"“{value}” is not a date written YYYY-MM-DD.")
    try:
        on = datetime.date.fromisoformat(value)
    except ValueError:
        raise BadDate(f"“{value}” is not a date in the calendar.") from None
    if not FIRST_DAY <= on <= today:
        raise BadDate(
            f"{long_date(on)} is outside the dates the map covers: from {long_date(FIRST_DAY)}, when the "
            f"treaty opened for signature, to today, {long_date(today)}."
        )
    return on


def cache_key(on: datetime.date) -> str:
    return f"maps:world:{on.isoformat()}:{version.current()}"


def render_map_body(on: datetime.date) -> str:
    """The map, its legend and its table for `on`, as HTML."""
    data = world_map(on)
    legend = [(item, swatch_svg(item.status)) for item in data.legend]
    return render_to_string(
        "maps/world_map_body.html",
        {
            "map": data,
            "svg": world_map_svg(data),
            "legend": legend,
            "map_credit": MAP_DATA_CREDIT,
        },
    )


def map_body(on: datetime.date) -> SafeString:
    key = cache_key(on)
    body = cache.get(key)
    if body is None:
        body = render_map_body(on)
        cache.set(key, str(body), CACHE_TIMEOUT)
    return mark_safe(body)  # rendered by our own template, escaped there


def world_map_view(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    try:
        on = parse_on(request.GET.get(PARAMETER), today)
    except BadDate as error:
        return render(
            request,
            "maps/bad_date.html",
            {
                "parameter": PARAMETER,
                "message": str(error),
                "first_day": FIRST_DAY,
                "today": today,
            },
            status=400,
        )
    return render(
        request,
        "maps/world_map.html",
        {
            "on": on,
            "today": today,
            "first_day": FIRST_DAY,
            "key_dates": [*KEY_DATES, (today, f"today, {long_date(today)}")],
            "body": map_body(on),
        },
    )
