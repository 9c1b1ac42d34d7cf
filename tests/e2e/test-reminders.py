#!/usr/bin/env python3
# Break reminders with the real parts: `knotless --background` on the X server's idle counter,
# a notification shown by dunst, its default action opening the window on the Breaks page, a
# natural break taken by leaving the desk, and the in-app reminder when no notification server is
# running.

import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))

from knotless_e2e import BINARY, Knotless, click, fail, plain, wait_for  # noqa: E402

SUMMARY = "Time for a micro-break"


def cli(data_dir, *args):
    return subprocess.run([BINARY, "--data-dir", data_dir, *args], check=True,
                          capture_output=True, text=True).stdout


def set_up(knotless):
    """Only a micro-break every 5 s (20 s break), on every day at every hour."""
    for line in cli(knotless.data_dir, "reminders").splitlines()[1:]:
        fields = line.split(",")
        if fields[2] == "yes":
            cli(knotless.data_dir, "reminder", "disable", fields[0])
    reminder_id = int(cli(knotless.data_dir, "reminder", "add", "micro-break", "--every", "5s"))
    subprocess.run(["sqlite3", os.path.join(knotless.data_dir, "knotless.db"),
                    "UPDATE working_hours SET start_min = 0, end_min = 1440;"
                    # The welcome read, so that a notification opens onto the pages.
                    "INSERT INTO acknowledgements (what, at_ms, utc_offset_min)"
                    " VALUES ('welcome', 0, 0)"], check=True)
    return reminder_id


_position = [0]


def nudge():
    """Input, as a person at the desk makes it: resets the X server's idle counter."""
    _position[0] = (_position[0] + 1) % 2
    subprocess.run(["xdotool", "mousemove", str(200 + 40 * _position[0]), "300"], check=True)


def wait_active(predicate, what, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        nudge()
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    fail(f"timed out waiting for {what}")


def dunst_count(which):
    out = subprocess.run(["dunstctl", "count", which], capture_output=True, text=True).stdout
    return int(out.strip() or 0)


def dunst_summaries():
    out = subprocess.run(["dunstctl", "history"], capture_output=True, text=True).stdout
    history = json.loads(out)["data"][0]
    return [entry["summary"]["data"] for entry in history]


def outcomes(knotless):
    lines = cli(knotless.data_dir, "breaks").splitlines()[1:]
    return [line.split(",")[3] for line in lines]


def background_and_notification():
    knotless = Knotless()
    set_up(knotless)
    subprocess.run(["dunstctl", "close-all"], check=False)

    knotless.log = tempfile.TemporaryFile(mode="w+")
    knotless.process = subprocess.Popen([BINARY, "--data-dir", knotless.data_dir, "--background"],
                                        env=knotless.env, stderr=knotless.log)
    try:
        # Five seconds at the desk, and dunst shows the micro-break; no window meanwhile.
        wait_active(lambda: dunst_count("displayed") > 0, "the reminder in dunst", 20)
        if knotless.process.poll() is not None:
            fail("knotless --background exited")
        if knotless._find_app() is not None and knotless._find_frame() is not None:
            fail("knotless --background opened a window")

        # A click on the notification opens the window.
        subprocess.run(["dunstctl", "action", "0"], check=True)
        knotless.app = wait_for(knotless._find_app, "Knotless in the accessibility tree")
        knotless.frame = wait_for(knotless._find_frame, "the window the notification opened")
        # ... on the Breaks page, where the reminder came from.
        wait_for(lambda: knotless.selected_page() == "Breaks", "the Breaks page to be shown")
        knotless.find("Working Hours", "label")
        wait_for(lambda: SUMMARY in dunst_summaries(), "the reminder in dunst's history")
        if "shown" not in outcomes(knotless):
            fail(f"no “shown” in the break history: {outcomes(knotless)}")
        knotless.screenshot("reminders-window-from-notification")

        # 25 s away from the desk is a 20 s micro-break, taken.
        time.sleep(26)
        nudge()
        wait_for(lambda: "natural" in outcomes(knotless), "a natural break in the history", 10)

        # Back at the desk the next one comes, and the Breaks page answers it too: Skip there
        # stores the skip and takes the notification off the screen.
        wait_active(lambda: outcomes(knotless).count("shown") >= 2, "the next reminder", 30)
        wait_for(lambda: knotless.has("Skip", "push button"), "the reminder's answers on the page")
        knotless.screenshot("reminders-waiting-on-page")
        knotless.find("Skip", "push button").doActionNamed("click")
        wait_for(lambda: "skipped" in outcomes(knotless), "the skip in the history", 10)
        wait_for(lambda: dunst_count("displayed") == 0, "the notification withdrawn", 4)

        # Closing the window leaves the reminders running; Quit ends them.
        knotless.key("ctrl+w")
        wait_for(lambda: knotless._find_frame() is None, "the window to close")
        time.sleep(1)
        if knotless.process.poll() is not None:
            fail(f"closing the window quit Knotless (status {knotless.process.returncode}) "
                 "with a reminder on")
        knotless.process.terminate()
        knotless.process.wait(timeout=10)
        knotless.assert_clean_log()
    finally:
        knotless.stop()
        subprocess.run(["dunstctl", "close-all"], check=False)


BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def in_app_fallback():
    """A session bus with no notification server, and none it could start."""
    with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as conf:
        conf.write(BUS_CONFIG)
    bus = subprocess.Popen(["dbus-daemon", "--config-file", conf.name, "--print-address",
                            "--nofork"], stdout=subprocess.PIPE, text=True)
    try:
        address = bus.stdout.readline().strip()
        # The accessibility bus stays the session's own, for dogtail to see the window.
        a11y = subprocess.run(["dbus-send", "--session", "--print-reply=literal",
                               "--dest=org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress"],
                              capture_output=True, text=True, check=True).stdout.strip()
        knotless = Knotless(env={"DBUS_SESSION_BUS_ADDRESS": address,
                                 "AT_SPI_BUS_ADDRESS": a11y})
        set_up(knotless)
        knotless.start()
        try:
            wait_active(lambda: knotless.has(SUMMARY) or knotless.has(SUMMARY, "label"),
                        "the reminder in the window", 20)
            knotless.screenshot("reminders-in-app")
            click(knotless.find("Skip", "push button"))
            wait_for(lambda: "skipped" in outcomes(knotless), "the skip in the history")
            knotless.log.seek(0)
            told = knotless.log.read().count("Reminders show in this window instead")
            if told != 1:
                fail(f"the missing notification server was told {told} times, not once")
            start_at_login(knotless)
            knotless.quit()
        finally:
            knotless.stop()
    finally:
        bus.terminate()
        bus.wait(timeout=10)
        os.unlink(conf.name)


def find_switch(knotless, name):
    try:
        found = knotless.app.findChildren(
            lambda n: plain(n.name) == name and n.roleName in ("switch", "toggle button",
                                                                 "check box"))
        return found[0] if found else None
    except Exception:
        return None


def toggle(node):
    action = "toggle" if "toggle" in node.actions else "click"
    if action not in node.actions:
        fail(f"{node} cannot be toggled: {list(node.actions)}")
    node.doActionNamed(action)
    time.sleep(0.4)


def start_at_login(knotless):
    """Preferences' switch writes and removes the autostart entry."""
    entry = os.path.join(os.environ["XDG_CONFIG_HOME"], "autostart",
                         "io.github.knotless.Knotless.desktop")
    if os.path.exists(entry):
        os.unlink(entry)
    knotless.key("ctrl+comma")
    switch = wait_for(lambda: find_switch(knotless, "Start at Login"), "the Start at Login switch")
    toggle(switch)
    wait_for(lambda: os.path.exists(entry), "the autostart entry")
    with open(entry) as f:
        text = f.read()
    if "Exec=knotless --background" not in text:
        fail(f"the autostart entry does not run knotless --background:\n{text}")
    knotless.screenshot("reminders-start-at-login")
    toggle(switch)
    wait_for(lambda: not os.path.exists(entry), "the autostart entry to go")
    knotless.key("Escape")


def main():
    background_and_notification()
    in_app_fallback()
    print("ok")


if __name__ == "__main__":
    main()
