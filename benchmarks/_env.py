"""Helpers shared by the benchmarks: a clean environment for child processes, statistics."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
from pathlib import Path

from . import REPO_ROOT

PYTHON = sys.executable


def console_script() -> list[str]:
    """The `landmine-monitor` command of the running interpreter's environment."""
    script = Path(PYTHON).with_name("landmine-monitor")
    if script.exists():
        return [str(script)]
    found = shutil.which("landmine-monitor")
    if found:
        return [found]
    return [PYTHON, "-m", "landmine_monitor.cli"]


def child_env(data_dir: Path) -> dict[str, str]:
    """The environment for a child process: a fresh SQLite database in `data_dir`.

    DATABASE_URL is removed so that a value in the caller's shell can never point a benchmark
    at a real database; the benchmarks always measure a fresh SQLite file.
    """
    env = dict(os.environ)
    for name in ("DATABASE_URL", "LM_SECRET_KEY", "LM_DEBUG", "LM_LOG_LEVEL"):
        env.pop(name, None)
    env["LM_DATA_DIR"] = str(data_dir)
    env["DJANGO_SETTINGS_MODULE"] = "landmine_monitor.settings"
    env["PYTHONUNBUFFERED"] = "1"
    # The repository root first, so `python -m benchmarks._worker` is found from any cwd.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def percentile(values: list[float], pct: float) -> float:
    """The nearest-rank percentile (pct in 0..100) of `values`."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, -(-len(ordered) * pct // 100))  # ceil(n * pct / 100), at least 1
    return ordered[int(rank) - 1]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
