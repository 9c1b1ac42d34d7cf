#!/usr/bin/python3
# Marking, rating and resolving a knot without a mouse, followed through the accessibility tree:
# Tab to the chart (its accessible name says which region has the focus), arrows to move, Enter to mark, a
# digit to rate, Tab on to the editor's Resolved switch and Space; `knotless knots` checks
# what was stored after each step.

import csv
import io
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from knotless_e2e import BINARY, Knotless, fail, wait_for  # noqa: E402

from gi.repository import Atspi  # noqa: E402


def knots(data_dir, *args):
    out = subprocess.run([BINARY, "--data-dir", data_dir, "knots", *args],
                         capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(io.StringIO(out, newline="")))


def focused(knotless):
    found = knotless.app.findChildren(
        lambda n: n.getState().contains(Atspi.StateType.FOCUSED))
    return found[-1] if found else None


def chart(knotless):
    """The chart's accessible name: the view, then what the focus is on (GTK 4.8 sends no
    accessible descriptions, so the name carries it)."""
    nodes = knotless.app.findChildren(lambda n: n.roleName == "image" and
                                      n.name.startswith("Body chart, back"))
    if not nodes:
        fail("no body chart in the accessibility tree")
    return nodes[0].name


def tab_until(knotless, predicate, what, limit=40):
    for _ in range(limit):
        knotless.key("Tab")
        node = focused(knotless)
        if node is not None and predicate(node):
            return node
    fail(f"Tab never reached {what}")


def main():
    knotless = Knotless().start()
    data_dir = knotless.data_dir
    try:
        knotless.key("Return")  # "I Understand" has the focus on the welcome
        wait_for(lambda: knotless.query(
            "SELECT count(*) FROM acknowledgements")[0][0] == 1, "the welcome acknowledged")
        knotless.resize(1280, 800)

        # Tab reaches the chart, which describes the region it is on.
        tab_until(knotless, lambda n: n.name.startswith("Body chart, back"), "the body chart")
        first = wait_for(lambda: "Press Enter to mark a knot here" in chart(knotless)
                         and chart(knotless),
                         "the focused chart to say where it is")

        # The arrows move between regions, and the description follows.
        knotless.key("Down")
        knotless.key("Down")
        moved = wait_for(lambda: chart(knotless) != first and
                         chart(knotless),
                         "the arrows to move the focus between regions")
        knotless.screenshot("body-keyboard-focus-light")

        knotless.key("Return")
        rows = wait_for(lambda: knots(data_dir), "the knot marked with Enter")
        region = rows[0]["region"]
        if region.replace("-", " ").split()[0].lower() not in moved.lower():
            fail(f"Enter marked {region!r}, but the chart said {moved!r}")

        # A digit rates the selected knot.
        knotless.key("7")
        wait_for(lambda: knots(data_dir)[0]["tenderness"] == "7", "the rating of 7")
        wait_for(lambda: "tenderness 7 of 10" in chart(knotless),
                 "the chart to describe the rated knot")

        # On to the editor's Resolved switch, and Space.
        tab_until(knotless, lambda n: n.name == "Resolved" and n.roleName != "label",
                  "the Resolved switch")
        knotless.key("space")
        wait_for(lambda: knots(data_dir) == [] and knots(data_dir, "--all")[0]["resolved_at"],
                 "the knot resolved")
        knotless.screenshot("body-keyboard-resolved-light")
        knotless.quit()
    finally:
        knotless.stop()
    print("ok")


if __name__ == "__main__":
    main()
