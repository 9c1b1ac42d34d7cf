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


if __name__ == "__main__":
    unittest.main(verbosity=2)
