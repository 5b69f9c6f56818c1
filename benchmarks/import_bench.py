"""Benchmark 3: importing country reports with `landmine-monitor import`.

In a fresh temporary LM_DATA_DIR (SQLite; DATABASE_URL removed from the children's environment):

1. `landmine-monitor setup --no-account` (not timed for the target; its wall time is shown);
2. the synthetic corpus of `benchmarks/corpus.py` is written to a temporary folder: REPORTS
   reports (LM_BENCH_REPORTS, default 1,000, about 20 MB), one folder per edition;
3. `landmine-monitor import <edition folder> --edition YEAR --publish` runs as a child process
   for each edition in turn. Each child's wall time is measured from starting it to reaping it,
   and its peak resident memory comes from `os.wait4` (the child's own rusage, so the figures
   of other children do not mix in). The child's output is read as it comes, and the time each
   "<file>: <country> <year> (published): …" line arrives gives the time of every report, so a
   slowdown as the database grows shows;
4. `landmine-monitor shell -c …` counts what is in the database: the live report pages whose
   `source_file` is in the corpus, their footnotes and citations, the sources. Every report must
   be there with as many footnotes as its file has.

Time limits: the imports together stop after LIMIT_S (LM_BENCH_IMPORT_LIMIT_S, default 300 s,
five times the target); a child past it is terminated (killed 5 s later), the editions not yet
started are skipped, and the figures are those of the reports imported by then (each file is
its own transaction, so what was imported is whole). Setup and the check have their own limits.

`python -m benchmarks.import_bench` runs this benchmark alone; `--profile N` instead imports N
reports in one child process under cProfile and prints the most expensive functions.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import REPO_ROOT, corpus, setup_bench
from ._env import PYTHON, child_env, console_script

REPORTS = int(os.environ.get("LM_BENCH_REPORTS") or corpus.DEFAULT_REPORTS)
LIMIT_S = float(os.environ.get("LM_BENCH_IMPORT_LIMIT_S") or 300)
TARGET_S_PER_1000 = 60.0  # the target: 1,000 reports in under 60 s on SQLite
TARGET_RSS_MB = 500.0
VERIFY_TIMEOUT_S = 120
KILL_GRACE_S = 5.0
POLL_S = 0.02

# A report the import command saved: "0042-australia.txt: Australia 2001 (published): new report"
SAVED = re.compile(r"^(?P<file>\S+): .+ \d{4} \((?:published|draft)\): ")
FAILED = re.compile(r"^failed (?P<path>.+?): (?P<reason>.*)$")
# A row of the command's closing table, "│ footnotes    │   979 │" (or with "|" without UTF-8)
TABLE_ROW = re.compile(r"^[│|]\s*(?P<what>[a-z ]+?)\s*[│|]\s*(?P<count>\d+)\s*[│|]$")


class BenchmarkError(RuntimeError):
    pass


def target_s(reports: int) -> float:
    """The time target for `reports` reports: 60 s per 1,000, pro rata."""
    return TARGET_S_PER_1000 * reports / 1000


@dataclass
class ChildRun:
    """One child process: how long it ran, its peak memory, what it printed (with times)."""

    returncode: int
    wall_s: float
    cpu_s: float  # user + system CPU time: less sensitive than wall time to a busy machine
    maxrss_mb: float
    lines: list[tuple[float, str]]  # (seconds since the child started, line)
    stderr: str
    stopped: bool  # terminated at the time limit


@dataclass
class EditionRun:
    year: int
    files: int
    bytes: int
    child: ChildRun | None = None  # None: skipped, the time limit was already reached

    @property
    def saved(self) -> list[tuple[float, str]]:
        """(time, file name) of every report the command saved, in order."""
        if self.child is None:
            return []
        return [(t, m.group("file")) for t, line in self.child.lines if (m := SAVED.match(line))]

    @property
    def failures(self) -> list[str]:
        if self.child is None:
            return []
        return [
            f"{m.group('path')}: {m.group('reason')}"
            for _, line in self.child.lines
            if (m := FAILED.match(line))
        ]

    def saved_bytes(self, sizes: dict[str, int]) -> int:
        """Bytes of the files saved: all of them unless the command was stopped."""
        if self.child is None:
            return 0
        if not self.child.stopped:
            return self.bytes
        return sum(sizes.get(name, 0) for _, name in self.saved)

    @property
    def counts(self) -> dict[str, int]:
        """The command's closing table (files, reports, sections, footnotes, sources, warnings)."""
        if self.child is None:
            return {}
        rows = (TABLE_ROW.match(line.strip()) for _, line in self.child.lines)
        return {m.group("what"): int(m.group("count")) for m in rows if m}


@dataclass
class ImportResult:
    reports: int  # asked for
    corpus_bytes: int
    corpus_footnotes: int
    markdown: int
    setup_s: float
    generate_s: float
    limit_s: float
    editions: list[EditionRun] = field(default_factory=list)
    verified: dict | None = None  # the counts read back from the database
    problems: list[str] = field(default_factory=list)  # what the check found wrong

    @property
    def ran(self) -> list[EditionRun]:
        return [e for e in self.editions if e.child is not None]

    @property
    def imported(self) -> int:
        return sum(len(e.saved) for e in self.editions)

    sizes: dict[str, int] = field(default_factory=dict, repr=False)  # file name → bytes

    @property
    def imported_bytes(self) -> int:
        return sum(e.saved_bytes(self.sizes) for e in self.editions)

    @property
    def total_s(self) -> float:
        return sum(e.child.wall_s for e in self.ran)

    @property
    def cpu_s(self) -> float:
        return sum(e.child.cpu_s for e in self.ran)

    @property
    def stopped(self) -> bool:
        return any(e.child.stopped for e in self.ran) or len(self.ran) < len(self.editions)

    @property
    def peak_rss_mb(self) -> float:
        return max((e.child.maxrss_mb for e in self.ran), default=float("nan"))

    @property
    def per_second(self) -> float:
        return self.imported / self.total_s if self.total_s else float("nan")

    @property
    def mb_per_second(self) -> float:
        return self.imported_bytes / 1e6 / self.total_s if self.total_s else float("nan")

    @property
    def projected_s(self) -> float:
        """The time for all the reports at the rate measured (what the target is compared with
        when the limit stopped the imports; an underestimate if the rate was still falling)."""
        if not self.stopped:
            return self.total_s
        return self.reports / self.per_second if self.per_second else float("nan")

    def seconds_per_report(self) -> list[float]:
        """Each saved report's time, across the editions in order (the first of each edition
        includes the child's start-up: interpreter, Django, reading the folder)."""
        times: list[float] = []
        for edition in self.ran:
            previous = 0.0
            for t, _ in edition.saved:
                times.append(t - previous)
                previous = t
        return times


def run_child(cmd: list[str], env: dict[str, str], timeout_s: float, stderr_path: Path) -> ChildRun:
    """Run `cmd`, reading its output line by line as it comes, and reap it with os.wait4 for
    its rusage. Terminated at `timeout_s` (killed KILL_GRACE_S later); never waits for ever."""
    started = time.perf_counter()
    with open(stderr_path, "wb") as err:
        process = subprocess.Popen(
            cmd,
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
    lines: list[tuple[float, str]] = []

    def read() -> None:
        for line in process.stdout:
            lines.append((time.perf_counter() - started, line.rstrip("\n")))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = started + timeout_s
    terminated_at = killed_at = None
    pid = 0
    try:
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            now = time.perf_counter()
            if terminated_at is None and now > deadline:
                process.send_signal(signal.SIGTERM)
                terminated_at = now
            elif terminated_at is not None and killed_at is None and now > terminated_at + KILL_GRACE_S:
                process.kill()
                killed_at = now
            elif killed_at is not None and now > killed_at + 10:
                raise BenchmarkError(f"{cmd[0]} (pid {process.pid}) did not exit after SIGKILL")
            time.sleep(POLL_S)
    finally:
        if not pid:  # an exception above: do not leave the child running (nor wait on it)
            process.kill()
            with contextlib.suppress(ChildProcessError):
                os.waitpid(process.pid, os.WNOHANG)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    reader.join(timeout=5)
    process.stdout.close()
    return ChildRun(
        returncode=process.returncode,
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        maxrss_mb=usage.ru_maxrss / 1024,  # KiB on Linux
        lines=list(lines),
        stderr=stderr_path.read_text(errors="replace"),
        stopped=terminated_at is not None,
    )


VERIFY_CODE = """
import json
from django.db.models import Count
from landmine_monitor.reports.models import CountryReportPage, FootnoteCitation, ReportFootnote
from landmine_monitor.database.sources.models import Source
root = {root!r}
pages = CountryReportPage.objects.filter(source_file__startswith=root)
notes = dict(pages.annotate(n=Count("footnotes")).values_list("source_file", "n"))
print("RESULT " + json.dumps({{
    "pages": pages.count(),
    "live": pages.filter(live=True).count(),
    "samples": pages.filter(is_sample=True).count(),
    "footnotes": ReportFootnote.objects.filter(report__in=pages).count(),
    "citations": FootnoteCitation.objects.filter(footnote__report__in=pages).count(),
    "sources": Source.objects.count(),
    "footnotes_by_file": notes,
}}))
"""


def verify(data_dir: Path, root: Path) -> dict:
    """Counts read back from the database by `landmine-monitor shell -c`."""
    done = subprocess.run(
        [*console_script(), "shell", "--no-imports", "-c", VERIFY_CODE.format(root=str(root) + os.sep)],
        cwd=REPO_ROOT,
        env=child_env(data_dir),
        capture_output=True,
        text=True,
        timeout=VERIFY_TIMEOUT_S,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line.removeprefix("RESULT "))
    raise BenchmarkError(
        f"the check printed no result (exit {done.returncode}):\n{_tail(done.stderr or done.stdout)}"
    )


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def run(
    reports: int = REPORTS, limit_s: float = LIMIT_S, progress: Callable[[str], None] = lambda _: None
) -> ImportResult:
    """The whole benchmark in fresh temporary folders (removed afterwards)."""
    with tempfile.TemporaryDirectory(prefix="lm-bench-import-") as tmp:
        data_dir, corpus_dir = Path(tmp) / "data", Path(tmp) / "corpus"
        data_dir.mkdir()
        progress("landmine-monitor setup --no-account…")
        setup_s = setup_bench.setup_total(data_dir)
        progress(f"writing the corpus ({reports:,} reports)…")
        started = time.perf_counter()
        generated = corpus.generate(corpus_dir, reports)
        result = ImportResult(
            reports=reports,
            corpus_bytes=generated.total_bytes,
            corpus_footnotes=generated.total_footnotes,
            markdown=sum(r.markdown for r in generated.reports),
            setup_s=setup_s,
            generate_s=time.perf_counter() - started,
            limit_s=limit_s,
        )
        result.sizes = {r.path.name: r.size for r in generated.reports}
        env = child_env(data_dir)
        deadline = time.monotonic() + limit_s
        for year, folder in generated.editions.items():
            files = generated.in_edition(year)
            edition = EditionRun(year=year, files=len(files), bytes=sum(r.size for r in files))
            result.editions.append(edition)
            remaining = deadline - time.monotonic()
            if remaining <= 0 or any(e.child.stopped for e in result.ran):
                continue  # skipped: the time limit was reached
            progress(f"landmine-monitor import {year}/ --edition {year} --publish ({len(files)} files)…")
            edition.child = run_child(
                [*console_script(), "import", str(folder), "--edition", str(year), "--publish"],
                env,
                remaining,
                Path(tmp) / f"import-{year}.stderr",
            )
            child = edition.child
            if child.returncode != 0 and not child.stopped:
                message = _tail(child.stderr or "", 5) or "no message"
                result.problems.append(f"import {year} exited with {child.returncode}: {message}")
        progress("checking the database…")
        try:
            result.verified = verify(data_dir, corpus_dir)
        except (BenchmarkError, subprocess.TimeoutExpired) as error:
            result.problems.append(f"the check could not run: {error}")
        else:
            result.problems += _check(result, generated)
    return result


def _check(result: ImportResult, generated: corpus.Corpus) -> list[str]:
    """What is wrong with the database's counts: every report the commands saved must be a live
    page with as many footnotes as its file; with no stop, every report of the corpus."""
    found = result.verified or {}
    problems = []
    expected = result.imported if result.stopped else result.reports
    if found.get("pages") != expected or found.get("live") != expected:
        pages, live = found.get("pages"), found.get("live")
        problems.append(f"{pages} report pages ({live} live) in the database, expected {expected}")
    if not found.get("footnotes"):
        problems.append("no footnotes in the database")
    by_file = found.get("footnotes_by_file", {})
    wrong = [
        f"{r.path.name}: {by_file[str(r.path)]} footnotes, the file has {r.footnotes}"
        for r in generated.reports
        if str(r.path) in by_file and by_file[str(r.path)] != r.footnotes
    ]
    if wrong:
        problems.append(f"{len(wrong)} reports with the wrong number of footnotes, e.g. {wrong[0]}")
    return problems


# Profiling: `python -m benchmarks.import_bench --profile N`


def profile(reports: int, out: Path | None, top: int, timeout_s: float) -> int:
    """Import `reports` reports (all editions, in one process) under cProfile in a fresh folder;
    print the top functions by cumulative and by own time. The child is stopped at `timeout_s`."""
    with tempfile.TemporaryDirectory(prefix="lm-bench-profile-") as tmp:
        data_dir, corpus_dir = Path(tmp) / "data", Path(tmp) / "corpus"
        data_dir.mkdir()
        print("landmine-monitor setup --no-account…", flush=True)
        setup_bench.setup_total(data_dir)
        generated = corpus.generate(corpus_dir, reports)
        stats = out or Path(tmp) / "import.prof"
        jobs = [f"{folder}:{year}" for year, folder in generated.editions.items()]
        print(
            f"profiling the import of {reports} reports ({generated.total_bytes / 1e6:.1f} MB)…", flush=True
        )
        done = subprocess.run(
            [PYTHON, "-m", "benchmarks.import_bench", "_profile-child", str(stats), str(top), *jobs],
            cwd=REPO_ROOT,
            env=child_env(data_dir),
            timeout=timeout_s,
            check=False,
        )
        if out:
            print(f"profile saved to {out} (open with `python -m pstats {out}` or snakeviz)")
        return done.returncode


def _profile_child(stats_path: str, top: str, jobs: list[str]) -> int:
    import cProfile
    import io
    import pstats

    import django

    django.setup()
    from django.core.management import call_command

    profiler = cProfile.Profile()
    started = time.perf_counter()
    for job in jobs:
        folder, year = job.rsplit(":", 1)
        profiler.enable()
        call_command("import", folder, edition=int(year), publish=True, stdout=io.StringIO())
        profiler.disable()
    print(f"imported in {time.perf_counter() - started:.1f} s (under cProfile, which slows Python code down)")
    profiler.dump_stats(stats_path)
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(int(top))
    stats.sort_stats("tottime").print_stats(int(top) // 2)
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_profile-child"]:
        return _profile_child(argv[1], argv[2], argv[3:])
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.import_bench",
        description="Benchmark 3 alone: time `landmine-monitor import` on a synthetic corpus "
        "(see benchmarks/README.md).",
    )
    parser.add_argument(
        "--reports", type=int, default=REPORTS, help=f"reports in the corpus (default {REPORTS})"
    )
    parser.add_argument(
        "--limit",
        type=float,
        default=LIMIT_S,
        help=f"time limit for the imports, s (default {LIMIT_S:.0f}; 4 times it with --profile)",
    )
    parser.add_argument("--profile", type=int, metavar="N", help="profile the import of N reports instead")
    parser.add_argument("--profile-out", type=Path, help="keep the cProfile stats in this file")
    parser.add_argument("--top", type=int, default=40, help="functions to print when profiling")
    args = parser.parse_args(argv)
    if args.profile:
        return profile(args.profile, args.profile_out, args.top, args.limit * 4)
    result = run(args.reports, args.limit, progress=lambda text: print(f"  {text}", flush=True))
    print(json.dumps(summary(result), indent=2))
    return 0


def summary(result: ImportResult) -> dict:
    """The figures as plain data."""
    times = result.seconds_per_report()
    return {
        "reports": result.reports,
        "imported": result.imported,
        "corpus_mb": round(result.corpus_bytes / 1e6, 2),
        "imported_mb": round(result.imported_bytes / 1e6, 2),
        "setup_s": round(result.setup_s, 2),
        "generate_s": round(result.generate_s, 2),
        "import_s": round(result.total_s, 2),
        "import_cpu_s": round(result.cpu_s, 2),
        "stopped_at_limit": result.stopped,
        "reports_per_s": round(result.per_second, 3),
        "mb_per_s": round(result.mb_per_second, 4),
        "projected_s": round(result.projected_s, 1),
        "target_s": target_s(result.reports),
        "peak_rss_mb": round(result.peak_rss_mb, 1),
        "first_50_s_per_report": round(sum(times[:50]) / len(times[:50]), 3) if times else None,
        "last_50_s_per_report": round(sum(times[-50:]) / len(times[-50:]), 3) if times else None,
        "editions": [
            {
                "year": e.year,
                "files": e.files,
                "saved": len(e.saved),
                "wall_s": round(e.child.wall_s, 2) if e.child else None,
                "cpu_s": round(e.child.cpu_s, 2) if e.child else None,
                "peak_rss_mb": round(e.child.maxrss_mb, 1) if e.child else None,
                "stopped": e.child.stopped if e.child else None,
                "counts": e.counts,
                "failures": e.failures[:3],
            }
            for e in result.editions
        ],
        "verified": {k: v for k, v in (result.verified or {}).items() if k != "footnotes_by_file"},
        "problems": result.problems,
    }


if __name__ == "__main__":
    raise SystemExit(main())
