"""What terminal commands share: reading a date, finding a country. (Printing JSON exactly as the
API sends it is `api.payloads.dump_json`.)
"""

from __future__ import annotations

import datetime

from django.core.management.base import CommandError

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.countries.selectors import resolve_country


def parse_date(value: str | None, option: str = "--on") -> datetime.date:
    """A date written YYYY-MM-DD (today when not given), or an error naming the option."""
    if value is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option}: {value!r} is not a date in the form YYYY-MM-DD") from None


def find_country(words: list[str] | str, on: datetime.date | None = None) -> Country:
    name = " ".join(words) if isinstance(words, list) else words
    try:
        return resolve_country(name, on)
    except LookupError as error:
        raise CommandError(str(error)) from None
