"""Benchmark 2: API latency against `landmine-monitor serve` running as a second process.

The server runs on 127.0.0.1 only, on a free port, against a freshly set-up SQLite data folder.
One keep-alive `http.client` connection sends requests one after another; each request is timed
with `time.perf_counter()` from sending to having read the whole body. Every loop is bounded both
in requests and in seconds, and the server is always terminated (see `running_server`).
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import REPO_ROOT
from ._env import child_env, console_script, median, percentile

HOST = "127.0.0.1"  # never anything else
WARMUP = 20
REQUESTS = 300
LOOP_LIMIT_S = 20.0  # a loop stops early (and says so) rather than run past this
START_LIMIT_S = 30.0
REQUEST_TIMEOUT_S = 10.0

# ~30 states with ISO alpha-3 codes, and dates around the Mine Ban Treaty's history. The two
# lists' lengths (30 and 7) have no common factor, so the 300 requests cover 210 pairs.
CODES = (
    "PRK KOR USA RUS CHN IND PAK IRN ISR EGY CAN MEX BRA ARG GBR "
    "FRA DEU UKR POL FIN AFG KHM AGO MOZ ZAF AUS JPN MMR LKA SRB"
).split()
DATES = ["1997-12-03", "1998-09-16", "1999-03-01", "1999-03-31", "2004-06-30", "2015-01-01", "2024-12-31"]


def treaty_status_path(i: int) -> str:
    return f"/api/v1/countries/{CODES[i % len(CODES)]}/treaties?on={DATES[i % len(DATES)]}"


@dataclass
class Endpoint:
    label: str
    path: Callable[[int], str]
    expect_key: str  # a key the JSON answer must hold, checked outside the timing
    target_median_ms: float | None = None


ENDPOINTS = [
    Endpoint(
        "GET /api/v1/countries/{iso3}/treaties?on={date}",
        treaty_status_path,
        expect_key="treaties",
        target_median_ms=20.0,
    ),
    Endpoint(
        "GET /api/v1/countries/PRK/votes",
        lambda i: "/api/v1/countries/PRK/votes",
        expect_key="votes",
    ),
    Endpoint(
        "GET /api/v1/treaties/mbt/parties?on=1999-03-01",
        lambda i: "/api/v1/treaties/mbt/parties?on=1999-03-01",
        expect_key="states",
    ),
]


@dataclass
class LoopResult:
    endpoint: Endpoint
    timings_s: list[float]
    errors: int
    reconnects: int
    wall_s: float
    stopped_early: bool
    first_error: str = ""

    @property
    def median_ms(self) -> float:
        return median(self.timings_s) * 1000

    @property
    def p95_ms(self) -> float:
        return percentile(self.timings_s, 95) * 1000

    @property
    def max_ms(self) -> float:
        return max(self.timings_s, default=float("nan")) * 1000

    @property
    def per_second(self) -> float:
        return len(self.timings_s) / self.wall_s if self.wall_s else float("nan")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Client:
    """One keep-alive HTTP/1.1 connection to the server; reconnects if the server closes it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn: http.client.HTTPConnection | None = None
        self.reconnects = -1  # the first connection is not a reconnect

    def _connection(self) -> http.client.HTTPConnection:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT_S)
            self.reconnects += 1
        return self.conn

    def get(self, path: str) -> tuple[int, bytes]:
        conn = self._connection()
        try:
            conn.request("GET", path, headers={"Accept": "application/json"})
            response = conn.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        if response.will_close:
            self.close()
        return response.status, body

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


@contextlib.contextmanager
def running_server(data_dir: Path) -> Iterator[int]:
    """`landmine-monitor serve` on 127.0.0.1:<free port> in a child process; yields the port
    once the server answers, and always terminates the process."""
    port = free_port()
    log_path = data_dir / "serve.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [*console_script(), "serve", "--host", HOST, "--port", str(port)],
            cwd=REPO_ROOT,
            env=child_env(data_dir),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_answering(process, port, log_path)
        yield port
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)


def _wait_until_answering(process: subprocess.Popen, port: int, log_path: Path) -> None:
    deadline = time.monotonic() + START_LIMIT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log = log_path.read_text(errors="replace").strip().splitlines()[-15:]
            raise RuntimeError(
                f"the server exited with code {process.returncode} before answering:\n" + "\n".join(log)
            )
        client = Client(port)
        try:
            status, _ = client.get("/api/v1/treaties")
            if status == 200:
                return
        except OSError:
            pass
        finally:
            client.close()
        time.sleep(0.1)
    raise RuntimeError(f"the server did not answer on {HOST}:{port} within {START_LIMIT_S:.0f} s")


def _answers(body: bytes, key: str) -> bool:
    """Whether `body` is a JSON object holding `key` (checked once per loop, untimed)."""
    try:
        return key in json.loads(body)
    except (ValueError, TypeError):
        return False


def run_loop(port: int, endpoint: Endpoint) -> LoopResult:
    """WARMUP untimed requests, then up to REQUESTS timed ones, all bounded by LOOP_LIMIT_S."""
    client = Client(port)
    timings: list[float] = []
    errors = 0
    first_error = ""
    deadline = time.monotonic() + LOOP_LIMIT_S
    try:
        for i in range(WARMUP):
            if time.monotonic() > deadline:
                break
            try:
                client.get(endpoint.path(i))
            except (OSError, http.client.HTTPException):
                pass
        started = time.perf_counter()
        for i in range(REQUESTS):
            if time.monotonic() > deadline:
                break
            path = endpoint.path(i)
            t0 = time.perf_counter()
            try:
                status, body = client.get(path)
            except (OSError, http.client.HTTPException) as error:
                errors += 1
                first_error = first_error or f"{path}: {type(error).__name__}: {error}"
                continue
            elapsed = time.perf_counter() - t0
            if status != 200:
                errors += 1
                first_error = first_error or f"{path}: HTTP {status} {body[:200]!r}"
                continue
            timings.append(elapsed)
            if len(timings) == 1 and not _answers(body, endpoint.expect_key):
                errors += 1
                first_error = first_error or f"{path}: no {endpoint.expect_key!r} in {body[:200]!r}"
        wall = time.perf_counter() - started
    finally:
        client.close()
    return LoopResult(
        endpoint=endpoint,
        timings_s=timings,
        errors=errors,
        reconnects=max(client.reconnects, 0),
        wall_s=wall,
        stopped_early=len(timings) + errors < REQUESTS,
        first_error=first_error,
    )
