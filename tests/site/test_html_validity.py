"""Every main page is valid HTML, checked by the Nu Html Checker (the W3C validator's engine),
run offline from its Java archive (the npm package `vnu-jar`, which `./test` installs into the
virtual environment; `LM_VNU_JAR` may point elsewhere)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db


REPO = Path(__file__).resolve().parents[2]
INSTALLED_JAR = REPO / ".venv" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _missing(what: str) -> None:
    # CI always runs through ./test, which installs both; elsewhere a missing one skips the test.
    (pytest.fail if os.environ.get("CI") else pytest.skip)(
        f"{what} is needed to check the HTML (./test installs it)"
    )


def vnu_jar() -> Path:
    jar = Path(os.environ.get("LM_VNU_JAR") or INSTALLED_JAR)
    if not jar.is_file():
        _missing(f"the Nu Html Checker ({jar.name})")
    return jar


def java() -> str:
    found = shutil.which("java")
    if not found:
        _missing("Java")
    return found


def test_the_main_pages_are_valid_html(client, main_pages, tmp_path):
    files = {}
    for n, url in enumerate(main_pages):
        response = client.get(url)
        assert response.status_code == 200, url
        path = tmp_path / f"page-{n}.html"
        path.write_bytes(response.content)
        files[path.name] = url
    checked = subprocess.run(
        [
            java(),
            "-jar",
            str(vnu_jar()),
            "--errors-only",
            "--format",
            "json",
            *map(str, sorted(tmp_path.glob("*.html"))),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(checked.stderr or checked.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{files[Path(m['url']).name]} line {m.get('lastLine', '?')}: {m['message']}"
        f" — {m.get('extract', '').strip()}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors)
