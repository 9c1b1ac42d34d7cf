#!/usr/bin/python3
# Our CSV against the tools people open it with: what KlCsvWriter writes, Python's csv module and
# the sqlite3 shell's .import read back to the same values (a text that starts like a formula
# with the ' the writer guards it with); what they write, KlCsvReader reads to the same values.
# The C side is tests/unit/kl-csv-sample.c.

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

SAMPLE = os.environ["KL_CSV_SAMPLE"]
SQLITE3 = shutil.which("sqlite3")

HEADER = ["id", "name", "note"]

TRICKY = [
    "plain", "a,b", '"', '""', 'say "hi"', "line\nbreak", "cr\ronly", "crlf\r\nend", "\n",
    "\r\n", "x\n\n\ny", ",", "trailing,", "  spaces  ", "=1+2", "+41", "-3", "@SUM(A1)",
    "\tindented", "\rstart", "'=already", "''+twice", "'plain", "'", "''", "=", "a=b",
    "ü€😀", '"=quoted"', 'émoji 😀, "quoted"\r\nand more', "semi;colon", "tab\tinside",
    "back\\slash", "\u2028separator\u2029", "\x7f", "\ufeffzero-width no-break space",
]

# Numbers are written as they are, never guarded: (cell for kl-csv-sample, text in the file).
NUMBERS = [("i:42", "42"), ("i:-7", "-7"), ("i:0", "0"), ("d:2:-0.5", "-0.50"),
           ("d:1:6.25", "6.2"), ("d:0:3", "3")]


def guarded(text):
    """The text as the file holds it: a ' in front of what a spreadsheet takes for a formula."""
    return "'" + text if re.match(r"'*[=+\-@\t\r]", text) else text


def sample_rows():
    """(cells for kl-csv-sample, the values a CSV reader must find) for each row."""
    rows = []
    for i, text in enumerate(TRICKY):
        rows.append(([f"i:{i}", f"t:{text}", "e"], [str(i), guarded(text), ""]))
        rows.append((["e", "t:", f"t:{text}"], ["", "", guarded(text)]))
    for cell, text in NUMBERS:
        rows.append(([cell, cell, "t:-" + text], [text, text, "'-" + text]))
    return rows


def write_sample(path, bom=False):
    argv = [SAMPLE, "write"] + (["--bom"] if bom else []) + [str(len(HEADER))]
    argv += [f"t:{name}" for name in HEADER]
    expected = [HEADER]
    for cells, values in sample_rows():
        argv += cells
        expected.append(values)
    result = subprocess.run(argv, capture_output=True, timeout=30, check=True)
    with open(path, "wb") as f:
        f.write(result.stdout)
    return result.stdout, expected


def read_sample(path):
    result = subprocess.run([SAMPLE, "read", path], capture_output=True, timeout=30)
    if result.returncode != 0:
        raise AssertionError(result.stderr.decode())
    return [json.loads(line) for line in result.stdout.decode().split("\n") if line]


def sqlite_import(path):
    """The rows of @path after `.mode csv` and `.import`, the header giving the columns."""
    with tempfile.TemporaryDirectory() as folder:
        database = os.path.join(folder, "import.db")
        subprocess.run([SQLITE3, database, ".mode csv", f".import '{path}' t"],
                       capture_output=True, timeout=30, check=True)
        connection = sqlite3.connect(database)
        try:
            cursor = connection.execute("SELECT * FROM t ORDER BY rowid")
            columns = [description[0] for description in cursor.description]
            return [columns] + [list(row) for row in cursor]
        finally:
            connection.close()


class Interop(unittest.TestCase):
    def setUp(self):
        self.assertIsNotNone(SQLITE3, "the sqlite3 shell is needed: apt-get install sqlite3")
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)

    def path(self, name):
        return os.path.join(self.folder.name, name)

    def assert_rows(self, got, expected):
        self.assertEqual(len(got), len(expected))
        for number, (got_row, expected_row) in enumerate(zip(got, expected)):
            self.assertEqual(got_row, expected_row, f"row {number}")

    def test_file_shape(self):
        data, _ = write_sample(self.path("plain.csv"))
        self.assertTrue(data.endswith(b"\r\n"))
        self.assertFalse(data.startswith(b"\xef\xbb\xbf"))
        data, _ = write_sample(self.path("bom.csv"), bom=True)
        self.assertTrue(data.startswith(b"\xef\xbb\xbfid,name,note\r\n"))

    def test_python_csv_reads_ours(self):
        for bom in (False, True):
            with self.subTest(bom=bom):
                data, expected = write_sample(self.path("sample.csv"), bom)
                # utf-8-sig takes off a byte order mark, as Python's docs advise for such files.
                text = data.decode("utf-8-sig")
                self.assert_rows(list(csv.reader(io.StringIO(text, newline=""), strict=True)),
                                 expected)

    def test_sqlite_imports_ours(self):
        for bom in (False, True):
            with self.subTest(bom=bom):
                path = self.path("sample.csv")
                _, expected = write_sample(path, bom)
                self.assert_rows(sqlite_import(path), expected)

    def test_leading_feff(self):
        # A file's first cell that starts with U+FEFF must not pass for a byte order mark.
        path = self.path("feff.csv")
        result = subprocess.run([SAMPLE, "write", "2", "t:\ufeffa", "t:b"], capture_output=True,
                                timeout=30, check=True)
        with open(path, "wb") as f:
            f.write(result.stdout)
        expected = [["\ufeffa", "b"]]
        text = result.stdout.decode("utf-8-sig")
        self.assert_rows(list(csv.reader(io.StringIO(text, newline=""), strict=True)), expected)
        self.assert_rows([record["fields"] for record in read_sample(path)], expected)
        # The sqlite shell takes the first row for the column names.
        self.assertEqual(sqlite_import(path), expected)

    def test_we_read_ours(self):
        path = self.path("sample.csv")
        _, expected = write_sample(path, bom=True)
        self.assert_rows([record["fields"] for record in read_sample(path)], expected)

    def values(self):
        rows = [HEADER]
        for i, text in enumerate(TRICKY):
            rows.append([str(i), text, ""])
            rows.append(["", "", text])
        return rows

    def test_we_read_python_csv(self):
        for name, options in {
            "minimal-crlf": {"lineterminator": "\r\n"},
            "minimal-lf": {"lineterminator": "\n"},
            "all-lf": {"lineterminator": "\n", "quoting": csv.QUOTE_ALL},
            "nonnumeric-cr": {"lineterminator": "\r", "quoting": csv.QUOTE_NONNUMERIC},
        }.items():
            with self.subTest(dialect=name):
                path = self.path(name + ".csv")
                with open(path, "w", encoding="utf-8", newline="") as f:
                    csv.writer(f, **options).writerows(self.values())
                ours = [record["fields"] for record in read_sample(path)]
                with open(path, encoding="utf-8", newline="") as f:
                    # Python gives [] for a blank line where we give nothing.
                    self.assert_rows(ours, [row for row in csv.reader(f, strict=True) if row])
                # With "\n" line ends Python's writer leaves a lone CR unquoted, and its reader,
                # like ours (and unlike RFC 4180), takes it for a line end.
                if name != "minimal-lf":
                    self.assert_rows(ours, self.values())

    def test_we_read_sqlite(self):
        path = self.path("sqlite.csv")
        database = self.path("export.db")
        connection = sqlite3.connect(database)
        connection.execute("CREATE TABLE t (id, name, note)")
        connection.executemany("INSERT INTO t VALUES (?, ?, ?)", self.values()[1:])
        connection.commit()
        connection.close()
        subprocess.run([SQLITE3, database, ".headers on", ".mode csv", f".once '{path}'",
                        "SELECT * FROM t ORDER BY rowid"],
                       capture_output=True, timeout=30, check=True)
        self.assert_rows([record["fields"] for record in read_sample(path)], self.values())

    def test_lines(self):
        # The physical line each record starts on, as an import error would name it.
        path = self.path("lines.csv")
        with open(path, "wb") as f:
            f.write(b'\xef\xbb\xbfa,b\r\n\r\n"multi\r\nline",x\n"one\rtwo",y\rlast,z')
        records = read_sample(path)
        self.assertEqual([record["line"] for record in records], [1, 3, 5, 7])
        self.assertEqual(records[1]["fields"], ["multi\r\nline", "x"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
