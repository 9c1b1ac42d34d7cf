#!/usr/bin/python3
# The app shell as a user meets it: the one-time welcome, the four pages through the view
# switcher and Alt+1…4, preferences, shortcuts and about, a narrow window with the bottom bar, dark style, Ctrl+Q, and a
# remembered size. Screenshots of each go to the build folder's screenshots/.

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from knotless_e2e import Knotless, click, fail, wait_for  # noqa: E402

PAGES = [
    ("Body", "Your Knots"),
    ("Journal", "No Check-Ins Yet"),
    ("Routines", "Tennis Ball"),
    ("Breaks", "Working Hours"),
]


def switch_pages(knotless, suffix):
    for tab_name, page_title in PAGES:
        tabs = knotless.page_tabs(tab_name)
        if not tabs:
            fail(f"no view-switcher button {tab_name!r}")
        click(tabs[0])
        wait_for(lambda: knotless.selected_page() == tab_name,
                 f"the {tab_name!r} page after clicking its switcher button")
        knotless.find(page_title, "label")
        knotless.screenshot(f"shell-{tab_name.lower()}-{suffix}")


def main():
    knotless = Knotless().start()
    try:
        # First run: the welcome with the safety text, acknowledged once and stored.
        knotless.find("Welcome to Knotless", "label")
        knotless.find("Not Medical Advice", "label")
        knotless.find("Chest pain together with pain in the neck, arm or jaw", "label")
        knotless.resize(1280, 800)
        knotless.screenshot("welcome-wide-light")
        if knotless.query("SELECT count(*) FROM acknowledgements")[0][0] != 0:
            fail("the welcome was stored as acknowledged before the user acknowledged it")

        # The pages are behind the welcome: their shortcuts do nothing yet.
        knotless.key("alt+2")
        if knotless.selected_page() != "Body":
            fail("Alt+2 switched pages behind the welcome")

        click(knotless.find("I Understand", "push button"))
        wait_for(lambda: knotless.query(
            "SELECT count(*) FROM acknowledgements WHERE what = 'welcome'")[0][0] == 1,
            "the acknowledgement in the database")

        switch_pages(knotless, "wide-light")
        knotless.key("alt+2")
        wait_for(lambda: knotless.selected_page() == "Journal", "Alt+2 to show the Journal")

        # The primary menu's windows: preferences (showing where the journal is), keyboard
        # shortcuts and about.
        knotless.key("ctrl+comma")
        knotless.find("Daily Backups", "label")
        knotless.find(os.path.join(knotless.data_dir, "knotless.db"), "label")
        knotless.screenshot("preferences-light")
        knotless.key("Escape")
        knotless.key("ctrl+question")
        knotless.find("Keyboard Shortcuts")
        knotless.screenshot("shortcuts-light")
        knotless.key("Escape")
        click(knotless.find("Main Menu", "push button"))
        click(knotless.find("About Knotless"))
        knotless.find("0.1.0", "label")
        knotless.screenshot("about-light")
        knotless.key("Escape")

        # Narrow: the switcher moves to a bar at the bottom, and still switches pages.
        knotless.resize(360, 720)
        width, _ = knotless.geometry()
        if width > 400:
            fail(f"the window did not get narrow: {width} px wide")
        switch_pages(knotless, "narrow-light")

        knotless.quit()

        # Second run: straight to the pages, in dark style, at the remembered narrow size.
        knotless = Knotless(knotless.data_dir,
                            env={"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"}).start()
        knotless.key("alt+4")
        wait_for(lambda: knotless.selected_page() == "Breaks",
                 "Alt+4 to work at once (no welcome the second time)")
        width, _ = knotless.geometry()
        if width > 400:
            fail(f"the window size was not remembered: {width} px wide instead of 360")
        switch_pages(knotless, "narrow-dark")
        knotless.resize(1280, 800)
        switch_pages(knotless, "wide-dark")
        knotless.quit()
    finally:
        knotless.stop()
    print("ok")


if __name__ == "__main__":
    main()
