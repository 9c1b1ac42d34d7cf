/* test-export.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "kl-csv-reader.h"
#include "kl-export.h"
#include "kl-import.h"
#include "kl-store.h"
#include "kl-test-utils.h"

#define KNOTLESS_HEADER \
  "id,recorded_at,pain_now,pain_worst_24h,pain_least_24h,knots,regions,factors," \
  "interference_activity,interference_mood,interference_sleep,interference_work," \
  "medication,medication_helped_pct,note\r\n"

typedef struct
{
  char *dir;
  char *data_dir;   /* the journal a test works on */
  char *other_dir;  /* an empty journal to import into */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("knotless-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->data_dir = g_build_filename (fixture->dir, "data", NULL);
  fixture->other_dir = g_build_filename (fixture->dir, "other", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  kl_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->data_dir);
  g_free (fixture->other_dir);
}

/* Helpers */

static KlStore *
open_store (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  KlStore *store = kl_store_open (data_dir, &error);

  g_assert_no_error (error);
  return store;
}

static guint64
count_entries (KlStore *store)
{
  g_autoptr(GError) error = NULL;
  guint64 count = G_MAXUINT64;

  g_assert_true (kl_store_count_entries (store, NULL, &count, &error));
  g_assert_no_error (error);
  return count;
}

static KlKnot *
add_knot (KlStore    *store,
          const char *region,
          int         tenderness)
{
  g_autoptr(GError) error = NULL;
  KlKnot *knot = kl_knot_new ();

  kl_knot_set_region (knot, region);
  kl_knot_set_position (knot, 0.4, 0.2);
  g_assert_true (kl_store_add_knot (store, knot, tenderness, &error));
  g_assert_no_error (error);
  return knot;
}

static KlPainEntry *
new_entry (int         pain,
           const char *iso8601)
{
  KlPainEntry *entry = kl_pain_entry_new ();
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (at);
  kl_pain_entry_set_pain (entry, pain);
  kl_pain_entry_set_at (entry, at);
  return entry;
}

static void
add_entry (KlStore     *store,
           KlPainEntry *entry)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kl_store_add_entry (store, entry, &error));
  g_assert_no_error (error);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @folder, sorted and ','-joined. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **)names->pdata);
}

/* @dataset as kl_export_write () writes it, as text. */
static char *
export_text (KlStore         *store,
             KlExportDataset  dataset,
             GDateTime       *from,
             GDateTime       *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(KlCsvWriter) csv = kl_csv_writer_new (stream);
  const char nul = '\0';

  g_assert_true (kl_export_write (store, dataset, from, to, csv, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, &nul, 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  g_assert_no_error (error);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
export_file (KlStore    *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kl_export_to_file (store, KL_EXPORT_PAIN, NULL, NULL, path, FALSE, NULL, NULL,
                                    NULL, &error));
  g_assert_no_error (error);
}

static gboolean
import_stream (KlStore       *store,
               GInputStream  *stream,
               gboolean       dry_run,
               guint         *out_added,
               guint         *out_skipped,
               GError       **error)
{
  g_autoptr(KlPainImport) import = kl_pain_import_new (stream);

  return kl_pain_import_read_header (import, NULL, error) &&
         kl_pain_import_run (import, store, dry_run, NULL, out_added, out_skipped, error);
}

static gboolean
import_text (KlStore     *store,
             const char  *text,
             gboolean     dry_run,
             guint       *out_added,
             guint       *out_skipped,
             GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (text), -1,
                                                                         g_free);

  return import_stream (store, stream, dry_run, out_added, out_skipped, error);
}

static void
import_file (KlStore    *store,
             const char *path,
             guint       expect_added,
             guint       expect_skipped)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &error);
  guint added = G_MAXUINT, skipped = G_MAXUINT;

  g_assert_no_error (error);
  g_assert_true (import_stream (store, G_INPUT_STREAM (stream), FALSE, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, expect_added);
  g_assert_cmpuint (skipped, ==, expect_skipped);
}

/* Every record of @text, each a NULL-terminated array of its fields. */
static GPtrArray *
read_records (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(KlCsvReader) reader = kl_csv_reader_new (stream);
  g_autoptr(GError) error = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  const char * const *fields;

  while (kl_csv_reader_next (reader, &fields, NULL, NULL, &error))
    g_ptr_array_add (records, g_strdupv ((char **)fields));
  g_assert_no_error (error);
  return records;
}

static const char *
field (GPtrArray  *records,
       guint       row,
       const char *column)
{
  const char * const *header = g_ptr_array_index (records, 0);
  const char * const *fields = g_ptr_array_index (records, row);
  int index = kl_csv_find_column (header, g_strv_length ((char **)header), column);

  g_assert_cmpint (index, >=, 0);
  g_assert_cmpuint (g_strv_length ((char **)fields), ==, g_strv_length ((char **)header));
  return fields[index];
}

static KlPainEntry *
stored_entry (KlStore *store,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  KlPainEntry *entry = kl_store_get_entry (store, id, &error);

  g_assert_no_error (error);
  return entry;
}

/* The entries of @store, oldest first. */
static GPtrArray *
all_entries (KlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = kl_store_list_entry_ids (store, NULL, &error);
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = ids->len; i > 0; i--)
    g_ptr_array_add (entries, stored_entry (store, g_array_index (ids, gint64, i - 1)));
  return entries;
}

static char *
format_at (KlPainEntry *entry)
{
  return g_date_time_format (kl_pain_entry_get_at (entry), "%Y-%m-%dT%H:%M:%S%:z");
}

/* Round trip */

/* A journal with every kind of field a user can fill in, and text that CSV and spreadsheets
 * trip over. Its two knots get ids 1 and 2, as in any journal whose first knots they are. */
static void
fill_tricky_journal (KlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlKnot) trapezius = add_knot (store, "upper-trapezius-left", 6);
  g_autoptr(KlKnot) soleus = add_knot (store, "soleus-right", KL_KNOT_NO_RATING);
  g_autoptr(KlPainEntry) gone = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  static const char * const formula_notes[] = {
    "=SUM(A1:A9)", "+1 after stretching", "-2 since yesterday", "@desk all day",
    "\tindented with a tab", "'=already guarded by me", "'just my own quote",
  };
  KlPainEntry *entry;

  g_assert_cmpint (kl_knot_get_id (trapezius), ==, 1);
  g_assert_cmpint (kl_knot_get_id (soleus), ==, 2);

  /* Logged first, dated last: its own factors get the first ids among the user's factors, yet
   * an older entry names one of them too. */
  entry = new_entry (4, "2026-02-10T08:15:00+01:00");
  kl_pain_entry_set_factors (entry, (const char *[]) { "Gärtnern 🌱", "Nachtschicht",
                                                        "stress", NULL });
  kl_pain_entry_set_note (entry, "Ünïcödé — „Schläfe“ zieht, 頭痛 🙂");
  add_entry (store, entry);
  g_object_unref (entry);

  entry = new_entry (7, "2025-11-02T01:30:00-04:00");
  kl_pain_entry_set_worst (entry, 9);
  kl_pain_entry_set_least (entry, 2);
  kl_pain_entry_set_interference (entry, KL_INTERFERENCE_ACTIVITY, 3);
  kl_pain_entry_set_interference (entry, KL_INTERFERENCE_MOOD, 0);
  kl_pain_entry_set_interference (entry, KL_INTERFERENCE_SLEEP, 10);
  kl_pain_entry_set_interference (entry, KL_INTERFERENCE_WORK, 5);
  kl_pain_entry_set_medication (entry, "Ibuprofen 400 mg, with \"food\"");
  kl_pain_entry_set_medication_helped (entry, 40);
  kl_pain_entry_set_factors (entry, (const char *[]) { "Nachtschicht", "poor sleep", NULL });
  kl_pain_entry_add_location (entry, kl_knot_get_id (trapezius), "upper-trapezius-left", 8);
  kl_pain_entry_add_location (entry, 0, "levator-scapulae-right", KL_PAIN_NONE);
  kl_pain_entry_add_location (entry, kl_knot_get_id (soleus), "soleus-right", KL_PAIN_NONE);
  kl_pain_entry_add_location (entry, 0, "head-temple-left", 5);
  kl_pain_entry_set_note (entry, "a, b and \"c\"\r\nsecond line (CRLF)\nthird line (LF), end");
  add_entry (store, entry);
  g_object_unref (entry);

  /* The same wall-clock time an hour later, when New York's clocks had gone back. */
  entry = new_entry (6, "2025-11-02T01:30:00-05:00");
  kl_pain_entry_set_worst (entry, 6);
  kl_pain_entry_set_least (entry, 6);
  add_entry (store, entry);
  g_object_unref (entry);

  /* The night Europe's clocks went forward, either side of the jump; India and Nepal. */
  entry = new_entry (3, "2026-03-29T01:59:59+01:00");
  kl_pain_entry_set_medication (entry, "-Magnesium");
  add_entry (store, entry);
  g_object_unref (entry);
  entry = new_entry (3, "2026-03-29T03:00:00+02:00");
  kl_pain_entry_set_medication_helped (entry, 0);
  kl_pain_entry_set_medication (entry, "heat pad");
  add_entry (store, entry);
  g_object_unref (entry);
  entry = new_entry (0, "2025-06-15T09:05:00+05:30");
  add_entry (store, entry);
  g_object_unref (entry);
  entry = new_entry (10, "2025-06-15T09:05:00+05:45");
  kl_pain_entry_set_factors (entry, (const char *[]) { "@home office", "=mouse arm", NULL });
  add_entry (store, entry);
  g_object_unref (entry);

  /* A gap in the ids, which the import keeps. */
  gone = new_entry (1, "2025-06-16T10:00:00+02:00");
  add_entry (store, gone);
  g_assert_true (kl_store_delete_entry (store, gone, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (formula_notes); i++)
    {
      g_autofree char *at = g_strdup_printf ("2025-07-%02uT12:00:00+02:00", i + 1);

      entry = new_entry (2, at);
      kl_pain_entry_set_note (entry, formula_notes[i]);
      add_entry (store, entry);
      g_object_unref (entry);
    }

  /* Logged in the app, at this moment's millisecond rather than a whole second. */
  entry = kl_pain_entry_new ();
  kl_pain_entry_set_at (entry, yesterday);
  kl_pain_entry_set_pain (entry, 5);
  kl_pain_entry_set_note (entry, "logged from the window");
  add_entry (store, entry);
  g_object_unref (entry);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(KlStore) store = open_store (fixture->data_dir);
  g_autoptr(KlStore) other = open_store (fixture->other_dir);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) originals = NULL;
  g_autoptr(GPtrArray) imported = NULL;
  g_autofree char *first_path = g_build_filename (fixture->dir, "first.csv", NULL);
  g_autofree char *second_path = g_build_filename (fixture->dir, "second.csv", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(KlKnot) trapezius = NULL;
  g_autoptr(KlKnot) soleus = NULL;
  guint64 n;

  fill_tricky_journal (store);
  n = count_entries (store);
  g_assert_cmpuint (n, ==, 15);

  /* The file holds what a user reads in a spreadsheet: formulas guarded, lists as written. */
  export_file (store, first_path);
  first = read_text (first_path);
  g_assert_true (g_str_has_prefix (first, KNOTLESS_HEADER));
  records = read_records (first);
  g_assert_cmpuint (records->len, ==, n + 1);
  /* Oldest first: 09:05 in Nepal came a quarter of an hour before 09:05 in India. */
  g_assert_cmpstr (field (records, 1, "recorded_at"), ==, "2025-06-15T09:05:00+05:45");
  g_assert_cmpstr (field (records, 1, "factors"), ==, "'=mouse arm;@home office");
  g_assert_cmpstr (field (records, 2, "recorded_at"), ==, "2025-06-15T09:05:00+05:30");
  g_assert_cmpstr (field (records, 3, "note"), ==, "'=SUM(A1:A9)");
  g_assert_cmpstr (field (records, 7, "note"), ==, "'\tindented with a tab");
  g_assert_cmpstr (field (records, 8, "note"), ==, "''=already guarded by me");
  g_assert_cmpstr (field (records, 9, "note"), ==, "'just my own quote");
  g_assert_cmpstr (field (records, 10, "recorded_at"), ==, "2025-11-02T01:30:00-04:00");
  g_assert_cmpstr (field (records, 10, "knots"), ==, "1=8;2");
  g_assert_cmpstr (field (records, 10, "regions"), ==, "levator-scapulae-right;head-temple-left=5");
  g_assert_cmpstr (field (records, 10, "interference_mood"), ==, "0");
  g_assert_cmpstr (field (records, 10, "medication_helped_pct"), ==, "40");
  g_assert_cmpstr (field (records, 10, "note"), ==,
                   "a, b and \"c\"\r\nsecond line (CRLF)\nthird line (LF), end");
  g_assert_cmpstr (field (records, 11, "recorded_at"), ==, "2025-11-02T01:30:00-05:00");
  g_assert_cmpstr (field (records, 12, "recorded_at"), ==, "2026-02-10T08:15:00+01:00");
  g_assert_cmpstr (field (records, 13, "medication"), ==, "'-Magnesium");

  /* The same knots, so that the ids in the file mean the same in the other journal. */
  trapezius = add_knot (other, "upper-trapezius-left", 6);
  soleus = add_knot (other, "soleus-right", KL_KNOT_NO_RATING);
  import_file (other, first_path, n, 0);
  g_assert_cmpuint (count_entries (other), ==, n);

  /* Every field came back, to the id. */
  originals = all_entries (store);
  imported = all_entries (other);
  g_assert_cmpuint (imported->len, ==, originals->len);
  for (guint i = 0; i < originals->len; i++)
    {
      KlPainEntry *a = g_ptr_array_index (originals, i);
      KlPainEntry *b = g_ptr_array_index (imported, i);
      g_autofree char *at_a = format_at (a);
      g_autofree char *at_b = format_at (b);

      g_assert_cmpint (kl_pain_entry_get_id (b), ==, kl_pain_entry_get_id (a));
      g_assert_cmpstr (at_b, ==, at_a);
      g_assert_cmpstr (kl_pain_entry_get_note (b), ==, kl_pain_entry_get_note (a));
      g_assert_cmpstr (kl_pain_entry_get_medication (b), ==, kl_pain_entry_get_medication (a));
      g_assert_cmpint (kl_pain_entry_get_medication_helped (b), ==,
                       kl_pain_entry_get_medication_helped (a));
      g_assert_cmpint (kl_pain_entry_get_worst (b), ==, kl_pain_entry_get_worst (a));
      g_assert_cmpint (kl_pain_entry_get_n_locations (b), ==, kl_pain_entry_get_n_locations (a));
    }

  export_file (other, second_path);
  second = read_text (second_path);
  g_assert_cmpstr (second, ==, first);

  /* The same file again, into either journal (the one it came from too): nothing is added. */
  import_file (other, first_path, 0, n);
  import_file (other, second_path, 0, n);
  import_file (store, first_path, 0, n);
  g_assert_cmpuint (count_entries (other), ==, n);
  g_assert_cmpuint (count_entries (store), ==, n);
}

/* Malformed imports */

/* A good row whose note spans three lines: the bad row after it starts on line 5. */
#define GOOD_ROWS \
  KNOTLESS_HEADER \
  "1,2025-05-01T10:00:00+02:00,3,,,1=4,,stress,,,,,,,\"a note\r\nover\nthree lines\"\r\n"

static void
assert_import_refused (KlStore     *store,
                       const char  *text,
                       GQuark       domain,
                       int          code,
                       const char  *message_start)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export_text (store, KL_EXPORT_PAIN, NULL, NULL);
  g_autofree char *after = NULL;
  guint added = 4242, skipped = 4242;

  g_test_message ("expecting: %s", message_start);
  g_assert_false (import_text (store, text, FALSE, &added, &skipped, &error));
  g_assert_error (error, domain, code);
  g_assert_true (g_str_has_prefix (error->message, message_start));
  /* Outputs untouched on failure. */
  g_assert_cmpuint (added, ==, 4242);
  g_assert_cmpuint (skipped, ==, 4242);

  after = export_text (store, KL_EXPORT_PAIN, NULL, NULL);
  g_assert_cmpstr (after, ==, before);
}

static void
test_import_refuses_bad_rows (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(KlStore) store = open_store (fixture->data_dir);
  g_autoptr(KlKnot) knot = add_knot (store, "upper-trapezius-left", 6);
  g_autoptr(KlPainEntry) entry = new_entry (2, "2025-04-01T09:00:00+02:00");
  g_autoptr(GError) error = NULL;
  guint added = 0;

  add_entry (store, entry);
  g_assert_cmpuint (count_entries (store), ==, 1);

  assert_import_refused (store, GOOD_ROWS "2,2025-05-02T10:00:00+02:00,3,,,,,,,,,,,,\"open\r\n",
                         KL_CSV_ERROR, KL_CSV_ERROR_SYNTAX, "line 5: ");
  assert_import_refused (store, GOOD_ROWS "2,2025-05-02T10:00:00+02:00,3,,,,,,,,,,,\r\n",
                         KL_IMPORT_ERROR, KL_IMPORT_ERROR_INVALID,
                         "line 5: 14 fields where the header has 15");
  assert_import_refused (store, GOOD_ROWS "2,2025-05-02T10:00:00+02:00,12,,,,,,,,,,,,\r\n",
                         KL_IMPORT_ERROR, KL_IMPORT_ERROR_INVALID,
                         "line 5, column “pain_now”: “12” is not a rating from 0 to 10");
  assert_import_refused (store, GOOD_ROWS "2,2025-02-30T10:00:00+01:00,3,,,,,,,,,,,,\r\n",
                         KL_IMPORT_ERROR, KL_IMPORT_ERROR_INVALID,
                         "line 5, column “recorded_at”: “2025-02-30T10:00:00+01:00”");
  assert_import_refused (store, GOOD_ROWS "2,2025-05-02T10:00:00+02:00,3,4,6,,,,,,,,,,\r\n",
                         KL_IMPORT_ERROR, KL_IMPORT_ERROR_INVALID,
                         "line 5: Least pain 6 is above worst pain 4");
  assert_import_refused (store, GOOD_ROWS "2,2025-05-02T10:00:00+02:00,3,,,1;999=2,,,,,,,,,\r\n",
                         KL_IMPORT_ERROR, KL_IMPORT_ERROR_INVALID,
                         "line 5, column “knots”: there is no knot 999 in this journal");
  assert_import_refused (store,
                         GOOD_ROWS
                         "2,2025-05-02T10:00:00+02:00,3,,,,spine;elbow-of-doom=3,,,,,,,,\r\n",
                         KL_IMPORT_ERROR, KL_IMPORT_ERROR_INVALID,
                         "line 5, column “regions”: “elbow-of-doom” is not an area");

  /* The good row alone goes in: what kept it out above was the bad one. */
  g_assert_true (import_text (store, GOOD_ROWS, FALSE, &added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (count_entries (store), ==, 2);
}

static void
test_import_refuses_too_long_line (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(KlStore) store = open_store (fixture->data_dir);
  g_autoptr(KlKnot) knot = add_knot (store, "upper-trapezius-left", 6);
  g_autoptr(GString) text = g_string_new (GOOD_ROWS "2,2025-05-02T10:00:00+02:00,3,,,,,,,,,,,,");
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  gsize note = KL_CSV_READER_DEFAULT_MAX_RECORD_SIZE + 1024;

  /* One line of a little more than the reader's maximum, held in memory only. */
  g_string_set_size (text, text->len + note);
  memset (text->str + text->len - note, 'x', note);
  g_string_append (text, "\r\n");
  stream = g_memory_input_stream_new_from_data (g_string_free (g_steal_pointer (&text), FALSE),
                                                -1, g_free);

  g_assert_false (import_stream (store, stream, FALSE, NULL, NULL, &error));
  g_assert_error (error, KL_CSV_ERROR, KL_CSV_ERROR_TOO_LONG);
  g_assert_true (g_str_has_prefix (error->message, "line 5: "));
  g_assert_cmpuint (count_entries (store), ==, 0);
}

static void
test_import_rolls_back_on_last_row (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(KlStore) store = open_store (fixture->data_dir);
  g_autoptr(GString) text = g_string_new (KNOTLESS_HEADER);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2020-01-01T08:00:00+01:00", NULL);
  const guint n_good = 3000;
  gsize good_len;
  guint added = 0;

  for (guint i = 0; i < n_good; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_hours (start, i);
      g_autofree char *iso = g_date_time_format (at, "%Y-%m-%dT%H:%M:%S%:z");

      g_string_append_printf (text, ",%s,%u,,,,,,,,,,,,row %u\r\n", iso, i % 11, i);
    }
  good_len = text->len;
  g_string_append (text, ",2025-05-02T10:00:00+02:00,seven,,,,,,,,,,,,the last row\r\n");

  g_assert_false (import_text (store, text->str, FALSE, NULL, NULL, &error));
  g_assert_error (error, KL_IMPORT_ERROR, KL_IMPORT_ERROR_INVALID);
  message = g_strdup_printf ("line %u, column “pain_now”: “seven”", n_good + 2);
  g_assert_true (g_str_has_prefix (error->message, message));
  g_assert_cmpuint (count_entries (store), ==, 0);
  g_clear_error (&error);

  /* Without the bad row, all of them go in: the rows themselves were fine. */
  g_string_truncate (text, good_len);
  g_assert_true (import_text (store, text->str, FALSE, &added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, n_good);
  g_assert_cmpuint (count_entries (store), ==, n_good);
}

/* Generic CSV */

static void
assert_column_uses (KlPainImport       *import,
                    const char * const *expected)
{
  g_assert_cmpuint (kl_pain_import_get_n_columns (import), ==,
                    g_strv_length ((char **)expected));
  for (guint i = 0; expected[i] != NULL; i++)
    {
      const char *use = kl_pain_import_get_column_use (import, i);

      g_assert_cmpstr (use != NULL ? use : "(ignored)", ==, expected[i]);
    }
}

static KlPainImport *
read_header (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (g_strdup (text), -1,
                                                                         g_free);
  KlPainImport *import = kl_pain_import_new (stream);

  g_assert_true (kl_pain_import_read_header (import, NULL, &error));
  g_assert_no_error (error);
  return import;
}

static void
assert_entry (KlPainEntry *entry,
              const char  *at,
              int          pain,
              const char  *note)
{
  g_autofree char *formatted = format_at (entry);

  g_assert_cmpstr (formatted, ==, at);
  g_assert_cmpint (kl_pain_entry_get_pain (entry), ==, pain);
  g_assert_cmpstr (kl_pain_entry_get_note (entry), ==, note);
}

static void
test_generic_csv (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(KlStore) store = open_store (fixture->data_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlPainImport) import = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  /* Another program's file: its own names, its own order, a column Knotless has no use for. */
  const char *when = "When,Mood,Pain Level,Comments\n"
                     "2026-01-15 09:30,ok,4,\"stiff, after the drive\"\n"
                     "2026-07-01T18:05,bad, 6 ,'=1+2 is not a formula here\n"
                     "2026-07-02,fine,3,a date alone\n";
  const char *split = "Date,Time,Pain,Notes,Helped\n"
                      "2026-03-29,03:30,5,just after the clocks went forward,\n"
                      "2026-03-28,,2,no time given,50\n";
  guint added = 4242, skipped = 4242;

  import = read_header (when);
  g_assert_cmpint (kl_pain_import_get_format (import), ==, KL_IMPORT_FORMAT_GENERIC);
  g_assert_cmpstr (kl_pain_import_get_column_name (import, 2), ==, "Pain Level");
  assert_column_uses (import, (const char *[]) { "Date and time", "(ignored)", "Pain", "Note",
                                                 NULL });
  g_clear_object (&import);

  import = read_header (split);
  assert_column_uses (import, (const char *[]) { "Date", "Time of day", "Pain", "Note",
                                                 "How much it helped (%)", NULL });
  g_clear_object (&import);

  /* With a column for the date and time, a "date" and a "time" column are not used. */
  import = read_header ("Timestamp,Date,Time,pain_now,Pain\n");
  g_assert_cmpint (kl_pain_import_get_format (import), ==, KL_IMPORT_FORMAT_GENERIC);
  assert_column_uses (import, (const char *[]) { "Date and time", "(ignored)", "(ignored)",
                                                 "Pain", "(ignored)", NULL });
  g_clear_object (&import);

  /* A dry run checks and counts every row, and writes nothing. */
  g_assert_true (import_text (store, when, TRUE, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpuint (skipped, ==, 0);
  g_assert_cmpuint (count_entries (store), ==, 0);

  g_assert_true (import_text (store, when, FALSE, &added, &skipped, &error));
  g_assert_true (import_text (store, split, FALSE, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (count_entries (store), ==, 5);

  /* Local time (this test runs on Central European time), with its offset on that day; a
   * date alone at noon. */
  entries = all_entries (store);
  assert_entry (g_ptr_array_index (entries, 0), "2026-01-15T09:30:00+01:00", 4,
                "stiff, after the drive");
  assert_entry (g_ptr_array_index (entries, 1), "2026-03-28T12:00:00+01:00", 2, "no time given");
  g_assert_cmpint (kl_pain_entry_get_medication_helped (g_ptr_array_index (entries, 1)), ==, 50);
  assert_entry (g_ptr_array_index (entries, 2), "2026-03-29T03:30:00+02:00", 5,
                "just after the clocks went forward");
  g_assert_cmpint (kl_pain_entry_get_medication_helped (g_ptr_array_index (entries, 2)), ==,
                   KL_PAIN_NONE);
  assert_entry (g_ptr_array_index (entries, 3), "2026-07-01T18:05:00+02:00", 6,
                "'=1+2 is not a formula here");
  assert_entry (g_ptr_array_index (entries, 4), "2026-07-02T12:00:00+02:00", 3, "a date alone");

  /* Again: a dry run counts them as skipped, and still writes nothing. */
  g_assert_true (import_text (store, when, TRUE, &added, &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 3);
  g_assert_cmpuint (count_entries (store), ==, 5);
}

static void
test_generic_csv_missing_columns (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  static const char * const headers[] = {
    "When,Comments\n2026-01-15 09:30,no pain column\n",
    "Pain Level,Comments\n4,no time column\n",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (headers[i], -1,
                                                                             NULL);
      g_autoptr(KlPainImport) import = kl_pain_import_new (stream);

      g_assert_false (kl_pain_import_read_header (import, NULL, &error));
      g_assert_error (error, KL_IMPORT_ERROR, KL_IMPORT_ERROR_NO_COLUMN);
    }
}

/* kl_export_to_file () */

static void
test_to_file_mode (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(KlStore) store = open_store (fixture->data_dir);
  g_autoptr(KlPainEntry) entry = new_entry (3, "2025-05-01T10:00:00+02:00");
  g_autofree char *path = g_build_filename (fixture->dir, "pain.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  mode_t old_umask;

  add_entry (store, entry);
  /* A file of another mode was there: what replaces it is private whatever the umask. */
  write_text (path, "old");
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  old_umask = umask (0);
  export_file (store, path);
  umask (old_umask);

  g_assert_cmpuint (file_mode (path), ==, 0600);
  text = read_text (path);
  g_assert_cmpstr (text, ==, KNOTLESS_HEADER "1,2025-05-01T10:00:00+02:00,3,,,,,,,,,,,,\r\n");
  names = list_folder (fixture->dir);
  g_assert_cmpstr (names, ==, "data,pain.csv");
}

/* The export to @target fails, naming @folder, and leaves @listed as it was. */
static void
assert_export_fails_cleanly (KlStore    *store,
                             const char *target,
                             const char *folder,
                             const char *listed,
                             const char *listed_before)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *named = g_strdup_printf ("“%s”", folder);
  g_autofree char *names = NULL;

  g_assert_false (kl_export_to_file (store, KL_EXPORT_PAIN, NULL, NULL, target, FALSE, NULL,
                                     NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, named));
  names = list_folder (listed);
  g_assert_cmpstr (names, ==, listed_before);
}

static void
test_to_file_read_only_folder (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(KlStore) store = NULL;
  g_autofree char *folder = g_build_filename (fixture->dir, "read-only", NULL);
  g_autofree char *target = g_build_filename (folder, "pain.csv", NULL);

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into a read-only folder anyway; see /export/to-file/not-a-folder");
      return;
    }

  store = open_store (fixture->data_dir);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  assert_export_fails_cleanly (store, target, folder, folder, "");
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);
}

static void
test_to_file_not_a_folder (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(KlStore) store = open_store (fixture->data_dir);
  g_autoptr(KlPainEntry) entry = new_entry (3, "2025-05-01T10:00:00+02:00");
  g_autofree char *not_a_folder = g_build_filename (fixture->dir, "file-not-dir", NULL);
  g_autofree char *target = g_build_filename (not_a_folder, "out.csv", NULL);
  g_autofree char *kept = NULL;

  /* Fails for root too: no permission lets a file hold another. */
  add_entry (store, entry);
  write_text (not_a_folder, "a file where the folder should be");
  assert_export_fails_cleanly (store, target, not_a_folder, fixture->dir, "data,file-not-dir");
  kept = read_text (not_a_folder);
  g_assert_cmpstr (kept, ==, "a file where the folder should be");
}

typedef struct
{
  GCancellable *cancellable;
  guint64       cancelled_at;
  guint         calls;
} Canceller;

static void
cancel_cb (guint64  done,
           guint64  total,
           gpointer user_data)
{
  Canceller *canceller = user_data;

  canceller->calls++;
  if (canceller->cancelled_at == 0 && done < total)
    {
      canceller->cancelled_at = done;
      g_cancellable_cancel (canceller->cancellable);
    }
}

static void
test_to_file_cancelled (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(KlStore) store = open_store (fixture->data_dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) text = g_string_new (KNOTLESS_HEADER);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2020-01-01T08:00:00+01:00", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "exports", NULL);
  g_autofree char *target = g_build_filename (folder, "pain.csv", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *names = NULL;
  Canceller canceller = { cancellable, 0, 0 };
  const guint n = 6000;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_hours (start, i);
      g_autofree char *iso = g_date_time_format (at, "%Y-%m-%dT%H:%M:%S%:z");

      g_string_append_printf (text, ",%s,%u,,,,,,,,,,,,\r\n", iso, i % 11);
    }
  g_assert_true (import_text (store, text->str, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  write_text (target, "the export of last week");

  g_assert_false (kl_export_to_file (store, KL_EXPORT_PAIN, NULL, NULL, target, FALSE,
                                     cancellable, cancel_cb, &canceller, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Midway, not before the first row or after the last. */
  g_assert_cmpuint (canceller.cancelled_at, >, 0);
  g_assert_cmpuint (canceller.cancelled_at, <, n);
  g_assert_cmpuint (canceller.calls, ==, 1);

  kept = read_text (target);
  g_assert_cmpstr (kept, ==, "the export of last week");
  names = list_folder (folder);
  g_assert_cmpstr (names, ==, "pain.csv");
}

static void
test_to_file_range (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(KlStore) store = open_store (fixture->data_dir);
  g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 ("2025-05-02T00:00:00+02:00", NULL);
  g_autoptr(GDateTime) to = g_date_time_new_from_iso8601 ("2025-05-04T00:00:00+02:00", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "range.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const instants[] = {
    "2025-05-01T23:59:59+02:00", "2025-05-02T00:00:00+02:00", "2025-05-03T23:59:59+02:00",
    /* The same instant as the limit, written in another offset. */
    "2025-05-03T22:00:00+00:00", "2025-05-04T00:00:00+02:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (instants); i++)
    {
      g_autoptr(KlPainEntry) entry = new_entry (i, instants[i]);

      add_entry (store, entry);
    }

  /* From included, to excluded. */
  g_assert_true (kl_export_to_file (store, KL_EXPORT_PAIN, from, to, path, FALSE, NULL, NULL,
                                    NULL, &error));
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_cmpstr (text, ==,
                   KNOTLESS_HEADER
                   "2,2025-05-02T00:00:00+02:00,1,,,,,,,,,,,,\r\n"
                   "3,2025-05-03T23:59:59+02:00,2,,,,,,,,,,,,\r\n");
  g_clear_pointer (&text, g_free);

  g_assert_true (kl_export_to_file (store, KL_EXPORT_PAIN, to, NULL, path, FALSE, NULL, NULL,
                                    NULL, &error));
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_cmpstr (text, ==,
                   KNOTLESS_HEADER
                   "4,2025-05-03T22:00:00+00:00,3,,,,,,,,,,,,\r\n"
                   "5,2025-05-04T00:00:00+02:00,4,,,,,,,,,,,,\r\n");
}

/* Knots dataset */

static char *
format_or_empty (GDateTime *date_time)
{
  return date_time != NULL ? g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S%:z")
                           : g_strdup ("");
}

static void
test_knots_dataset (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(KlStore) store = open_store (fixture->data_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(KlKnot) rated = kl_knot_new ();
  g_autoptr(KlKnot) never = kl_knot_new ();
  g_autoptr(KlKnot) stored = NULL;
  g_autoptr(GArray) ratings = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  g_autofree char *created = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *never_created = NULL;
  g_autofree char *rated_at = NULL;

  kl_knot_set_region (rated, "upper-trapezius-left");
  kl_knot_set_position (rated, 0.4, 0.2);
  kl_knot_set_referred (rated, TRUE);
  kl_knot_set_referred_to (rated, "behind the ear, to the temple");
  kl_knot_set_twitch (rated, KL_TWITCH_YES);
  kl_knot_set_note (rated, "=SUM(A1), pressed with a ball");
  g_assert_true (kl_store_add_knot (store, rated, 6, &error));
  g_assert_true (kl_store_rate_knot (store, rated, 4, &error));
  g_assert_true (kl_store_set_knot_resolved (store, rated, TRUE, &error));
  g_assert_no_error (error);

  kl_knot_set_region (never, "soleus-right");
  kl_knot_set_position (never, 0.5, 0.8);
  kl_knot_set_state (never, KL_KNOT_LATENT);
  g_assert_true (kl_store_add_knot (store, never, KL_KNOT_NO_RATING, &error));
  g_assert_no_error (error);

  text = export_text (store, KL_EXPORT_KNOTS, NULL, NULL);
  g_assert_true (g_str_has_prefix (text, "knot_id,region,view,side,state,referred,referred_to,"
                                         "twitch,created_at,resolved_at,note,rated_at,"
                                         "tenderness\r\n"));
  records = read_records (text);
  g_assert_cmpuint (records->len, ==, 4);

  stored = kl_store_get_knot (store, kl_knot_get_id (rated), &error);
  g_assert_no_error (error);
  created = format_or_empty (kl_knot_get_created (stored));
  resolved = format_or_empty (kl_knot_get_resolved (stored));
  g_assert_cmpstr (resolved, !=, "");
  ratings = kl_store_list_knot_ratings (store, kl_knot_get_id (rated), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, 2);

  /* One row per rating, oldest first, the knot's fields on each. */
  for (guint row = 1; row <= 2; row++)
    {
      const KlKnotRating *rating = &g_array_index (ratings, KlKnotRating, row - 1);
      g_autoptr(GTimeZone) zone = g_time_zone_new_offset (rating->utc_offset_min * 60);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (rating->at_ms / 1000);
      g_autoptr(GDateTime) at = g_date_time_to_timezone (utc, zone);

      g_clear_pointer (&rated_at, g_free);
      rated_at = format_or_empty (at);
      g_assert_cmpstr (field (records, row, "knot_id"), ==, "1");
      g_assert_cmpstr (field (records, row, "region"), ==, "upper-trapezius-left");
      g_assert_cmpstr (field (records, row, "view"), ==, "back");
      g_assert_cmpstr (field (records, row, "side"), ==, "left");
      g_assert_cmpstr (field (records, row, "state"), ==, "active");
      g_assert_cmpstr (field (records, row, "referred"), ==, "yes");
      g_assert_cmpstr (field (records, row, "referred_to"), ==, "behind the ear, to the temple");
      g_assert_cmpstr (field (records, row, "twitch"), ==, "yes");
      g_assert_cmpstr (field (records, row, "created_at"), ==, created);
      g_assert_cmpstr (field (records, row, "resolved_at"), ==, resolved);
      g_assert_cmpstr (field (records, row, "note"), ==, "'=SUM(A1), pressed with a ball");
      g_assert_cmpstr (field (records, row, "rated_at"), ==, rated_at);
    }
  g_assert_cmpstr (field (records, 1, "tenderness"), ==, "6");
  g_assert_cmpstr (field (records, 2, "tenderness"), ==, "4");

  /* Never rated: one row, the rating empty. */
  g_clear_object (&stored);
  stored = kl_store_get_knot (store, kl_knot_get_id (never), &error);
  g_assert_no_error (error);
  never_created = format_or_empty (kl_knot_get_created (stored));
  g_assert_cmpstr (field (records, 3, "knot_id"), ==, "2");
  g_assert_cmpstr (field (records, 3, "region"), ==, "soleus-right");
  g_assert_cmpstr (field (records, 3, "state"), ==, "latent");
  g_assert_cmpstr (field (records, 3, "referred"), ==, "no");
  g_assert_cmpstr (field (records, 3, "twitch"), ==, "unsure");
  g_assert_cmpstr (field (records, 3, "created_at"), ==, never_created);
  g_assert_cmpstr (field (records, 3, "resolved_at"), ==, "");
  g_assert_cmpstr (field (records, 3, "rated_at"), ==, "");
  g_assert_cmpstr (field (records, 3, "tenderness"), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  /* Local times are read in a zone with clock changes, so that the offset of each day shows:
   * Central Europe's rules, spelled out so that no tzdata is needed. */
  g_setenv ("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/export/round-trip", test_round_trip);
  ADD ("/import/refuse/bad-rows", test_import_refuses_bad_rows);
  ADD ("/import/refuse/too-long-line", test_import_refuses_too_long_line);
  ADD ("/import/refuse/last-row", test_import_rolls_back_on_last_row);
  ADD ("/import/generic", test_generic_csv);
  ADD ("/import/generic/missing-columns", test_generic_csv_missing_columns);
  ADD ("/export/to-file/mode", test_to_file_mode);
  ADD ("/export/to-file/read-only-folder", test_to_file_read_only_folder);
  ADD ("/export/to-file/not-a-folder", test_to_file_not_a_folder);
  ADD ("/export/to-file/cancelled", test_to_file_cancelled);
  ADD ("/export/to-file/range", test_to_file_range);
  ADD ("/export/knots", test_knots_dataset);

#undef ADD

  return g_test_run ();
}
