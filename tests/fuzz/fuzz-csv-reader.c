/* fuzz-csv-reader.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A libFuzzer target for the CSV reader: the input as a file to import. It must read the same
 * however the stream cuts it, with a small record limit stop at the same records or sooner for
 * being too long, and what it reads must come back unchanged through the writer and the reader
 * again. See README.md. */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "kl-csv-reader.h"
#include "kl-csv.h"
#include "kl-test-trickle-stream.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const guint8  *data,
                            size_t         size);

typedef struct
{
  GPtrArray *records;  /* of GStrv */
  GArray    *lines;    /* of guint64 */
  GError    *error;
} Reading;

static void
reading_clear (Reading *reading)
{
  g_ptr_array_unref (reading->records);
  g_array_unref (reading->lines);
  g_clear_error (&reading->error);
}

static void
read_all (GInputStream *stream,
          gsize         max_record_size,
          Reading      *reading)
{
  g_autoptr(KlCsvReader) reader = kl_csv_reader_new (stream);
  const char * const *fields;
  guint n_fields;

  reading->records = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  reading->lines = g_array_new (FALSE, FALSE, sizeof (guint64));
  reading->error = NULL;
  kl_csv_reader_set_max_record_size (reader, max_record_size);

  while (kl_csv_reader_next (reader, &fields, &n_fields, NULL, &reading->error))
    {
      guint64 line = kl_csv_reader_get_line (reader);

      g_assert (n_fields > 0 && fields[n_fields] == NULL);
      for (guint i = 0; i < n_fields; i++)
        g_assert (g_utf8_validate (fields[i], -1, NULL));
      g_assert (line >= 1);
      g_assert (reading->lines->len == 0
                || line > g_array_index (reading->lines, guint64, reading->lines->len - 1));

      /* The first column of a header by each name. */
      for (guint i = 0; i < n_fields; i++)
        g_assert (kl_csv_find_column (fields, n_fields, fields[i]) <= (int)i);

      g_ptr_array_add (reading->records, g_strdupv ((char **)fields));
      g_array_append_val (reading->lines, line);
    }

  g_assert (fields == NULL && n_fields == 0);
  /* Memory does not fail to read: any error is the content's. */
  if (reading->error != NULL)
    {
      g_assert (reading->error->domain == KL_CSV_ERROR);
      g_assert (g_str_has_prefix (reading->error->message, "line "));
    }
}

static void
assert_same_records (Reading *a,
                     Reading *b,
                     guint    n)
{
  g_assert (a->records->len >= n && b->records->len >= n);

  for (guint i = 0; i < n; i++)
    {
      g_assert (g_strv_equal (g_ptr_array_index (a->records, i),
                              g_ptr_array_index (b->records, i)));
      g_assert (g_array_index (a->lines, guint64, i) == g_array_index (b->lines, guint64, i));
    }
}

static void
assert_same_reading (Reading *a,
                     Reading *b)
{
  g_assert (a->records->len == b->records->len);
  assert_same_records (a, b, a->records->len);
  g_assert ((a->error == NULL) == (b->error == NULL));
  if (a->error != NULL)
    {
      g_assert (g_error_matches (b->error, a->error->domain, a->error->code));
      g_assert (g_str_equal (a->error->message, b->error->message));
    }
}

/* Writes @reading's records and reads them back: the same values once unguarded. A record of
 * one empty field is left out: written, it is a blank line, which holds no record. */
static void
check_round_trip (Reading  *reading,
                  gboolean  bom)
{
  g_autoptr(GOutputStream) output = g_memory_output_stream_new_resizable ();
  g_autoptr(KlCsvWriter) writer = kl_csv_writer_new (output);
  g_autoptr(GPtrArray) written = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(KlCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  guint n_fields;

  kl_csv_writer_set_bom (writer, bom);
  for (guint i = 0; i < reading->records->len; i++)
    {
      char **record = g_ptr_array_index (reading->records, i);

      if (record[1] == NULL && record[0][0] == '\0')
        continue;
      for (guint j = 0; record[j] != NULL; j++)
        kl_csv_writer_add_text (writer, record[j]);
      g_assert (kl_csv_writer_end_row (writer, NULL, NULL));
      g_ptr_array_add (written, record);
    }
  g_assert (g_output_stream_close (output, NULL, NULL));

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (output));
  input = g_memory_input_stream_new_from_bytes (bytes);
  reader = kl_csv_reader_new (input);
  /* Quotes doubled and guards added: what was read may be longer written. */
  kl_csv_reader_set_max_record_size (reader, G_MAXSIZE);

  for (guint i = 0; i < written->len; i++)
    {
      char **record = g_ptr_array_index (written, i);

      g_assert (kl_csv_reader_next (reader, &fields, &n_fields, NULL, &error));
      g_assert (n_fields == g_strv_length (record));
      for (guint j = 0; j < n_fields; j++)
        g_assert (g_str_equal (kl_csv_unescape_formula (fields[j]), record[j]));
    }
  g_assert (!kl_csv_reader_next (reader, &fields, &n_fields, NULL, &error));
  g_assert (error == NULL);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Every block through malloc, where AddressSanitizer sees it. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GInputStream) whole = g_memory_input_stream_new_from_bytes (bytes);
  /* The first byte picks how the stream is cut and the small limit, so that both vary. */
  guint8 knob = size > 0 ? data[0] : 0;
  g_autoptr(GInputStream) cut = kl_test_trickle_stream_new (bytes, 1 + knob % 7);
  g_autoptr(GInputStream) limited = g_memory_input_stream_new_from_bytes (bytes);
  gsize small_limit = 1 + knob % 64;
  Reading reference, trickled, small;

  read_all (whole, KL_CSV_READER_DEFAULT_MAX_RECORD_SIZE, &reference);
  read_all (cut, KL_CSV_READER_DEFAULT_MAX_RECORD_SIZE, &trickled);
  read_all (limited, small_limit, &small);

  assert_same_reading (&reference, &trickled);

  /* A small limit only ever stops it sooner, at a record too long for it. */
  if (small.error == NULL || !g_error_matches (small.error, KL_CSV_ERROR, KL_CSV_ERROR_TOO_LONG))
    {
      assert_same_reading (&reference, &small);
    }
  else
    {
      g_assert (small.records->len <= reference.records->len);
      assert_same_records (&reference, &small, small.records->len);
    }

  check_round_trip (&reference, knob & 0x80);

  reading_clear (&reference);
  reading_clear (&trickled);
  reading_clear (&small);
  return 0;
}
