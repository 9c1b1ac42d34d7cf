#!/usr/bin/env python3
# The Breaks page with the real binary: the next reminder counting down, a reminder turned off
# in place and read back through the command line, a pause, a reminder added on the page and
# found by the command line, and screenshots light and dark, wide and narrow.

import os
import datetime
import re
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))

from knotless_e2e import BINARY, Knotless, click, fail, plain, wait_for  # noqa: E402


def cli(data_dir, *args):
    return subprocess.run([BINARY, "--data-dir", data_dir, *args], check=True,
                          capture_output=True, text=True).stdout


def reminders(data_dir):
    """The reminders as the command line lists them: dicts by column."""
    lines = cli(data_dir, "reminders").splitlines()
    header = lines[0].split(",")
    return [dict(zip(header, line.split(","))) for line in lines[1:]]


def labels(knotless, pattern):
    found = knotless.app.findChildren(lambda n: re.search(pattern, n.name or ""))
    return [n.name for n in found]


def open_breaks(knotless):
    knotless.key("alt+4")
    wait_for(lambda: knotless.selected_page() == "Breaks", "the Breaks page")


def main():
    knotless = Knotless()
    data_dir = knotless.data_dir
    # The first run's reminders, working every hour of every day so one is always counting.
    cli(data_dir, "reminders")
    subprocess.run(["sqlite3", os.path.join(data_dir, "knotless.db"),
                    "UPDATE working_hours SET start_min = 0, end_min = 1440"], check=True)
    before = reminders(data_dir)
    micro = [r for r in before if r["kind"] == "micro-break"][0]
    if micro["enabled"] != "yes":
        fail(f"the first run's micro-break is not on: {micro}")

    knotless.start()
    try:
        knotless.key("Return")  # "I Understand" on the welcome
        wait_for(lambda: knotless.query(
            "SELECT count(*) FROM acknowledgements")[0][0] == 1, "the welcome acknowledged")
        knotless.resize(1280, 800)
        open_breaks(knotless)

        # The next reminder, counting down in minutes and seconds.
        first = wait_for(lambda: labels(knotless, r"^Micro-break in \d+:\d\d$"),
                         "the micro-break's countdown")[0]
        wait_for(lambda: labels(knotless, r"^Micro-break in \d+:\d\d$") not in ([], [first]),
                 "the countdown to move on")
        if not labels(knotless, r"^Desk time today: "):
            fail("the page does not say today's desk time")
        knotless.screenshot("breaks-wide-light")

        # Off, in place: the command line sees it off.
        knotless.find("Micro-break on", "check box").doActionNamed("toggle")
        wait_for(lambda: [r for r in reminders(data_dir) if r["id"] == micro["id"]][0]["enabled"]
                 == "no", "the micro-break stored as off")

        # Paused for 30 minutes: said on the page, kept in the store.
        click(knotless.find("Pause Reminders"))
        click(knotless.find("For 30 Minutes"))
        wait_for(lambda: labels(knotless, r"^Paused until \d\d:\d\d$"), "the page to say paused")
        paused = knotless.query("SELECT paused_until_ms FROM break_settings")[0][0]
        minutes = (paused / 1000 - time.time()) / 60
        if not 28 < minutes <= 30:
            fail(f"the pause stored ends in {minutes:.1f} min, not 30")
        knotless.find("Resume Reminders")
        knotless.screenshot("breaks-paused-light")

        # Added on the page, found by the command line.
        click(knotless.find("Add Reminder"))
        click(knotless.find("Hydration"))
        wait_for(lambda: len(reminders(data_dir)) == len(before) + 1, "the new reminder stored")
        added = reminders(data_dir)[-1]
        if added["kind"] != "hydration" or added["enabled"] != "yes":
            fail(f"the added reminder is not an hydration reminder, on: {added}")

        # The new reminder's row opens; removed from there, and back with the toast's Undo.
        # GTK 4.8 reads the button's own name, then its label's: "Remove Hydration Remove".
        remove = wait_for(lambda: knotless.app.findChildren(
            lambda n: n.roleName == "push button" and
            (n.name or "").startswith("Remove Hydration")), "the hydration rows' Remove")
        click(remove[-1])
        wait_for(lambda: added["id"] not in [r["id"] for r in reminders(data_dir)],
                 "the added reminder removed")
        click(knotless.find("Undo"))
        wait_for(lambda: reminders(data_dir)[-1] == added, "the reminder back after Undo")

        knotless.resize(360, 720)
        knotless.screenshot("breaks-narrow-light")
        knotless.quit()
    finally:
        knotless.stop()

    # A day's break history, one of each, as the reminder service stores them.
    midnight = datetime.datetime.combine(datetime.date.today(), datetime.time()).astimezone()
    offset = int(midnight.utcoffset().total_seconds() // 60)
    db = sqlite3.connect(os.path.join(data_dir, "knotless.db"))
    with db:
        for minute, outcome, duration in ((9 * 60 + 30, "taken", 20), (10 * 60 + 40, "natural", 300),
                                          (11 * 60 + 50, "snoozed", 300),
                                          (14 * 60 + 10, "skipped", 0)):
            at = midnight + datetime.timedelta(minutes=minute)
            db.execute("INSERT INTO break_events (reminder_id, kind, outcome, at_ms, utc_offset_min,"
                       " duration_ms) VALUES (?, 'micro-break', ?, ?, ?, ?)",
                       (int(micro["id"]), outcome, int(at.timestamp() * 1000), offset,
                        duration * 1000))
    db.close()

    dark = Knotless(data_dir, env={"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"}).start()
    try:
        dark.resize(1280, 800)
        open_breaks(dark)
        wait_for(lambda: labels(dark, r"^Paused until "), "the pause, after a restart")
        wait_for(lambda: labels(dark, r"^1 taken · 1 natural · 1 snoozed · 1 skipped$"),
                 "today's breaks counted")
        timeline = dark.find("Today’s breaks")
        if "09:30 taken, 10:40 natural, 11:50 snoozed, 14:10 skipped" not in timeline.description:
            fail(f"the timeline describes itself as {timeline.description!r}")
        dark.screenshot("breaks-wide-dark")
        dark.resize(360, 720)
        dark.screenshot("breaks-narrow-dark")
        dark.quit()
    finally:
        dark.stop()


if __name__ == "__main__":
    main()
