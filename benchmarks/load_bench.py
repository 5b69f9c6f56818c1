"""Benchmark 4: public pages under load — 16 concurrent clients against `landmine-monitor serve`.

The load comes from `wrk` (a C load generator, Debian package `wrk`), in a second process: two
threads holding 16 keep-alive connections for `DURATION_S` seconds after a warm-up. Latency
percentiles come from wrk's own histogram, through a small Lua script that prints them as JSON.

Measured, on the folder `setup` filled (the bundled sample report of the DPRK, 1999):
* the same HTML served as a static file by the same server (WhiteNoise, inside the WSGI app),
  the baseline for throughput;
* a country report page and a country page, with the page cache as it runs in production;
* the same two pages with the cache turned off (`LM_PAGE_CACHE_SECONDS=0`), reported only: what
  a first visit after a publication costs.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import api_bench

CLIENTS = 16
THREADS = 2
DURATION_S = 10
WARMUP_S = 2
REPORT_PATH = "/reports/1999/north-korea/"
COUNTRY_PATH = "/countries/north-korea/"
STATIC_PATH = "/static/bench/report.html"
TARGET_MEDIAN_MS = 50.0
TARGET_P95_MS = 150.0
TARGET_STATIC_SHARE = 0.5  # cached pages: at least half the static file's throughput

LUA = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, '
    .. '"status_errors": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
"""


@dataclass
class LoadResult:
    label: str
    requests: int
    seconds: float
    median_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    errors: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def wrk_path() -> str:
    """wrk, installed from Debian's packages when missing and this process may do so."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, env=env, capture_output=True)
        found = shutil.which("wrk")
        if found:
            return found
    raise RuntimeError("the load generator wrk is not installed (Debian: apt-get install wrk)")


def load(port: int, path: str, label: str) -> LoadResult:
    wrk = wrk_path()
    url = f"http://{api_bench.HOST}:{port}{path}"
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    try:
        warm = [wrk, f"-t{THREADS}", f"-c{CLIENTS}", f"-d{WARMUP_S}s", url]
        subprocess.run(warm, check=True, capture_output=True, timeout=WARMUP_S + 30)
        command = [wrk, f"-t{THREADS}", f"-c{CLIENTS}", f"-d{DURATION_S}s", "-s", script.name, url]
        done = subprocess.run(command, check=True, capture_output=True, text=True, timeout=DURATION_S + 60)
    finally:
        os.unlink(script.name)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return LoadResult(
        label=label,
        requests=figures["requests"],
        seconds=figures["seconds"],
        median_ms=figures["p50_us"] / 1000,
        p95_ms=figures["p95_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        max_ms=figures["max_us"] / 1000,
        errors=figures["status_errors"] + figures["socket_errors"],
    )


@contextlib.contextmanager
def _env(**values: str) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _place_static_copy(served_dir: Path) -> None:
    """The report page's HTML as a file WhiteNoise serves (it indexes files when it starts)."""
    with api_bench.running_server(served_dir) as port:
        status, body = api_bench.Client(port).get(REPORT_PATH)
    if status != 200:
        raise RuntimeError(f"{REPORT_PATH} answered {status}")
    target = served_dir / "static" / "bench" / "report.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)


def run(served_dir: Path) -> list[LoadResult]:
    """Every load, in order: static, cached pages, uncached pages."""
    wrk_path()
    _place_static_copy(served_dir)
    results: list[LoadResult] = []
    with api_bench.running_server(served_dir) as port:
        results.append(load(port, STATIC_PATH, "static file (same HTML)"))
        results.append(load(port, REPORT_PATH, "country report page, cached"))
        results.append(load(port, COUNTRY_PATH, "country page, cached"))
    with _env(LM_PAGE_CACHE_SECONDS="0"), api_bench.running_server(served_dir) as port:
        results.append(load(port, REPORT_PATH, "country report page, not cached"))
        results.append(load(port, COUNTRY_PATH, "country page, not cached"))
    return results
