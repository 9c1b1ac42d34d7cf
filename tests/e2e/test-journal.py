#!/usr/bin/python3
# The pain journal as a user meets it: the empty Journal page, Ctrl+N, a pain typed as "1" "0"
# (ten), a factor chip, Ctrl+Enter; the check-in read back with `knotless entries`.
# Then 90 days of check-ins from the CLI and screenshots of the check-in, the trends and the
# history, light and dark, wide and narrow.

import csv
import datetime
import io
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from knotless_e2e import BINARY, Knotless, click, fail, wait_for  # noqa: E402



def entries(data_dir, *args):
    out = subprocess.run([BINARY, "--data-dir", data_dir, "entries", *args],
                         capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(io.StringIO(out, newline="")))


def log(data_dir, *args):
    subprocess.run([BINARY, "--data-dir", data_dir, "log", *args], check=True,
                   capture_output=True)


def ninety_days(data_dir):
    """Three months of a desk worker's check-ins, slowly getting better."""
    rand = random.Random(90)
    now = datetime.datetime.now().astimezone().replace(second=0, microsecond=0)
    notes = ["Long day at the desk, shoulders up by my ears", "Better after the walk",
             "Slept badly", "Tennis ball on the trapezius helped", ""]
    for day in range(90, 0, -1):
        for hour in (9, 14, 20)[:rand.randint(1, 3)]:
            at = (now - datetime.timedelta(days=day)).replace(hour=hour)
            pain = max(0, min(10, round(2.5 + day / 30 + rand.gauss(0, 1.2))))
            args = ["--pain", str(pain), "--at", at.isoformat()]
            if rand.random() < 0.4:
                args += ["--factor", "stress"]
            if rand.random() < 0.35:
                args += ["--factor", "prolonged sitting"]
            note = rand.choice(notes)
            if note:
                args += ["--note", note]
            log(data_dir, *args)


def main():
    knotless = Knotless().start()
    data_dir = knotless.data_dir
    try:
        knotless.key("Return")  # "I Understand" on the welcome
        wait_for(lambda: knotless.query(
            "SELECT count(*) FROM acknowledgements")[0][0] == 1, "the welcome acknowledged")
        knotless.resize(1280, 800)

        # The empty Journal teaches what to do.
        click(knotless.page_tabs("Journal")[0])
        knotless.find("No Check-Ins Yet", "label")

        # Ctrl+N from anywhere; "1" then "0" is ten.
        knotless.key("ctrl+n")
        knotless.find("How much does it hurt right now?", "label")
        knotless.key("1")
        knotless.key("0")
        click(knotless.find("Stress", "push button"))
        knotless.screenshot("journal-check-in-wide-light")
        knotless.key("ctrl+Return")

        stored = wait_for(lambda: entries(data_dir), "the check-in in `knotless entries`")
        row = stored[0]
        if (row["pain_now"], row["factors"]) != ("10", "stress"):
            fail(f"the check-in was stored wrong: {row}")
        knotless.find("Check-in saved: pain 10", "label")
        knotless.quit()

        ninety_days(data_dir)
        for style, env in (("light", {}), ("dark", {"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"})):
            knotless = Knotless(data_dir, env=env).start()
            knotless.resize(1280, 800)
            click(knotless.page_tabs("Journal")[0])
            click(knotless.find("90 Days", "push button"))
            knotless.find("Insights", "label")
            knotless.screenshot(f"journal-trends-wide-{style}")
            click(knotless.find("History"))
            knotless.find("Today", "label")
            knotless.screenshot(f"journal-history-wide-{style}")
            knotless.resize(360, 720)
            knotless.screenshot(f"journal-history-narrow-{style}")
            click(knotless.find("Trends"))
            knotless.screenshot(f"journal-trends-narrow-{style}")
            knotless.key("ctrl+n")
            knotless.find("How much does it hurt right now?", "label")
            knotless.screenshot(f"journal-check-in-narrow-{style}")
            knotless.key("Escape")
            knotless.quit()

        if len(entries(data_dir)) < 91:
            fail("the generated check-ins are not all there")
    finally:
        knotless.stop()


if __name__ == "__main__":
    main()
