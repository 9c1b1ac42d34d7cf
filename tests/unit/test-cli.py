#!/usr/bin/python3
# The command line as a script or a user in a terminal meets it: exit status 0 / 1 / 2, usage on
# stderr for bad usage, and no display needed (GTK is never initialised for these).

import os
import subprocess
import sys
import tempfile
import unittest

BINARY = os.environ["KNOTLESS_BIN"]


def knotless(*args, data_dir=None):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    argv = [BINARY, *args]
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=30)


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


if __name__ == "__main__":
    unittest.main(verbosity=2)
