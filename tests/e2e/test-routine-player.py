#!/usr/bin/python3
# The routine player as a user meets it: app.play-routine over D-Bus (what a reminder's
# notification will do; the Routines page's Start buttons use win.play-routine), a rating
# before, 20-20-20 played to its end, a rating after, and the session read back with
# `knotless sessions`. Then screenshots of the get-ready, a stretch, a breath in and out and a
# ball step, light and dark.

import csv
import io
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from knotless_e2e import BINARY, Knotless, click, fail, plain, wait_for  # noqa: E402

from gi.repository import Gio, GLib  # noqa: E402

APP_PATH = "/io/github/knotless/Knotless"


def app_bus_name(knotless):
    """With --data-dir the app is not unique and owns no well-known name: its connection is
    found by its process id."""
    bus = Gio.bus_get_sync(Gio.BusType.SESSION)
    names = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "ListNames", None, None, 0, -1).unpack()[0]
    for name in names:
        if not name.startswith(":"):
            continue
        try:
            pid = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                "org.freedesktop.DBus", "GetConnectionUnixProcessID",
                                GLib.Variant("(s)", (name,)), None, 0, -1).unpack()[0]
        except GLib.Error:
            continue
        if pid != knotless.process.pid:
            continue
        try:
            bus.call_sync(name, APP_PATH, "org.gtk.Actions", "Describe",
                          GLib.Variant("(s)", ("play-routine",)), None, 0, 2000)
        except GLib.Error:
            continue
        return name
    return None


def play(knotless, slug):
    name = wait_for(lambda: app_bus_name(knotless), "Knotless on the session bus")
    subprocess.run(["gdbus", "call", "--session", "--dest", name, "--object-path", APP_PATH,
                    "--method", "org.gtk.Actions.Activate", "play-routine",
                    f"[<'{slug}'>]", "{}"], check=True, capture_output=True)


def player_key(title, keys):
    """Real key events to the player's window, found by its title: the routine's name."""
    out = wait_for(lambda: subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                                           f"^{title}$"], capture_output=True,
                                          text=True).stdout.split(),
                   f"the player window {title!r}")
    subprocess.run(["xdotool", "windowfocus", "--sync", out[-1]], check=True)
    subprocess.run(["xdotool", "key", keys], check=True)
    time.sleep(0.3)


def player_button(knotless, title, name):
    """A button of the player window titled @title: the Routines page has a Start of its own."""
    def lookup():
        try:
            for frame in knotless.app.findChildren(
                    lambda n: n.roleName == "frame" and n.name == title):
                found = frame.findChildren(
                    lambda n: n.roleName == "push button" and plain(n.name) == name)
                if found:
                    return found[0]
        except Exception:
            return None
        return None
    return wait_for(lookup, f"{name!r} in the player {title!r}")


def pain_button(knotless, pain, after=False):
    """One of the 0–10 buttons, before or after: every page is in the tree, the one before
    first. GTK 4.8 gives AT-SPI a toggle button as a push button."""
    found = wait_for(lambda: [n for n in knotless.app.findChildren(
        lambda n: n.roleName in ("toggle button", "push button") and plain(n.name) == str(pain))],
        f"the pain button {pain}")
    return found[-1] if after else found[0]


def sessions(data_dir):
    out = subprocess.run([BINARY, "--data-dir", data_dir, "sessions"],
                         capture_output=True, text=True, check=True).stdout
    return list(csv.DictReader(io.StringIO(out, newline="")))


def stop_and_close(knotless, title):
    player_key(title, "Escape")
    knotless.find("Stop the Routine?", "label")
    # The question's buttons sit in an AdwSqueezer twice over, wide layout first; the coach's
    # own Stop button is not among them.
    click(wait_for(lambda: knotless.app.findChildren(
        lambda n: n.roleName == "push button" and plain(n.name) == "Stop" and
        n.parent is not None and n.parent.parent is not None and
        n.parent.parent.name == "AdwSqueezer"), "the question's Stop")[0])
    knotless.find("Stopped", "label")
    click(knotless.find("Done", "push button"))


def main():
    knotless = Knotless().start()
    data_dir = knotless.data_dir
    try:
        knotless.key("Return")  # "I Understand" on the welcome
        wait_for(lambda: knotless.query(
            "SELECT count(*) FROM acknowledgements")[0][0] == 1, "the welcome acknowledged")
        knotless.resize(1000, 760)

        # 20-20-20 from start to end, rated before and after.
        play(knotless, "20-20-20")
        knotless.find("How much does it hurt right now? (optional)", "label")
        click(pain_button(knotless, 5))
        click(player_button(knotless, "20-20-20", "Start"))
        knotless.screenshot("player-get-ready-light")
        # Looking things up in the accessibility tree takes longer than the get-ready: pause.
        player_key("20-20-20", "space")
        knotless.find("Paused", "label")
        knotless.find("Get ready", "label")
        knotless.find("Next: Look 6 metres away", "label")
        player_key("20-20-20", "space")
        if not knotless.query("SELECT count(*) FROM routine_sessions")[0][0] == 1:
            fail("the session was not stored when the coach started")
        knotless.find("Well Done", "label", timeout=40)
        click(pain_button(knotless, 3, after=True))
        click(knotless.find("Done", "push button"))

        rows = wait_for(lambda: [r for r in sessions(data_dir) if r["pain_after"]],
                        "the session in `knotless sessions`")
        row = rows[0]
        if (row["routine"], row["completed"], row["pain_before"], row["pain_after"]) != \
                ("20-20-20", "yes", "5", "3"):
            fail(f"the session was stored wrong: {row}")
        if not 24 <= int(row["active_seconds"]) <= 27:
            fail(f"the session's active time is wrong: {row}")
        knotless.quit()

        for style, env in (("light", {}), ("dark", {"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"})):
            knotless = Knotless(data_dir, env=env).start()
            knotless.resize(1000, 760)

            if style == "dark":
                play(knotless, "20-20-20")
                click(knotless.find("Skip Rating", "push button"))
                knotless.screenshot(f"player-get-ready-{style}")
                stop_and_close(knotless, "20-20-20")

            # Upper-trapezius stretch, left side: past the get-ready and five chin tucks.
            play(knotless, "neck-release")
            click(knotless.find("Skip Rating", "push button"))
            for _ in range(6):
                player_key("Neck release", "Right")
            time.sleep(2.5)
            knotless.screenshot(f"player-stretch-{style}")
            player_key("Neck release", "space")
            knotless.find("Paused", "label")
            knotless.find("Upper-trapezius stretch", "label")
            knotless.find("Left", "label")
            knotless.screenshot(f"player-paused-{style}")
            stop_and_close(knotless, "Neck release")

            play(knotless, "box-breathing")
            click(knotless.find("Skip Rating", "push button"))
            player_key("Box breathing", "Right")
            player_key("Box breathing", "space")
            # Paused at the first breath in; then the ring's name is read as it changes.
            ring = knotless.find("Inhale", "image")
            knotless.find("Breath 1 of 18", "label")
            player_key("Box breathing", "space")
            time.sleep(1.7)
            knotless.screenshot(f"player-inhale-{style}")
            wait_for(lambda: ring.name == "Exhale", "the breath out", timeout=12)
            time.sleep(1.8)
            knotless.screenshot(f"player-exhale-{style}")
            stop_and_close(knotless, "Box breathing")

            play(knotless, "upper-trapezius-ball")
            knotless.find("Never on the spine, a bony point, the front or side of the neck, the "
                          "back of the knee, the armpit, the groin, a wound, a fracture or "
                          "inflamed skin. No deep pressure if you take blood thinners or have a "
                          "bleeding disorder, osteoporosis, recent surgery, a tumour, or are "
                          "pregnant. Expect comfort rather than a cure.", "label")
            knotless.screenshot(f"player-before-{style}")
            click(knotless.find("Skip Rating", "push button"))
            player_key("Upper-trapezius ball", "Right")
            time.sleep(1.5)
            knotless.screenshot(f"player-ball-{style}")
            stop_and_close(knotless, "Upper-trapezius ball")
            knotless.quit()

        stopped = [r for r in sessions(data_dir) if r["completed"] == "no"]
        if len(stopped) != 7 or any(not r["stopped_at_step"] for r in stopped):
            fail(f"the stopped sessions were stored wrong: {stopped}")
    finally:
        knotless.stop()


if __name__ == "__main__":
    main()
