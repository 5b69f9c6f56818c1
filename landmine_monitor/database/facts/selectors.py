"""Reading facts, always with their references."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from landmine_monitor.database.countries.models import Country

from .models import Fact, FactReference


def facts_about(country: Country, indicator: str | None = None) -> QuerySet[Fact]:
    facts = (
        Fact.objects.filter(country=country)
        .exclude(rank="deprecated")
        .select_related("indicator", "edition")
        .prefetch_related(Prefetch("references", queryset=FactReference.objects.select_related("source")))
    )
    if indicator:
        facts = facts.filter(indicator__slug=indicator)
    return facts
