"""Performance benchmarks for the Landmine Monitor.

Run from the repository root with the project's virtual environment:

    .venv/bin/python -m benchmarks

See benchmarks/README.md for what is measured, how, and the targets. Benchmarks report; they
never fail a build (the command exits 0 whether targets are met or missed).
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
