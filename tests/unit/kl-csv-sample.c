/* kl-csv-sample.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* KlCsvWriter and KlCsvReader for test-csv-interop.py, which checks them against Python's csv
 * module and the sqlite3 shell:
 *
 *   kl-csv-sample write [--bom] COLUMNS CELL...   CELLs as rows of COLUMNS, as CSV on stdout
 *   kl-csv-sample read FILE                        each record as one line of JSON on stdout:
 *                                                  {"line": N, "fields": ["...", ...]}
 *
 * A CELL is t:TEXT, i:INTEGER, d:DECIMALS:NUMBER or e (empty), for the writer's add_text,
 * add_int, add_double and add_empty. Exit status 1 with the error on stderr if anything fails,
 * 2 for bad usage. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <gio/gunixoutputstream.h>

#include "kl-csv-reader.h"
#include "kl-csv.h"

static int
usage (void)
{
  g_printerr ("usage: kl-csv-sample write [--bom] COLUMNS CELL... | read FILE\n");
  return 2;
}

static gboolean
add_cell (KlCsvWriter *csv,
          const char  *cell)
{
  g_auto(GStrv) parts = NULL;
  gint64 integer;
  double number;

  switch (cell[0])
    {
    case 't':
      if (cell[1] != ':')
        return FALSE;
      kl_csv_writer_add_text (csv, cell + 2);
      return TRUE;

    case 'i':
      if (cell[1] != ':' || !g_ascii_string_to_signed (cell + 2, 10, G_MININT64, G_MAXINT64,
                                                        &integer, NULL))
        return FALSE;
      kl_csv_writer_add_int (csv, integer);
      return TRUE;

    case 'd':
      parts = g_strsplit (cell, ":", 3);
      if (g_strv_length (parts) != 3 || strlen (parts[1]) != 1 || !g_ascii_isdigit (parts[1][0]))
        return FALSE;
      number = g_ascii_strtod (parts[2], NULL);
      kl_csv_writer_add_double (csv, number, parts[1][0] - '0');
      return TRUE;

    case 'e':
      if (cell[1] != '\0')
        return FALSE;
      kl_csv_writer_add_empty (csv);
      return TRUE;

    default:
      return FALSE;
    }
}

static int
write_sample (int    argc,
              char **argv)
{
  g_autoptr(GOutputStream) stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  g_autoptr(KlCsvWriter) csv = kl_csv_writer_new (stream);
  g_autoptr(GError) error = NULL;
  guint64 columns;
  int first = 0;

  if (argc > 0 && g_str_equal (argv[0], "--bom"))
    {
      kl_csv_writer_set_bom (csv, TRUE);
      first = 1;
    }
  if (argc - first < 1
      || !g_ascii_string_to_unsigned (argv[first], 10, 1, G_MAXINT, &columns, NULL)
      || (argc - first - 1) % columns != 0)
    return usage ();

  for (int i = first + 1; i < argc; i++)
    {
      if (!add_cell (csv, argv[i]))
        {
          g_printerr ("kl-csv-sample: not a cell: %s\n", argv[i]);
          return 2;
        }
      if ((i - first) % columns == 0 && !kl_csv_writer_end_row (csv, NULL, &error))
        break;
    }

  if (error == NULL)
    kl_csv_writer_flush (csv, NULL, &error);
  if (error != NULL)
    {
      g_printerr ("kl-csv-sample: %s\n", error->message);
      return 1;
    }
  return 0;
}

/* @text as a JSON string: it is UTF-8 already, so only quotes, backslashes and control
 * characters need escapes. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar)*p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guint)*p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static int
read_sample (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(KlCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *fields;
  guint n_fields;

  if (!(stream = g_file_read (file, NULL, &error)))
    {
      g_printerr ("kl-csv-sample: %s\n", error->message);
      return 1;
    }

  reader = kl_csv_reader_new (G_INPUT_STREAM (stream));
  while (kl_csv_reader_next (reader, &fields, &n_fields, NULL, &error))
    {
      g_string_truncate (out, 0);
      g_string_append_printf (out, "{\"line\": %" G_GUINT64_FORMAT ", \"fields\": [",
                              kl_csv_reader_get_line (reader));
      for (guint i = 0; i < n_fields; i++)
        {
          if (i > 0)
            g_string_append (out, ", ");
          append_json_string (out, fields[i]);
        }
      g_string_append (out, "]}\n");
      fwrite (out->str, 1, out->len, stdout);
    }

  if (error != NULL)
    {
      g_printerr ("kl-csv-sample: %s\n", error->message);
      return 1;
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc >= 2 && g_str_equal (argv[1], "write"))
    return write_sample (argc - 2, argv + 2);
  if (argc == 3 && g_str_equal (argv[1], "read"))
    return read_sample (argv[2]);
  return usage ();
}
