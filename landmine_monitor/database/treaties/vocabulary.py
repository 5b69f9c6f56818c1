"""The words for a state's treaty status, the one place for them: the status of one state ("State
Party"), a count of states ("45 States Parties", the map's legend, the tables' columns) and the
group the annual report prints a country under ("States Parties", "Signatories",
"Non-signatories", "Other areas").

The wording is the Monitor's: a State Party is a state for which the treaty is in force, a
signatory has signed but not yet ratified, a non-signatory has neither signed nor joined. A state
that has ratified but is not yet bound is printed with the States Parties in the book, and a state
that has withdrawn with the non-signatories.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class BookGroup(StrEnum):
    """The groups of the annual report within each region, in the book's order; the values are
    the slugs the search facet uses."""

    STATES_PARTIES = "states-parties"
    SIGNATORIES = "signatories"
    NON_SIGNATORIES = "non-signatories"
    OTHER_AREAS = "other-areas"  # not states: they cannot join

    @property
    def label(self) -> str:
        return BOOK_GROUP_LABELS[self.value]


BOOK_GROUP_LABELS: dict[str, str] = {
    BookGroup.STATES_PARTIES.value: "States Parties",
    BookGroup.SIGNATORIES.value: "Signatories",
    BookGroup.NON_SIGNATORIES.value: "Non-signatories",
    BookGroup.OTHER_AREAS.value: "Other areas",
}


class Status(StrEnum):
    """A state's status towards a treaty on a date (computed by `rules.standing_on`)."""

    NON_SIGNATORY = "non-signatory"
    SIGNATORY = "signatory"
    RATIFIED = "ratified"  # consented, not yet in force for it
    STATE_PARTY = "state-party"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        """One state's status: "State Party"."""
        return STATUS_WORDS[self].one

    @property
    def plural(self) -> str:
        """Several states of this status: "States Parties"."""
        return STATUS_WORDS[self].many

    @property
    def book_group(self) -> BookGroup:
        return STATUS_WORDS[self].group

    def counted(self, count: int) -> str:
        """The words after a number of states: "1 State Party", "45 States Parties"."""
        return self.label if count == 1 else self.plural


@dataclass(frozen=True)
class StatusWords:
    one: str
    many: str
    group: BookGroup


STATUS_WORDS: dict[Status, StatusWords] = {
    Status.STATE_PARTY: StatusWords("State Party", "States Parties", BookGroup.STATES_PARTIES),
    Status.RATIFIED: StatusWords(
        "Ratified, not yet in force", "Ratified, not yet in force", BookGroup.STATES_PARTIES
    ),
    Status.SIGNATORY: StatusWords("Signatory", "Signatories", BookGroup.SIGNATORIES),
    Status.NON_SIGNATORY: StatusWords("Non-signatory", "Non-signatories", BookGroup.NON_SIGNATORIES),
    Status.WITHDRAWN: StatusWords("Withdrawn", "Withdrawn", BookGroup.NON_SIGNATORIES),
}

# The order in which statuses are shown side by side: the map's legend, the tables' columns.
SHOWN_ORDER: tuple[Status, ...] = tuple(STATUS_WORDS)
