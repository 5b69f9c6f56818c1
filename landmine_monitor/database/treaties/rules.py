"""The treaties' own rules: when a state is bound, when a withdrawal takes effect, what a state's
status is on any date, and which actions make sense.

Everything here is computed from the recorded actions and the rule fields of `Treaty`; nothing
is stored that could drift from the actions it derives from.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from landmine_monitor.foundation.dates import long_date

from .models import CONSENT_KINDS, ActionKind, EntryIntoForceRule, Treaty, TreatyAction
from .vocabulary import Status


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day where it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def in_force_after_deposit(treaty: Treaty, deposited: datetime.date) -> datetime.date:
    """When a deposit on `deposited` binds, by the treaty's rule, ignoring general entry into force."""
    if treaty.entry_into_force_rule == EntryIntoForceRule.FIRST_DAY_OF_SIXTH_MONTH:
        # "the first day of the sixth month after the month in which … deposited": a deposit in
        # February 2000 binds from 1 August 2000.
        return add_months(deposited.replace(day=1), 6)
    return add_months(deposited, 6)


def general_entry_into_force(treaty: Treaty, deposits: Iterable[datetime.date]) -> datetime.date | None:
    """When the treaty itself entered into force: the rule applied to the threshold-th deposit."""
    ordered = sorted(deposits)
    if len(ordered) < treaty.entry_into_force_threshold:
        return None
    return in_force_after_deposit(treaty, ordered[treaty.entry_into_force_threshold - 1])


@dataclass
class Standing:
    """One state's record towards one treaty, and its status on the date asked about."""

    treaty: Treaty
    on: datetime.date
    status: Status = Status.NON_SIGNATORY
    signature: TreatyAction | None = None
    consent: TreatyAction | None = None
    in_force: datetime.date | None = None
    withdrawal: TreatyAction | None = None
    withdrawal_effective: datetime.date | None = None
    actions: list[TreatyAction] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return self.status.label


def withdrawal_takes_effect(treaty: Treaty, action: TreatyAction) -> datetime.date:
    return action.effective_on or add_months(action.date, treaty.withdrawal_delay_months)


def consent_takes_effect(treaty: Treaty, action: TreatyAction) -> datetime.date | None:
    """When a consent binds: the recorded override, else the treaty's rule, never before the
    treaty itself is in force. None while the treaty is not yet in force."""
    if action.effective_on:
        return action.effective_on
    if treaty.entry_into_force_on is None:
        return None
    return max(treaty.entry_into_force_on, in_force_after_deposit(treaty, action.date))


def standing_on(treaty: Treaty, actions: Iterable[TreatyAction], on: datetime.date) -> Standing:
    """A state's standing on `on`, from its actions towards `treaty` (in any order).

    Actions after `on` are not known on that date and do not count. Each action moves the
    state along signatory → ratified → state-party → withdrawn; a later consent after a
    withdrawal starts it again.
    """
    standing = Standing(treaty=treaty, on=on)
    known = sorted((a for a in actions if a.date <= on), key=lambda a: (a.date, a.pk or 0))
    standing.actions = known
    for action in known:
        if action.kind == ActionKind.SIGNATURE:
            standing.signature = action
        elif action.kind in CONSENT_KINDS:
            standing.consent = action
            standing.in_force = consent_takes_effect(treaty, action)
            standing.withdrawal = standing.withdrawal_effective = None
        elif action.kind == ActionKind.WITHDRAWAL:
            standing.withdrawal = action
            standing.withdrawal_effective = withdrawal_takes_effect(treaty, action)
    if standing.withdrawal_effective and standing.withdrawal_effective <= on:
        standing.status = Status.WITHDRAWN
    elif standing.in_force and standing.in_force <= on:
        standing.status = Status.STATE_PARTY
    elif standing.consent:
        standing.status = Status.RATIFIED
    elif standing.signature:
        standing.status = Status.SIGNATORY
    return standing


def check_action(action: TreatyAction) -> dict[str, str]:
    """What is wrong with recording `action`, by field; empty when it may be recorded."""
    treaty, errors = action.treaty, {}
    others = list(TreatyAction.objects.filter(treaty=treaty, country=action.country).exclude(pk=action.pk))
    if treaty.adopted_on and action.date < treaty.adopted_on:
        errors["date"] = f"{treaty.short_name} was adopted on {long_date(treaty.adopted_on)}."
    if action.kind == ActionKind.SIGNATURE:
        if not treaty.signature_open:
            errors["kind"] = f"{treaty.short_name} takes no signatures, only consent to be bound."
        elif treaty.signature_closes_on and action.date >= treaty.signature_closes_on:
            errors["kind"] = (
                f"{treaty.short_name} closed for signature on "
                f"{long_date(treaty.signature_closes_on)}; a state now joins by accession."
            )
        elif any(a.kind == ActionKind.SIGNATURE for a in others):
            errors["kind"] = f"{action.country} has already signed {treaty.short_name}."
    before = standing_on(treaty, others, action.date)
    if action.kind in CONSENT_KINDS and before.status in (Status.RATIFIED, Status.STATE_PARTY):
        errors["kind"] = (
            f"{action.country} had already consented to be bound by {treaty.short_name} "
            f"on {long_date(before.consent.date)}."
        )
    if action.kind == ActionKind.WITHDRAWAL and before.status not in (Status.RATIFIED, Status.STATE_PARTY):
        errors["kind"] = (
            f"{action.country} cannot withdraw from {treaty.short_name}: on "
            f"{long_date(action.date)} it was {before.status.value}."
        )
    if not action.country.is_state:
        errors["country"] = f"{action.country} is not a state and cannot act on a treaty."
    return errors
