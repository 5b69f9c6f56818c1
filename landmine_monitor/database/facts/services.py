"""Recording facts: a fact is written with its references, or not at all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from landmine_monitor.database.sources.models import Source

from .models import Fact, FactReference


@dataclass
class Reference:
    source: Source
    locator: str = ""
    footnote_number: int | None = None
    quote: str = ""


@transaction.atomic
def record_fact(fact: Fact, references: Sequence[Reference]) -> Fact:
    """Check and save `fact` with its references, and keep its first revision.

    Raises ValidationError (by field) when the fact is malformed or has no reference; nothing
    is written then.
    """
    if not references:
        raise ValidationError({"references": "A fact needs at least one reference to a source."})
    fact.full_clean()
    fact.save()
    for position, ref in enumerate(references):
        if ref.source.pk is None:
            ref.source.full_clean()
            ref.source.save()
        FactReference.objects.create(
            fact=fact,
            source=ref.source,
            locator=ref.locator,
            footnote_number=ref.footnote_number,
            quote=ref.quote,
            sort_order=position,
        )
    fact.save_revision(log_action=True)
    return fact
