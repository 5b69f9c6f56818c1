"""Which sources anyone may see.

A source is public once something public cites it: the bundled reference data (treaties, treaty
actions, UN resolutions and votes, a source with a `key`), a fact, or a footnote of a published
report. A source that only drafts or the research log cite — an interview with an official, a
request for information, the sources of a report under embargo — is seen only by those of the
reporting network who cover that report or record (`network.selectors.sources_seen_by`): to
anyone else it does not exist.
"""

from __future__ import annotations

from django.db import models

from .models import Source
from .services import relations_to_source

# Apps whose records cite sources without making them public.
PRIVATE_APPS = frozenset({"network"})


def _citing(model: type[models.Model]) -> models.QuerySet:
    """The records of `model` that make the sources they cite public. A model whose records do so
    only in some state says which by a `public_citing()` class method (a report's footnote
    citations: those of published reports); any other model's records all do."""
    public_citing = getattr(model, "public_citing", None)
    return public_citing() if public_citing is not None else model.objects.all()


def _public_condition(relation: models.ForeignObjectRel) -> models.Q | None:
    """The condition on Source that "a public record of this relation cites it", or None when
    the relation's records never make a source public."""
    model = relation.related_model
    if model._meta.app_label in PRIVATE_APPS:
        return None
    return models.Q(pk__in=_citing(model).values(relation.field.name))


def public_sources() -> models.QuerySet[Source]:
    condition = models.Q(key__isnull=False)
    for relation in relations_to_source():
        found = _public_condition(relation)
        if found is not None:
            condition |= found
    return Source.objects.filter(condition)


def is_public(source: Source) -> bool:
    """`public_sources()` for one source, by indexed lookups that stop at the first record found
    (the commonest first: a note of a published report), instead of one query over every table
    that cites sources."""
    if source.key:
        return True
    relations = sorted(relations_to_source(), key=lambda r: not hasattr(r.related_model, "public_citing"))
    for relation in relations:
        model = relation.related_model
        if model._meta.app_label in PRIVATE_APPS:
            continue
        if _citing(model).filter(**{relation.field.name: source}).exists():
            return True
    return False
