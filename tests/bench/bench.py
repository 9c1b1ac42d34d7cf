"""Startup benchmark harness for Knotless (stdlib only).

Measures time to first frame and peak RSS of GTK programs that implement
the first-frame protocol (see kl-bench-bare.c): the harness puts its
CLOCK_MONOTONIC time in µs into KL_BENCH_START_US just before spawning the
program, which prints "first-frame-us N" once its window has painted and
then quits.

Used by run-bench.py, which `build-aux/dev bench` runs inside the headless session.
"""

import os
import selectors
import statistics
import subprocess
import sys
import time

FIRST_FRAME_ENV = "KL_BENCH_START_US"
FIRST_FRAME_PREFIX = b"first-frame-us "

# Budgets for the knotless rows of `startup`, relative to the bare window.
FRAME_RATIO_BUDGET = 1.3
RSS_DELTA_BUDGET_MB = 25.0


def _monotonic_us():
    # Same clock as g_get_monotonic_time() in the child.
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000


def launch_first_frame(argv, env=None, timeout=30):
    """Run argv once; return (first_frame_ms, peak_rss_mb).

    env defaults to os.environ; KL_BENCH_START_US is added to a copy.
    Raises TimeoutError (after killing the child) if it has not both
    reported its first frame and exited within timeout seconds, and
    RuntimeError if it exits without reporting or with a failure status.
    """
    env = dict(os.environ if env is None else env)
    deadline = time.monotonic() + timeout
    env[FIRST_FRAME_ENV] = str(_monotonic_us())
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)
    fd = proc.stdout.fileno()
    output = b""
    status = rusage = None
    try:
        # Read stdout until the child exits (not just the first line, so a
        # chatty child never blocks on a full pipe), polling for its exit
        # rather than waiting for EOF, which a grandchild that inherited
        # stdout could hold off forever.  wait4() rather than Popen.wait()
        # because we want the child's rusage.
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while status is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(
                        f"{argv[0]}: did not exit within {timeout} s")
                if sel.select(min(remaining, 0.02)):
                    chunk = os.read(fd, 65536)
                    if chunk:
                        output += chunk
                    else:
                        sel.unregister(fd)
                pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    status, rusage = st, ru
                    proc.returncode = os.waitstatus_to_exitcode(status)
            # Whatever the child wrote before exiting is already buffered.
            while fd in sel.get_map() and sel.select(0):
                chunk = os.read(fd, 65536)
                if not chunk:
                    break
                output += chunk
    except BaseException:
        if proc.returncode is None:
            proc.kill()
            proc.wait()
        raise
    finally:
        proc.stdout.close()

    first_frame_us = None
    for line in output.splitlines():
        if line.startswith(FIRST_FRAME_PREFIX):
            first_frame_us = int(line[len(FIRST_FRAME_PREFIX):])
            break
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[0]}: exit status {proc.returncode}")
    if first_frame_us is None:
        raise RuntimeError(f"{argv[0]}: exited without a first-frame line")

    # ru_maxrss is in KiB on Linux; report decimal MB, as the budgets are written.
    return first_frame_us / 1000.0, rusage.ru_maxrss * 1024 / 1e6


def compare(cases, runs):
    """Benchmark cases, a list of (label, argv, env), runs times each.

    Runs are interleaved (A B C A B C ...) so that drift in machine load
    hits every case alike, after one discarded warm-up round that fills
    the page cache, font cache and so on.  Returns one dict per case, in
    order, with the label, the raw samples and the median/min/max of
    first frame (ms) and peak RSS (MB).
    """
    samples = {label: [] for label, _argv, _env in cases}
    for round_ in range(runs + 1):
        for label, argv, env in cases:
            result = launch_first_frame(argv, env)
            if round_ > 0:
                samples[label].append(result)

    rows = []
    for label, _argv, _env in cases:
        frames = [frame for frame, _rss in samples[label]]
        rsses = [rss for _frame, rss in samples[label]]
        rows.append({
            "label": label,
            "samples": samples[label],
            "frame_ms": statistics.median(frames),
            "frame_ms_min": min(frames),
            "frame_ms_max": max(frames),
            "rss_mb": statistics.median(rsses),
            "rss_mb_min": min(rsses),
            "rss_mb_max": max(rsses),
        })
    return rows


def _budget_status(row, base, budget):
    """Return (text, over) for row against baseline row base."""
    ratio = row["frame_ms"] / base["frame_ms"]
    delta = row["rss_mb"] - base["rss_mb"]
    frame_ok = ratio <= budget["frame_ratio"]
    rss_ok = delta <= budget["rss_delta_mb"]
    text = (f"≤{budget['frame_ratio']:g}× {'ok' if frame_ok else 'OVER'}, "
            f"≤ +{budget['rss_delta_mb']:g} MB "
            f"{'ok' if rss_ok else 'OVER'}")
    return text, not (frame_ok and rss_ok)


def print_table(rows, baseline_label, budget=None, file=None):
    """Print rows from compare() as a plain-text table.

    budget, if given, is a dict with "frame_ratio" (max first-frame ratio
    to the baseline), "rss_delta_mb" (max peak RSS above the baseline)
    and optionally "labels" (the rows it applies to; default all but the
    baseline).  Returns True if any row is over budget.
    """
    file = sys.stdout if file is None else file
    base = next(row for row in rows if row["label"] == baseline_label)
    budget_labels = None
    if budget is not None:
        budget_labels = budget.get("labels")
        if budget_labels is None:
            budget_labels = [row["label"] for row in rows
                             if row["label"] != baseline_label]

    header = ["case", "first frame ms", "min–max", "× base",
              "peak RSS MB", "Δ base MB"]
    if budget is not None:
        header.append("budget")

    table = [header]
    any_over = False
    for row in rows:
        is_base = row["label"] == baseline_label
        cells = [
            row["label"],
            f"{row['frame_ms']:.1f}",
            f"{row['frame_ms_min']:.1f}–{row['frame_ms_max']:.1f}",
            "—" if is_base else f"{row['frame_ms'] / base['frame_ms']:.2f}",
            f"{row['rss_mb']:.1f}",
            "—" if is_base else f"{row['rss_mb'] - base['rss_mb']:+.1f}",
        ]
        if budget is not None:
            if row["label"] in budget_labels:
                text, over = _budget_status(row, base, budget)
                any_over = any_over or over
            else:
                text = "baseline" if is_base else ""
            cells.append(text)
        table.append(cells)

    # Left-align the label and budget, right-align the numbers.
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for n, cells in enumerate(table):
        parts = []
        for i, cell in enumerate(cells):
            left = i == 0 or (budget is not None and i == len(cells) - 1)
            parts.append(cell.ljust(widths[i]) if left
                         else cell.rjust(widths[i]))
        print("  ".join(parts).rstrip(), file=file)
        if n == 0:
            print("  ".join("-" * w for w in widths), file=file)
    return any_over
