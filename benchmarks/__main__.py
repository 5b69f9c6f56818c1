"""`python -m benchmarks`: run every benchmark and print the figures beside their targets.

Always exits 0: benchmarks report, they do not fail a build. A benchmark that could not run at
all shows ERROR with the reason.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path

from rich.console import Console
from rich.table import Table

from . import api_bench, import_bench, load_bench, setup_bench
from ._env import median

LOAD_TARGET_S = 10.0
VERDICTS: list[str] = []  # PASS / MISS / ERROR of every benchmark that has a target


def _verdict(value: float | None, target: float | None) -> str:
    if target is None:
        return "[dim]report[/]"
    if value is None or value != value:  # None or NaN
        VERDICTS.append("ERROR")
        return "[bold red]ERROR[/]"
    VERDICTS.append("PASS" if value < target else "MISS")
    return "[bold green]PASS[/]" if value < target else "[bold red]MISS[/]"


def _verdict_at_least(value: float | None, minimum: float) -> str:
    if value is None or value != value:
        VERDICTS.append("ERROR")
        return "[bold red]ERROR[/]"
    VERDICTS.append("PASS" if value >= minimum else "MISS")
    return "[bold green]PASS[/]" if value >= minimum else "[bold red]MISS[/]"


def _error_text(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}".strip()


def _context_line(db: str) -> str:
    import django

    cpus = os.cpu_count()
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cpus
    cpu_text = f"{cpus} CPUs" + (f" ({usable} usable)" if usable != cpus else "")
    if hasattr(os, "getloadavg"):  # a busy machine explains noisy figures
        cpu_text += f", load {os.getloadavg()[0]:.1f}"
    return (
        f"Python {platform.python_version()} ({platform.python_implementation()}) · {cpu_text} · "
        f"{platform.system()} {platform.machine()} · Django {django.get_version()} · "
        f"database: {db} · temp dir: {tempfile.gettempdir()}"
    )


def run_setup(console: Console, served_dir: Path) -> tuple[Table, str, bool]:
    """Benchmark 1; leaves `served_dir` set up for the API benchmark. Returns the table, the
    database vendor and version the children used, and whether `served_dir` is set up."""
    table = Table(
        title=f"1. Setting up a fresh SQLite database (median of {setup_bench.RUNS} runs)",
        title_justify="left",
    )
    table.add_column("step")
    table.add_column("median", justify="right")
    table.add_column("runs", justify="right")
    table.add_column("target", justify="right")
    table.add_column("result", justify="center")

    runs: list[setup_bench.LoadRun] = []
    error = None
    for n in range(setup_bench.RUNS):
        console.print(f"[dim]  load run {n + 1}/{setup_bench.RUNS}…[/]")
        try:
            runs.append(setup_bench.load_once())
        except Exception as exc:  # report and carry on with the other benchmarks
            error = exc
            break
    if runs and error is None:
        migrate = [r.migrate_s for r in runs]
        load = [r.load_s for r in runs]
        rows = sum(runs[0].created.values())
        table.add_row(
            "migrate",
            f"{median(migrate):.2f} s",
            " / ".join(f"{v:.2f}" for v in migrate),
            "—",
            _verdict(None, None),
        )
        table.add_row(
            f"load reference data ({rows:,} rows)",
            f"{median(load):.2f} s",
            " / ".join(f"{v:.2f}" for v in load),
            f"< {LOAD_TARGET_S:.0f} s",
            _verdict(median(load), LOAD_TARGET_S),
        )
    if error is not None:
        table.add_row(
            "load reference data", "—", "—", f"< {LOAD_TARGET_S:.0f} s", _verdict(None, LOAD_TARGET_S)
        )
        console.print(f"[red]load benchmark failed: {_error_text(error)}[/]")

    db = f"{runs[0].vendor} {runs[0].version}" if runs else "sqlite"
    label = "setup total (`landmine-monitor setup --no-account`, 1 run)"
    console.print("[dim]  landmine-monitor setup --no-account…[/]")
    try:
        total = setup_bench.setup_total(served_dir)
    except Exception as exc:
        table.add_row(label, "—", "—", "—", "[bold red]ERROR[/]")
        console.print(f"[red]setup failed: {_error_text(exc)}[/]")
        return table, db, False
    table.add_row(label, f"{total:.2f} s", "", "—", _verdict(None, None))
    return table, db, True


def run_api(console: Console, served_dir: Path) -> tuple[Table, list[str]]:
    """Benchmark 2, against a server on the set-up `served_dir`; returns the table and notes."""
    table = Table(
        title=(
            f"2. API over HTTP: `landmine-monitor serve` on 127.0.0.1, {api_bench.REQUESTS} "
            f"sequential keep-alive requests after {api_bench.WARMUP} warm-up"
        ),
        title_justify="left",
    )
    table.add_column("endpoint")
    table.add_column("n", justify="right")
    table.add_column("median", justify="right")
    table.add_column("p95", justify="right")
    table.add_column("max", justify="right")
    table.add_column("req/s", justify="right")
    table.add_column("target", justify="right")
    table.add_column("result", justify="center")
    notes: list[str] = []

    with api_bench.running_server(served_dir) as port:
        for endpoint in api_bench.ENDPOINTS:
            console.print(f"[dim]  {endpoint.label}…[/]")
            result = api_bench.run_loop(port, endpoint)
            target = endpoint.target_median_ms
            ok = bool(result.timings_s)
            table.add_row(
                endpoint.label,
                f"{len(result.timings_s)}" + (f" (+{result.errors} err)" if result.errors else ""),
                f"{result.median_ms:.1f} ms" if ok else "—",
                f"{result.p95_ms:.1f} ms" if ok else "—",
                f"{result.max_ms:.1f} ms" if ok else "—",
                f"{result.per_second:.0f}" if ok else "—",
                f"median < {target:.0f} ms" if target else "—",
                _verdict(result.median_ms if ok and not result.errors else None, target)
                if target
                else ("[dim]report[/]" if ok and not result.errors else "[bold red]ERROR[/]"),
            )
            if result.errors:
                notes.append(
                    f"{endpoint.label}: {result.errors} failed requests, first: {result.first_error}"
                )
            if result.stopped_early:
                notes.append(
                    f"{endpoint.label}: stopped after {api_bench.LOOP_LIMIT_S:.0f} s "
                    f"({len(result.timings_s)} of {api_bench.REQUESTS} requests)"
                )
            if result.reconnects:
                notes.append(f"{endpoint.label}: the server closed the connection {result.reconnects} times")
    return table, notes


def run_load(console: Console, served_dir: Path) -> tuple[Table, list[str]]:
    """Benchmark 4: public pages under 16 concurrent clients; returns the table and notes."""
    lb = load_bench
    table = Table(
        title=(
            f"4. Public pages under load: wrk in a second process, {lb.CLIENTS} concurrent keep-alive "
            f"clients for {lb.DURATION_S} s each, against `landmine-monitor serve` (SQLite)"
        ),
        title_justify="left",
    )
    for column in ("page", "requests", "req/s", "median", "p95", "p99", "max", "target", "result"):
        table.add_column(column, justify="left" if column in ("page", "target") else "right")
    notes: list[str] = []
    console.print("[dim]  pages under load (about a minute)…[/]")
    results = lb.run(served_dir)
    static = results[0]
    for result in results:
        cached = result.label.endswith(", cached")
        ok = result.requests > 0 and not result.errors
        cells = [
            result.label,
            f"{result.requests}" + (f" ({result.errors} err)" if result.errors else ""),
            f"{result.per_second:.0f}",
            f"{result.median_ms:.1f} ms",
            f"{result.p95_ms:.1f} ms",
            f"{result.p99_ms:.1f} ms",
            f"{result.max_ms:.1f} ms",
        ]
        if cached:
            share = result.per_second / static.per_second if static.per_second else None
            table.add_row(
                *cells,
                f"median < {lb.TARGET_MEDIAN_MS:.0f} ms",
                _verdict(result.median_ms if ok else None, lb.TARGET_MEDIAN_MS),
            )
            table.add_row(
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                f"p95 < {lb.TARGET_P95_MS:.0f} ms",
                _verdict(result.p95_ms if ok else None, lb.TARGET_P95_MS),
            )
            table.add_row(
                "",
                "",
                f"{share:.0%} of static" if share else "—",
                "",
                "",
                "",
                "",
                f"≥ {lb.TARGET_STATIC_SHARE:.0%} of static req/s",
                _verdict_at_least(share if ok else None, lb.TARGET_STATIC_SHARE),
            )
        else:
            table.add_row(*cells, "—", "[dim]report[/]" if ok else "[bold red]ERROR[/]")
        if result.errors:
            notes.append(f"{result.label}: {result.errors} failed requests")
    return table, notes


def run_import(console: Console) -> tuple[Table, list[str]]:
    """Benchmark 3, in its own fresh folder; returns the table and notes."""
    n = import_bench.REPORTS
    target_s = import_bench.target_s(n)
    table = Table(
        title=(
            f"3. Importing {n:,} country reports into a fresh SQLite database: `landmine-monitor "
            f"import <folder> --edition YEAR --publish`, one command per edition"
        ),
        title_justify="left",
    )
    columns = ["step", "reports", "MB", "time", "CPU", "reports/s", "MB/s", "peak RSS", "target", "result"]
    for name in columns:
        table.add_column(name, justify="left" if name == "step" else "right")

    def row(step: str, **cells: str) -> None:
        cells.setdefault("target", "—")
        cells.setdefault("result", _verdict(None, None))
        table.add_row(
            step, *(cells.get(name.replace("/", "_per_").replace(" ", "_"), "") for name in columns[1:])
        )

    notes: list[str] = []
    result = import_bench.run(progress=lambda text: console.print(f"[dim]  {text}[/]"))
    row("setup --no-account", time=f"{result.setup_s:.1f} s")
    row(
        f"write the corpus ({result.markdown} .md)",
        reports=f"{result.reports:,}",
        MB=f"{result.corpus_bytes / 1e6:.1f}",
        time=f"{result.generate_s:.1f} s",
    )
    for edition in result.editions:
        child = edition.child
        if child is None:
            row(f"import {edition.year}", reports=f"0 of {edition.files}", time="skipped", result="")
            continue
        saved = len(edition.saved)
        megabytes = edition.saved_bytes(result.sizes) / 1e6
        row(
            f"import {edition.year}" + (" (stopped)" if child.stopped else ""),
            reports=f"{saved}" if saved == edition.files else f"{saved} of {edition.files}",
            MB=f"{megabytes:.1f}",
            time=f"{child.wall_s:.1f} s",
            CPU=f"{child.cpu_s:.1f} s",
            reports_per_s=f"{saved / child.wall_s:.2f}" if child.wall_s else "—",
            MB_per_s=f"{megabytes / child.wall_s:.3f}" if child.wall_s else "—",
            peak_RSS=f"{child.maxrss_mb:.0f} MB",
        )
    ok = not result.problems and result.imported > 0
    # Stopped at the limit: the true total is longer than both the time spent and the projection.
    measured = max(result.projected_s, result.total_s) if ok else None
    row(
        "import, total" + (" (→ projected)" if result.stopped else ""),
        reports=f"{result.imported:,}"
        + (f" of {result.reports:,}" if result.imported != result.reports else ""),
        MB=f"{result.imported_bytes / 1e6:.1f}",
        time=f"{result.total_s:.1f} s" + (f" → {result.projected_s:.0f} s" if result.stopped else ""),
        CPU=f"{result.cpu_s:.1f} s",
        reports_per_s=f"{result.per_second:.2f}",
        MB_per_s=f"{result.mb_per_second:.3f}",
        target=f"< {target_s:.0f} s" if target_s >= 10 else f"< {target_s:.1f} s",
        result=_verdict(measured, target_s),
    )
    row(
        "import, peak RSS",
        peak_RSS=f"{result.peak_rss_mb:.0f} MB",
        target=f"< {import_bench.TARGET_RSS_MB:.0f} MB",
        result=_verdict(result.peak_rss_mb if ok else None, import_bench.TARGET_RSS_MB),
    )
    found = result.verified or {}
    if found:
        row(
            "check: live pages",
            reports=f"{found.get('live', 0):,}",
            target="= reports saved",
            result="[bold green]OK[/]" if ok else "[bold red]WRONG[/]",
        )
        notes.append(
            f"import check: {found.get('live', 0):,} live report pages, {found.get('footnotes', 0):,} "
            f"footnotes, {found.get('citations', 0):,} citations, {found.get('sources', 0):,} sources "
            f"in the database"
        )
    if result.stopped:
        notes.append(
            f"import: stopped at the {result.limit_s:.0f} s limit (LM_BENCH_IMPORT_LIMIT_S) after "
            f"{result.imported:,} of {result.reports:,} reports; the total is projected at the rate measured"
        )
    times = result.seconds_per_report()
    k = min(50, len(times) // 3)
    if k >= 3:
        notes.append(
            f"import: {sum(times[:k]) / k:.2f} s per report for the first {k}, "
            f"{sum(times[-k:]) / k:.2f} s for the last {k} (the database grows as it goes)"
        )
    for edition in result.editions:
        if edition.failures:
            failed = edition.failures
            notes.append(f"import {edition.year}: {len(failed)} files failed, first: {failed[0]}")
    notes += [f"import check: {problem}" for problem in result.problems]
    return table, notes


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(
        prog="python -m benchmarks",
        description=(
            "Time loading the reference data into a fresh SQLite database, the API's latency "
            "against `landmine-monitor serve` on 127.0.0.1, public pages under 16 concurrent clients "
            "(wrk), and importing a synthetic corpus of "
            "country reports (LM_BENCH_REPORTS, default 1,000); print the figures beside their "
            "targets. Always exits 0. See benchmarks/README.md."
        ),
    ).parse_args(argv)
    interactive = sys.stdout.isatty()
    console = Console(highlight=False, width=None if interactive else 140)
    started = time.perf_counter()
    console.print("[bold]Landmine Monitor benchmarks[/]")

    tables: list[Table] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="lm-bench-serve-") as tmp:
        served_dir = Path(tmp)
        setup_table, db, served_ready = run_setup(console, served_dir)
        tables.append(setup_table)
        if not served_ready:
            notes.append("`landmine-monitor setup` failed, so the API could not be measured")
        else:
            try:
                api_table, api_notes = run_api(console, served_dir)
                tables.append(api_table)
                notes.extend(api_notes)
            except Exception as exc:
                notes.append(f"API benchmark failed: {_error_text(exc)}")
                traceback.print_exc()
            try:
                load_table, load_notes = run_load(console, served_dir)
                tables.append(load_table)
                notes.extend(load_notes)
            except Exception as exc:
                notes.append(f"load benchmark failed: {_error_text(exc)}")
                traceback.print_exc()
    try:
        import_table, import_notes = run_import(console)
        tables.append(import_table)
        notes.extend(import_notes)
    except Exception as exc:
        notes.append(f"import benchmark failed: {_error_text(exc)}")
        traceback.print_exc()

    console.print()
    console.print(_context_line(db))
    for table in tables:
        console.print()
        console.print(table)
    for note in notes:
        console.print(f"[yellow]note:[/] {note}")
    # reference load, API targets, 2 pages x (median, p95, share of static), import time and memory
    expected = 1 + sum(1 for e in api_bench.ENDPOINTS if e.target_median_ms is not None) + 6 + 2
    passed, missed = VERDICTS.count("PASS"), VERDICTS.count("MISS")
    summary = f"Targets: {passed} PASS, {missed} MISS"
    if passed + missed < expected:
        summary += f", {expected - passed - missed} not measured (ERROR)"
    console.print(f"\n{summary} · finished in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
