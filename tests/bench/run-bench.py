#!/usr/bin/python3
"""build-aux/dev bench: every performance figure of DESIGN.md, side by side in one run.

Runs inside build-aux/headless-session (Xvfb, a private session bus, at-spi), so the app and the
bare window it is compared against start under the same conditions.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

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


# The same columns as `knotless export pain`, from SQLite's own CSV printer: the reference.
SQLITE_PAIN_CSV = """
SELECT e.id,
  strftime ('%Y-%m-%dT%H:%M:%S',
            (e.at_ms - ((e.at_ms % 1000) + 1000) % 1000) / 1000 + e.utc_offset_min * 60,
            'unixepoch')
    || printf ('%s%02d:%02d', CASE WHEN e.utc_offset_min < 0 THEN '-' ELSE '+' END,
               abs (e.utc_offset_min) / 60, abs (e.utc_offset_min) % 60) AS recorded_at,
  e.pain_now AS pain_now, e.pain_worst AS pain_worst_24h, e.pain_least AS pain_least_24h,
  (SELECT group_concat (item, ';') FROM
    (SELECT l.knot_id || coalesce ('=' || l.pain, '') AS item FROM entry_locations l
      WHERE l.entry_id = e.id AND l.knot_id IS NOT NULL ORDER BY l.id)) AS knots,
  (SELECT group_concat (item, ';') FROM
    (SELECT l.region || coalesce ('=' || l.pain, '') AS item FROM entry_locations l
      WHERE l.entry_id = e.id AND l.knot_id IS NULL ORDER BY l.id)) AS regions,
  (SELECT group_concat (name, ';') FROM
    (SELECT f.name FROM entry_factors ef JOIN factors f ON f.id = ef.factor_id
      WHERE ef.entry_id = e.id
      ORDER BY f.builtin DESC, CASE WHEN f.builtin THEN f.id END, f.name)) AS factors,
  e.interference_activity, e.interference_mood, e.interference_sleep, e.interference_work,
  e.medication, e.medication_helped AS medication_helped_pct, e.note
FROM pain_entries e ORDER BY e.at_ms, e.id
"""


def grow_journal(db_path, target):
    """Copies the ten years back in time until the journal holds about @target entries."""
    import sqlite3
    db = sqlite3.connect(db_path)
    (n,) = db.execute("SELECT max (id) FROM pain_entries").fetchone()
    decade_ms = 3650 * 86400 * 1000
    copies = max(0, (target + n - 1) // n - 1)
    with db:
        for k in range(1, copies + 1):
            db.execute("INSERT INTO pain_entries SELECT id + ?1, at_ms - ?2, utc_offset_min,"
                       " pain_now, pain_worst, pain_least, interference_activity,"
                       " interference_mood, interference_sleep, interference_work, medication,"
                       " medication_helped, note FROM pain_entries WHERE id <= ?3",
                       (k * n, k * decade_ms, n))
            db.execute("INSERT INTO entry_factors SELECT entry_id + ?1, factor_id"
                       " FROM entry_factors WHERE entry_id <= ?2", (k * n, n))
            db.execute("INSERT INTO entry_locations (entry_id, knot_id, region, pain)"
                       " SELECT entry_id + ?1, knot_id, region, pain FROM entry_locations"
                       " WHERE entry_id <= ?2", (k * n, n))
    (total,) = db.execute("SELECT count (*) FROM pain_entries").fetchone()
    db.close()
    return total


def timed(argv, stdout):
    """Wall time (s) and peak RSS (MB) of one run of argv."""
    import resource
    import time
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os.dup2(stdout.fileno(), 1)
        os.execv(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{argv} failed")
    return time.monotonic() - start, usage.ru_maxrss / 1024


def export(build, runs=5):
    gen_db = os.path.join(build, "tests", "bench", "kl-gen-db")
    knotless = os.path.join(build, "src", "knotless")
    with tempfile.TemporaryDirectory(prefix="knotless-bench-") as scratch:
        folder = make_database(gen_db, os.path.join(scratch, "journal"))
        db_path = os.path.join(folder, "knotless.db")
        total = grow_journal(db_path, 1_000_000)
        ours, theirs, rss = [], [], []
        out = os.path.join(scratch, "out.csv")
        for _ in range(runs):
            with open(os.devnull, "w") as null:
                seconds, peak = timed([knotless, "--data-dir", folder, "export", "pain", "-o", out],
                                      null)
                ours.append(seconds)
                rss.append(peak)
                seconds, _ = timed(["/usr/bin/sqlite3", "-csv", "-header", "-readonly", db_path,
                                    SQLITE_PAIN_CSV], null)
                theirs.append(seconds)
        size = os.path.getsize(out)
    ours.sort()
    theirs.sort()
    rss.sort()
    a, b, r = ours[len(ours) // 2], theirs[len(theirs) // 2], rss[len(rss) // 2]
    print(f"\nCSV export of {total:,} pain entries (median of {runs} interleaved runs)")
    print(f"  {'knotless export pain -o FILE':40} {a:7.2f} s   {size / 1e6:6.0f} MB written")
    print(f"  {'sqlite3 -csv, the same columns':40} {b:7.2f} s")
    ratio_ok = a <= b
    rss_ok = r < 30
    print(f"  {'ratio knotless / sqlite3':40} {a / b:7.2f}     budget <= 1  "
          f"{'ok' if ratio_ok else 'OVER'}")
    print(f"  {'peak RSS of knotless export':40} {r:7.1f} MB  budget < 30 MB  "
          f"{'ok' if rss_ok else 'OVER'}")
    return not (ratio_ok and rss_ok)


def _proc_totals(pid):
    """Per thread, its voluntary context switches (it slept and was woken); the CPU ticks of the
    whole process, its threads' included; and its resident memory."""
    wakeups = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status") as f:
                for line in f:
                    if line.startswith("voluntary_ctxt_switches:"):
                        wakeups[task] = int(line.split()[1])
        except FileNotFoundError:
            pass  # a thread that ended meanwhile
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
        ticks = sum(int(field) for field in fields[11:15])  # utime stime cutime cstime
    rss = anon = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
            elif line.startswith("RssAnon:"):
                anon = int(line.split()[1]) / 1024
    return wakeups, ticks, (rss, anon)


def idle_cost(argv, seconds, env=None, settle=5.0):
    """Wakeups per minute, CPU seconds, RSS and its private (anonymous) part, in MB, of a
    program left alone for @seconds."""
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        time.sleep(settle)
        if process.poll() is not None:
            return None
        w0, t0, _ = _proc_totals(process.pid)
        time.sleep(seconds)
        w1, t1, rss = _proc_totals(process.pid)
        if process.poll() is not None:
            return None
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    hz = os.sysconf("SC_CLK_TCK")
    # A thread that ended meanwhile is left out; one that started counts from nothing.
    woken = sum(count - w0.get(task, 0) for task, count in w1.items())
    return woken * 60.0 / seconds, (t1 - t0) / hz, rss[0], rss[1]


def background(build, seconds=60):
    """knotless --background with its default reminders on, beside the break timers Debian
    packages, each left idle on the same headless session."""
    knotless = os.path.join(build, "src", "knotless")
    rows = []
    with tempfile.TemporaryDirectory(prefix="knotless-bench-") as scratch:
        config = os.path.join(scratch, "config")
        # Safe Eyes copies its settings in on first run, into a folder it expects to exist.
        os.makedirs(os.path.join(config, "safeeyes", "style"))
        env = dict(os.environ, XDG_CONFIG_HOME=config)
        # The first-run reminders: a micro-break every 20 min, a stretch every 50 min.
        subprocess.run([knotless, "--data-dir", scratch, "reminders"], check=True,
                       stdout=subprocess.DEVNULL)
        rows.append(("knotless --background",
                     idle_cost([knotless, "--data-dir", scratch, "--background"], seconds, env)))
        for name, argv in (("workrave", ["/usr/bin/workrave"]),
                           ("safeeyes", ["/usr/bin/safeeyes"])):
            if not os.path.exists(argv[0]):
                rows.append((name + " (not installed)", ()))
                continue
            rows.append((name, idle_cost(argv, seconds, env)))

    print(f"\nIn the background, idle for {seconds} s (after 5 s to settle)")
    # RSS counts shared library pages too (GTK opening the display loads Mesa, and with it
    # LLVM, for every GTK 4 program here); "private" is the memory that is the program's own.
    print(f"  {'':28} {'wakeups/min':>12} {'CPU s':>8} {'RSS MB':>8} {'private MB':>11}")
    for name, cost in rows:
        if cost == ():
            print(f"  {name}")
        elif cost is None:
            print(f"  {name:28} {'(did not keep running)':>30}")
        else:
            print(f"  {name:28} {cost[0]:12.0f} {cost[1]:8.2f} {cost[2]:8.1f} {cost[3]:11.1f}")
    # DESIGN.md: at most one wakeup a minute with reminders on.
    ours = rows[0][1]
    over = ours is None or ours[0] > 1.0
    print(f"  knotless wakeups/min: budget ≤ 1 {'over' if over else 'ok'}")
    return over


def _window_cost(helper, mode, folder, seconds, env):
    """CPU % of one core, wakeups (voluntary context switches, all threads) and frames painted
    by kl-bench-player MODE over @seconds, after it has settled and said "ready"."""
    process = subprocess.Popen([helper, mode, folder], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    try:
        if process.stdout.readline().strip() != "ready":
            raise RuntimeError(f"kl-bench-player {mode} did not get ready")
        # Having said "ready", it goes back to sleep in poll(): let it, or that one switch
        # counts as a wakeup.
        time.sleep(0.5)
        w0, t0, _ = _proc_totals(process.pid)
        start = time.monotonic()
        time.sleep(seconds)
        w1, t1, _ = _proc_totals(process.pid)
        elapsed = time.monotonic() - start
        process.terminate()
        out, _ = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    frames = int(out.split()[1]) if out.startswith("frames") else -1
    hz = os.sysconf("SC_CLK_TCK")
    woken = sum(count - w0.get(task, 0) for task, count in w1.items())
    return 100.0 * (t1 - t0) / hz / elapsed, woken, frames


def player(build, drift_seconds=120, seconds=30):
    """The routine player: real-clock drift, CPU while the breathing disc moves, and nothing at
    all while it is paused."""
    helper = os.path.join(build, "tests", "bench", "kl-bench-player")
    env = dict(os.environ, GSK_RENDERER="cairo")
    env["GSETTINGS_SCHEMA_DIR"] = os.path.join(build, "data") + \
        (":" + env["GSETTINGS_SCHEMA_DIR"] if env.get("GSETTINGS_SCHEMA_DIR") else "")
    over = False

    def verdict(ok):
        nonlocal over
        over = over or not ok
        return "ok" if ok else "OVER"

    with tempfile.TemporaryDirectory(prefix="knotless-bench-") as scratch:
        drifts = []
        # A real 20 minutes would make the bench five times as long as it is: the first
        # @drift_seconds of the 20-minute routine on the real clock, then all of it on a clock
        # ten times as fast, so every boundary of the 20 minutes is met once.
        for scale in (1, 10):
            out = subprocess.run([helper, "drift", scratch, str(drift_seconds), str(scale)],
                                 check=True, capture_output=True, text=True, env=env).stdout
            drifts.append((scale, [float(v) for v in out.split()[1:]], os.getloadavg()[0]))
        breathe = _window_cost(helper, "breathe", scratch, seconds, env)
        # With GL, which on a machine without a GPU is Mesa's software rasteriser repainting the
        # whole window on every frame drawn: what counts there is how few frames are drawn.
        breathe_gl = _window_cost(helper, "breathe", scratch, seconds,
                                  dict(env, GSK_RENDERER="gl"))
        spinner = _window_cost(helper, "spinner", scratch, seconds, env)
        # Paused, the player asks for nothing; what can still wake it comes from outside (a
        # D-Bus signal, an X event), now and then. The median of three runs, all three shown.
        paused_runs = [_window_cost(helper, "paused", scratch, seconds, env) for _ in range(3)]
        paused = tuple(statistics.median(run[i] for run in paused_runs) for i in range(3))

    print("\nRoutine player (resonance breathing, cairo renderer, window 1280×800)")
    # The boundaries are seen as late as the kernel wakes the process: on a loaded machine that
    # is most of the figure, so the load is printed with it.
    for scale, (max_ms, mean_ms, n, played, position_ms), load in drifts:
        clock = "real clock" if scale == 1 else f"clock ×{scale}"
        print(f"  {clock}, {played / 60:.0f} of the 20 minutes "
              f"(load average {load:.1f} on {os.cpu_count()} CPUs):")
        label = "  step boundary, |due − seen|"
        print(f"  {label:52} {max_ms:8.2f} ms   budget < 20 ms  {verdict(max_ms < 20)}"
              f"  (mean {mean_ms:.2f} of {n:.0f})")
        label = "  |runner position − real time elapsed|"
        print(f"  {label:52} {position_ms:8.2f} ms   budget < 20 ms  "
              f"{verdict(position_ms < 20)}")
    print(f"  {'':52} {'CPU %':>8} {'wakeups':>9} {'frames':>7}")
    for label, (cpu, woken, frames), budget in (
            (f"breathing disc animating, {seconds} s", breathe, None),
            ("  the same with the GL renderer", breathe_gl, None),
            (f"  reference: a bare window with a GtkSpinner", spinner, None),
            (f"paused, {seconds} s (median of 3)", paused, 0)):
        extra = "" if budget is None else \
            "  budget 0  " + verdict(woken == 0 and cpu == 0 and frames == 0)
        print(f"  {label:52} {cpu:8.1f} {woken:9.0f} {frames:7.0f}{extra}")
    print("  paused runs (CPU %, wakeups, frames): " +
          "; ".join(f"{cpu:.1f}, {woken}, {frames}" for cpu, woken, frames in paused_runs))
    return over


SECTIONS = ("startup", "body", "journal", "export", "background", "player")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default="_build")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("sections", nargs="*", metavar="SECTION",
                        help=f"only these sections (of {', '.join(SECTIONS)}); default: all")
    args = parser.parse_args()
    unknown = [name for name in args.sections if name not in SECTIONS]
    if unknown:
        parser.error(f"no such section: {', '.join(unknown)} (known: {', '.join(SECTIONS)})")
    chosen = args.sections or SECTIONS

    over = False
    for name in chosen:
        if name in ("startup", "body"):
            over = globals()[name](args.build, args.runs) or over
        else:
            over = globals()[name](args.build) or over
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
