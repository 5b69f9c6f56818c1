"""Finding countries by code or by any of their names."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from .models import Country, CountryName
from .names import fold_name


class UnknownCountry(LookupError):
    """No country or area goes by that name or code."""

    def __init__(self, name: str) -> None:
        super().__init__(f"Unknown country or area: {name!r}")
        self.name = name


class AmbiguousCountry(LookupError):
    """A name that more than one country went by at the date asked about."""

    def __init__(self, name: str, candidates: list[Country]) -> None:
        listed = ", ".join(sorted(c.name for c in candidates))
        super().__init__(f"The name {name!r} fits more than one country or area: {listed}")
        self.name = name
        self.candidates = candidates


def resolve_country(name: str, on: datetime.date | None = None) -> Country:
    """The one country `name` means: an ISO alpha-3 or alpha-2 code, a slug, a name or an alias.

    `on` picks among names that meant different states at different times. A name that fits
    nobody raises UnknownCountry, one that fits several AmbiguousCountry: never a guess.
    """
    text = name.strip()
    if not text:
        raise UnknownCountry(name)
    by_code = Country.objects.filter(
        Q(slug=text.lower()) | Q(iso3=text.upper()) | Q(iso2=text.upper())
        if len(text) in (2, 3) and text.isalpha()
        else Q(slug=text.lower())
    ).first()
    if by_code is not None:
        return by_code
    folded = fold_name(text)
    # The display name counts as a name too; it is not repeated among the aliases.
    matches = {
        c.pk: c for c in Country.objects.filter(Q(names__folded=folded) | Q(folded_name=folded)).distinct()
    }
    if len(matches) > 1 and on is not None:
        valid = {
            n.country_id
            for n in CountryName.objects.filter(folded=folded, country__in=list(matches))
            if n.holds_on(on)
        }
        matches = {pk: c for pk, c in matches.items() if pk in valid or c.folded_name == folded}
    if not matches:
        raise UnknownCountry(name)
    if len(matches) > 1:
        raise AmbiguousCountry(name, list(matches.values()))
    return next(iter(matches.values()))


def search_countries(text: str) -> QuerySet[Country]:
    """Countries whose name or alias contains `text` (folded), for a search box or `?q=`."""
    folded = fold_name(text)
    try:
        exact = resolve_country(text)
    except LookupError:
        exact = None
    if exact is not None:
        return Country.objects.filter(pk=exact.pk)
    return Country.objects.filter(
        Q(name__icontains=text.strip()) | Q(names__folded__contains=folded)
    ).distinct()


def countries_in(region: str | None = None) -> QuerySet[Country]:
    qs = Country.objects.all()
    if region:
        qs = qs.filter(region=region)
    return qs.order_by("name")
