"""Benchmark 1: setting up a fresh SQLite database.

* "migrate" and "load reference data": `python -m benchmarks._worker load` in a child process,
  in a fresh temporary LM_DATA_DIR, times Django's `migrate` and then
  `landmine_monitor.database.reference.load.load_reference()` separately. Repeated RUNS times, each in
  its own fresh folder; the median is reported.
* "setup total": the wall time of `landmine-monitor setup --no-account` as a child process in
  another fresh folder (interpreter start-up, migrate, load, collectstatic, the site).
"""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import REPO_ROOT
from ._env import PYTHON, child_env, console_script

RUNS = 3
TIMEOUT_S = 120  # per child process; a hung child is killed, not waited on for ever


class BenchmarkError(RuntimeError):
    pass


@dataclass
class LoadRun:
    migrate_s: float
    load_s: float
    created: dict[str, int]
    vendor: str
    version: str


@dataclass
class SetupResult:
    runs: list[LoadRun] = field(default_factory=list)
    setup_total_s: float | None = None


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def load_once() -> LoadRun:
    """Migrate and load into a brand-new SQLite database in a child process."""
    with tempfile.TemporaryDirectory(prefix="lm-bench-load-") as data_dir:
        done = subprocess.run(
            [PYTHON, "-m", "benchmarks._worker", "load"],
            cwd=REPO_ROOT,
            env=child_env(Path(data_dir)),
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    if done.returncode != 0:
        raise BenchmarkError(f"loading failed (exit {done.returncode}):\n{_tail(done.stderr)}")
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            data = json.loads(line.removeprefix("RESULT "))
            return LoadRun(
                migrate_s=data["migrate_s"],
                load_s=data["load_s"],
                created=data["created"],
                vendor=data["vendor"],
                version=data["version"],
            )
    raise BenchmarkError(f"the worker printed no result:\n{_tail(done.stdout + done.stderr)}")


def setup_total(data_dir: Path) -> float:
    """Wall time of `landmine-monitor setup --no-account` into the (empty) `data_dir`."""
    started = time.perf_counter()
    done = subprocess.run(
        [*console_script(), "setup", "--no-account"],
        cwd=REPO_ROOT,
        env=child_env(data_dir),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise BenchmarkError(f"setup failed (exit {done.returncode}):\n{_tail(done.stderr or done.stdout)}")
    return elapsed
