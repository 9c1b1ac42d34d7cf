#!/usr/bin/python3
# Export and import as a user meets them: Ctrl+E on a journal with check-ins and a knot, Breaks
# turned off, a folder typed into the file chooser, three files that are the CLI's export byte
# for byte; then Ctrl+I with a spreadsheet's CSV ("When,Pain Level,Comments"), the columns and
# the dry run shown, Import; then a file with a bad pain on line 3, which adds nothing.
# Screenshots of both dialogs, light and dark, wide and narrow.

import csv
import datetime
import io
import os
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import gi  # noqa: E402

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from knotless_e2e import BINARY, Knotless, click, fail, plain, wait_for  # noqa: E402


def cli(data_dir, *args):
    return subprocess.run([BINARY, "--data-dir", data_dir, *args], capture_output=True,
                          check=True).stdout


def entries(data_dir):
    out = cli(data_dir, "entries").decode()
    return list(csv.DictReader(io.StringIO(out, newline="")))


def count(knotless):
    # Through the CLI while the window is open, on purpose: the import's thread once dropped the
    # window's locks on the file (it looked at the file through a descriptor of its own), and a
    # CLI process then removed the window's -wal and -shm; the next import failed.
    return len(entries(knotless.data_dir))


def local_day(days_ago, hour):
    now = datetime.datetime.now().astimezone()
    return (now - datetime.timedelta(days=days_ago)).replace(hour=hour, minute=0, second=0,
                                                              microsecond=0)


def window(knotless, title):
    """The X window of one of the process's dialogs, by its title."""
    out = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--pid",
                          str(knotless.process.pid), "--name", f"^{title}$"],
                         capture_output=True, text=True, timeout=15).stdout.split()
    if not out:
        fail(f"no X window titled {title!r}")
    return out[-1]


def key_in(knotless, title, keys):
    """Real key events to a dialog rather than to the main window."""
    subprocess.run(["xdotool", "windowfocus", "--sync", window(knotless, title)], check=True)
    subprocess.run(["xdotool", "key", keys], check=True)
    time.sleep(0.3)


def find_in(knotless, root, name, role=None, match=None, timeout=15.0):
    """A node under @root (a dialog) by its name, or by a test on its name."""
    test = match or (lambda text: text == name)

    def lookup():
        try:
            found = root.findChildren(
                lambda n: test(plain(n.name)) and (role is None or n.roleName == role))
            return found[0] if found else None
        except Exception:
            return None
    return wait_for(lookup, f"{role or 'widget'} {name!r}", timeout)


def dialog(knotless, title):
    """A toplevel of the app by its title: GTK 4.8 calls some "frame", some "filler"."""
    def lookup():
        try:
            for child in knotless.app.children:
                if child.name == title:
                    return child
        except Exception:
            return None
        return None
    return wait_for(lookup, f"the window {title!r}")


def gone(knotless, title):
    try:
        return all(child.name != title for child in knotless.app.children)
    except Exception:
        return False


def enabled(node):
    # GTK 4.8 reports a widget that can be used as SENSITIVE (not ENABLED too).
    return node.getState().contains(Atspi.StateType.SENSITIVE)


def checked(node):
    return node.getState().contains(Atspi.StateType.CHECKED)


def choose_in_file_chooser(knotless, title, path, accept):
    """Without a portal GtkFileChooserNative is a GtkFileChooserDialog: Ctrl+L, the path typed
    into its location entry, then its accept button."""
    chooser = dialog(knotless, title)
    key_in(knotless, title, "ctrl+l")
    subprocess.run(["xdotool", "type", "--delay", "15", path], check=True)
    time.sleep(0.5)
    click(find_in(knotless, chooser, accept, "push button"))
    wait_for(lambda: gone(knotless, title), f"the file chooser {title!r} to close")


def resize_window(knotless, title, width, height):
    subprocess.run(["xdotool", "windowsize", window(knotless, title), str(width), str(height)],
                   check=True)
    time.sleep(0.8)


def write_csv(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return path


def main():
    knotless = Knotless()
    data_dir = knotless.data_dir
    scratch = os.path.dirname(data_dir)

    # A journal before the window: a knot and three check-ins, one of them plain enough for a
    # spreadsheet's row to be the same check-in.
    knot = cli(data_dir, "knot", "add", "upper-trapezius", "--side", "left", "--pain",
               "6").decode().strip()
    same = local_day(3, 9)
    cli(data_dir, "log", "--pain", "4", "--at", same.isoformat(), "--note", "Stiff neck")
    cli(data_dir, "log", "--pain", "6", "--at", local_day(2, 14).isoformat(), "--knot", knot,
        "--factor", "stress")
    cli(data_dir, "log", "--pain", "3", "--at", local_day(1, 20).isoformat(),
        "--note", "Better after the walk")
    if len(entries(data_dir)) != 3:
        fail("the check-ins from `knotless log` are not all there")

    knotless.start()
    try:
        knotless.key("Return")  # "I Understand" on the welcome
        wait_for(lambda: knotless.query(
            "SELECT count(*) FROM acknowledgements")[0][0] == 1, "the welcome acknowledged")
        knotless.resize(1280, 800)

        # Ctrl+E: every dataset on at first.
        knotless.key("ctrl+e")
        export = dialog(knotless, "Export")
        find_in(knotless, export, "What to Export", "label")
        switches = {name: find_in(knotless, export, name, "check box")
                    for name in ("Pain entries", "Knots and their tenderness", "Routine sessions",
                                 "Breaks")}
        if not all(checked(switch) for switch in switches.values()):
            fail("not every dataset is on when the export dialog opens")
        knotless.screenshot("export-dialog-wide-light")

        switches["Breaks"].doActionNamed("toggle")
        wait_for(lambda: not checked(switches["Breaks"]), "Breaks turned off")

        folder = tempfile.mkdtemp(prefix="export-", dir=scratch)
        before = datetime.date.today()
        click(find_in(knotless, export, "Export…", "push button"))
        choose_in_file_chooser(knotless, "Export to Folder", folder + "/", "Export")

        toast = find_in(knotless, knotless.frame, "Exported 3 files", "label",
                        match=lambda text: text.startswith("Exported 3 files"), timeout=30)
        if os.path.basename(folder) not in toast.name:
            fail(f"the toast does not name the folder: {toast.name!r}")
        find_in(knotless, knotless.frame, "Open Folder", "push button")
        wait_for(lambda: gone(knotless, "Export"), "the export dialog to close")

        after = datetime.date.today()
        written = sorted(os.listdir(folder))
        for day in {before, after}:
            expected = sorted(f"knotless-{dataset}-{day.isoformat()}.csv"
                              for dataset in ("pain", "knots", "sessions"))
            if written == expected:
                break
        else:
            fail(f"the export folder holds {written}, not the pain, knots and sessions files "
                 f"of {before}")
        for name in written:
            mode = stat.S_IMODE(os.stat(os.path.join(folder, name)).st_mode)
            if mode != 0o600:
                fail(f"{name} has mode {mode:o}, not 600")
        for name in written:
            dataset = name.split("-")[1]
            with open(os.path.join(folder, name), "rb") as f:
                if f.read() != cli(data_dir, "export", dataset, "-o", "-"):
                    fail(f"{name} differs from `knotless export {dataset}`")

        # Ctrl+I with a spreadsheet's file: its own column names, a local time without seconds,
        # one row the same check-in as one already stored.
        good = write_csv(scratch, "from-a-spreadsheet.csv",
                         "When,Pain Level,Comments\r\n"
                         f"{same.strftime('%Y-%m-%d %H:%M')},4,Stiff neck\r\n"
                         f"{local_day(5, 8).strftime('%Y-%m-%d %H:%M')},7,\"Desk, all day\"\r\n"
                         f"{local_day(4, 19).strftime('%Y-%m-%d %H:%M')},5,Heat pad\r\n")
        knotless.key("ctrl+i")
        choose_in_file_chooser(knotless, "Import Check-Ins", good, "Open")
        importer = dialog(knotless, "from-a-spreadsheet.csv")
        find_in(knotless, importer, "How the Columns Are Read", "label")
        for column, use in (("When", "Date and time"), ("Pain Level", "Pain"),
                            ("Comments", "Note")):
            find_in(knotless, importer, column, "label")
            find_in(knotless, importer, use, "label")
        find_in(knotless, importer, "2 new check-ins to import", "label")
        find_in(knotless, importer, "1 row is already in your journal and will be skipped",
                "label")
        import_button = find_in(knotless, importer, "Import", "push button")
        wait_for(lambda: enabled(import_button), "Import enabled after the dry run")
        if count(knotless) != 3:
            fail("the dry run wrote to the journal")
        knotless.screenshot("import-dialog-wide-light")

        click(import_button)
        find_in(knotless, knotless.frame, "Imported 2 check-ins; 1 already there", "label",
                timeout=30)
        if count(knotless) != 5:
            fail(f"{count(knotless)} check-ins after the import, not 5")

        # A file with a pain of 12 on line 3: the line named, Import off, nothing written.
        bad = write_csv(scratch, "bad-pain.csv",
                        "When,Pain Level,Comments\n"
                        f"{local_day(8, 9).strftime('%Y-%m-%d %H:%M')},2,Fine\n"
                        f"{local_day(7, 9).strftime('%Y-%m-%d %H:%M')},12,Too much\n"
                        f"{local_day(6, 9).strftime('%Y-%m-%d %H:%M')},3,\n")
        knotless.key("ctrl+i")
        choose_in_file_chooser(knotless, "Import Check-Ins", bad, "Open")
        importer = dialog(knotless, "bad-pain.csv")
        find_in(knotless, importer, "This file cannot be imported", "label")
        problem = find_in(knotless, importer, "line 3", "label",
                          match=lambda text: "line 3" in text)
        if "12" not in problem.name:
            fail(f"the problem does not name the bad value: {problem.name!r}")
        knotless.screenshot("import-dialog-error-wide-light")
        if enabled(find_in(knotless, importer, "Import", "push button")):
            fail("Import is enabled for a file that cannot be imported")
        key_in(knotless, "bad-pain.csv", "Escape")
        wait_for(lambda: gone(knotless, "bad-pain.csv"), "the import dialog to close")
        if count(knotless) != 5:
            fail("a file that cannot be imported changed the journal")

        # The export dialog in a phone-sized window.
        knotless.resize(360, 720)
        knotless.key("ctrl+e")
        find_in(knotless, dialog(knotless, "Export"), "What to Export", "label")
        resize_window(knotless, "Export", 360, 720)
        knotless.screenshot("export-dialog-narrow-light")
        key_in(knotless, "Export", "Escape")
        wait_for(lambda: gone(knotless, "Export"), "the export dialog to close")
        knotless.quit()

        stored = entries(data_dir)
        notes = {(row["pain_now"], row["note"]) for row in stored}
        if len(stored) != 5 or not {("7", "Desk, all day"), ("5", "Heat pad")} <= notes:
            fail(f"`knotless entries` does not show the two imported check-ins: {notes}")

        knotless = Knotless(data_dir, env={"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"}).start()
        knotless.resize(1280, 800)
        knotless.key("ctrl+e")
        find_in(knotless, dialog(knotless, "Export"), "What to Export", "label")
        knotless.screenshot("export-dialog-wide-dark")
        key_in(knotless, "Export", "Escape")
        wait_for(lambda: gone(knotless, "Export"), "the export dialog to close")
        knotless.key("ctrl+i")
        choose_in_file_chooser(knotless, "Import Check-Ins", bad, "Open")
        find_in(knotless, dialog(knotless, "bad-pain.csv"), "This file cannot be imported",
                "label")
        knotless.screenshot("import-dialog-error-wide-dark")
        key_in(knotless, "bad-pain.csv", "Escape")
        wait_for(lambda: gone(knotless, "bad-pain.csv"), "the import dialog to close")
        knotless.resize(360, 720)
        knotless.key("ctrl+e")
        find_in(knotless, dialog(knotless, "Export"), "What to Export", "label")
        resize_window(knotless, "Export", 360, 720)
        knotless.screenshot("export-dialog-narrow-dark")
        key_in(knotless, "Export", "Escape")
        wait_for(lambda: gone(knotless, "Export"), "the export dialog to close")
        knotless.quit()
    finally:
        knotless.stop()


if __name__ == "__main__":
    main()
