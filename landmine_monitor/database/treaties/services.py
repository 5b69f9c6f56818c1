"""Recording what a state did about a treaty.

Every change to a treaty action — recorded from the command line (`record_treaty_action`), added,
edited or deleted in the admin — goes through the actions below, registered with Wagtail for
`TreatyAction` (`wagtail_hooks.py`): checked against the treaty's rules (`TreatyAction.clean()`,
`rules.check_action`), saved, audit-logged, and the treaty's own entry into force kept in step
with the deposits. The loader adds the bundled depositary record in bulk.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from wagtail.actions.create import CreateAction
from wagtail.actions.delete import DeleteAction
from wagtail.actions.edit import EditAction

from landmine_monitor.database.countries.models import Country
from landmine_monitor.database.sources.models import Source

from .models import Treaty, TreatyAction
from .rules import general_entry_into_force


@transaction.atomic
def record_treaty_action(
    *,
    country: Country,
    treaty: Treaty,
    kind: str,
    date: datetime.date,
    source: Source,
    locator: str = "",
    note: str = "",
    effective_on: datetime.date | None = None,
    user=None,
) -> TreatyAction:
    """Record one action after checking it against the treaty's rules and the state's record.

    Raises ValidationError naming the field at fault; nothing is written then.
    """
    if source.pk is None:
        source.full_clean()
        source.save()
    action = TreatyAction(
        country=country,
        treaty=treaty,
        kind=kind,
        date=date,
        source=source,
        locator=locator,
        note=note,
        effective_on=effective_on,
    )
    # The admin's own path, so "who recorded this and when" and what follows have one answer.
    return CreateTreatyAction(action, user=user).execute(skip_permission_checks=True)


class _KeepsEntryIntoForce:
    """After a consent is recorded, changed or deleted: the treaty's own entry into force, when
    it is not recorded, computed again from the deposits."""

    def _entry_into_force_follows(self, action: TreatyAction) -> None:
        if action.is_consent and action.treaty.entry_into_force_on is None:
            refresh_entry_into_force(action.treaty)


class CreateTreatyAction(_KeepsEntryIntoForce, CreateAction):
    def _save_instance(self):
        super()._save_instance()
        self._entry_into_force_follows(self.instance)


class EditTreatyAction(_KeepsEntryIntoForce, EditAction):
    def _save_instance(self):
        super()._save_instance()
        self._entry_into_force_follows(self.instance)


class DeleteTreatyAction(_KeepsEntryIntoForce, DeleteAction):
    def _delete(self):
        with transaction.atomic():
            deleted = super()._delete()
            self._entry_into_force_follows(self.instance)
        return deleted


def register_actions(registry) -> None:
    for action_class in (CreateTreatyAction, EditTreatyAction, DeleteTreatyAction):
        registry.register(TreatyAction, action_class)


def refresh_entry_into_force(treaty: Treaty) -> datetime.date | None:
    """Compute when the treaty itself entered into force from the deposits recorded (for a
    treaty whose date is not yet recorded)."""
    deposits = [a.date for a in treaty.actions.all() if a.is_consent]
    treaty.entry_into_force_on = general_entry_into_force(treaty, deposits)
    treaty.save(update_fields=["entry_into_force_on"])
    return treaty.entry_into_force_on
