"""Recording facts: a fact is written with its references, or not at all.

Every fact saved — recorded here from code, the command line or an importer, or added and edited
in the admin — goes through the actions below, registered with Wagtail for `Fact`
(`wagtail_hooks.py`): checked (`Fact.clean()`, `rules.check_fact`), saved with its references,
refused without one, given a revision and audit-logged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.actions.create import CreateAction
from wagtail.actions.edit import EditAction

from landmine_monitor.database.sources.models import Source

from .models import Fact, FactReference

NO_REFERENCE = "A fact needs at least one reference to a source."


@dataclass
class Reference:
    source: Source
    locator: str = ""
    footnote_number: int | None = None
    quote: str = ""


@transaction.atomic
def record_fact(fact: Fact, references: Sequence[Reference], *, user=None) -> Fact:
    """Check and save `fact` with its references, and keep its first revision.

    Raises ValidationError (by field) when the fact is malformed or has no reference; nothing
    is written then.
    """
    for ref in references:
        if ref.source.pk is None:
            ref.source.full_clean()
            ref.source.save()
    fact.references = [
        FactReference(
            source=ref.source,
            locator=ref.locator,
            footnote_number=ref.footnote_number,
            quote=ref.quote,
            sort_order=position,
        )
        for position, ref in enumerate(references)
    ]
    return CreateFact(fact, user=user).execute(skip_permission_checks=True)


class _NeedsAReference:
    def _save_instance(self):
        super()._save_instance()
        if not self.instance.references.exists():
            raise ValidationError({"references": NO_REFERENCE})  # inside the action's transaction


class CreateFact(_NeedsAReference, CreateAction):
    pass


class EditFact(_NeedsAReference, EditAction):
    pass


def register_actions(registry) -> None:
    for action_class in (CreateFact, EditFact):
        registry.register(Fact, action_class)
