#!/usr/bin/python3
# The routine library as a user meets it, by keyboard: Alt+3, the routines for an active knot on the left
# upper trapezius first, a routine's detail, and the safety questions answered once and read
# back from the database, with the warning they add to a tennis-ball routine. Screenshots of the
# library and the detail, light and dark, wide and narrow.

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from knotless_e2e import BINARY, Knotless, activate_row, click, fail, wait_for  # noqa: E402


def cli(data_dir, *args):
    subprocess.run([BINARY, "--data-dir", data_dir, *args], check=True, capture_output=True)


def main():
    knotless = Knotless().start()
    data_dir = knotless.data_dir
    try:
        knotless.key("Return")  # "I Understand" on the welcome
        wait_for(lambda: knotless.query(
            "SELECT count(*) FROM acknowledgements")[0][0] == 1, "the welcome acknowledged")
        knotless.quit()

        cli(data_dir, "knot", "add", "upper-trapezius", "--side", "left", "--pain", "6")

        for style, env in (("light", {}), ("dark", {"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"})):
            knotless = Knotless(data_dir, env=env).start()
            knotless.resize(1280, 800)
            knotless.key("alt+3")
            wait_for(lambda: knotless.selected_page() == "Routines", "the Routines page")
            knotless.find("For Your Knots", "label")
            knotless.find("Tennis Ball", "label")
            knotless.screenshot(f"routines-library-wide-{style}")
            knotless.resize(360, 720)
            knotless.screenshot(f"routines-library-narrow-{style}")
            knotless.resize(1280, 800)

            activate_row(knotless, "Neck release")
            knotless.find("Chin tucks", "label")
            knotless.find("No sessions yet", "label")
            knotless.screenshot(f"routines-detail-wide-{style}")
            knotless.key("alt+Left")
            knotless.find("For Your Knots", "label")
            knotless.quit()

        # The safety questions, from the library's button: one "yes", the rest "no".
        knotless = Knotless(data_dir).start()
        knotless.resize(1280, 800)
        knotless.key("alt+3")
        activate_row(knotless, "Safety Questions")
        knotless.find("Does This Apply to You?", "label")
        answers = wait_for(lambda: knotless.app.findChildren(
            lambda n: n.roleName == "push button" and n.name.startswith(("Yes: ", "No: "))),
            "the answer buttons")
        for node in answers:
            if node.name.startswith("Yes: Do you take blood thinners") or \
                    (node.name.startswith("No: ") and "blood thinners" not in node.name):
                click(node)
        knotless.screenshot("routines-screening-wide-light")
        click(knotless.find("Save", "push button"))
        answers = wait_for(lambda: dict(knotless.query(
            "SELECT question, answer FROM screening_answers")) or None, "the answers stored")
        expected = {"blood-thinners": 1, "osteoporosis": 0, "recent-surgery": 0, "tumour": 0,
                    "pregnancy": 0, "blood-clot": 0}
        if answers != expected:
            fail(f"the screening answers were stored wrong: {answers}")

        # Ball work now warns; the questions are answered, so they do not come up again.
        activate_row(knotless, "Upper-trapezius ball")
        knotless.find("You said you take blood thinners or have a bleeding disorder: press "
                      "gently or skip deep pressure, and ask your doctor.", "label")
        if knotless.has("Does This Apply to You?", "label"):
            fail("the safety questions came up again once answered")
        knotless.screenshot("routines-detail-ball-wide-light")
        knotless.quit()
    finally:
        knotless.stop()


if __name__ == "__main__":
    main()
