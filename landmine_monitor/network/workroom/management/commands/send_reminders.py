"""`landmine-monitor send-reminders [--on YYYY-MM-DD] [--dry-run]`: e-mail the day's reminders
(milestones coming, overdue drafts, unanswered requests for information). Run it once a day;
running it again sends nothing twice."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from landmine_monitor.foundation.dates import long_date
from landmine_monitor.network.workroom.reminders import send_reminders


def _day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--on: {value!r} is not a date (YYYY-MM-DD)") from None


class Command(BaseCommand):
    help = "E-mail the reminders due today (milestones, overdue drafts, overdue requests); run daily."

    def add_arguments(self, parser):
        parser.add_argument("--on", help="The day to send the reminders of (YYYY-MM-DD); today by default.")
        parser.add_argument("--dry-run", action="store_true", help="List what would be sent; send nothing.")

    def handle(self, *args, **options):
        on = _day(options["on"]) if options["on"] else timezone.localdate()
        run = send_reminders(on, dry_run=options["dry_run"])
        verb = "Would send" if options["dry_run"] else "Sent"
        for reminder in run.sent:
            self.stdout.write(f"{verb} to {reminder.recipient.get_username()}: {reminder.subject}")
        for reminder, reason in run.unsent:
            self.stderr.write(
                f"Not sent to {reminder.recipient.get_username()}: {reminder.subject} ({reason})"
            )
        self.stdout.write(
            f"{verb} {len(run.sent)} reminder{'s' if len(run.sent) != 1 else ''} for {long_date(on)}."
        )
