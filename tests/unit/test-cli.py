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



if __name__ == "__main__":
    unittest.main(verbosity=2)
