"""`landmine-monitor serve`: run the site with a production WSGI server (waitress)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


class Command(BaseCommand):
    help = "Serve the site, the admin and the API."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1).")
        parser.add_argument("--port", type=int, default=8000, help="Port (default 8000).")
        parser.add_argument("--threads", type=int, default=8, help="Worker threads (default 8).")

    def handle(self, *args, **options):
        import waitress

        from landmine_monitor.wsgi import application

        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stderr.write("The database is not set up yet: run `landmine-monitor setup` first.")
            raise SystemExit(2)
        connection.close()
        host, port = options["host"], options["port"]
        shown = f"[{host}]" if ":" in host else host
        self.stdout.write(
            f"Landmine Monitor is running at http://{shown}:{port}/\n"
            f"  admin: http://{shown}:{port}/admin/   API: http://{shown}:{port}/api/v1/docs\n"
            "  stop with Ctrl+C"
        )
        self.stdout.flush()
        waitress.serve(
            application, host=host, port=port, threads=options["threads"], ident="landmine-monitor"
        )
