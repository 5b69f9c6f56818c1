"""A database made before the packages were arranged by element upgrades with `setup`, nothing lost.

The fixture is a SQLite dump of a database that the last release before the rearrangement made
with `landmine-monitor setup` and `landmine-monitor demo-network` (reference data, the sample
report, the demo network's accounts, assignments, research log and an unassigned draft). The app
labels were kept when the packages moved, so the upgrade has no migration to run and every row
stays where it was.
"""

from __future__ import annotations

import ast
import gzip
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "database-before-elements.sql.gz"
# Tables holding what users entered or the installation loaded, one per element.
KEPT_TABLES = [
    "countries_country",
    "sources_source",
    "treaties_treatyaction",
    "unga_vote",
    "facts_fact",
    "reports_reportfootnote",
    "reports_footnotecitation",
    "network_researcherassignment",
    "network_coordinatorassignment",
    "network_requestforinformation",
    "network_interview",
    "wagtailcore_page",
    "wagtailcore_revision",
    "wagtailcore_pagelogentry",
    "auth_user",
    "instance_contentversion",
]


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as db:
        return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in KEPT_TABLES}


def _run(args: list[str], data_dir: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["LM_DATA_DIR"] = str(data_dir)
    env["DJANGO_SETTINGS_MODULE"] = "landmine_monitor.settings"
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def old_database(tmp_path) -> Path:
    path = tmp_path / "landmine-monitor.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(gzip.decompress(FIXTURE.read_bytes()).decode())
    return path


def test_setup_upgrades_a_database_made_before_the_rearrangement(old_database, tmp_path):
    before = _counts(old_database)
    assert before["network_researcherassignment"] and before["reports_footnotecitation"]

    cli = [sys.executable, "-m", "landmine_monitor.cli"]
    done = _run([*cli, "setup"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert _run([*cli, "migrate", "--check"], tmp_path).returncode == 0  # nothing left unapplied

    after = _counts(old_database)
    # Nothing lost, nothing changed; only the content version and the pages' log (the menu
    # arranged in the Monitor's order, logged as page moves) may have moved on.
    growing = {"instance_contentversion", "wagtailcore_pagelogentry"}
    assert {t: n for t, n in after.items() if t not in growing} == {
        t: n for t, n in before.items() if t not in growing
    }
    assert all(after[t] >= before[t] for t in growing)

    # The upgraded installation serves its pages: the sample report, and a country page.
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "c = Client()\n"
        "for url in ('/reports/1999/north-korea/', '/countries/north-korea/', '/'):\n"
        "    r = c.get(url); assert r.status_code == 200, (url, r.status_code)\n"
        "from landmine_monitor.site.pages.menu import build_menu\n"
        "print([label for label, url in build_menu()])\n"
    )
    served = _run([sys.executable, "-c", script], tmp_path)
    assert served.returncode == 0, served.stderr
    # The menu, now made of the pages shown in menus, is the Monitor's, in its order (the whole
    # order is walked in tests/site/test_menu_browser.py).
    labels = ast.literal_eval(served.stdout.strip())
    assert len(labels) == 8 and labels[:2] == ["About Us", "The Issues"]
    assert labels[-2:] == ["Table of Contents", "Country Reports"]
