"""The invariants ARCHITECTURE.md states, each checked here (or by the test it names)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "landmine_monitor"


def test_the_elements_keep_their_one_way_order():
    """foundation → database → reports → network → publishing → site | api → installation: each
    imports only those below it (the contracts in pyproject.toml, read by import-linter)."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([lint_imports, "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


@pytest.mark.django_db
def test_models_and_migrations_agree():
    """A model changed without its migration would leave an installation that `setup` cannot
    bring up to date."""
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_the_authoring_format_example_imports_cleanly():
    from landmine_monitor.reports.importers.markdown import parse_markdown

    text = (REPO / "docs" / "authoring-format.md").read_text(encoding="utf-8")
    example = re.search(r"```markdown\n(.*?)```", text, re.DOTALL).group(1)
    [report] = parse_markdown(example, "docs/authoring-format.md")
    assert report.country_name == "North Korea"
    assert [w.message for w in report.warnings] == []
    assert [n.number for n in report.footnotes] == [974, 975]


def test_the_tests_mirror_the_packages():
    """Every folder of tests names a package of the code (or a module, for the command line)."""
    strays = []
    for folder in sorted(p for p in (REPO / "tests").rglob("*") if p.is_dir()):
        relative = folder.relative_to(REPO / "tests")
        if {"fixtures", "__pycache__", "screenshots"} & set(relative.parts):
            continue
        code = PACKAGE / relative
        if not (code.is_dir() or code.with_suffix(".py").is_file()):
            strays.append(str(relative))
    assert strays == []
