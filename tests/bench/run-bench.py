#!/usr/bin/python3
"""build-aux/dev bench: every performance figure of DESIGN.md, side by side in one run.

Runs inside build-aux/headless-session (Xvfb, a private session bus, at-spi), so the app and the
bare window it is compared against start under the same conditions.
"""

import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench  # noqa: E402


def make_database(gen_db, folder, empty=False):
    subprocess.run([gen_db, folder] + (["--empty"] if empty else []), check=True,
                   stdout=subprocess.DEVNULL)
    return folder


def startup(build, runs):
    knotless = os.path.join(build, "src", "knotless")
    bare = os.path.join(build, "tests", "bench", "kl-bench-bare")
    gen_db = os.path.join(build, "tests", "bench", "kl-gen-db")

    with tempfile.TemporaryDirectory(prefix="knotless-bench-") as scratch:
        # The empty journal has the welcome acknowledged too, so both rows show the main window.
        empty = make_database(gen_db, os.path.join(scratch, "empty"), empty=True)
        full = make_database(gen_db, os.path.join(scratch, "ten-years"))
        size = os.path.getsize(os.path.join(full, "knotless.db"))
        print(f"10-year database: {size / 1e6:.1f} MB")

        rows = bench.compare([
            ("bare GTK+Adw window", [bare], None),
            ("knotless, empty", [knotless, "--data-dir", empty], None),
            ("knotless, 10 years", [knotless, "--data-dir", full], None),
        ], runs)
        print(f"\nStartup: median of {runs} interleaved runs after one warm-up each")
        return bench.print_table(rows, "bare GTK+Adw window",
                                 budget={"frame_ratio": bench.FRAME_RATIO_BUDGET,
                                         "rss_delta_mb": bench.RSS_DELTA_BUDGET_MB})


def run_body(bench_body, folder, renderer):
    env = dict(os.environ, GSK_RENDERER=renderer)
    out = subprocess.run([bench_body, folder], check=True, capture_output=True, text=True,
                         env=env).stdout
    return {line.split()[0]: line.split()[1:] for line in out.splitlines()}


def body(build, runs):
    gen_db = os.path.join(build, "tests", "bench", "kl-gen-db")
    bench_body = os.path.join(build, "tests", "bench", "kl-bench-body")
    budgets = {"hit-test": 50.0, "chart-frame": 4000.0, "chart-frame-knots": 4000.0,
               "page-ready": 50000.0}
    with tempfile.TemporaryDirectory(prefix="knotless-bench-") as scratch:
        full = make_database(gen_db, os.path.join(scratch, "ten-years"))
        # The budget is checked with GTK's cairo renderer: the work of the widget itself, the
        # same on any machine. GL is shown beside it; on a machine without a GPU it is Mesa's
        # software rasteriser, which repaints the whole window on every frame.
        figures = run_body(bench_body, full, "cairo")
        gl = run_body(bench_body, full, "gl")
    n = figures["chart-frame"][1]
    print("\nBody chart (median, 10-year database)")
    print(f"  {'':44} {'cairo':>9} {'GL':>9}")
    over = False
    for name, label in (("hit-test", "hit-test, one point over the back view"),
                        ("chart-frame", f"chart frame, {n} knots, focus moved"),
                        ("chart-frame-knots", f"chart frame, {n} knots, a knot changed"),
                        ("bare-frame", "bare window, same size, full repaint"),
                        ("page-ready", "Body page ready after the window")):
        value = float(figures[name][0])
        budget = budgets.get(name)
        ok = budget is None or value < budget
        over = over or not ok
        verdict = "" if budget is None else \
            f"budget < {budget / 1000:g} ms  {'ok' if ok else 'OVER'}"
        other = f"{float(gl[name][0]) / 1000:8.3f}" if name.endswith("frame") or \
            name.startswith("chart") else f"{'':8}"
        if name == "hit-test":
            print(f"  {label:44} {value:8.2f} {'':8} µs   budget < {budget:g} µs  "
                  f"{'ok' if ok else 'OVER'}")
            continue
        print(f"  {label:44} {value / 1000:8.3f} {other} ms   {verdict}")
    print(f"  (GL renderer here: {gl['renderer'][0]})")
    return over


def journal(build):
    gen_db = os.path.join(build, "tests", "bench", "kl-gen-db")
    bench_journal = os.path.join(build, "tests", "bench", "kl-bench-journal")
    with tempfile.TemporaryDirectory(prefix="knotless-bench-") as scratch:
        full = make_database(gen_db, os.path.join(scratch, "ten-years"))
        env = dict(os.environ, GSK_RENDERER="cairo")
        out = subprocess.run([bench_journal, full], check=True, capture_output=True, text=True,
                             env=env).stdout
    figures = {line.split()[0]: line.split()[1:] for line in out.splitlines()}
    print("\nJournal (median, 10-year database, cairo renderer)")
    over = False

    def row(label, value_us, budget_us=None, extra=""):
        nonlocal over
        ok = budget_us is None or value_us < budget_us
        over = over or not ok
        verdict = "" if budget_us is None else \
            f"budget < {budget_us / 1000:g} ms  {'ok' if ok else 'OVER'}"
        print(f"  {label:52} {value_us / 1000:8.2f} ms   {verdict}{extra}")

    row("page ready: store given → trend and history painted",
        float(figures["page-ready"][0]), 150000)
    row("page switch: already read → frame painted", float(figures["page-switch"][0]))
    median, slowest, screens = (float(v) for v in figures["scroll-frame"][:3])
    row(f"scroll frame, {screens:.0f} screens newest → oldest", median)
    row("  slowest of those frames", slowest, 16700)
    query = figures["main-query"]
    row(f"slowest main-thread SQL of {query[1]} statements", float(query[0]), 8000)
    print(f"  {'':52} ({' '.join(query[2:])}…)")
    row("check-in saved (knots, factors, note)", float(figures["check-in-save"][0]), 10000)
    return over


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default="_build")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()

    over = startup(args.build, args.runs)
    over = body(args.build, args.runs) or over
    over = journal(args.build) or over
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
