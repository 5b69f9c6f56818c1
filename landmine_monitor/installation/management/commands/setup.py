"""`landmine-monitor setup`: create or update the database and load the bundled data.

Safe to run again: migrations that ran are skipped, data already loaded is left as it is.
"""

from __future__ import annotations

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection
from rich.console import Console
from rich.table import Table

from landmine_monitor.database.reference.load import load_reference
from landmine_monitor.installation.services import build_site, ensure_first_account
from landmine_monitor.network.roles import ensure_roles
from landmine_monitor.network.workroom.workflow import ensure_review_workflow


class Command(BaseCommand):
    help = "Create or update the database, load the bundled reference data, create the site."

    def add_arguments(self, parser):
        parser.add_argument("--no-account", action="store_true", help="Create no admin account.")

    def handle(self, *args, **options):
        console = Console(stderr=False, highlight=False)
        started = time.perf_counter()
        with console.status("Creating or updating the database…"):
            call_command("migrate", interactive=False, verbosity=0)
        with console.status("Loading reference data…") as status:
            created = load_reference(progress=lambda label: status.update(f"Loading {label}…"))
        with console.status("Collecting static files…"):
            call_command("collectstatic", interactive=False, verbosity=0)
        with console.status("Creating the site's pages…"):
            created.update(build_site())
        created["roles"] = ensure_roles()
        created["review workflow parts"] = len(ensure_review_workflow().created)
        account = None if options["no_account"] else ensure_first_account()

        table = Table(title="Reference data added", show_header=True)
        table.add_column("what")
        table.add_column("rows", justify="right")
        for label, count in created.items():
            table.add_row(label, str(count))
        console.print(table)
        console.print(
            f"Database: {connection.vendor} {connection.settings_dict['NAME']} — ready in "
            f"{time.perf_counter() - started:.1f} s."
        )
        if account:
            if account.password:
                console.print(
                    f"Admin account created: user [bold]{account.username}[/], password "
                    f"[bold]{account.password}[/] (shown once; change it in the admin)."
                )
            else:
                console.print(
                    f"Admin account created: user [bold]{account.username}[/], "
                    "password from LM_ADMIN_PASSWORD."
                )
