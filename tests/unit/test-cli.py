#!/usr/bin/python3
# The command line as a script or a user in a terminal meets it: exit status 0 / 1 / 2, usage on
# stderr for bad usage, and no display needed (GTK is never initialised for these).

import csv
import io
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import unittest

BINARY = os.environ["KNOTLESS_BIN"]


def knotless(*args, data_dir=None):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    argv = [BINARY, *args]
    result = subprocess.run(argv, capture_output=True, env=env, timeout=30)
    # Decoded by hand: text mode would turn the CSV's CRLF line ends into LF.
    result.stdout = result.stdout.decode()
    result.stderr = result.stderr.decode()
    return result


class CommandLine(unittest.TestCase):
    def test_version(self):
        result = knotless("--version")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout, r"^knotless \d+\.\d+\.\d+\n$")
        self.assertEqual(result.stderr, "")

    def test_help(self):
        result = knotless("--help")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Usage:", result.stdout)
        self.assertIn("--data-dir DIR", result.stdout)
        self.assertIn("--background", result.stdout)
        self.assertEqual(result.stderr, "")

    def test_version_with_data_dir_touches_nothing(self):
        with tempfile.TemporaryDirectory() as parent:
            data_dir = os.path.join(parent, "data")
            result = knotless("--data-dir", data_dir, "--version")
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertFalse(os.path.exists(data_dir))

    def assert_usage_error(self, result, *needles):
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertIn("Usage:", result.stderr)
        for needle in needles:
            self.assertIn(needle, result.stderr)

    def test_unknown_command(self):
        self.assert_usage_error(knotless("frobnicate"), "frobnicate")

    def test_unknown_option(self):
        self.assert_usage_error(knotless("--frobnicate"), "--frobnicate")

    def test_data_dir_without_folder(self):
        self.assert_usage_error(knotless("--data-dir"), "--data-dir")

    def test_empty_data_dir(self):
        self.assert_usage_error(knotless("--data-dir", ""), "--data-dir")

    def test_background_with_nothing_to_run(self):
        # No display and no reminder on: it says why it stops, and stops cleanly.
        with tempfile.TemporaryDirectory() as data_dir:
            for line in knotless("--data-dir", data_dir, "reminders").stdout.splitlines()[1:]:
                reminder_id, _, enabled = line.split(",")[:3]
                if enabled == "yes":
                    self.assertEqual(knotless("--data-dir", data_dir, "reminder", "disable",
                                              reminder_id).returncode, 0)
            result = knotless("--data-dir", data_dir, "--background")
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("no reminders", result.stderr)


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


class Knots(unittest.TestCase):
    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.data_dir = self.scratch.name

    def tearDown(self):
        self.scratch.cleanup()

    def run_ok(self, *args):
        result = knotless("--data-dir", self.data_dir, *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def assert_bad_input(self, args, needle):
        database = os.path.join(self.data_dir, "knotless.db")
        before = self.stored_knots() if os.path.exists(database) else None
        result = knotless("--data-dir", self.data_dir, *args)
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertIn(needle, result.stderr)
        self.assertEqual(result.stdout, "")
        if before is not None:
            self.assertEqual(self.stored_knots(), before, "bad input changed the database")

    def stored_knots(self):
        db = sqlite3.connect(os.path.join(self.data_dir, "knotless.db"))
        try:
            return db.execute("SELECT * FROM knots ORDER BY id").fetchall() + \
                db.execute("SELECT * FROM knot_ratings ORDER BY id").fetchall()
        finally:
            db.close()

    def test_regions(self):
        out = knotless("regions").stdout
        self.assertTrue(out.startswith("id,name,view,side,group\r\n"), out[:80])
        rows = read_csv(out)
        self.assertGreaterEqual(len(rows), 40)
        by_id = {row["id"]: row for row in rows}
        self.assertEqual(by_id["upper-trapezius-left"]["view"], "back")
        self.assertEqual(by_id["upper-trapezius-left"]["side"], "left")
        self.assertEqual(by_id["sternocleidomastoid-right"]["view"], "front")

    def test_add_list_resolve(self):
        knot_id = self.run_ok("knot", "add", "upper-trapezius", "--side", "left", "--pain", "7",
                              "--note", "=SUM(A1), from the desk").strip()
        self.assertRegex(knot_id, r"^\d+$")
        latent_id = self.run_ok("knot", "add", "soleus-right", "--latent").strip()

        rows = read_csv(self.run_ok("knots"))
        self.assertEqual([row["id"] for row in rows], [knot_id, latent_id])
        first = rows[0]
        self.assertEqual(first["region"], "upper-trapezius-left")
        self.assertEqual(first["state"], "active")
        self.assertEqual(first["tenderness"], "7")
        # A note that a spreadsheet would run as a formula is written as text.
        self.assertEqual(first["note"], "'=SUM(A1), from the desk")
        self.assertRegex(first["created_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
        self.assertEqual(rows[1]["state"], "latent")
        self.assertEqual(rows[1]["tenderness"], "")

        self.run_ok("knot", "resolve", knot_id)
        self.assertEqual([row["id"] for row in read_csv(self.run_ok("knots"))], [latent_id])
        everything = read_csv(self.run_ok("knots", "--all"))
        self.assertEqual(len(everything), 2)
        self.assertNotEqual(everything[0]["resolved_at"], "")

    def test_data_dir_after_the_command(self):
        knot_id = knotless("knot", "add", "spine", "--data-dir", self.data_dir).stdout.strip()
        self.assertRegex(knot_id, r"^\d+$")
        self.assertEqual(len(read_csv(self.run_ok("knots"))), 1)

    def test_bad_input_writes_nothing(self):
        self.run_ok("knot", "add", "spine")
        self.assert_bad_input(["knot", "add", "elbow-of-the-moon"], "elbow-of-the-moon")
        self.assert_bad_input(["knot", "add", "upper-trapezius"], "--side")
        self.assert_bad_input(["knot", "add", "upper-trapezius", "--side", "middle"], "middle")
        self.assert_bad_input(["knot", "add", "upper-trapezius-left", "--side", "right"],
                              "upper-trapezius-left")
        for pain in ("11", "-1", "5.5", "seven"):
            self.assert_bad_input(["knot", "add", "spine", "--pain", pain], pain)
        self.assert_bad_input(["knot", "resolve", "999"], "999")
        self.assert_bad_input(["knot", "resolve", "abc"], "abc")
        self.assert_bad_input(["knot", "frobnicate"], "frobnicate")
        self.assert_bad_input(["knot", "add"], "REGION")

    def test_damaged_database_fails_with_status_1(self):
        with open(os.path.join(self.data_dir, "knotless.db"), "w") as f:
            f.write("not a database, only some words in a file of text\n" * 4)
        result = knotless("--data-dir", self.data_dir, "knots")
        self.assertEqual(result.returncode, 1)
        self.assertIn("not a Knotless database", result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1)



class Journal(unittest.TestCase):
    HEADER = ("id,recorded_at,pain_now,pain_worst_24h,pain_least_24h,knots,regions,factors,"
              "interference_activity,interference_mood,interference_sleep,interference_work,"
              "medication,medication_helped_pct,note\r\n")

    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.data_dir = self.scratch.name

    def tearDown(self):
        self.scratch.cleanup()

    def run_ok(self, *args):
        result = knotless("--data-dir", self.data_dir, *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def log(self, *args):
        entry_id = self.run_ok("log", *args)
        self.assertRegex(entry_id, r"^\d+\n$")
        return entry_id.strip()

    def entries(self, *args):
        out = self.run_ok("entries", *args)
        self.assertTrue(out.startswith(self.HEADER), out[:200])
        return out

    def assert_bad_input(self, args, needle):
        before = self.entries()
        result = knotless("--data-dir", self.data_dir, *args)
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        # Named in the message itself, not only echoed somewhere in the usage below it.
        message = result.stderr.split("Usage:")[0]
        self.assertIn(needle, message)
        self.assertEqual(result.stdout, "")
        self.assertEqual(self.entries(), before, "bad input changed the journal")

    def test_log_and_entries_round_trip(self):
        knot_id = self.run_ok("knot", "add", "upper-trapezius", "--side", "left").strip()
        self.assertRegex(knot_id, r"^\d+$")
        note = 'Ünïcödé — “curly” and "straight" quotes, a comma\nsecond line ✓'
        first = self.log("--pain", "6", "--worst", "8", "--least", "2", "--knot", knot_id,
                         "--factor", "poor sleep", "--factor", "Desk work", "--note", note,
                         "--at", "2025-06-14T21:30:00-04:00")
        second = self.log("--pain", "0", "--at", "2025-06-15T09:05:00+05:30")

        out = self.entries()
        # CRLF row ends; the newline inside the note stays as it is, inside quotes.
        self.assertTrue(out.endswith("\r\n"), out[-20:])
        rows = read_csv(out)
        self.assertEqual([row["id"] for row in rows], [first, second])
        row = rows[0]
        self.assertEqual(row["recorded_at"], "2025-06-14T21:30:00-04:00")
        self.assertEqual(row["pain_now"], "6")
        self.assertEqual(row["pain_worst_24h"], "8")
        self.assertEqual(row["pain_least_24h"], "2")
        self.assertEqual(row["knots"], knot_id)
        self.assertEqual(row["regions"], "")
        self.assertEqual(sorted(row["factors"].split(";")), ["Desk work", "poor sleep"])
        for column in ("interference_activity", "interference_mood", "interference_sleep",
                       "interference_work", "medication", "medication_helped_pct"):
            self.assertEqual(row[column], "", column)
        self.assertEqual(row["note"], note)

        row = rows[1]
        self.assertEqual(row["recorded_at"], "2025-06-15T09:05:00+05:30")
        self.assertEqual(row["pain_now"], "0")
        self.assertEqual(row["pain_worst_24h"], "")
        self.assertEqual(row["knots"], "")
        self.assertEqual(row["factors"], "")
        self.assertEqual(row["note"], "")

    def test_entries_from_to_by_day(self):
        # Local times, as a date alone is a local day; mid-January has no clock changes.
        ids = {}
        for at in ("2025-01-14T23:59:59", "2025-01-15T00:00:00", "2025-01-15T12:00:00",
                   "2025-01-16T23:59:59", "2025-01-17T00:00:00"):
            ids[at] = self.log("--pain", "3", "--at", at)

        def listed(*args):
            return [row["id"] for row in read_csv(self.entries(*args))]

        self.assertEqual(listed(), list(ids.values()))
        # --to with a date alone takes in the whole of that day, up to its last second.
        self.assertEqual(listed("--from", "2025-01-15", "--to", "2025-01-16"),
                         [ids["2025-01-15T00:00:00"], ids["2025-01-15T12:00:00"],
                          ids["2025-01-16T23:59:59"]])
        self.assertEqual(listed("--from", "2025-01-16"),
                         [ids["2025-01-16T23:59:59"], ids["2025-01-17T00:00:00"]])
        self.assertEqual(listed("--to", "2025-01-14"), [ids["2025-01-14T23:59:59"]])
        self.assertEqual(listed("--from", "2025-01-15", "--to", "2025-01-15"),
                         [ids["2025-01-15T00:00:00"], ids["2025-01-15T12:00:00"]])
        # An instant for --to is included itself, and nothing after it.
        self.assertEqual(listed("--from", "2025-01-15T00:00:01", "--to", "2025-01-15T12:00:00"),
                         [ids["2025-01-15T12:00:00"]])
        self.assertEqual(listed("--from", "2025-02-01"), [])

    def test_bad_input_writes_nothing(self):
        knot_id = self.run_ok("knot", "add", "spine").strip()
        self.log("--pain", "5", "--note", "the one good entry")
        self.assertEqual(len(read_csv(self.entries())), 1)

        self.assert_bad_input(["log"], "--pain")
        for pain in ("11", "-1", "5.5", "seven", "3x"):
            self.assert_bad_input(["log", "--pain", pain], pain)
        self.assert_bad_input(["log", "--pain", "4", "--worst", "12"], "12")
        self.assert_bad_input(["log", "--pain", "4", "--least", "low"], "low")
        self.assert_bad_input(["log", "--pain", "4", "--worst", "6", "--least", "8"], "8")
        self.assert_bad_input(["log", "--pain", "4", "--worst", "6", "--least", "8"], "6")
        self.assert_bad_input(["log", "--pain", "4", "--knot", "9999"], "9999")
        self.assert_bad_input(["log", "--pain", "4", "--knot", knot_id, "--knot", "777"], "777")
        self.assert_bad_input(["log", "--pain", "4", "--knot", "abc"], "abc")
        self.assert_bad_input(["log", "--pain", "4", "--at", "yesterday"], "yesterday")
        self.assert_bad_input(["log", "--pain", "4", "--at", "2025-13-40"], "2025-13-40")
        self.assert_bad_input(["log", "--pain", "4", "--at", "2099-01-01T10:00:00+00:00"], "2099")
        self.assert_bad_input(["log", "--pain", "4", "--factor", "a;b"], "a;b")
        self.assert_bad_input(["entries", "--from", "last week"], "last week")
        self.assert_bad_input(["entries", "--to", "2025-02-30"], "2025-02-30")

        # The comparison above would have seen a write: a good entry changes the listing.
        before = self.entries()
        self.log("--pain", "4", "--knot", knot_id)
        self.assertNotEqual(self.entries(), before)

    def test_factor_twice_in_other_case_is_stored_once(self):
        self.log("--pain", "2", "--factor", "Desk work", "--factor", "DESK WORK",
                 "--factor", "Stress", "--factor", "stress")
        rows = read_csv(self.entries())
        self.assertEqual(len(rows), 1)
        factors = rows[0]["factors"].split(";")
        self.assertEqual(sorted(name.casefold() for name in factors), ["desk work", "stress"])

        db = sqlite3.connect(os.path.join(self.data_dir, "knotless.db"))
        try:
            (count,) = db.execute("SELECT count(*) FROM factors WHERE name = 'desk work'"
                                  " COLLATE NOCASE").fetchone()
            (links,) = db.execute("SELECT count(*) FROM entry_factors").fetchone()
        finally:
            db.close()
        self.assertEqual(count, 1)
        self.assertEqual(links, 2)

    def test_formula_note_is_written_as_text(self):
        self.log("--pain", "1", "--note", "=HYPERLINK(\"http://x\"), then rest")
        out = self.entries()
        # In the file itself, not only as the csv module reads it back.
        self.assertIn(",\"'=HYPERLINK(\"\"http://x\"\"), then rest\"\r\n", out)
        self.assertEqual(read_csv(out)[0]["note"], "'=HYPERLINK(\"http://x\"), then rest")


class ExportImport(unittest.TestCase):
    HEADER = Journal.HEADER
    NOTE = 'Ünïcödé — “curly” and "straight", a comma\r\nCRLF line\nLF line ✓'

    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.folder = self.scratch.name
        self.data_dir = os.path.join(self.folder, "data")
        self.other_dir = os.path.join(self.folder, "other")

    def tearDown(self):
        self.scratch.cleanup()

    def run_in(self, data_dir, *args):
        result = knotless("--data-dir", data_dir, *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def run_ok(self, *args):
        return self.run_in(self.data_dir, *args)

    def fill(self):
        """A knot and three entries, one logged now (to the millisecond, as the app does)."""
        self.assertEqual(self.run_ok("knot", "add", "upper-trapezius", "--side", "left",
                                     "--pain", "7"), "1\n")
        self.run_ok("log", "--pain", "6", "--worst", "8", "--least", "2", "--knot", "1",
                    "--factor", "poor sleep", "--factor", "Nachtschicht", "--note", self.NOTE,
                    "--at", "2025-06-14T21:30:00-04:00")
        self.run_ok("log", "--pain", "3", "--factor", "@home", "--note", "=SUM(A1), at the desk",
                    "--at", "2025-06-15T09:05:00+05:30")
        self.run_ok("log", "--pain", "5", "--note", "logged just now")

    def read_file(self, path):
        with open(path, "rb") as f:
            return f.read()

    def assert_usage_error(self, args, needle):
        result = knotless("--data-dir", self.data_dir, *args)
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertIn(needle, result.stderr.split("Usage:")[0])

    def test_export_pain_to_file(self):
        self.fill()
        path = os.path.join(self.folder, "pain.csv")
        self.assertEqual(self.run_ok("export", "pain", "-o", path), "")
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        data = self.read_file(path)
        self.assertTrue(data.startswith(self.HEADER.encode()), data[:200])
        # Every row ends in CRLF; a bare LF is only found inside the quoted note.
        self.assertTrue(data.endswith(b"\r\n"))
        self.assertEqual(data.count(b"\r\n"), 1 + 3 + 1)
        self.assertEqual(data.replace(b"\r\n", b"").count(b"\n"), 1)
        # The same rows as `knotless entries` and as the export to standard output.
        self.assertEqual(data.decode(), self.run_ok("entries"))
        self.assertEqual(data.decode(), self.run_ok("export", "pain"))
        self.assertEqual(data.decode(), self.run_ok("export", "pain", "-o", "-"))
        # No temporary file left beside it.
        self.assertEqual(sorted(os.listdir(self.folder)), ["data", "pain.csv"])

    def test_export_all_to_folder(self):
        self.fill()
        out = os.path.join(self.folder, "out")
        os.mkdir(out)
        before = time.strftime("%Y-%m-%d")
        printed = self.run_ok("export", "all", "-o", out)
        after = time.strftime("%Y-%m-%d")
        names = sorted(os.listdir(out))
        self.assertIn(names, [[f"knotless-{what}-{day}.csv"
                               for what in ("breaks", "knots", "pain", "sessions")]
                              for day in (before, after)])
        self.assertEqual(sorted(printed.splitlines()), [os.path.join(out, n) for n in names])
        for name in names:
            path = os.path.join(out, name)
            self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600, name)
        pain = self.read_file(os.path.join(out, names[2])).decode()
        self.assertEqual(pain, self.run_ok("entries"))
        knots = read_csv(self.read_file(os.path.join(out, names[1])).decode())
        self.assertEqual([(row["knot_id"], row["region"], row["tenderness"]) for row in knots],
                         [("1", "upper-trapezius-left", "7")])

    def test_export_bom(self):
        self.fill()
        plain = self.run_ok("export", "pain")
        self.assertFalse(plain.startswith("\ufeff"))
        self.assertEqual(self.run_ok("export", "pain", "--bom"), "\ufeff" + plain)
        path = os.path.join(self.folder, "excel.csv")
        self.run_ok("export", "pain", "--bom", "-o", path)
        self.assertEqual(self.read_file(path), b"\xef\xbb\xbf" + plain.encode())

    def test_export_sessions_and_breaks(self):
        self.fill()
        sessions = self.run_ok("export", "sessions")
        self.assertEqual(sessions, self.run_ok("sessions"))
        breaks = self.run_ok("export", "breaks")
        self.assertEqual(breaks, self.run_ok("breaks"))
        self.assertTrue(breaks.startswith("id,reminder_id,kind,outcome,at,duration_seconds\r\n"))

    def test_export_bad_usage(self):
        self.fill()
        self.assert_usage_error(["export", "frobnicate"], "frobnicate")
        self.assert_usage_error(["export", "pain", "--from", "last week"], "last week")
        path = os.path.join(self.folder, "a-file.csv")
        with open(path, "w") as f:
            f.write("kept")
        self.assert_usage_error(["export", "all", "-o", path], path)
        with open(path) as f:
            self.assertEqual(f.read(), "kept")
        self.assertEqual(sorted(os.listdir(self.folder)), ["a-file.csv", "data"])

    def test_export_into_a_file_as_folder_fails(self):
        self.fill()
        path = os.path.join(self.folder, "file-not-dir")
        with open(path, "w") as f:
            f.write("kept")
        result = knotless("--data-dir", self.data_dir, "export", "pain", "-o",
                          os.path.join(path, "out.csv"))
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn(path, result.stderr)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1, result.stderr)
        self.assertEqual(sorted(os.listdir(self.folder)), ["data", "file-not-dir"])

    def test_import_round_trip(self):
        self.fill()
        path = os.path.join(self.folder, "pain.csv")
        self.run_ok("export", "pain", "-o", path)
        self.assertEqual(self.run_in(self.other_dir, "knot", "add", "upper-trapezius-left"),
                         "1\n")

        out = self.run_in(self.other_dir, "import", "pain", path)
        self.assertEqual(out, "3 entries imported, 0 identical to ones stored skipped.\n")
        again = os.path.join(self.folder, "again.csv")
        self.run_in(self.other_dir, "export", "pain", "-o", again)
        self.assertEqual(self.read_file(again), self.read_file(path))

        # Brought back into either journal, the one it came from too, it adds nothing.
        for data_dir in (self.other_dir, self.data_dir):
            out = self.run_in(data_dir, "import", "pain", path)
            self.assertEqual(out, "0 entries imported, 3 identical to ones stored skipped.\n")
            self.assertEqual(self.run_in(data_dir, "entries").encode(), self.read_file(path))

    def test_import_bad_file_writes_nothing(self):
        self.fill()
        before = self.run_ok("entries")
        path = os.path.join(self.folder, "bad.csv")
        # Header on line 1, the first entry's note over lines 2 to 4, two more rows on lines 5
        # and 6 (one changed, so that it would be added), the bad row on line 7.
        bad = (before.replace("logged just now", "changed so not a duplicate") +
               ",2025-06-16T10:00:00+02:00,12,,,,,,,,,,,,\r\n")
        with open(path, "w", newline="") as f:
            f.write(bad)
        result = knotless("--data-dir", self.data_dir, "import", "pain", path)
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertIn("line 7, column “pain_now”", result.stderr)
        self.assertIn("12", result.stderr)
        self.assertEqual(self.run_ok("entries"), before)

        result = knotless("--data-dir", self.data_dir, "import", "pain",
                          os.path.join(self.folder, "missing.csv"))
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        self.assertIn("missing.csv", result.stderr)

    def test_import_dry_run(self):
        path = os.path.join(self.folder, "other-app.csv")
        with open(path, "w", newline="") as f:
            f.write("When,Mood,Pain Level,Comments\r\n"
                    "2025-03-01 09:30,ok,4,\"stiff, after the drive\"\r\n"
                    "2025-03-02,bad,6,\r\n")
        empty = self.run_ok("entries")
        out = self.run_ok("import", "pain", "--dry-run", path)
        self.assertEqual(out.splitlines(), [
            "When → Date and time",
            "Mood → (ignored)",
            "Pain Level → Pain",
            "Comments → Note",
            "2 entries would be imported, 0 identical to ones stored skipped; "
            "nothing was written.",
        ])
        self.assertEqual(self.run_ok("entries"), empty)

        out = self.run_ok("import", "pain", path)
        self.assertEqual(out, "2 entries imported, 0 identical to ones stored skipped.\n")
        rows = read_csv(self.run_ok("entries"))
        self.assertEqual([(row["pain_now"], row["note"]) for row in rows],
                         [("4", "stiff, after the drive"), ("6", "")])
        out = self.run_ok("import", "pain", "--dry-run", path)
        self.assertIn("0 entries would be imported, 2 identical", out)

    def test_csv_module_reads_back_what_entries_lists(self):
        self.fill()
        path = os.path.join(self.folder, "pain.csv")
        self.run_ok("export", "pain", "-o", path)
        with open(path, newline="", encoding="utf-8") as f:
            exported = list(csv.DictReader(f))
        listed = read_csv(self.run_ok("entries"))
        self.assertEqual(exported, listed)
        self.assertEqual(len(exported), 3)
        self.assertEqual(exported[0]["note"], self.NOTE)
        self.assertEqual(exported[0]["knots"], "1")
        self.assertEqual(exported[1]["note"], "'=SUM(A1), at the desk")
        self.assertEqual(exported[1]["factors"], "'@home")

    def test_sqlite_imports_the_export(self):
        sqlite3_shell = shutil.which("sqlite3")
        self.assertIsNotNone(sqlite3_shell, "the sqlite3 shell is needed: apt-get install sqlite3")
        self.fill()
        path = os.path.join(self.folder, "pain.csv")
        self.run_ok("export", "pain", "-o", path)
        database = os.path.join(self.folder, "import.db")
        subprocess.run([sqlite3_shell, database, ".mode csv", f".import '{path}' pain"],
                       capture_output=True, timeout=30, check=True)
        db = sqlite3.connect(database)
        try:
            rows = db.execute("SELECT id, note FROM pain ORDER BY rowid").fetchall()
        finally:
            db.close()
        listed = read_csv(self.run_ok("entries"))
        self.assertEqual(rows, [(row["id"], row["note"]) for row in listed])
        self.assertEqual(rows[0][1], self.NOTE)


class Routines(unittest.TestCase):
    SESSIONS_HEADER = ("id,routine,started_at,ended_at,completed,stopped_at_step,pain_before,"
                       "pain_after,knot_id,active_seconds\r\n")

    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.data_dir = self.scratch.name
        self.database = os.path.join(self.data_dir, "knotless.db")

    def tearDown(self):
        self.scratch.cleanup()

    def run_ok(self, *args):
        result = knotless("--data-dir", self.data_dir, *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def sessions(self, *args):
        out = self.run_ok("sessions", *args)
        self.assertTrue(out.startswith(self.SESSIONS_HEADER), out[:200])
        return out

    def test_routines(self):
        out = self.run_ok("routines")
        self.assertTrue(out.startswith("slug,name,kind,regions,seconds\r\n"), out[:80])
        rows = read_csv(out)
        self.assertEqual(len(rows), 26)
        # CONTENT.md's order, built-ins seeded on first use.
        self.assertEqual(rows[0]["slug"], "box-breathing")
        self.assertEqual(rows[-1]["slug"], "relaxation")
        by_slug = {row["slug"]: row for row in rows}
        neck = by_slug["neck-release"]
        self.assertEqual(neck["name"], "Neck release")
        self.assertEqual(neck["kind"], "stretch")
        self.assertEqual(neck["seconds"], "165")
        self.assertEqual(neck["regions"].split(";"),
                         ["suboccipitals-left", "suboccipitals-right", "upper-trapezius-left",
                          "upper-trapezius-right", "levator-scapulae-left",
                          "levator-scapulae-right"])
        self.assertEqual(by_slug["box-breathing"]["regions"], "")
        self.assertEqual(by_slug["box-breathing"]["seconds"], "300")
        self.assertEqual(by_slug["20-20-20"]["kind"], "break")

    def test_sessions(self):
        knot_id = self.run_ok("knot", "add", "upper-trapezius", "--side", "left").strip()
        # Nothing but the window starts a session: write them as it would.
        db = sqlite3.connect(self.database)
        try:
            with db:
                db.execute("INSERT INTO routine_sessions (id, routine, started_ms,"
                           " started_offset_min, ended_ms, ended_offset_min, completed,"
                           " stopped_at_step, pain_before, pain_after, knot_id, active_seconds)"
                           " VALUES (7, 'upper-trapezius-ball', 1736895600000, 60,"
                           " 1736895845000, 60, 1, NULL, 6, 3, ?, 245)", (int(knot_id),))
                db.execute("INSERT INTO routine_sessions (id, routine, started_ms,"
                           " started_offset_min, ended_ms, ended_offset_min, completed,"
                           " stopped_at_step, active_seconds)"
                           " VALUES (8, 'box-breathing', 1737012600000, -300,"
                           " 1737012690000, -300, 0, 2, 80)")
                db.execute("INSERT INTO routine_sessions (id, routine, started_ms,"
                           " started_offset_min) VALUES (9, 'hips', 1737100800000, 0)")
        finally:
            db.close()

        out = self.sessions()
        self.assertTrue(out.endswith("\r\n"))
        rows = read_csv(out)
        self.assertEqual([row["id"] for row in rows], ["7", "8", "9"])
        self.assertEqual(rows[0], {
            "id": "7", "routine": "upper-trapezius-ball",
            "started_at": "2025-01-15T00:00:00+01:00", "ended_at": "2025-01-15T00:04:05+01:00",
            "completed": "yes", "stopped_at_step": "", "pain_before": "6", "pain_after": "3",
            "knot_id": knot_id, "active_seconds": "245"})
        # Stopped in the third step, counted from 1 as the routine file counts them.
        self.assertEqual(rows[1]["started_at"], "2025-01-16T02:30:00-05:00")
        self.assertEqual(rows[1]["completed"], "no")
        self.assertEqual(rows[1]["stopped_at_step"], "3")
        self.assertEqual(rows[1]["pain_before"], "")
        self.assertEqual(rows[1]["knot_id"], "")
        # Never finished: no end.
        self.assertEqual(rows[2]["ended_at"], "")
        self.assertEqual(rows[2]["completed"], "no")

        def listed(*args):
            return [row["id"] for row in read_csv(self.sessions(*args))]

        self.assertEqual(listed("--from", "2025-01-16T07:30:00Z"), ["8", "9"])
        self.assertEqual(listed("--from", "2025-01-16T07:30:01Z"), ["9"])
        self.assertEqual(listed("--to", "2025-01-16T07:30:00Z"), ["7", "8"])
        self.assertEqual(listed("--to", "2025-01-16T07:29:59Z"), ["7"])
        self.assertEqual(listed("--from", "2025-02-01"), [])

        # The knot goes, the session stays.
        db = sqlite3.connect(self.database)
        try:
            with db:
                db.execute("PRAGMA foreign_keys = ON")
                db.execute("DELETE FROM knots")
        finally:
            db.close()
        self.assertEqual(read_csv(self.sessions())[0]["knot_id"], "")

    def test_bad_input(self):
        for args, needle in ((["sessions", "--from", "last week"], "last week"),
                             (["sessions", "--to", "2025-02-30"], "2025-02-30"),
                             (["sessions", "--from", "2025-01-01", "--to", "soon"], "soon"),
                             (["sessions", "2025-01-01"], "2025-01-01"),
                             (["routines", "--all"], "--all")):
            result = knotless("--data-dir", self.data_dir, *args)
            self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
            self.assertIn(needle, result.stderr.split("Usage:")[0])
            self.assertEqual(result.stdout, "")
            # Bad input writes nothing, not even a new database.
            self.assertFalse(os.path.exists(self.database), args)


class Reminders(unittest.TestCase):
    HEADER = "id,kind,enabled,every,at,days,routine,break_length\r\n"
    BREAKS_HEADER = "id,reminder_id,kind,outcome,at,duration_seconds\r\n"

    def setUp(self):
        self.scratch = tempfile.TemporaryDirectory()
        self.data_dir = self.scratch.name
        self.database = os.path.join(self.data_dir, "knotless.db")

    def tearDown(self):
        self.scratch.cleanup()

    def run_ok(self, *args):
        result = knotless("--data-dir", self.data_dir, *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout

    def reminders(self):
        out = self.run_ok("reminders")
        self.assertTrue(out.startswith(self.HEADER), out[:200])
        return read_csv(out)

    def breaks(self, *args):
        out = self.run_ok("breaks", *args)
        self.assertTrue(out.startswith(self.BREAKS_HEADER), out[:200])
        return read_csv(out)

    def stored(self):
        db = sqlite3.connect(self.database)
        try:
            return [db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                    for table in ("reminders", "working_hours", "break_events",
                                  "break_settings")]
        finally:
            db.close()

    def add_break_events(self, *rows):
        # The history is written by the reminders themselves, which the command line has not:
        # put it in the file as they would.
        db = sqlite3.connect(self.database)
        try:
            with db:
                db.executemany("INSERT INTO break_events (reminder_id, kind, outcome, at_ms,"
                               " utc_offset_min, duration_ms) VALUES (?, ?, ?, ?, ?, ?)", rows)
        finally:
            db.close()

    def assert_bad_input(self, args, *needles):
        before = self.stored() if os.path.exists(self.database) else None
        result = knotless("--data-dir", self.data_dir, *args)
        self.assertEqual(result.returncode, 2, result.stdout + result.stderr)
        # Named in the message itself, not only echoed somewhere in the usage below it.
        message = result.stderr.split("Usage:")[0]
        for needle in needles:
            self.assertIn(needle, message)
        self.assertEqual(result.stdout, "")
        if before is None:
            self.assertFalse(os.path.exists(self.database), "bad input created the journal")
        else:
            self.assertEqual(self.stored(), before, "bad input changed the database")

    def test_first_run_reminders(self):
        rows = self.reminders()
        self.assertEqual([(row["id"], row["kind"], row["enabled"]) for row in rows],
                         [("1", "micro-break", "yes"), ("2", "stretch-break", "yes"),
                          ("3", "check-in", "yes"), ("4", "routine", "no"),
                          ("5", "hydration", "no")])
        self.assertEqual(rows[0], {"id": "1", "kind": "micro-break", "enabled": "yes",
                                   "every": "20m", "at": "", "days": "", "routine": "",
                                   "break_length": "20s"})
        self.assertEqual(rows[1]["routine"], "desk-break")
        self.assertEqual(rows[1]["break_length"], "2m")
        self.assertEqual((rows[2]["every"], rows[2]["at"], rows[2]["days"]),
                         ("", "20:00", "daily"))
        self.assertEqual(rows[3]["routine"], "upper-trapezius-ball")
        self.assertEqual(rows[4]["every"], "1h")
        self.assertEqual(rows[4]["break_length"], "")

    def test_add_and_list(self):
        every = self.run_ok("reminder", "add", "micro-break", "--every", "5s")
        self.assertRegex(every, r"^\d+\n$")
        evening = self.run_ok("reminder", "add", "routine", "--at", "21:00", "--days", "mon,wed",
                              "--routine", "upper-trapezius-ball")
        self.assertRegex(evening, r"^\d+\n$")
        long_one = self.run_ok("reminder", "add", "Stretch-Break", "--every", "1h30m")

        out = self.run_ok("reminders")
        # In the file itself: the list of days is one field, quoted for its comma.
        self.assertIn(f'{evening.strip()},routine,yes,,21:00,"mon,wed",upper-trapezius-ball,\r\n',
                      out)
        by_id = {row["id"]: row for row in read_csv(out)}
        self.assertEqual(by_id[every.strip()],
                         {"id": every.strip(), "kind": "micro-break", "enabled": "yes",
                          "every": "5s", "at": "", "days": "", "routine": "",
                          "break_length": "20s"})
        self.assertEqual(by_id[evening.strip()]["days"], "mon,wed")
        self.assertEqual(by_id[long_one.strip()]["kind"], "stretch-break")
        self.assertEqual(by_id[long_one.strip()]["every"], "1h30m")
        self.assertEqual(by_id[long_one.strip()]["routine"], "desk-break")
        self.assertEqual(len(by_id), 8)

    def test_enable_disable_remove(self):
        self.run_ok("reminder", "enable", "5")
        self.run_ok("reminder", "disable", "1")
        # Twice is not an error: it is off either way.
        self.run_ok("reminder", "disable", "1")
        rows = {row["id"]: row for row in self.reminders()}
        self.assertEqual(rows["5"]["enabled"], "yes")
        self.assertEqual(rows["1"]["enabled"], "no")

        self.add_break_events((3, "check-in", "skipped", 1768469412000, 60, 0))
        self.run_ok("reminder", "remove", "3")
        self.assertEqual([row["id"] for row in self.reminders()], ["1", "2", "4", "5"])
        self.assert_bad_input(["reminder", "enable", "3"], "3")
        # Its history stays, without the link.
        (event,) = self.breaks()
        self.assertEqual((event["reminder_id"], event["kind"], event["outcome"]),
                         ("", "check-in", "skipped"))

    def test_bad_input_writes_nothing(self):
        # Before the journal exists: no file is created for input that is refused.
        self.assert_bad_input(["reminder", "add", "nap", "--every", "20m"], "nap")
        self.assert_bad_input(["reminder", "add", "micro-break", "--every", "0s"], "0s")
        self.assert_bad_input(["reminders", "--all"], "--all")

        self.assertEqual(len(self.reminders()), 5)
        for every in ("0s", "0m", "-5m", "4s", "25h", "24h1s", "20", "soon", "1h1h"):
            self.assert_bad_input(["reminder", "add", "micro-break", "--every", every], every)
        self.assert_bad_input(["reminder", "add", "micro-break", "--every=-20m"], "-20m")
        for at in ("24:00", "21:60", "9", "noon", "-1:00", "21:00:00"):
            self.assert_bad_input(["reminder", "add", "check-in", "--at", at], at)
        self.assert_bad_input(["reminder", "add", "Nap", "--at", "14:00"], "Nap")
        self.assert_bad_input(["reminder", "add", "check-in", "--at", "21:00", "--days", "funday"],
                              "funday")
        self.assert_bad_input(["reminder", "add", "check-in", "--at", "21:00", "--days", ""],
                              "--days")
        self.assert_bad_input(["reminder", "add", "micro-break", "--every", "20m",
                               "--days", "mon"], "mon")
        self.assert_bad_input(["reminder", "add", "routine", "--at", "21:00", "--routine",
                               "juggling-chainsaws"], "juggling-chainsaws")
        self.assert_bad_input(["reminder", "add", "routine", "--at", "21:00"], "routine")
        self.assert_bad_input(["reminder", "add", "micro-break", "--every", "20m", "--at",
                               "10:00"], "--every", "--at", "20m", "10:00")
        self.assert_bad_input(["reminder", "add", "micro-break"], "--every", "--at")
        self.assert_bad_input(["reminder", "add"], "KIND")
        for action in ("enable", "disable", "remove"):
            self.assert_bad_input(["reminder", action, "999"], "999")
            self.assert_bad_input(["reminder", action, "abc"], "abc")
            self.assert_bad_input(["reminder", action, "0"], "0")
        self.assert_bad_input(["reminder", "snooze", "1"], "snooze")
        self.assert_bad_input(["breaks", "--from", "last week"], "last week")
        self.assert_bad_input(["breaks", "--to", "2026-02-30"], "2026-02-30")

        # The comparison above would have seen a write: a good reminder changes the file.
        before = self.stored()
        self.run_ok("reminder", "add", "micro-break", "--every", "5s")
        self.assertNotEqual(self.stored(), before)

    def test_breaks(self):
        self.assertEqual(self.breaks(), [])
        # 2026-01-15 09:30:12.345 in Berlin (+01:00), 10:00 the next day in New York (-05:00),
        # and one in July in Berlin (+02:00).
        self.add_break_events((1, "micro-break", "taken", 1768465812345, 60, 20500),
                              (2, "stretch-break", "snoozed", 1768575600000, -300, 300000),
                              (None, "hydration", "shown", 1782907200000, 120, 0))
        rows = self.breaks()
        self.assertEqual(rows, [
            {"id": "1", "reminder_id": "1", "kind": "micro-break", "outcome": "taken",
             "at": "2026-01-15T09:30:12+01:00", "duration_seconds": "20.500"},
            {"id": "2", "reminder_id": "2", "kind": "stretch-break", "outcome": "snoozed",
             "at": "2026-01-16T10:00:00-05:00", "duration_seconds": "300"},
            {"id": "3", "reminder_id": "", "kind": "hydration", "outcome": "shown",
             "at": "2026-07-01T14:00:00+02:00", "duration_seconds": "0"},
        ])

        def listed(*args):
            return [row["id"] for row in self.breaks(*args)]

        self.assertEqual(listed("--from", "2026-01-15T09:30:12.345+01:00"), ["1", "2", "3"])
        self.assertEqual(listed("--from", "2026-01-15T09:30:13+01:00"), ["2", "3"])
        self.assertEqual(listed("--to", "2026-01-16T10:00:00-05:00"), ["1", "2"])
        self.assertEqual(listed("--from", "2026-01-16T00:00:00Z", "--to", "2026-06-30"), ["2"])
        self.assertEqual(listed("--from", "2026-08-01"), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
