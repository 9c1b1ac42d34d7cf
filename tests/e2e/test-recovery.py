#!/usr/bin/python3
# A journal file that is not a database, as a user meets it: Knotless explains, writes nothing
# to it, restores the newest daily backup on request, or starts fresh after asking; the bad file
# is always kept beside the new one.

import glob
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from knotless_e2e import Knotless, click, fail, plain, wait_for  # noqa: E402

JUNK = b"date,pain\n2026-11-20,4\nthis is a spreadsheet, not a journal\n" * 20


def damage(data_dir):
    path = os.path.join(data_dir, "knotless.db")
    for leftover in (path + "-wal", path + "-shm"):
        if os.path.exists(leftover):
            os.remove(leftover)
    with open(path, "wb") as f:
        f.write(JUNK)


def kept_files(data_dir):
    return sorted(glob.glob(os.path.join(data_dir, "knotless.db.damaged-*[0-9]")))


def main():
    # A first day: the welcome is acknowledged. The next day's first start makes that day's
    # backup (here: the first day's backup is removed, so the next start makes one).
    knotless = Knotless().start()
    data_dir = knotless.data_dir
    try:
        click(knotless.find("I Understand", "push button"))
        knotless.quit()
        for backup in glob.glob(os.path.join(data_dir, "backups", "*")):
            os.remove(backup)
        knotless = Knotless(data_dir).start()
        wait_for(lambda: glob.glob(os.path.join(data_dir, "backups", "knotless-*.db")),
                 "the daily backup")
        knotless.quit()

        # The file is damaged: explained, left untouched, and the backup restores it.
        damage(data_dir)
        knotless = Knotless(data_dir).start()
        knotless.find("Your Journal Could Not Be Opened", "label")
        knotless.find(f"“{os.path.join(data_dir, 'knotless.db')}” is not a Knotless database: "
                      "it is not an SQLite file at all.", "label")
        knotless.resize(1280, 800)
        knotless.screenshot("recovery-problem-light")
        with open(os.path.join(data_dir, "knotless.db"), "rb") as f:
            if f.read() != JUNK:
                fail("the refused file was written to")

        click(knotless.find("Restore Newest Backup", "push button"))
        knotless.key("alt+3")
        wait_for(lambda: knotless.selected_page() == "Routines",
                 "the pages to work after restoring the backup")
        if knotless.query("SELECT count(*) FROM acknowledgements")[0][0] != 1:
            fail("the restored journal lost its acknowledgement")
        kept = kept_files(data_dir)
        if len(kept) != 1 or open(kept[0], "rb").read() != JUNK:
            fail(f"the damaged file was not kept byte for byte: {kept}")
        knotless.screenshot("recovery-restored-light")
        knotless.quit()

        # Damaged again, with no backup left: start fresh, after a confirmation.
        for backup in glob.glob(os.path.join(data_dir, "backups", "*")):
            os.remove(backup)
        damage(data_dir)
        knotless = Knotless(data_dir, env={"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"}).start()
        knotless.find("Your Journal Could Not Be Opened", "label")
        if knotless.has("Restore Newest Backup", "push button") and \
                knotless.find("Restore Newest Backup", "push button").sensitive:
            fail("a restore was offered with no backup to restore")
        knotless.resize(1280, 800)
        knotless.screenshot("recovery-no-backup-dark")
        click(knotless.find("Start Fresh", "push button"))
        knotless.find("Start With an Empty Journal?", "label")
        knotless.screenshot("recovery-confirm-dark")
        if len(kept_files(data_dir)) != 1:
            fail("the file was moved before the user confirmed")
        # The dialog is a window of its own: the top level that has a Cancel button.
        dialog = wait_for(lambda: [top for top in knotless.app.children if top.findChildren(
            lambda b: b.roleName == "push button" and plain(b.name) == "Cancel")],
            "the dialog")[0]
        click([button for button in dialog.findChildren(lambda n: n.roleName == "push button")
               if plain(button.name) == "Start Fresh"][0])
        wait_for(lambda: len(kept_files(data_dir)) == 2, "the second damaged file kept aside")
        # A fresh journal starts with the welcome again.
        knotless.find("Welcome to Knotless", "label")
        knotless.quit()
    finally:
        knotless.stop()
    print("ok")


if __name__ == "__main__":
    main()
