"""The `landmine-monitor` command: Django's management commands under the project's name.

`landmine-monitor status North Korea --on 1999-03-31` runs the `status` command; a hyphenated
name (`build-reference`) runs the command of that name with underscores.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "landmine_monitor.settings")
    argv[0] = "landmine-monitor"
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
