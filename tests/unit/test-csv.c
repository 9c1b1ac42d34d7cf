/* test-csv.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "kl-csv-reader.h"
#include "kl-csv.h"
#include "kl-test-trickle-stream.h"

/* Values that need every kind of care, for the round trips. */
static const char * const tricky[] = {
  "plain", "a,b", "\"", "\"\"", "say \"hi\"", "line\nbreak", "cr\ronly", "crlf\r\nend",
  "\n", "\r\n", "x\n\n\ny", ",", "trailing,", "  spaces  ", "=1+2", "+41", "-3", "@SUM(A1)",
  "\tindented", "\rstart", "'=already", "''+twice", "'plain", "'", "''", "=", "a=b", "ü€😀",
  "\"=quoted\"", "émoji 😀, \"quoted\"\r\nand more",
  "\xEF\xBB\xBFzero-width no-break space",
};

/* Writing */

static char *
write_csv (gboolean bom,
           void (*write) (KlCsvWriter *csv))
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(KlCsvWriter) csv = kl_csv_writer_new (stream);
  g_autoptr(GError) error = NULL;

  if (bom)
    kl_csv_writer_set_bom (csv, TRUE);
  write (csv);
  g_assert_true (kl_csv_writer_flush (csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
end_row (KlCsvWriter *csv)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kl_csv_writer_end_row (csv, NULL, &error));
  g_assert_no_error (error);
}

static void
write_plain (KlCsvWriter *csv)
{
  const char * const header[] = { "id", "name", "pain", "note", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (kl_csv_writer_write_header (csv, header, NULL, &error));
  g_assert_no_error (error);
  kl_csv_writer_add_int (csv, 42);
  kl_csv_writer_add_text (csv, "neck");
  kl_csv_writer_add_double (csv, 6.25, 1);
  kl_csv_writer_add_empty (csv);
  end_row (csv);
  kl_csv_writer_add_int (csv, -7);
  kl_csv_writer_add_text (csv, NULL);
  kl_csv_writer_add_double (csv, -0.5, 2);
  kl_csv_writer_add_text (csv, "");
  end_row (csv);
}

static void
test_writer_plain (void)
{
  g_autofree char *text = write_csv (FALSE, write_plain);

  /* Numbers are never guarded, not even negative ones: they are not text a formula hides in. */
  g_assert_cmpstr (text, ==, "id,name,pain,note\r\n42,neck,6.2,\r\n-7,,-0.50,\r\n");
}

static void
write_quoting (KlCsvWriter *csv)
{
  const char * const values[] = {
    "a,b", "say \"hi\"", "\"", "line\nbreak", "cr\ronly", "crlf\r\nend", "no need", "semi;colon",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    kl_csv_writer_add_text (csv, values[i]);
  end_row (csv);
}

static void
test_writer_quoting (void)
{
  g_autofree char *text = write_csv (FALSE, write_quoting);

  g_assert_cmpstr (text, ==,
                   "\"a,b\",\"say \"\"hi\"\"\",\"\"\"\",\"line\nbreak\",\"cr\ronly\","
                   "\"crlf\r\nend\",no need,semi;colon\r\n");
}

static void
write_formulas (KlCsvWriter *csv)
{
  const char * const values[] = {
    "=1+2", "+41", "-3", "@SUM(A1)", "\tx", "\ry", "'=x", "''-y", "'plain", "'", "a=b", "=a,b",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    kl_csv_writer_add_text (csv, values[i]);
  end_row (csv);
}

static void
test_writer_formula (void)
{
  g_autofree char *text = write_csv (FALSE, write_formulas);

  /* One more ' for whatever starts like a formula after its own ', and nothing for the rest. */
  g_assert_cmpstr (text, ==,
                   "\"'=1+2\",\"'+41\",\"'-3\",\"'@SUM(A1)\",\"'\tx\",\"'\ry\",\"''=x\",\"'''-y\","
                   "'plain,',a=b,\"'=a,b\"\r\n");
}

static void
write_unicode (KlCsvWriter *csv)
{
  kl_csv_writer_add_text (csv, "Schulter links, “verspannt”");
  kl_csv_writer_add_text (csv, "肩こり");
  kl_csv_writer_add_text (csv, "😀");
  end_row (csv);
}

static void
test_writer_unicode (void)
{
  g_autofree char *text = write_csv (FALSE, write_unicode);

  g_assert_cmpstr (text, ==, "\"Schulter links, “verspannt”\",肩こり,😀\r\n");
}

static void
write_one_row (KlCsvWriter *csv)
{
  kl_csv_writer_add_text (csv, "a");
  kl_csv_writer_add_text (csv, "b");
  end_row (csv);
  kl_csv_writer_add_text (csv, "c");
  end_row (csv);
}

static void
test_writer_bom (void)
{
  g_autofree char *with = write_csv (TRUE, write_one_row);
  g_autofree char *without = write_csv (FALSE, write_one_row);

  g_assert_cmpstr (with, ==, "\xEF\xBB\xBF" "a,b\r\nc\r\n");
  g_assert_cmpstr (without, ==, "a,b\r\nc\r\n");
}

static void
test_writer_bom_too_late (void)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(KlCsvWriter) csv = kl_csv_writer_new (stream);

  kl_csv_writer_set_bom (csv, TRUE);
  kl_csv_writer_set_bom (csv, FALSE);
  kl_csv_writer_add_text (csv, "a");

  /* The first field has gone into the row: the mark could no longer come first. */
  g_test_expect_message ("kl-csv", G_LOG_LEVEL_CRITICAL, "*!self->started*");
  kl_csv_writer_set_bom (csv, TRUE);
  g_test_assert_expected_messages ();

  end_row (csv);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==,
                    3);
}

/* Reading */

/* @field as C would write it, but with its non-ASCII characters as they are. */
static char *
escape (const char *field)
{
  static char high[129];

  if (high[0] == '\0')
    for (guint i = 0; i < 128; i++)
      high[i] = (char)(0x80 + i);

  return g_strescape (field, high);
}

/* Every record of @input, and how reading it ended, as one string that shows a difference at a
 * glance: the line each record starts on, then its fields, escaped and quoted; then "EOF" or
 * the error's code (KL_CSV_ERROR_ left off) and message. */
static char *
describe_stream (GInputStream *stream,
                 gsize         max_record_size)
{
  g_autoptr(KlCsvReader) reader = kl_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  GString *out = g_string_new (NULL);
  const char * const *fields;
  guint n_fields;

  if (max_record_size > 0)
    kl_csv_reader_set_max_record_size (reader, max_record_size);

  while (kl_csv_reader_next (reader, &fields, &n_fields, NULL, &error))
    {
      g_assert_no_error (error);
      g_assert_cmpuint (g_strv_length ((char **)fields), ==, n_fields);
      g_string_append_printf (out, "%" G_GUINT64_FORMAT ":", kl_csv_reader_get_line (reader));
      for (guint i = 0; i < n_fields; i++)
        {
          g_autofree char *escaped = escape (fields[i]);

          g_string_append_printf (out, " \"%s\"", escaped);
        }
      g_string_append_c (out, '\n');
    }

  g_assert_null (fields);
  g_assert_cmpuint (n_fields, ==, 0);
  if (error == NULL)
    {
      g_string_append (out, "EOF");
    }
  else
    {
      g_autoptr(GError) again = NULL;

      static const char * const codes[] = { "SYNTAX", "TOO_LONG", "ENCODING" };

      if (error->domain == KL_CSV_ERROR && error->code >= 0
          && error->code < (int)G_N_ELEMENTS (codes))
        g_string_append_printf (out, "%s %s", codes[error->code], error->message);
      else
        g_string_append_printf (out, "%s %d %s", g_quark_to_string (error->domain), error->code,
                                error->message);

      /* Sticky: the same failure, not a record from the middle of the bad one. */
      g_assert_false (kl_csv_reader_next (reader, &fields, &n_fields, NULL, &again));
      g_assert_error (again, error->domain, error->code);
      g_assert_cmpstr (again->message, ==, error->message);
    }

  return g_string_free (out, FALSE);
}

static char *
describe_len (const char *input,
              gsize       len,
              gsize       max_record_size,
              gsize       chunk)
{
  g_autoptr(GBytes) bytes = g_bytes_new (input, len);
  g_autoptr(GInputStream) stream = NULL;

  if (chunk == 0)
    stream = g_memory_input_stream_new_from_bytes (bytes);
  else
    stream = kl_test_trickle_stream_new (bytes, chunk);

  return describe_stream (stream, max_record_size);
}

/* Reads @input whole, then one byte at a time, then in pieces of 2, 3 and 7 bytes: the answer
 * must not depend on how the stream is cut. */
static char *
describe (const char *input,
          gsize       max_record_size)
{
  g_autofree char *whole = describe_len (input, strlen (input), max_record_size, 0);
  const gsize chunks[] = { 1, 2, 3, 7 };

  for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      g_autofree char *cut = describe_len (input, strlen (input), max_record_size, chunks[i]);

      g_assert_cmpstr (cut, ==, whole);
    }

  return g_steal_pointer (&whole);
}

static void
assert_reads (const char *input,
              const char *expected)
{
  g_autofree char *got = describe (input, 0);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_reader_line_ends (void)
{
  assert_reads ("a,b\r\nc,d\r\n", "1: \"a\" \"b\"\n2: \"c\" \"d\"\nEOF");
  assert_reads ("a,b\nc,d\n", "1: \"a\" \"b\"\n2: \"c\" \"d\"\nEOF");
  /* A lone CR ends a line too, as in old Mac files and for Python's csv module. */
  assert_reads ("a,b\rc,d\r", "1: \"a\" \"b\"\n2: \"c\" \"d\"\nEOF");
  assert_reads ("a\r\nb\nc\rd\n\re", "1: \"a\"\n2: \"b\"\n3: \"c\"\n4: \"d\"\n6: \"e\"\nEOF");
  /* The last record needs no line end. */
  assert_reads ("a,b\r\nc,d", "1: \"a\" \"b\"\n2: \"c\" \"d\"\nEOF");
  assert_reads ("\"c\",\"d\"", "1: \"c\" \"d\"\nEOF");
}

static void
test_reader_quoted (void)
{
  assert_reads ("\"a,b\",\"say \"\"hi\"\"\",\"\"\"\"\r\n",
                "1: \"a,b\" \"say \\\"hi\\\"\" \"\\\"\"\nEOF");
  assert_reads ("\"line\nbreak\",\"crlf\r\nend\",\"cr\ronly\"\r\nnext\r\n",
                "1: \"line\\nbreak\" \"crlf\\r\\nend\" \"cr\\ronly\"\n5: \"next\"\nEOF");
  assert_reads ("\"\",\"\"\"\"\"\"\r\n", "1: \"\" \"\\\"\\\"\"\nEOF");
  /* Quotes matter only at the start of a field: a lone "" is a record with one empty field. */
  assert_reads ("\"\"\r\n", "1: \"\"\nEOF");
  assert_reads ("\"a\" \r\n",
                "SYNTAX line 1: text after the closing quote of a field");
}

static void
test_reader_empty_fields (void)
{
  assert_reads (",,\r\n", "1: \"\" \"\" \"\"\nEOF");
  assert_reads ("a,\r\n,b\r\n,\"\",\r\n", "1: \"a\" \"\"\n2: \"\" \"b\"\n3: \"\" \"\" \"\"\nEOF");
  assert_reads ("a,", "1: \"a\" \"\"\nEOF");
  assert_reads ("", "EOF");
}

static void
test_reader_blank_lines (void)
{
  assert_reads ("\r\n\r\na\r\n\r\n\nb\n\r\r\n", "3: \"a\"\n6: \"b\"\nEOF");
  assert_reads ("\n\n\n", "EOF");
  /* Spaces are data: only an empty line is blank. */
  assert_reads (" \n", "1: \" \"\nEOF");
}

static void
test_reader_bom (void)
{
  assert_reads ("\xEF\xBB\xBF" "a,b\r\n", "1: \"a\" \"b\"\nEOF");
  assert_reads ("\xEF\xBB\xBF", "EOF");
  assert_reads ("\xEF\xBB\xBF\r\n\"q\"\r\n", "2: \"q\"\nEOF");
  /* Only the first one is a mark; after it, U+FEFF is text like any other. */
  assert_reads ("\xEF\xBB\xBF\xEF\xBB\xBF" "a\r\n\xEF\xBB\xBF" "b\r\n",
                "1: \"\xEF\xBB\xBF" "a\"\n2: \"\xEF\xBB\xBF" "b\"\nEOF");
  /* A mark cut short is no mark, and not UTF-8 either. */
  assert_reads ("\xEF\xBB" "a\r\n", "ENCODING line 1: a field that is not UTF-8 text");
}

static void
test_reader_unicode (void)
{
  assert_reads ("肩こり,\"Schulter links, “verspannt”\",😀\r\n",
                "1: \"肩こり\" \"Schulter links, “verspannt”\" \"😀\"\nEOF");
}

static void
test_reader_line_numbers (void)
{
  assert_reads ("h1,h2\r\n"
                "\r\n"
                "a,\"multi\r\nline\"\r\n"
                "b,c\n"
                "\"x\ry\",z\r"
                "\"\n\n\",\"\r\r\"\n"
                "d,e",
                "1: \"h1\" \"h2\"\n"
                "3: \"a\" \"multi\\r\\nline\"\n"
                "5: \"b\" \"c\"\n"
                "6: \"x\\ry\" \"z\"\n"
                "8: \"\\n\\n\" \"\\r\\r\"\n"
                "13: \"d\" \"e\"\n"
                "EOF");
}

static void
test_reader_syntax_errors (void)
{
  /* Where the field starts, however far the file goes on without the closing quote. */
  assert_reads ("a,b\r\n\"open,\r\nmore\r\nand more\r\n",
                "1: \"a\" \"b\"\n"
                "SYNTAX line 2: a quoted field starts here but never ends");
  assert_reads ("a\n\n\n\"\n\n", "1: \"a\"\n"
                "SYNTAX line 4: a quoted field starts here but never ends");
  assert_reads ("x,\"a\"\"", "SYNTAX line 1: a quoted field starts here but never ends");
  assert_reads ("a,b\nc,d\"e\n", "1: \"a\" \"b\"\n"
                "SYNTAX line 2: a quote inside a field that does not start with one");
  assert_reads ("a\"", "SYNTAX line 1: a quote inside a field that does not start with one");
  assert_reads ("1,\"multi\nline\"x\n",
                "SYNTAX line 2: text after the closing quote of a field");
  assert_reads ("\"a\"\"b\"c", "SYNTAX line 1: text after the closing quote of a field");
}

static void
test_reader_encoding_errors (void)
{
  g_autofree char *nul = describe_len ("ok\r\nx\0y\r\n", 9, 0, 0);
  g_autofree char *nul_trickled = describe_len ("ok\r\nx\0y\r\n", 9, 0, 1);

  /* The line of the bad byte, also inside a field that spans lines. */
  assert_reads ("ok\n\"multi\nline \xff\"\n",
                "1: \"ok\"\nENCODING line 3: a field that is not UTF-8 text");
  assert_reads ("ok\r\n\"multi\r\n\r\n\rline \xC0\x80\"\r\n",
                "1: \"ok\"\nENCODING line 5: a field that is not UTF-8 text");
  assert_reads ("Latin-1 \xe9t\xe9\n",
                "ENCODING line 1: a field that is not UTF-8 text");
  /* Cut short by the end of the file. */
  assert_reads ("a\n\xC3", "1: \"a\"\nENCODING line 2: a field that is not UTF-8 text");
  /* A NUL would cut the field short without a word. */
  g_assert_cmpstr (nul, ==, "1: \"ok\"\nENCODING line 2: a NUL byte in a field");
  g_assert_cmpstr (nul_trickled, ==, nul);
}

static void
test_reader_too_long (void)
{
  g_autofree char *fits = describe ("0123456789\r\n\"a\r\nbcdef\"\r\nx", 10);
  g_autofree char *too_long = describe ("ok\r\n\"a\r\nbcdefg\"\r\nx", 10);
  g_autofree char *unquoted = describe ("0123456789a", 10);
  g_autofree char *many_fields = describe (",,,,,,,,,,,", 10);

  /* Counted as in the file, quotes and line ends inside them too, the record's own line end not. */
  g_assert_cmpstr (fits, ==, "1: \"0123456789\"\n2: \"a\\r\\nbcdef\"\n4: \"x\"\nEOF");
  g_assert_cmpstr (too_long, ==,
                   "1: \"ok\"\n"
                   "TOO_LONG line 2: the record that starts here is longer than 10 "
                   "bytes");
  g_assert_cmpstr (unquoted, ==,
                   "TOO_LONG line 1: the record that starts here is longer than 10 "
                   "bytes");
  g_assert_cmpstr (many_fields, ==,
                   "TOO_LONG line 1: the record that starts here is longer than 10 "
                   "bytes");
}

static void
test_reader_huge_line (void)
{
  const gsize size = 64 * 1024 * 1024;
  g_autoptr(GBytes) bytes = g_bytes_new_take (memset (g_malloc (size), 'a', size), size);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(KlCsvReader) reader = kl_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (kl_csv_reader_get_max_record_size (reader), ==,
                    KL_CSV_READER_DEFAULT_MAX_RECORD_SIZE);
  g_assert_cmpuint (KL_CSV_READER_DEFAULT_MAX_RECORD_SIZE, >=, 2 * 1024 * 1024);

  g_assert_false (kl_csv_reader_next (reader, NULL, NULL, NULL, &error));
  g_assert_error (error, KL_CSV_ERROR, KL_CSV_ERROR_TOO_LONG);
  g_assert_true (g_str_has_prefix (error->message, "line 1: "));
  g_assert_cmpuint (kl_csv_reader_get_line (reader), ==, 1);

  /* It stopped at the limit rather than reading on to the end of the line. */
  g_assert_cmpint (g_seekable_tell (G_SEEKABLE (stream)), <=,
                   KL_CSV_READER_DEFAULT_MAX_RECORD_SIZE + 64 * 1024);
}

static void
test_reader_get_line (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a\n\nb,\"\nc\"\n\"open", 15);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(KlCsvReader) reader = kl_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  guint n_fields;

  g_assert_cmpuint (kl_csv_reader_get_line (reader), ==, 0);

  g_assert_true (kl_csv_reader_next (reader, &fields, &n_fields, NULL, &error));
  g_assert_cmpuint (kl_csv_reader_get_line (reader), ==, 1);
  g_assert_true (kl_csv_reader_next (reader, &fields, &n_fields, NULL, &error));
  g_assert_cmpuint (kl_csv_reader_get_line (reader), ==, 3);
  g_assert_cmpuint (n_fields, ==, 2);
  g_assert_cmpstr (fields[1], ==, "\nc");

  /* The line of the record it failed on, for a message of the caller's own. */
  g_assert_false (kl_csv_reader_next (reader, &fields, &n_fields, NULL, &error));
  g_assert_error (error, KL_CSV_ERROR, KL_CSV_ERROR_SYNTAX);
  g_assert_cmpuint (kl_csv_reader_get_line (reader), ==, 5);
}

static void
test_reader_end (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a\r\n", 3);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(KlCsvReader) reader = kl_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;

  g_assert_true (kl_csv_reader_next (reader, NULL, NULL, NULL, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_assert_false (kl_csv_reader_next (reader, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
}

static void
test_reader_cancel (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a\r\nb\r\n", 6);
  g_autoptr(GInputStream) stream = kl_test_trickle_stream_new (bytes, 1);
  g_autoptr(KlCsvReader) reader = kl_csv_reader_new (stream);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;

  g_assert_true (kl_csv_reader_next (reader, NULL, NULL, cancellable, &error));
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);
  g_assert_false (kl_csv_reader_next (reader, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The stream stopped somewhere unknown: no record is made up from what is left. */
  g_assert_false (kl_csv_reader_next (reader, NULL, NULL, NULL, &again));
  g_assert_error (again, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
write_feff_first (KlCsvWriter *csv)
{
  kl_csv_writer_add_text (csv, "\xEF\xBB\xBF" "first");
  kl_csv_writer_add_text (csv, "\xEF\xBB\xBF");
  end_row (csv);
}

static void
test_writer_feff (void)
{
  g_autofree char *text = write_csv (FALSE, write_feff_first);
  g_autofree char *read = NULL;

  /* Quoted: unquoted, the first would be taken for a byte order mark, and be lost. */
  g_assert_cmpstr (text, ==, "\"\xEF\xBB\xBF" "first\",\"\xEF\xBB\xBF\"\r\n");
  read = describe (text, 0);
  g_assert_cmpstr (read, ==, "1: \"\xEF\xBB\xBF" "first\" \"\xEF\xBB\xBF\"\nEOF");
}

/* Helpers */

static void
test_find_column (void)
{
  const char * const header[] = { "id", "Recorded_At", "NOTE", "", "note", NULL };

  g_assert_cmpint (kl_csv_find_column (header, 5, "id"), ==, 0);
  g_assert_cmpint (kl_csv_find_column (header, 5, "recorded_at"), ==, 1);
  g_assert_cmpint (kl_csv_find_column (header, 5, "Note"), ==, 2);
  g_assert_cmpint (kl_csv_find_column (header, 5, ""), ==, 3);
  g_assert_cmpint (kl_csv_find_column (header, 5, "pain"), ==, -1);
  g_assert_cmpint (kl_csv_find_column (header, 5, "not"), ==, -1);
  g_assert_cmpint (kl_csv_find_column (header, 2, "note"), ==, -1);
  g_assert_cmpint (kl_csv_find_column (NULL, 0, "id"), ==, -1);
}

static void
test_unescape_formula (void)
{
  const struct {
    const char *cell;
    const char *text;
  } cases[] = {
    { "'=1+2", "=1+2" }, { "'+41", "+41" }, { "'-3", "-3" }, { "'@A1", "@A1" },
    { "'\tx", "\tx" }, { "'\ry", "\ry" }, { "''=x", "'=x" }, { "'''-y", "''-y" },
    /* Not something the writer guarded: left as it is. */
    { "'plain", "'plain" }, { "''plain", "''plain" }, { "'", "'" }, { "''", "''" },
    { "'\n", "'\n" }, { "=1+2", "=1+2" }, { "", "" }, { "plain", "plain" }, { "a'=b", "a'=b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (kl_csv_unescape_formula (cases[i].cell), ==, cases[i].text);
}

/* Round trips */

static void
write_tricky (KlCsvWriter *csv)
{
  const char * const header[] = { "first", "second", "third", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (kl_csv_writer_write_header (csv, header, NULL, &error));
  g_assert_no_error (error);

  /* Each on its own, among empty fields, and all in one row. */
  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      kl_csv_writer_add_text (csv, tricky[i]);
      end_row (csv);
      kl_csv_writer_add_empty (csv);
      kl_csv_writer_add_text (csv, tricky[i]);
      kl_csv_writer_add_text (csv, "");
      end_row (csv);
    }
  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    kl_csv_writer_add_text (csv, tricky[i]);
  end_row (csv);
}

static void
check_tricky (const char *text,
              gsize       chunk)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GInputStream) stream = kl_test_trickle_stream_new (bytes, chunk);
  g_autoptr(KlCsvReader) reader = kl_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  const char * const *fields;
  guint n_fields;

  g_assert_true (kl_csv_reader_next (reader, &fields, &n_fields, NULL, &error));
  g_assert_cmpuint (n_fields, ==, 3);
  g_assert_cmpint (kl_csv_find_column (fields, n_fields, "THIRD"), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      g_assert_true (kl_csv_reader_next (reader, &fields, &n_fields, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_fields, ==, 1);
      g_assert_cmpstr (kl_csv_unescape_formula (fields[0]), ==, tricky[i]);

      g_assert_true (kl_csv_reader_next (reader, &fields, &n_fields, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_fields, ==, 3);
      g_assert_cmpstr (fields[0], ==, "");
      g_assert_cmpstr (kl_csv_unescape_formula (fields[1]), ==, tricky[i]);
      g_assert_cmpstr (fields[2], ==, "");
    }

  g_assert_true (kl_csv_reader_next (reader, &fields, &n_fields, NULL, &error));
  g_assert_cmpuint (n_fields, ==, G_N_ELEMENTS (tricky));
  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    g_assert_cmpstr (kl_csv_unescape_formula (fields[i]), ==, tricky[i]);

  g_assert_false (kl_csv_reader_next (reader, &fields, &n_fields, NULL, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  g_autofree char *text = write_csv (FALSE, write_tricky);
  g_autofree char *with_bom = write_csv (TRUE, write_tricky);

  check_tricky (text, 64 * 1024);
  check_tricky (text, 1);
  check_tricky (text, 5);
  check_tricky (with_bom, 1);
  check_tricky (with_bom, 4096);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/writer/plain", test_writer_plain);
  g_test_add_func ("/csv/writer/quoting", test_writer_quoting);
  g_test_add_func ("/csv/writer/formula", test_writer_formula);
  g_test_add_func ("/csv/writer/unicode", test_writer_unicode);
  g_test_add_func ("/csv/writer/feff", test_writer_feff);
  g_test_add_func ("/csv/writer/bom", test_writer_bom);
  g_test_add_func ("/csv/writer/bom-too-late", test_writer_bom_too_late);
  g_test_add_func ("/csv/reader/line-ends", test_reader_line_ends);
  g_test_add_func ("/csv/reader/quoted", test_reader_quoted);
  g_test_add_func ("/csv/reader/empty-fields", test_reader_empty_fields);
  g_test_add_func ("/csv/reader/blank-lines", test_reader_blank_lines);
  g_test_add_func ("/csv/reader/bom", test_reader_bom);
  g_test_add_func ("/csv/reader/unicode", test_reader_unicode);
  g_test_add_func ("/csv/reader/line-numbers", test_reader_line_numbers);
  g_test_add_func ("/csv/reader/syntax-errors", test_reader_syntax_errors);
  g_test_add_func ("/csv/reader/encoding-errors", test_reader_encoding_errors);
  g_test_add_func ("/csv/reader/too-long", test_reader_too_long);
  g_test_add_func ("/csv/reader/huge-line", test_reader_huge_line);
  g_test_add_func ("/csv/reader/get-line", test_reader_get_line);
  g_test_add_func ("/csv/reader/end", test_reader_end);
  g_test_add_func ("/csv/reader/cancel", test_reader_cancel);
  g_test_add_func ("/csv/find-column", test_find_column);
  g_test_add_func ("/csv/unescape-formula", test_unescape_formula);
  g_test_add_func ("/csv/round-trip", test_round_trip);

  return g_test_run ();
}
