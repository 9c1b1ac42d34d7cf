/* test-store.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kl-store.h"
#include "kl-test-utils.h"

#define N_KILL_INSERTS 1000

typedef struct
{
  char *dir;
  char *data_dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("knotless-test-XXXXXX", &error);
  g_assert_no_error (error);
  /* A folder that does not exist yet, so the store creates it. */
  fixture->data_dir = g_build_filename (fixture->dir, "data", NULL);
  fixture->path = g_build_filename (fixture->data_dir, "knotless.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  kl_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->data_dir);
  g_free (fixture->path);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Runs SQL on a file directly, as another program (or a disk fault) would. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static char *
raw_query_text (const char *path,
                const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static void
assert_acknowledged (KlStore    *store,
                     const char *what,
                     gboolean    expected)
{
  g_autoptr(GError) error = NULL;
  gboolean acknowledged = !expected;

  g_assert_true (kl_store_is_acknowledged (store, what, &acknowledged, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acknowledged, ==, expected);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autofree char *journal_mode = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);

  store = kl_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpstr (kl_store_get_path (store), ==, fixture->path);
  g_assert_cmpint (kl_store_get_schema_version (store), ==, kl_store_latest_schema_version ());
  g_assert_cmpuint (file_mode (fixture->data_dir), ==, 0700);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);

  assert_acknowledged (store, KL_ACK_WELCOME, FALSE);
  g_assert_true (kl_store_acknowledge (store, KL_ACK_WELCOME, &error));
  g_assert_no_error (error);
  /* Twice is not an error: the first acknowledgement is the one kept. */
  g_assert_true (kl_store_acknowledge (store, KL_ACK_WELCOME, &error));
  g_assert_no_error (error);
  assert_acknowledged (store, KL_ACK_WELCOME, TRUE);

  /* The write-ahead log exists while the store is open, and is as private as the file. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);

  g_clear_object (&store);

  journal_mode = raw_query_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");

  /* Reopening keeps what was stored. */
  store = kl_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  assert_acknowledged (store, KL_ACK_WELCOME, TRUE);
}

static void
test_migrate_empty_file (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autofree char *version = NULL;

  g_assert_cmpint (g_mkdir (fixture->data_dir, 0700), ==, 0);
  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);

  store = kl_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kl_store_get_schema_version (store), ==, kl_store_latest_schema_version ());
  g_clear_object (&store);

  version = raw_query_text (fixture->path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, kl_store_latest_schema_version ());
}

/* Every shipped schema version has a fixture; opening it upgrades it with nothing lost. */
static void
test_upgrade_fixtures (Fixture       *fixture,
                       gconstpointer  user_data)
{
  for (int version = 1; version <= kl_store_latest_schema_version (); version++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KlStore) store = NULL;
      g_autofree char *name = g_strdup_printf ("knotless-v%d.sql", version);
      g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "..", "fixtures", name, NULL);
      g_autofree char *sql = NULL;

      g_file_get_contents (sql_path, &sql, NULL, &error);
      g_assert_no_error (error);

      kl_test_remove_tree (fixture->data_dir);
      g_assert_cmpint (g_mkdir (fixture->data_dir, 0700), ==, 0);
      raw_exec (fixture->path, sql);

      store = kl_store_open (fixture->data_dir, &error);
      g_assert_no_error (error);
      g_assert_cmpint (kl_store_get_schema_version (store), ==, kl_store_latest_schema_version ());
      /* Every fixture acknowledged the welcome on its first day. */
      assert_acknowledged (store, KL_ACK_WELCOME, TRUE);

      /* From schema 2 on, each has a knot with a history of two ratings. */
      if (version >= 2)
        {
          g_autoptr(KlKnot) knot = kl_store_get_knot (store, 1, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (kl_knot_get_note (knot), ==, "fixture knot");
          g_assert_cmpint (kl_knot_get_tenderness (knot), ==, 5);
          g_assert_cmpint (kl_knot_get_previous_tenderness (knot), ==, 7);
        }

      /* From schema 3 on, one check-in with two factors, a knot and an area. */
      if (version >= 3)
        {
          g_autoptr(KlPainEntry) entry = kl_store_get_entry (store, 1, &error);
          const char * const *factors;

          g_assert_no_error (error);
          g_assert_cmpint (kl_pain_entry_get_pain (entry), ==, 6);
          g_assert_cmpint (kl_pain_entry_get_worst (entry), ==, 8);
          g_assert_cmpint (kl_pain_entry_get_least (entry), ==, 3);
          g_assert_cmpint (kl_pain_entry_get_interference (entry, KL_INTERFERENCE_SLEEP), ==, 7);
          g_assert_cmpint (kl_pain_entry_get_interference (entry, KL_INTERFERENCE_WORK), ==,
                           KL_PAIN_NONE);
          g_assert_cmpstr (kl_pain_entry_get_note (entry), ==, "fixture entry");
          factors = kl_pain_entry_get_factors (entry);
          g_assert_cmpuint (g_strv_length ((char **)factors), ==, 2);
          g_assert_true (g_strv_contains (factors, "stress"));
          g_assert_true (g_strv_contains (factors, "gardening"));
          g_assert_cmpuint (kl_pain_entry_get_n_locations (entry), ==, 2);
          g_assert_cmpint (kl_pain_entry_get_location (entry, 0)->knot_id, ==, 1);
          g_assert_cmpint (kl_pain_entry_get_location (entry, 0)->pain, ==, 7);
          g_assert_cmpstr (kl_pain_entry_get_location (entry, 1)->region, ==,
                           "levator-scapulae-right");
        }

      /* From schema 4 on, a finished session of neck-release for that knot. */
      if (version >= 4)
        {
          g_autoptr(KlSession) session = kl_store_get_session (store, 1, &error);

          g_assert_no_error (error);
          g_assert_cmpstr (kl_session_get_routine (session), ==, "neck-release");
          g_assert_cmpint (kl_session_get_pain_before (session), ==, 6);
          g_assert_cmpint (kl_session_get_pain_after (session), ==, 4);
          g_assert_cmpint (kl_session_get_knot_id (session), ==, 1);
        }

      /* From schema 5 on, one taken micro-break. */
      if (version >= 5)
        {
          g_autoptr(GArray) events = kl_store_list_break_events (store, NULL, NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpuint (events->len, ==, 1);
          g_assert_cmpint (g_array_index (events, KlBreakEvent, 0).outcome, ==,
                           KL_BREAK_OUTCOME_TAKEN);
        }
    }
}

static void
assert_refused (Fixture *fixture,
                int      code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GBytes) before = read_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  gboolean had_wal = g_file_test (wal, G_FILE_TEST_EXISTS);

  /* Refused the same way whether the file is read through on the spot or by the precheck's
   * thread (as the application does at start-up). */
  for (guint prechecked = 0; prechecked <= 1; prechecked++)
    {
      if (prechecked)
        {
          g_autoptr(KlStorePrecheck) precheck = kl_store_precheck_start (fixture->data_dir);

          store = kl_store_open_prechecked (precheck, &error);
        }
      else
        store = kl_store_open (fixture->data_dir, &error);
      g_assert_null (store);
      g_assert_error (error, KL_STORE_ERROR, code);
      /* The message says where the file is. */
      g_assert_nonnull (strstr (error->message, fixture->path));
      g_clear_error (&error);

      after = read_bytes (fixture->path);
      g_assert_true (g_bytes_equal (before, after));
      g_clear_pointer (&after, g_bytes_unref);
      g_assert_cmpint (g_file_test (wal, G_FILE_TEST_EXISTS), ==, had_wal);
    }
}

/* A precheck of a journal that does not exist yet, then of one that does: both open. */
static void
test_open_prechecked (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStorePrecheck) first = kl_store_precheck_start (fixture->data_dir);
  g_autoptr(KlStorePrecheck) second = NULL;
  g_autoptr(KlStore) store = kl_store_open_prechecked (first, &error);
  gboolean acknowledged = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (kl_store_acknowledge (store, KL_ACK_WELCOME, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  second = kl_store_precheck_start (fixture->data_dir);
  store = kl_store_open_prechecked (second, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (kl_store_is_acknowledged (store, KL_ACK_WELCOME, &acknowledged, &error));
  g_assert_no_error (error);
  g_assert_true (acknowledged);
}

static void
test_refuse_not_sqlite (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (fixture->data_dir, 0700), ==, 0);
  g_file_set_contents (fixture->path, "date,pain\n2026-11-20,4\nthis is a spreadsheet\n", -1,
                       &error);
  g_assert_no_error (error);

  assert_refused (fixture, KL_STORE_ERROR_NOT_DATABASE);
}

static void
test_refuse_other_sqlite (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_assert_cmpint (g_mkdir (fixture->data_dir, 0700), ==, 0);
  raw_exec (fixture->path, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')");

  assert_refused (fixture, KL_STORE_ERROR_NOT_DATABASE);
}

static void
test_refuse_too_new (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (fixture->data_dir, &error);

  g_assert_no_error (error);
  g_clear_object (&store);
  raw_exec (fixture->path, "PRAGMA user_version = 999");

  assert_refused (fixture, KL_STORE_ERROR_TOO_NEW);
}

/* Fills a store with enough rows to span many pages, then overwrites part of a page in the
 * middle of the file, as a failing disk would. */
static void
make_damaged_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (fixture->data_dir, &error);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *what = g_strdup_printf ("row-%04u-padding-padding-padding-padding-pad", i);

      g_assert_true (kl_store_acknowledge (store, what, &error));
      g_assert_no_error (error);
    }
  g_clear_object (&store);

  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >=, 4 * 4096);
  memset (contents + 2 * 4096, 0x5A, 64);
  memset (contents + 3 * 4096, 0x5A, 64);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);
}

static void
test_refuse_damaged (Fixture       *fixture,
                     gconstpointer  user_data)
{
  make_damaged_store (fixture);
  assert_refused (fixture, KL_STORE_ERROR_DAMAGED);
}

static void
test_backups_rotate (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (fixture->data_dir, &error);
  g_autoptr(KlStore) copy = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *folder = g_build_filename (fixture->data_dir, "backups", NULL);
  g_autofree char *copy_dir = g_build_filename (fixture->dir, "copy", NULL);
  g_autofree char *copy_path = g_build_filename (copy_dir, "knotless.db", NULL);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;

  g_assert_no_error (error);
  g_assert_true (kl_store_acknowledge (store, KL_ACK_WELCOME, &error));

  g_assert_true (kl_store_backup (store, FALSE, &path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_cmpuint (file_mode (folder), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* One a day: the second call finds today's and does nothing. */
  g_assert_true (kl_store_backup (store, FALSE, &again, &error));
  g_assert_no_error (error);
  g_assert_null (again);

  /* Nine older days: after the next backup only the newest seven remain. */
  for (int day = 1; day <= 9; day++)
    {
      g_autofree char *name = g_strdup_printf ("knotless-2020-01-%02d.db", day);
      g_autofree char *old = g_build_filename (folder, name, NULL);

      g_file_set_contents (old, "old", -1, &error);
      g_assert_no_error (error);
    }
  g_clear_pointer (&path, g_free);
  g_assert_true (kl_store_backup (store, TRUE, &path, &error));
  g_assert_no_error (error);

  backups = kl_store_list_backups (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (backups, 0), ==, path);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 6), "knotless-2020-01-04.db"));

  /* A backup is a whole, sound database with what was stored. */
  g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);
  source = g_file_new_for_path (path);
  target = g_file_new_for_path (copy_path);
  g_assert_true (g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  copy = kl_store_open (copy_dir, &error);
  g_assert_no_error (error);
  assert_acknowledged (copy, KL_ACK_WELCOME, TRUE);
}

static void
test_restore_backup (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (fixture->data_dir, &error);
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *moved_to = NULL;

  g_assert_no_error (error);
  g_assert_true (kl_store_acknowledge (store, "before-backup", &error));
  g_assert_true (kl_store_backup (store, TRUE, &backup, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  make_damaged_store (fixture);
  damaged = read_bytes (fixture->path);

  g_assert_true (kl_store_restore_backup (fixture->data_dir, backup, &moved_to, &error));
  g_assert_no_error (error);

  /* The damaged file is kept, byte for byte, beside the restored one. */
  g_assert_nonnull (moved_to);
  g_assert_true (g_str_has_prefix (moved_to, fixture->path));
  kept = read_bytes (moved_to);
  g_assert_true (g_bytes_equal (damaged, kept));

  store = kl_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  assert_acknowledged (store, "before-backup", TRUE);
  g_assert_cmpuint (file_mode (fixture->path), ==, 0600);
}

static void
test_start_fresh (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GBytes) damaged = NULL;
  g_autoptr(GBytes) kept = NULL;
  g_autofree char *moved_to = NULL;

  make_damaged_store (fixture);
  damaged = read_bytes (fixture->path);

  g_assert_true (kl_store_move_aside (fixture->data_dir, &moved_to, &error));
  g_assert_no_error (error);
  kept = read_bytes (moved_to);
  g_assert_true (g_bytes_equal (damaged, kept));

  store = kl_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  assert_acknowledged (store, "row-0001-padding-padding-padding-padding-pad", FALSE);
}

static void
test_restore_refuses_bad_backup (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (fixture->dir, "knotless-2026-01-01.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  make_damaged_store (fixture);
  before = read_bytes (fixture->path);
  g_file_set_contents (bad, "not a database at all, just some text in a file", -1, &error);
  g_assert_no_error (error);

  g_assert_false (kl_store_restore_backup (fixture->data_dir, bad, NULL, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_DATABASE);

  /* Nothing was moved or touched. */
  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* The child writer of test_kill_during_writes: acknowledges rows one by one and reports each
 * on stdout only after the store said it was saved. */
static int
run_writer (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (data_dir, &error);

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < N_KILL_INSERTS; i++)
    {
      g_autofree char *what = g_strdup_printf ("insert-%04u", i);

      if (!kl_store_acknowledge (store, what, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      printf ("%u\n", i);
      fflush (stdout);
    }

  return 0;
}

static const char *test_binary;

static void
test_kill_during_writes (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  const char *argv[] = { test_binary, "--writer", fixture->data_dir, NULL };
  GPid pid;
  int out_fd;
  int status;
  int acknowledged = -1;
  char *line = NULL;

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);

  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);

  /* Kill it mid-way, without warning, while it is writing. */
  while (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
    {
      acknowledged = atoi (line);
      g_free (line);
      if (acknowledged == N_KILL_INSERTS / 2)
        {
          kill (pid, SIGKILL);
          break;
        }
    }

  /* Lines already written before the kill were acknowledged too. */
  while (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) == G_IO_STATUS_NORMAL)
    {
      acknowledged = atoi (line);
      g_free (line);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (acknowledged, >=, N_KILL_INSERTS / 2);
  g_assert_cmpint (acknowledged, <, N_KILL_INSERTS - 1);

  store = kl_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  for (int i = 0; i <= acknowledged; i++)
    {
      g_autofree char *what = g_strdup_printf ("insert-%04d", i);
      assert_acknowledged (store, what, TRUE);
    }
}

static KlKnot *
new_knot (const char *region)
{
  KlKnot *knot = kl_knot_new ();

  kl_knot_set_region (knot, region);
  kl_knot_set_position (knot, 0.4, 0.2);
  return knot;
}

static void
test_knots (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (fixture->data_dir, &error);
  g_autoptr(KlKnot) knot = new_knot ("upper-trapezius-left");
  g_autoptr(KlKnot) reread = NULL;
  g_autoptr(GPtrArray) open_knots = NULL;
  g_autoptr(GPtrArray) all_knots = NULL;
  g_autoptr(GArray) ratings = NULL;
  const char *note = "Pressing it sends pain to the temple — “like a headband”, 頭痛";

  g_assert_no_error (error);

  kl_knot_set_state (knot, KL_KNOT_LATENT);
  kl_knot_set_note (knot, note);
  g_assert_true (kl_store_add_knot (store, knot, 6, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kl_knot_get_id (knot), >, 0);
  g_assert_cmpint (kl_knot_get_tenderness (knot), ==, 6);
  g_assert_cmpint (kl_knot_get_previous_tenderness (knot), ==, KL_KNOT_NO_RATING);
  g_assert_nonnull (kl_knot_get_created (knot));

  /* Each rating is a new row of the history, not an overwrite. */
  g_assert_true (kl_store_rate_knot (store, knot, 4, &error));
  g_assert_true (kl_store_rate_knot (store, knot, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kl_knot_get_tenderness (knot), ==, 3);
  g_assert_cmpint (kl_knot_get_previous_tenderness (knot), ==, 4);
  ratings = kl_store_list_knot_ratings (store, kl_knot_get_id (knot), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ratings->len, ==, 3);
  g_assert_cmpint (g_array_index (ratings, KlKnotRating, 0).tenderness, ==, 6);
  g_assert_cmpint (g_array_index (ratings, KlKnotRating, 2).tenderness, ==, 3);

  /* Edits are saved as they are made. */
  kl_knot_set_region (knot, "levator-scapulae-left");
  kl_knot_set_position (knot, 0.41, 0.19);
  kl_knot_set_referred (knot, TRUE);
  kl_knot_set_referred_to (knot, "Behind the ear");
  kl_knot_set_twitch (knot, KL_TWITCH_YES);
  g_assert_true (kl_store_save_knot (store, knot, &error));
  g_assert_no_error (error);

  reread = kl_store_get_knot (store, kl_knot_get_id (knot), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_knot_get_region (reread), ==, "levator-scapulae-left");
  g_assert_cmpfloat_with_epsilon (kl_knot_get_x (reread), 0.41, 1e-9);
  g_assert_cmpint (kl_knot_get_state (reread), ==, KL_KNOT_LATENT);
  g_assert_true (kl_knot_get_referred (reread));
  g_assert_cmpstr (kl_knot_get_referred_to (reread), ==, "Behind the ear");
  g_assert_cmpint (kl_knot_get_twitch (reread), ==, KL_TWITCH_YES);
  g_assert_cmpstr (kl_knot_get_note (reread), ==, note);
  g_assert_cmpint (kl_knot_get_tenderness (reread), ==, 3);

  /* Resolved knots leave the default list but stay in the full one. */
  g_assert_true (kl_store_set_knot_resolved (store, knot, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (kl_knot_is_resolved (knot));
  open_knots = kl_store_list_knots (store, FALSE, &error);
  all_knots = kl_store_list_knots (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open_knots->len, ==, 0);
  g_assert_cmpuint (all_knots->len, ==, 1);

  /* Deleting takes the history with it; undo brings both back. */
  g_assert_true (kl_store_delete_knot (store, knot, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) gone = kl_store_list_knot_ratings (store, kl_knot_get_id (knot), &error);

    g_assert_cmpuint (gone->len, ==, 0);
  }
  g_assert_null (kl_store_get_knot (store, kl_knot_get_id (knot), &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (kl_store_restore_knot (store, knot, ratings, &error));
  g_assert_no_error (error);
  g_clear_object (&reread);
  reread = kl_store_get_knot (store, kl_knot_get_id (knot), &error);
  g_assert_no_error (error);
  g_assert_cmpint (kl_knot_get_tenderness (reread), ==, 3);
  g_assert_cmpint (kl_knot_get_previous_tenderness (reread), ==, 4);
  g_assert_true (kl_knot_is_resolved (reread));
  g_assert_true (g_date_time_equal (kl_knot_get_created (reread), kl_knot_get_created (knot)));
}

static void
test_knots_refuse_bad_input (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (fixture->data_dir, &error);
  g_autoptr(KlKnot) nowhere = new_knot ("elbow-of-the-moon");
  g_autoptr(KlKnot) knot = new_knot ("soleus-right");
  g_autoptr(GPtrArray) knots = NULL;

  g_assert_no_error (error);

  g_assert_false (kl_store_add_knot (store, nowhere, 5, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "elbow-of-the-moon"));
  g_clear_error (&error);

  g_assert_false (kl_store_add_knot (store, knot, 11, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "11"));
  g_clear_error (&error);

  /* Nothing was half-written. */
  knots = kl_store_list_knots (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (knots->len, ==, 0);

  g_assert_true (kl_store_add_knot (store, knot, KL_KNOT_NO_RATING, &error));
  g_assert_cmpint (kl_knot_get_tenderness (knot), ==, KL_KNOT_NO_RATING);
  g_assert_false (kl_store_rate_knot (store, knot, -1, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
}


static KlPainEntry *
new_entry (int         pain,
           const char *iso8601)
{
  KlPainEntry *entry = kl_pain_entry_new ();

  kl_pain_entry_set_pain (entry, pain);
  if (iso8601 != NULL)
    {
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (iso8601, NULL);

      g_assert_nonnull (at);
      kl_pain_entry_set_at (entry, at);
    }
  return entry;
}

static void
test_entries (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (fixture->data_dir, &error);
  g_autoptr(KlKnot) knot = new_knot ("upper-trapezius-left");
  g_autoptr(KlPainEntry) entry = new_entry (7, "2026-03-29T01:30:00+01:00");
  g_autoptr(KlPainEntry) reread = NULL;
  g_autoptr(GString) big = g_string_sized_new (1 << 20);
  const char *factors[] = { "stress", "Gärtnern 🌱", "STRESS", " ", NULL };
  const char * const *stored;
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (kl_store_add_knot (store, knot, 6, &error));
  g_assert_no_error (error);

  /* A note of a megabyte, with every kind of character, comes back byte for byte. */
  while (big->len < (1 << 20))
    g_string_append (big, "Nacken — “zieht” bis in die Schläfe; 頭痛 🙂\n\t'quoted' \"too\", ");
  kl_pain_entry_set_note (entry, big->str);
  kl_pain_entry_set_worst (entry, 9);
  kl_pain_entry_set_least (entry, 2);
  kl_pain_entry_set_interference (entry, KL_INTERFERENCE_WORK, 10);
  kl_pain_entry_set_medication (entry, "Ibuprofen 400 mg");
  kl_pain_entry_set_medication_helped (entry, 40);
  kl_pain_entry_set_factors (entry, factors);
  kl_pain_entry_add_location (entry, kl_knot_get_id (knot), "upper-trapezius-left", 8);
  kl_pain_entry_add_location (entry, 0, "levator-scapulae-right", KL_PAIN_NONE);
  g_assert_true (kl_store_add_entry (store, entry, &error));
  g_assert_no_error (error);
  id = kl_pain_entry_get_id (entry);
  g_assert_cmpint (id, >, 0);

  reread = kl_store_get_entry (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_pain_entry_get_note (reread), ==, big->str);
  g_assert_cmpint (kl_pain_entry_get_pain (reread), ==, 7);
  g_assert_cmpint (kl_pain_entry_get_worst (reread), ==, 9);
  g_assert_cmpint (kl_pain_entry_get_least (reread), ==, 2);
  g_assert_cmpint (kl_pain_entry_get_interference (reread, KL_INTERFERENCE_WORK), ==, 10);
  g_assert_cmpint (kl_pain_entry_get_interference (reread, KL_INTERFERENCE_MOOD), ==,
                   KL_PAIN_NONE);
  g_assert_cmpstr (kl_pain_entry_get_medication (reread), ==, "Ibuprofen 400 mg");
  g_assert_cmpint (kl_pain_entry_get_medication_helped (reread), ==, 40);
  /* The instant and its offset, as recorded (the night clocks went forward in Europe). */
  g_assert_true (g_date_time_equal (kl_pain_entry_get_at (reread), kl_pain_entry_get_at (entry)));
  g_assert_cmpint (g_date_time_get_utc_offset (kl_pain_entry_get_at (reread)), ==,
                   G_TIME_SPAN_HOUR);
  /* Factors are a set: the repeat in capitals and the blank one were dropped. */
  stored = kl_pain_entry_get_factors (reread);
  g_assert_cmpuint (g_strv_length ((char **)stored), ==, 2);
  g_assert_true (g_strv_contains (stored, "stress"));
  g_assert_true (g_strv_contains (stored, "Gärtnern 🌱"));
  g_assert_cmpuint (kl_pain_entry_get_n_locations (reread), ==, 2);
  g_assert_cmpint (kl_pain_entry_get_location (reread, 0)->knot_id, ==, kl_knot_get_id (knot));
  g_assert_cmpint (kl_pain_entry_get_location (reread, 0)->pain, ==, 8);
  g_assert_cmpint (kl_pain_entry_get_location (reread, 1)->knot_id, ==, 0);
  g_assert_cmpint (kl_pain_entry_get_location (reread, 1)->pain, ==, KL_PAIN_NONE);

  /* The user's own factor is offered from now on, after CONTENT.md's. */
  {
    g_autoptr(GPtrArray) names = kl_store_list_factors (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (names->len, ==, 11);
    g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "stress");
    g_assert_cmpstr (g_ptr_array_index (names, 10), ==, "Gärtnern 🌱");
  }

  /* Edits replace the factors and locations; a deleted entry comes back with its id. */
  kl_pain_entry_set_pain (reread, 3);
  kl_pain_entry_set_factors (reread, NULL);
  kl_pain_entry_clear_locations (reread);
  g_assert_true (kl_store_update_entry (store, reread, &error));
  g_assert_no_error (error);
  g_clear_object (&entry);
  entry = kl_store_get_entry (store, id, &error);
  g_assert_cmpint (kl_pain_entry_get_pain (entry), ==, 3);
  g_assert_cmpuint (g_strv_length ((char **)kl_pain_entry_get_factors (entry)), ==, 0);
  g_assert_cmpuint (kl_pain_entry_get_n_locations (entry), ==, 0);

  g_assert_true (kl_store_delete_entry (store, entry, &error));
  g_assert_no_error (error);
  g_clear_object (&reread);
  reread = kl_store_get_entry (store, id, &error);
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (kl_store_add_entry (store, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kl_pain_entry_get_id (entry), ==, id);
}

static void
assert_entry_refused (KlStore     *store,
                      KlPainEntry *entry,
                      const char  *named)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  g_assert_false (kl_store_add_entry (store, entry, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, named));
  g_assert_cmpint (kl_pain_entry_get_id (entry), ==, 0);
  g_clear_error (&error);

  /* Nothing was written. */
  ids = kl_store_list_entry_ids (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);
}

static void
test_entries_refuse_bad_input (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (fixture->data_dir, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  KlPainEntry *entry;

  g_assert_no_error (error);

  entry = new_entry (12, NULL);
  assert_entry_refused (store, entry, "12");
  g_object_unref (entry);

  entry = new_entry (5, NULL);
  kl_pain_entry_set_worst (entry, 4);
  kl_pain_entry_set_least (entry, 6);
  assert_entry_refused (store, entry, "Least pain 6 is above worst pain 4");
  g_object_unref (entry);

  entry = new_entry (5, NULL);
  kl_pain_entry_set_at (entry, tomorrow);
  assert_entry_refused (store, entry, "future");
  g_object_unref (entry);

  entry = new_entry (5, NULL);
  kl_pain_entry_add_location (entry, 4242, "upper-trapezius-left", 3);
  assert_entry_refused (store, entry, "4242");
  g_object_unref (entry);

  entry = new_entry (5, NULL);
  kl_pain_entry_add_location (entry, 0, "elbow-of-doom", 3);
  assert_entry_refused (store, entry, "elbow-of-doom");
  g_object_unref (entry);

  entry = new_entry (5, NULL);
  kl_pain_entry_set_factors (entry, (const char *[]) { "cold; wet", NULL });
  assert_entry_refused (store, entry, "cold; wet");
  g_object_unref (entry);
}

static void
test_entries_filter_and_days (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = kl_store_open (fixture->data_dir, &error);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GPtrArray) day_factors = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GDateTime) from = g_date_time_new_from_iso8601 ("2026-11-02T00:00:00+01:00", NULL);
  static const struct { const char *at; int pain; const char *factor; const char *note; } rows[] = {
    { "2026-11-01T08:00:00+01:00", 6, "stress", "Deadline 100% tomorrow" },
    { "2026-11-01T20:00:00+01:00", 2, NULL, "better after the walk" },
    { "2026-11-01T23:30:00+01:00", 4, "cold", "" },
    /* 23:30 in New York is already the 4th in UTC: the day is the local one. */
    { "2026-11-03T23:30:00-05:00", 8, "stress", "flight" },
  };
  GDate first, last;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KlPainEntry) entry = new_entry (rows[i].pain, rows[i].at);

      kl_pain_entry_set_note (entry, rows[i].note);
      kl_pain_entry_set_factors (entry, (const char *[]) { rows[i].factor, NULL });
      g_assert_true (kl_store_add_entry (store, entry, &error));
      g_assert_no_error (error);
    }

  /* Newest first. */
  ids = kl_store_list_entry_ids (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 4);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 4);
  g_assert_cmpint (g_array_index (ids, gint64, 3), ==, 1);
  page = kl_store_get_entries (store, (gint64 *)ids->data, ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 4);
  g_assert_cmpint (kl_pain_entry_get_pain (g_ptr_array_index (page, 0)), ==, 8);
  g_clear_pointer (&ids, g_array_unref);

  ids = kl_store_list_entry_ids (store, &(KlEntryFilter) { .factor = "stress" }, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);
  /* The search takes % literally, and ignores ASCII case. */
  ids = kl_store_list_entry_ids (store, &(KlEntryFilter) { .search = "100%" }, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  ids = kl_store_list_entry_ids (store, &(KlEntryFilter) { .search = "WALK" }, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);
  ids = kl_store_list_entry_ids (store, &(KlEntryFilter) { .from = from }, &error);
  g_assert_cmpuint (ids->len, ==, 1);

  /* Daily figures, a day for every date, the gap included. */
  g_date_set_dmy (&first, 1, 11, 2026);
  g_date_set_dmy (&last, 4, 11, 2026);
  days = kl_store_list_pain_days (store, &first, &last, &day_factors, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 4);
  g_assert_cmpuint (g_array_index (days, KlPainDay, 0).n_entries, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (days, KlPainDay, 0).mean, 4.0, 1e-9);
  g_assert_cmpint (g_array_index (days, KlPainDay, 0).min, ==, 2);
  g_assert_cmpint (g_array_index (days, KlPainDay, 0).max, ==, 6);
  g_assert_cmpuint (g_array_index (days, KlPainDay, 1).n_entries, ==, 0);
  g_assert_cmpuint (g_array_index (days, KlPainDay, 2).n_entries, ==, 1);
  g_assert_cmpuint (g_array_index (days, KlPainDay, 3).n_entries, ==, 0);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (day_factors, 0)), ==, 2);
  g_assert_null (g_ptr_array_index (day_factors, 1));
  g_assert_true (g_strv_contains (g_ptr_array_index (day_factors, 2), "stress"));

  g_assert_true (kl_store_get_first_entry_date (store, &first, &error));
  g_assert_cmpint (g_date_get_day (&first), ==, 1);

  /* The overlays: a routine finished late on the 2nd (local), breaks taken or had on the 3rd;
   * a skipped one is not a break. */
  {
    g_autoptr(KlSession) session = kl_session_new ("neck-release");
    g_autoptr(GDateTime) started = g_date_time_new_from_iso8601 ("2026-11-02T23:30:00+01:00", NULL);
    g_autoptr(GDateTime) ended = g_date_time_add_minutes (started, 3);
    g_autoptr(GArray) outcomes = g_array_new (FALSE, FALSE, sizeof (KlBreakOutcome));
    gint64 noon_3rd = g_date_time_to_unix (from) * G_USEC_PER_SEC + 36 * G_TIME_SPAN_HOUR;
    const KlBreakOutcome taken = { 1, KL_BREAK_OUTCOME_TAKEN, noon_3rd, 20 * G_USEC_PER_SEC };
    const KlBreakOutcome natural = { 1, KL_BREAK_OUTCOME_NATURAL, noon_3rd + G_TIME_SPAN_HOUR,
                                     G_TIME_SPAN_HOUR };
    const KlBreakOutcome skipped = { 1, KL_BREAK_OUTCOME_SKIPPED, noon_3rd + 2 * G_TIME_SPAN_HOUR,
                                     0 };

    kl_session_set_started (session, started);
    g_assert_true (kl_store_add_session (store, session, &error));
    kl_session_set_ended (session, ended);
    kl_session_set_completed (session, TRUE);
    g_assert_true (kl_store_finish_session (store, session, &error));
    g_array_append_val (outcomes, taken);
    g_array_append_val (outcomes, natural);
    g_array_append_val (outcomes, skipped);
    g_assert_true (kl_store_add_break_events (store, outcomes, &error));
    g_assert_no_error (error);

    g_date_set_dmy (&first, 1, 11, 2026);
    g_clear_pointer (&days, g_array_unref);
    days = kl_store_list_pain_days (store, &first, &last, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_array_index (days, KlPainDay, 0).n_sessions, ==, 0);
    g_assert_cmpuint (g_array_index (days, KlPainDay, 1).n_sessions, ==, 1);
    g_assert_cmpuint (g_array_index (days, KlPainDay, 2).n_sessions, ==, 0);
    g_assert_cmpuint (g_array_index (days, KlPainDay, 1).n_breaks, ==, 0);
    g_assert_cmpuint (g_array_index (days, KlPainDay, 2).n_breaks, ==, 2);
  }
}

static void
test_bad_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autofree char *file = NULL;
  int fd = g_file_open_tmp ("knotless-test-XXXXXX", &file, &error);

  g_assert_no_error (error);
  close (fd);

  /* A file where the folder should be. */
  store = kl_store_open (file, &error);
  g_assert_null (store);
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_IO);
  g_unlink (file);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--writer"))
    return run_writer (argv[2]);

  test_binary = argv[0];
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/create", test_create);
  ADD ("/store/migrate-empty-file", test_migrate_empty_file);
  ADD ("/store/upgrade-fixtures", test_upgrade_fixtures);
  ADD ("/store/refuse/not-sqlite", test_refuse_not_sqlite);
  ADD ("/store/refuse/other-sqlite", test_refuse_other_sqlite);
  ADD ("/store/refuse/too-new", test_refuse_too_new);
  ADD ("/store/refuse/damaged", test_refuse_damaged);
  ADD ("/store/open-prechecked", test_open_prechecked);
  ADD ("/store/backups/rotate", test_backups_rotate);
  ADD ("/store/backups/restore", test_restore_backup);
  ADD ("/store/backups/restore-refuses-bad-backup", test_restore_refuses_bad_backup);
  ADD ("/store/start-fresh", test_start_fresh);
  ADD ("/store/kill-during-writes", test_kill_during_writes);
  ADD ("/store/knots", test_knots);
  ADD ("/store/knots/refuse-bad-input", test_knots_refuse_bad_input);
  ADD ("/store/entries", test_entries);
  ADD ("/store/entries/refuse-bad-input", test_entries_refuse_bad_input);
  ADD ("/store/entries/filter-and-days", test_entries_filter_and_days);
  g_test_add_func ("/store/bad-data-dir", test_bad_data_dir);

#undef ADD

  return g_test_run ();
}
