# Shared helpers for the end-to-end tests: start the real binary with a temporary --data-dir
# under the headless session of build-aux/headless-session, find it in the accessibility tree,
# take screenshots, read what it stored.

import atexit
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("DOGTAIL_DEBUG", "0")

from dogtail import config as dogtail_config  # noqa: E402

# GTK 4.8 reports no "showing" state or extents over AT-SPI, so nothing can be filtered on them.
dogtail_config.config.searchShowingOnly = False
dogtail_config.config.searchCutoffCount = 30
dogtail_config.config.searchBackoffDuration = 0.2
dogtail_config.config.actionDelay = 0.2
dogtail_config.config.logDebugToFile = False
dogtail_config.config.logDebugToStdOut = False

from dogtail import tree  # noqa: E402

# dogtail swallows uncaught exceptions into its own log; a failing test must show its traceback.
sys.excepthook = sys.__excepthook__

BINARY = os.environ["KNOTLESS_BIN"]
# Every data folder of a test run lives under one temporary folder, removed at exit.
_SCRATCH = tempfile.mkdtemp(prefix="knotless-e2e-")
atexit.register(shutil.rmtree, _SCRATCH, True)
SCREENSHOTS = os.environ["KNOTLESS_SCREENSHOTS"]


def fail(message):
    raise AssertionError(message)


def wait_for(predicate, what, timeout=15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    fail(f"timed out waiting for {what}")


class Knotless:
    """One running Knotless process on a data folder of its own."""

    def __init__(self, data_dir=None, env=None):
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="data-", dir=_SCRATCH)
        self.env = dict(os.environ, **(env or {}))
        self.process = None
        self.app = None

    def start(self, *args):
        self.log = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen([BINARY, "--data-dir", self.data_dir, *args],
                                        env=self.env, stderr=self.log)
        self.app = wait_for(self._find_app, "Knotless in the accessibility tree")
        self.frame = wait_for(lambda: self._find_frame(), "the Knotless window")
        # Let the first frames settle before anyone looks.
        time.sleep(0.5)
        return self

    def _find_app(self):
        try:
            for app in tree.root.applications():
                if app.name == "knotless":
                    return app
        except Exception:
            return None
        return None

    def _find_frame(self):
        try:
            return self.app.child(roleName="frame", recursive=False, retry=False)
        except Exception:
            return None

    def window_id(self):
        """The main window: the largest of the process's visible windows (tooltips and
        popovers are windows too)."""
        out = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid",
                              str(self.process.pid), "--name", "^Knotless$"],
                             capture_output=True, text=True, timeout=15).stdout.split()
        if not out:
            fail("no X window for Knotless")
        return max(out, key=lambda window: self._area(window))

    @staticmethod
    def _area(window):
        out = subprocess.run(["xdotool", "getwindowgeometry", window],
                             capture_output=True, text=True).stdout
        sizes = [line.split()[-1] for line in out.splitlines() if "Geometry:" in line]
        if not sizes:
            return 0
        width, height = sizes[0].split("x")
        return int(width) * int(height)

    def resize(self, width, height):
        subprocess.run(["xdotool", "windowsize", self.window_id(), str(width), str(height)],
                       check=True)
        time.sleep(0.8)

    def geometry(self):
        out = subprocess.run(["xdotool", "getwindowgeometry", self.window_id()],
                             capture_output=True, text=True, check=True).stdout
        size = [line for line in out.splitlines() if "Geometry:" in line][0].split()[-1]
        width, height = size.split("x")
        return int(width), int(height)

    def key(self, keys):
        # Real key events (XTEST) to the focused window, as a keyboard would send them.
        subprocess.run(["xdotool", "windowfocus", "--sync", self.window_id()], check=True)
        subprocess.run(["xdotool", "key", keys], check=True)
        time.sleep(0.3)

    def screenshot(self, name):
        os.makedirs(SCREENSHOTS, exist_ok=True)
        path = os.path.join(SCREENSHOTS, name + ".png")
        time.sleep(0.3)
        subprocess.run(["import", "-window", "root", path], check=True)
        print(f"screenshot: {path}")
        return path

    def find(self, name, role=None, timeout=30.0):
        def lookup():
            try:
                found = self.app.findChildren(
                    lambda n: plain(n.name) == name and (role is None or n.roleName == role))
                return found[0] if found else None
            except Exception:
                return None
        return wait_for(lookup, f"{role or 'widget'} named {name!r}", timeout)

    def has(self, name, role=None):
        try:
            return self.app.child(name=name, roleName=role, retry=False) is not None
        except Exception:
            return False

    def page_tabs(self, name):
        """The view switchers' buttons for a page: one in the header, one in the bottom bar."""
        return self.app.findChildren(lambda n: n.roleName == "page tab" and n.name == name)

    def selected_page(self):
        from gi.repository import Atspi
        for tab in self.app.findChildren(lambda n: n.roleName == "page tab"):
            if tab.getState().contains(Atspi.StateType.SELECTED):
                return tab.name
        return None

    def quit(self):
        self.key("ctrl+q")
        code = self.process.wait(timeout=15)
        if code != 0:
            fail(f"Knotless exited with status {code} after Ctrl+Q")
        self.assert_clean_log()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def assert_clean_log(self):
        """GTK and GLib criticals and warnings are bugs: a broken template, a misused API."""
        self.log.seek(0)
        problems = [line for line in self.log.read().splitlines()
                    if "-CRITICAL **" in line or "-WARNING **" in line]
        if problems:
            fail("Knotless logged problems:\n" + "\n".join(problems))

    def query(self, sql, *params):
        db = sqlite3.connect(f"file:{os.path.join(self.data_dir, 'knotless.db')}?mode=ro",
                             uri=True)
        try:
            return db.execute(sql, params).fetchall()
        finally:
            db.close()


def plain(name):
    """An accessible name as a person reads it. GTK 4.8 names a labelled button twice over,
    mnemonic and all ("_Start Fresh Start Fresh"): its label, then its label child's."""
    bare = name.replace("_", "")
    half = len(bare) // 2
    if len(bare) % 2 == 1 and bare[half] == " " and bare[:half] == bare[half + 1:]:
        return bare[:half]
    return name


def click(node):
    # A GtkMenuButton is a button around a button: the inner one takes the click.
    if "click" not in node.actions:
        inner = node.findChildren(lambda n: "click" in n.actions)
        if not inner:
            fail(f"{node} cannot be clicked")
        node = inner[0]
    node.doActionNamed("click")
    time.sleep(0.4)


def focused(node):
    from gi.repository import Atspi
    return node.getState().contains(Atspi.StateType.FOCUSED)


def activate_row(knotless, name):
    """Into the list with Tab, down to the routine's row with the arrow keys, then Enter, as a
    keyboard user would (GTK 4.8 offers rows no accessible action to click)."""
    label = knotless.find(name, "label")
    row = label
    while row is not None and row.roleName != "list item":
        row = row.parent
    if row is None:
        fail(f"no row around the label {name!r}")
    rows = lambda: knotless.app.findChildren(lambda n: n.roleName == "list item")  # noqa: E731
    for _ in range(12):
        if any(focused(r) for r in rows()):
            break
        knotless.key("Tab")
    for _ in range(50):
        if focused(row):
            knotless.key("Return")
            return
        knotless.key("Down")
    fail(f"the keyboard never reached the row {name!r}")
