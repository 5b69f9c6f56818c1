"""`landmine-monitor demo-network`: one account per role, the 1999 assignments and calendar, and
a draft report nobody is assigned. The accounts' password is taken from LM_DEMO_PASSWORD."""

from __future__ import annotations

import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from landmine_monitor.network.demo import ensure_demo_network

PASSWORD_VARIABLE = "LM_DEMO_PASSWORD"


class Command(BaseCommand):
    help = f"Create the demonstration network (accounts get the password in {PASSWORD_VARIABLE})."

    def handle(self, *args, **options):
        password = os.environ.get(PASSWORD_VARIABLE, "")
        if not password:
            raise CommandError(
                f"{PASSWORD_VARIABLE} is not set: set it to the password the demo accounts should "
                "have. No account was created."
            )
        try:
            demo = ensure_demo_network(password)
        except ValidationError as error:
            raise CommandError(f"{PASSWORD_VARIABLE} is refused: {' '.join(error.messages)}") from None
        self.stdout.write(f"Accounts (password from {PASSWORD_VARIABLE}): {', '.join(demo.usernames)}.")
        self.stdout.write(
            "demo-researcher is assigned North Korea in 1999; demo-coordinator the Asia-Pacific "
            f"region ({demo.assignments_created} assignments new)."
        )
        self.stdout.write(f"1999 research calendar: {demo.milestones} milestones.")
        self.stdout.write(
            f"demo-researcher's research log: {demo.log_entries} entries (an interview, a request for "
            'information), each with "Cite in a footnote".'
        )
        state = "created" if demo.draft_created else "already there"
        self.stdout.write(
            f"Draft report nobody is assigned: {demo.draft.title} ({demo.draft.country.name}, "
            f"{demo.draft.edition.year}), {state}, at /admin/pages/{demo.draft.pk}/edit/."
        )
