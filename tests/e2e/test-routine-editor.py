#!/usr/bin/python3
# The routine editor as a user meets it: a built-in duplicated, one step's hold changed (first
# to 0 s, which the editor refuses and marks, then to 45 s), saved, and read back with
# `knotless routines`; the copy deleted and brought back with the toast's Undo. Then a new
# routine with Ctrl+N, and Escape asking before unsaved changes are dropped. Screenshots of the
# editor light and dark, wide and at 360 px.

import csv
import io
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from knotless_e2e import (BINARY, Knotless, activate_row, click, fail, focused,  # noqa: E402
                          plain, wait_for)


def routines(data_dir):
    out = subprocess.run([BINARY, "--data-dir", data_dir, "routines"],
                         capture_output=True, text=True, check=True).stdout
    return {row["slug"]: row for row in csv.DictReader(io.StringIO(out, newline=""))}


def window_ids(title):
    return subprocess.run(["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
                          capture_output=True, text=True).stdout.split()


def window_key(title, keys):
    """Real key events to a window found by its title: the editor is a window of its own."""
    window = wait_for(lambda: window_ids(title), f"the window {title!r}")[-1]
    subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
    subprocess.run(["xdotool", "key", "--delay", "60", keys], check=True)
    time.sleep(0.3)


def window_type(title, text):
    window = wait_for(lambda: window_ids(title), f"the window {title!r}")[-1]
    subprocess.run(["xdotool", "windowfocus", "--sync", window], check=True)
    subprocess.run(["xdotool", "type", "--delay", "60", text], check=True)
    time.sleep(0.3)


def resize_window(title, width, height):
    window = wait_for(lambda: window_ids(title), f"the window {title!r}")[-1]
    subprocess.run(["xdotool", "windowsize", window, str(width), str(height)], check=True)
    time.sleep(0.8)


def frame(knotless, title):
    """A top-level window of the app by its title. GTK 4.8 gives an AdwWindow the role
    "filler", not "frame"."""
    def lookup():
        try:
            found = [n for n in knotless.app.children if n.name == title]
            return found[0] if found else None
        except Exception:
            return None
    return wait_for(lookup, f"the window {title!r} in the accessibility tree")


def in_frame(node, name, role):
    found = wait_for(lambda: node.findChildren(
        lambda n: (role is None or n.roleName == role) and plain(n.name) == name),
        f"{role or 'widget'} {name!r}")
    return found[0]


def button_starting(node, prefix):
    """GTK 4.8 names a button by its own accessible label and then its content's or its row's:
    "Remove Step 1 Remove"."""
    found = wait_for(lambda: node.findChildren(
        lambda n: n.roleName == "push button" and n.name.startswith(prefix)),
        f"a button named {prefix!r}")
    return found[0]


def focus_within(node):
    """The node or, for a menu button, the toggle button inside it has the focus."""
    return focused(node) or any(focused(child) for child in node.findChildren(lambda n: True))


def tab_to(title, node, what, back=False):
    for _ in range(80):
        if focus_within(node):
            return
        window_key(title, "shift+Tab" if back else "Tab")
    fail(f"the keyboard never reached {what}")


def step_header(editor, step_title):
    """The header row of a step: Return there opens the step."""
    header = in_frame(editor, step_title, "label")
    while header is not None and header.roleName != "list item":
        header = header.parent
    if header is None:
        fail(f"no step {step_title!r} in the editor")
    return header


def is_duration(node):
    return node.roleName == "spin button" and plain(node.name) == "Duration"


def open_step(title, editor, step_title):
    """Opens a step from the keyboard and returns its own Duration field."""
    header = step_header(editor, step_title)
    tab_to(title, header, f"the step {step_title!r}")
    window_key(title, "Return")
    step = header
    while step is not None and not step.findChildren(is_duration):
        step = step.parent
    if step is None:
        fail(f"no Duration field in the step {step_title!r}")
    return step.findChildren(is_duration)[0]


def set_spin(title, spin, text, leave=True):
    tab_to(title, spin, "the Duration field")
    window_key(title, "ctrl+a")
    window_type(title, text)
    if leave:
        window_key(title, "Tab")


def main():
    knotless = Knotless().start()
    data_dir = knotless.data_dir
    try:
        knotless.key("Return")  # "I Understand" on the welcome
        wait_for(lambda: knotless.query(
            "SELECT count(*) FROM acknowledgements")[0][0] == 1, "the welcome acknowledged")
        knotless.resize(1280, 800)
        knotless.key("alt+3")
        wait_for(lambda: knotless.selected_page() == "Routines", "the Routines page")

        # A built-in says it can only be copied; Duplicate opens the editor on a copy that is
        # not stored until it is saved.
        activate_row(knotless, "Neck release")
        knotless.find("A built-in routine cannot be changed: duplicate it to make a copy of "
                      "your own.", "label")
        click(knotless.find("Duplicate", "push button"))
        editor = frame(knotless, "New Routine")
        in_frame(editor, "Total time 2:45", "label")
        if "neck-release-copy" in routines(data_dir):
            fail("the copy was stored before it was saved")

        duration = open_step("New Routine", editor, "2. Upper-trapezius stretch")
        set_spin("New Routine", duration, "0")

        # 0 s is refused: the field is marked and named, and nothing is stored.
        window_key("New Routine", "ctrl+s")
        # The message is an alert (AT-SPI "notification"), read out as it appears.
        in_frame(editor, "Step 2: the duration must be between 1 s and 60 min", None)
        if not focused(duration):
            fail("the refused duration does not have the focus")
        if "neck-release-copy" in routines(data_dir):
            fail("a routine the editor refused was stored")
        knotless.screenshot("routine-editor-invalid-wide-light")

        # Typed and saved at once with Ctrl+S, without leaving the field first.
        set_spin("New Routine", duration, "45", leave=False)
        window_key("New Routine", "ctrl+s")
        wait_for(lambda: not window_ids("New Routine"), "the editor to close")

        stored = routines(data_dir)
        copy = stored.get("neck-release-copy")
        if copy is None:
            fail(f"the copy is not in `knotless routines`: {sorted(stored)}")
        if copy["name"] != "Neck release (copy)" or copy["kind"] != "stretch" or \
                copy["seconds"] != "195":
            fail(f"the copy was stored wrong: {copy}")
        if stored["neck-release"]["seconds"] != "165":
            fail("the built-in changed with its copy")

        # The library shows the copy's detail; it can be edited and deleted, then undone.
        knotless.find("Neck release (copy)", "label")
        knotless.find("3:15", "label")
        knotless.screenshot("routine-editor-saved-detail-wide-light")
        click(knotless.find("Delete", "push button"))
        wait_for(lambda: "neck-release-copy" not in routines(data_dir), "the copy deleted")
        knotless.find("“Neck release (copy)” deleted", "label")
        click(knotless.find("Undo", "push button"))
        wait_for(lambda: "neck-release-copy" in routines(data_dir), "the copy back after Undo")
        if routines(data_dir)["neck-release-copy"]["seconds"] != "195":
            fail("Undo brought back a different routine")
        knotless.find("Neck release (copy)", "label")
        knotless.quit()

        for style, env in (("light", {}), ("dark", {"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"})):
            knotless = Knotless(data_dir, env=env).start()
            knotless.resize(1280, 800)
            knotless.key("alt+3")
            wait_for(lambda: knotless.selected_page() == "Routines", "the Routines page")
            activate_row(knotless, "Neck release (copy)")
            click(knotless.find("Edit", "push button"))
            editor = frame(knotless, "Edit Routine")
            open_step("Edit Routine", editor, "1. Chin tucks")
            knotless.screenshot(f"routine-editor-wide-{style}")
            # Down to the step's regions and buttons; the regions to choose from.
            tab_to("Edit Routine", button_starting(editor, "Remove Step 1 "),
                   "the first step's Remove")
            knotless.screenshot(f"routine-editor-step-wide-{style}")
            tab_to("Edit Routine", button_starting(editor, "Choose Target Regions"),
                   "the first step's regions", back=True)
            window_key("Edit Routine", "Return")
            in_frame(editor, "Suboccipitals, left", "check box")
            knotless.screenshot(f"routine-editor-regions-wide-{style}")
            window_key("Edit Routine", "Escape")
            resize_window("Edit Routine", 360, 720)
            knotless.screenshot(f"routine-editor-narrow-{style}")
            # Nothing changed: Escape closes without asking.
            window_key("Edit Routine", "Escape")
            wait_for(lambda: not window_ids("Edit Routine"), "the unchanged editor to close")

            # Ctrl+N on the Routines page: a new routine; with a name typed, Escape asks.
            knotless.key("ctrl+n")
            editor = frame(knotless, "New Routine")
            window_type("New Routine", "Evening")
            window_key("New Routine", "Escape")
            knotless.find("Discard Changes?", "label")
            knotless.screenshot(f"routine-editor-discard-{style}")
            click(knotless.find("Discard", "push button"))
            wait_for(lambda: not window_ids("New Routine"), "the discarded editor to close")
            if any(row["name"] == "Evening" for row in routines(data_dir).values()):
                fail("a discarded routine was stored")
            knotless.quit()
    finally:
        knotless.stop()


if __name__ == "__main__":
    main()
