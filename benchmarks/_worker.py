"""Run inside a child process with LM_DATA_DIR pointing at a fresh, empty folder.

`python -m benchmarks._worker load` migrates the empty SQLite database, then loads the bundled
reference data, timing the two separately, and prints one JSON line (prefixed with RESULT) with
the timings, the row counts added and the database's vendor and version.
"""

from __future__ import annotations

import json
import sys
import time


def load() -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from landmine_monitor.database.reference.load import load_reference

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrated = time.perf_counter()
    created = load_reference()
    loaded = time.perf_counter()

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
        else:
            cursor.execute("select version()")
        version = str(cursor.fetchone()[0]).split(" on ")[0]
    return {
        "migrate_s": migrated - started,
        "load_s": loaded - migrated,
        "created": created,
        "vendor": connection.vendor,
        "version": version,
        "database": str(connection.settings_dict["NAME"]),
    }


def main(argv: list[str]) -> int:
    if argv[1:] != ["load"]:
        print("usage: python -m benchmarks._worker load", file=sys.stderr)
        return 2
    print("RESULT " + json.dumps(load()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
