"""What a new user does first: `landmine-monitor setup`, then ask a question, on a fresh SQLite."""

import json
import os
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent / "landmine-monitor"


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env["LM_DATA_DIR"] = str(data_dir)
    env["LM_ADMIN_PASSWORD"] = "not-a-real-password-1"
    return subprocess.run([str(BIN), *args], env=env, capture_output=True, text=True, timeout=300)


def test_setup_then_status_on_a_fresh_database_and_setup_is_idempotent(tmp_path):
    first = cli(tmp_path, "setup")
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "landmine-monitor.sqlite3").exists()
    assert "4688" in first.stdout  # votes loaded
    assert "Admin account created" in first.stdout

    status = cli(tmp_path, "status", "North Korea", "--on", "1999-03-31", "--json")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["treaties"][0]["status"] == "non-signatory"

    again = cli(tmp_path, "setup")
    assert again.returncode == 0, again.stderr
    assert "Admin account created" not in again.stdout
    assert "4688" not in again.stdout

    unknown = cli(tmp_path, "status", "Atlantis")
    assert unknown.returncode != 0
    assert "Unknown country or area: 'Atlantis'" in unknown.stderr


def test_the_site_serves_its_stylesheet_after_setup(tmp_path):
    assert cli(tmp_path, "setup", "--no-account").returncode == 0
    assert list((tmp_path / "static").rglob("site.css")), "collectstatic did not gather the stylesheet"
