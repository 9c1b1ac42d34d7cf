#!/usr/bin/python3
# The command line as a script or a user in a terminal meets it: exit status 0 / 1 / 2, usage on
# stderr for bad usage, and no display needed (GTK is never initialised for these).

import csv
import io
import os
import sqlite3
import subprocess
import sys
import tempfile
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
        # No display and no reminders: it says why it stops, and stops cleanly.
        with tempfile.TemporaryDirectory() as data_dir:
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
