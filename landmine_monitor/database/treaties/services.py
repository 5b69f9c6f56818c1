"""Recording what a state did about a treaty.

The CLI records through `record_treaty_action`; the admin's form saves the model after
`TreatyAction.clean()`, which applies the same rules (`rules.check_action`). The loader adds the
bundled depositary record in bulk.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from wagtail.log_actions import log

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
    action.full_clean()
    action.save()
    # The same audit log as the admin's, so "who recorded this and when" has one answer.
    log(instance=action, action="wagtail.create", user=user)
    if action.is_consent and treaty.entry_into_force_on is None:
        refresh_entry_into_force(treaty)
    return action


def refresh_entry_into_force(treaty: Treaty) -> datetime.date | None:
    """Compute when the treaty itself entered into force from the deposits recorded (for a
    treaty whose date is not yet recorded)."""
    deposits = [a.date for a in treaty.actions.all() if a.is_consent]
    treaty.entry_into_force_on = general_entry_into_force(treaty, deposits)
    treaty.save(update_fields=["entry_into_force_on"])
    return treaty.entry_into_force_on
