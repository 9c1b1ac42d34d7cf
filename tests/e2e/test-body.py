#!/usr/bin/python3
# The body chart as a user meets it: a click on the left upper trapezius marks a knot there
# (checked with `knotless knots`), the editor rates it and deletes it, and Undo brings it back;
# then a dozen knots, front and back, light and dark, wide and narrow, for the screenshots.

import csv
import io
import os
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from body_chart import drawn_figure, region_centre, screen_point  # noqa: E402
from knotless_e2e import BINARY, Knotless, click, fail, wait_for  # noqa: E402

# Below the header bar and the chart's own toolbar, right of the knots list and its separator
# (a 1280×800 window).
CHART_AREA = (320, 110, 1280 - 320 - 10, 800 - 110 - 10)


def knots(data_dir, *args):
    out = subprocess.run([BINARY, "--data-dir", data_dir, "knots", *args],
                         capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(io.StringIO(out, newline="")))


def add_knot(data_dir, *args):
    subprocess.run([BINARY, "--data-dir", data_dir, "knot", "add", *args],
                   capture_output=True, text=True, check=True)


def main():
    knotless = Knotless().start()
    data_dir = knotless.data_dir
    try:
        click(knotless.find("I Understand", "push button"))
        knotless.resize(1280, 800)
        knotless.find("Click Where It Hurts", "label")

        # A click on the figure, where the person's left upper trapezius is (the back view,
        # so on the viewer's left).
        shot = knotless.screenshot("body-empty-wide-light")
        drawn = drawn_figure(shot, CHART_AREA)
        x, y = screen_point("back", drawn, region_centre("back", "upper-trapezius-left"))
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)

        rows = wait_for(lambda: knots(data_dir), "the clicked knot in `knotless knots`")
        if len(rows) != 1 or rows[0]["region"] != "upper-trapezius-left":
            fail(f"clicking the left upper trapezius stored {rows}")
        if rows[0]["tenderness"] != "":
            fail("a new knot came with a rating nobody gave")

        # The editor opens on the new knot: rate it.
        click(knotless.find("Tenderness 6", "push button"))
        wait_for(lambda: knots(data_dir)[0]["tenderness"] == "6", "the rating of 6 stored")
        knotless.screenshot("body-editor-wide-light")

        # With a rating from a week ago, a new one draws the knot's tenderness trend.
        db = sqlite3.connect(os.path.join(data_dir, "knotless.db"))
        with db:
            db.execute("INSERT INTO knot_ratings (knot_id, tenderness, at_ms, utc_offset_min)"
                       " VALUES (?, 8, ?, 0)", (int(rows[0]["id"]), int((time.time() - 7 * 86400) * 1000)))
        db.close()
        click(knotless.find("Tenderness 4", "push button"))
        wait_for(lambda: knots(data_dir)[0]["tenderness"] == "4", "the rating of 4 stored")
        wait_for(lambda: knotless.app.findChildren(
            lambda n: n.name.startswith("Tenderness over time, ")), "the knot's tenderness trend")
        knotless.screenshot("body-editor-trend-wide-light")
        click(knotless.find("Tenderness 6", "push button"))
        wait_for(lambda: knots(data_dir)[0]["tenderness"] == "6", "the rating of 6 stored")

        # Delete from the editor, then undo from the toast.
        click(knotless.find("Delete Knot", "push button"))
        wait_for(lambda: knots(data_dir, "--all") == [], "the knot deleted")
        click(knotless.find("Undo", "push button"))
        restored = wait_for(lambda: knots(data_dir), "the knot restored by Undo")
        if restored[0]["tenderness"] != "6" or restored[0]["id"] != rows[0]["id"]:
            fail(f"Undo did not bring back the same knot: {restored}")
        knotless.quit()

        # A dozen knots, as a few weeks of use would leave them.
        for args in (["upper-trapezius", "--side", "right", "--pain", "8"],
                     ["levator-scapulae-left", "--pain", "5"],
                     ["rhomboids-right", "--latent", "--pain", "3"],
                     ["infraspinatus-left", "--pain", "9"],
                     ["erector-spinae-lumbar-right", "--pain", "2", "--latent"],
                     ["gluteus-medius-left", "--pain", "4"],
                     ["gastrocnemius-right", "--latent", "--pain", "1"],
                     ["suboccipitals-left", "--pain", "7"],
                     ["sternocleidomastoid-right", "--pain", "6"],
                     ["pectoralis-major-left", "--latent", "--pain", "3"],
                     ["tibialis-anterior-right", "--pain", "0"]):
            add_knot(data_dir, *args)

        for style, env in (("light", {}), ("dark", {"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"})):
            knotless = Knotless(data_dir, env=env).start()
            knotless.resize(1280, 800)
            knotless.find("Your Knots", "label")
            knotless.screenshot(f"body-back-wide-{style}")
            click(knotless.find("Front"))
            knotless.screenshot(f"body-front-wide-{style}")
            knotless.resize(360, 720)
            knotless.screenshot(f"body-front-narrow-{style}")
            click(knotless.find("Back"))
            knotless.screenshot(f"body-back-narrow-{style}")
            knotless.quit()
            time.sleep(0.3)

        if len(knots(data_dir)) != 12:
            fail("the dozen knots are not all there")
    finally:
        knotless.stop()
    print("ok")


if __name__ == "__main__":
    main()
