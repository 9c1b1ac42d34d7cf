/* test-store-routines.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "kl-store-private.h"
#include "kl-test-utils.h"

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

static KlStore *
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  KlStore *store = kl_store_open (fixture->data_dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Runs SQL on the file directly, as another program would. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gint64
raw_query_int (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 result;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static GDateTime *
instant (const char *iso8601)
{
  GDateTime *date_time = g_date_time_new_from_iso8601 (iso8601, NULL);

  g_assert_nonnull (date_time);
  return date_time;
}

/* A user routine with one step of each shape the file format has: timed with sides, rests and
 * a release in fractions of a second, breathing, and ball work. */
static KlRoutine *
make_user_routine (const char *slug)
{
  KlRoutine *routine = kl_routine_new (slug);
  const char * const regions[] = { "upper-trapezius-left", "upper-trapezius-right", NULL };
  const char * const equipment[] = { "tennis-ball", "wall", NULL };
  KlRoutineStep *step;

  kl_routine_set_name (routine, "My shoulders, = first");
  kl_routine_set_summary (routine, "Line one; with a semicolon");
  kl_routine_set_kind (routine, KL_ROUTINE_KIND_BALL);
  kl_routine_set_regions (routine, regions);
  kl_routine_set_equipment (routine, equipment);
  kl_routine_set_cautions (routine, "Never on the spine.");

  step = kl_routine_step_new (KL_ROUTINE_STEP_STRETCH);
  g_free (step->title);
  step->title = g_strdup ("Side stretch");
  g_free (step->instruction);
  step->instruction = g_strdup ("Lean away, slowly.");
  g_strfreev (step->regions);
  step->regions = g_strdupv ((char **)regions);
  step->duration_us = 12500 * 1000;
  step->sides = KL_ROUTINE_SIDES_BOTH;
  step->repetitions = 2;
  step->rest_us = 7 * G_USEC_PER_SEC;
  step->release_us = 1500 * 1000;
  kl_routine_append_step (routine, step);

  step = kl_routine_step_new (KL_ROUTINE_STEP_BREATHING);
  g_free (step->title);
  step->title = g_strdup ("Breathe");
  g_free (step->instruction);
  step->instruction = g_strdup ("In through the nose.");
  step->inhale_us = 4 * G_USEC_PER_SEC;
  step->hold_in_us = 500 * 1000;
  step->exhale_us = 6 * G_USEC_PER_SEC;
  step->cycles = 3;
  kl_routine_append_step (routine, step);

  step = kl_routine_step_new (KL_ROUTINE_STEP_BALL);
  g_free (step->title);
  step->title = g_strdup ("Ball on the trapezius");
  g_free (step->instruction);
  step->instruction = g_strdup ("Lean into the wall.");
  step->duration_us = 45 * G_USEC_PER_SEC;
  step->sides = KL_ROUTINE_SIDES_BOTH;
  step->placement = g_strdup ("Between neck and shoulder tip");
  step->pressure = g_strdup ("5 to 7 out of 10");
  step->avoid = g_strdup ("The spine and the front of the neck");
  kl_routine_append_step (routine, step);

  return routine;
}

static void
assert_same_routine (KlRoutine *a,
                     KlRoutine *b)
{
  guint n_a, n_b;
  const gint64 *lengths_a = kl_routine_get_lengths (a, &n_a);
  const gint64 *lengths_b = kl_routine_get_lengths (b, &n_b);

  g_assert_cmpstr (kl_routine_get_name (a), ==, kl_routine_get_name (b));
  g_assert_cmpstr (kl_routine_get_summary (a), ==, kl_routine_get_summary (b));
  g_assert_cmpint (kl_routine_get_kind (a), ==, kl_routine_get_kind (b));
  g_assert_cmpstr (kl_routine_get_cautions (a), ==, kl_routine_get_cautions (b));
  g_assert_true (g_strv_equal (kl_routine_get_regions (a), kl_routine_get_regions (b)));
  g_assert_true (g_strv_equal (kl_routine_get_equipment (a), kl_routine_get_equipment (b)));
  g_assert_true (g_strv_equal (kl_routine_get_sources (a), kl_routine_get_sources (b)));
  g_assert_true (g_strv_equal (kl_routine_get_follow_up (a), kl_routine_get_follow_up (b)));
  g_assert_cmpuint (n_a, ==, n_b);
  for (guint i = 0; i < n_a; i++)
    g_assert_cmpint (lengths_a[i], ==, lengths_b[i]);
  g_assert_cmpint (kl_routine_get_duration_us (a), ==, kl_routine_get_duration_us (b));
  g_assert_cmpuint (kl_routine_get_n_steps (a), ==, kl_routine_get_n_steps (b));

  for (guint i = 0; i < kl_routine_get_n_steps (a); i++)
    {
      const KlRoutineStep *sa = kl_routine_get_step (a, i);
      const KlRoutineStep *sb = kl_routine_get_step (b, i);

      g_assert_cmpint (sa->kind, ==, sb->kind);
      g_assert_cmpstr (sa->title, ==, sb->title);
      g_assert_cmpstr (sa->instruction, ==, sb->instruction);
      g_assert_true (g_strv_equal ((const char * const *)sa->regions,
                                   (const char * const *)sb->regions));
      g_assert_cmpint (sa->duration_us, ==, sb->duration_us);
      g_assert_cmpint (sa->sides, ==, sb->sides);
      g_assert_cmpuint (sa->repetitions, ==, sb->repetitions);
      g_assert_cmpint (sa->rest_us, ==, sb->rest_us);
      g_assert_cmpint (sa->release_us, ==, sb->release_us);
      g_assert_cmpint (sa->inhale_us, ==, sb->inhale_us);
      g_assert_cmpint (sa->top_up_us, ==, sb->top_up_us);
      g_assert_cmpint (sa->hold_in_us, ==, sb->hold_in_us);
      g_assert_cmpint (sa->exhale_us, ==, sb->exhale_us);
      g_assert_cmpint (sa->hold_out_us, ==, sb->hold_out_us);
      g_assert_cmpuint (sa->cycles, ==, sb->cycles);
      g_assert_cmpstr (sa->placement, ==, sb->placement);
      g_assert_cmpstr (sa->pressure, ==, sb->pressure);
      g_assert_cmpstr (sa->avoid, ==, sb->avoid);
    }
}

static void
test_seed (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = open_store (fixture);
  g_autoptr(GPtrArray) routines = kl_store_list_routines (store, &error);
  const char * const *slugs = kl_routine_get_builtin_slugs ();

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **)slugs), ==, 26);
  g_assert_cmpuint (routines->len, ==, 26);
  g_assert_cmpint (raw_query_int (fixture->path,
                                  "SELECT count (*) FROM routines WHERE builtin = 1"), ==, 26);

  /* In CONTENT.md's order, each as the file has it. */
  for (guint i = 0; i < routines->len; i++)
    {
      KlRoutine *routine = g_ptr_array_index (routines, i);
      g_autoptr(KlRoutine) shipped = kl_routine_load_builtin (slugs[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (kl_routine_get_slug (routine), ==, slugs[i]);
      assert_same_routine (routine, shipped);
    }

  /* Opening again compares the versions and leaves an up-to-date built-in alone, even one that
   * another program changed. */
  raw_exec (fixture->path, "UPDATE routines SET name = 'Changed by hand' WHERE slug = 'hips'");
  g_clear_object (&store);
  store = open_store (fixture);
  g_assert_cmpint (raw_query_int (fixture->path,
                                  "SELECT name = 'Changed by hand' FROM routines"
                                  " WHERE slug = 'hips'"), ==, 1);
  g_assert_cmpint (raw_query_int (fixture->path, "SELECT count (*) FROM routines"), ==, 26);
}

/* The neck-release file of a later release: Version 2, renamed. */
static GBytes *
newer_builtin (const char *slug,
               guint       version,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) shipped = kl_routine_get_builtin_bytes (slug, &error);
  g_autofree char *text = NULL;
  g_autofree char *version_line = g_strdup_printf ("Version=%u\n", version);
  g_autofree char *name_line = g_strdup_printf ("Name=%s\n", name);
  g_autoptr(GRegex) version_re = g_regex_new ("^Version=.*\\n", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GRegex) name_re = g_regex_new ("^Name=.*\\n", G_REGEX_MULTILINE, 0, NULL);
  g_autofree char *step1 = NULL;
  char *step2;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (shipped, NULL), g_bytes_get_size (shipped));
  step1 = g_regex_replace_literal (version_re, text, -1, 0, version_line, 0, NULL);
  step2 = g_regex_replace_literal (name_re, step1, -1, 0, name_line, 0, NULL);
  g_assert_nonnull (strstr (step2, version_line));

  return g_bytes_new_take (step2, strlen (step2));
}

static void
test_seed_newer_version (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = open_store (fixture);
  g_autoptr(KlRoutine) mine = make_user_routine ("my-shoulders");
  g_autoptr(KlRoutine) copy = NULL;
  g_autoptr(KlRoutine) neck = NULL;
  g_autoptr(KlRoutine) stored_mine = NULL;
  g_autoptr(KlRoutine) stored_copy = NULL;
  g_autoptr(KlRoutine) hips = NULL;
  g_autoptr(GBytes) newer_neck = newer_builtin ("neck-release", 2, "Neck release, revised");
  g_autoptr(GBytes) older_neck = newer_builtin ("neck-release", 1, "Neck release, older");
  /* A later release that ships a built-in under the slug a user already took. */
  g_autoptr(GBytes) clash = newer_builtin ("hips", 5, "Hips under a user's slug");
  g_autoptr(GBytes) hips_file = kl_routine_get_builtin_bytes ("hips", NULL);
  const char * const slugs[] = { "neck-release", "hips", NULL };
  const char * const clash_slugs[] = { "my-shoulders", NULL };
  GBytes *files[] = { newer_neck, hips_file, NULL };
  GBytes *older_files[] = { older_neck, hips_file, NULL };
  GBytes *clash_files[] = { clash, NULL };

  g_assert_true (kl_store_save_routine (store, mine, &error));
  g_assert_no_error (error);
  copy = kl_store_duplicate_routine (store, "neck-release", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_routine_get_slug (copy), ==, "neck-release-copy");
  g_assert_cmpstr (kl_routine_get_name (copy), ==, "Neck release (copy)");

  g_assert_true (_kl_store_seed_routines_from (store, slugs, files, &error));
  g_assert_no_error (error);

  neck = kl_store_get_routine (store, "neck-release", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_routine_get_name (neck), ==, "Neck release, revised");
  g_assert_cmpuint (kl_routine_get_version (neck), ==, 2);
  hips = kl_store_get_routine (store, "hips", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kl_routine_get_version (hips), ==, 1);

  /* An older file never takes a built-in back. */
  g_assert_true (_kl_store_seed_routines_from (store, slugs, older_files, &error));
  g_assert_no_error (error);
  g_clear_object (&neck);
  neck = kl_store_get_routine (store, "neck-release", &error);
  g_assert_cmpstr (kl_routine_get_name (neck), ==, "Neck release, revised");

  /* Nor does a built-in take a user routine's slug. */
  g_assert_true (_kl_store_seed_routines_from (store, clash_slugs, clash_files, &error));
  g_assert_no_error (error);

  stored_mine = kl_store_get_routine (store, "my-shoulders", &error);
  g_assert_no_error (error);
  assert_same_routine (mine, stored_mine);
  stored_copy = kl_store_get_routine (store, "neck-release-copy", &error);
  g_assert_no_error (error);
  assert_same_routine (copy, stored_copy);
  g_assert_cmpuint (kl_routine_get_version (stored_copy), ==, 1);
  g_assert_cmpint (raw_query_int (fixture->path,
                                  "SELECT count (*) FROM routines WHERE builtin = 0"), ==, 2);
}

static void
test_user_routines (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = open_store (fixture);
  g_autoptr(KlRoutine) mine = make_user_routine ("my-shoulders");
  g_autoptr(KlRoutine) stolen = make_user_routine ("neck-release");
  g_autoptr(KlRoutine) empty = kl_routine_new ("empty");
  g_autoptr(KlRoutine) stored = NULL;
  g_autoptr(KlRoutine) second_copy = NULL;
  g_autoptr(KlRoutine) named_copy = NULL;
  g_autoptr(GPtrArray) routines = NULL;
  const char * const *slugs = kl_routine_get_builtin_slugs ();

  /* What kl_routine_validate () refuses, and a built-in's slug, are never stored. */
  kl_routine_set_name (empty, "Empty");
  g_assert_false (kl_store_save_routine (store, empty, &error));
  g_assert_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_NO_STEPS);
  g_clear_error (&error);
  g_assert_false (kl_store_save_routine (store, stolen, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "neck-release"));
  g_clear_error (&error);
  g_assert_cmpint (raw_query_int (fixture->path,
                                  "SELECT count (*) FROM routines WHERE builtin = 0"), ==, 0);

  /* Saved, read back the same, and saved again over itself. */
  g_assert_true (kl_store_save_routine (store, mine, &error));
  g_assert_no_error (error);
  stored = kl_store_get_routine (store, "my-shoulders", &error);
  g_assert_no_error (error);
  assert_same_routine (mine, stored);

  kl_routine_set_name (mine, "My shoulders, edited");
  kl_routine_remove_step (mine, 1);
  g_assert_true (kl_store_save_routine (store, mine, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = kl_store_get_routine (store, "my-shoulders", &error);
  assert_same_routine (mine, stored);

  /* Listed after the built-ins. */
  routines = kl_store_list_routines (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (routines->len, ==, 27);
  g_assert_cmpstr (kl_routine_get_slug (g_ptr_array_index (routines, 0)), ==, slugs[0]);
  g_assert_cmpstr (kl_routine_get_slug (g_ptr_array_index (routines, 26)), ==, "my-shoulders");

  /* Every built-in can be duplicated: the copy is the same routine under a slug of its own. */
  for (guint i = 0; slugs[i] != NULL; i++)
    {
      g_autoptr(KlRoutine) builtin = kl_store_get_routine (store, slugs[i], &error);
      g_autoptr(KlRoutine) copy = kl_store_duplicate_routine (store, slugs[i], NULL, &error);
      g_autoptr(KlRoutine) copy_stored = NULL;
      g_autofree char *expected_slug = g_strconcat (slugs[i], "-copy", NULL);

      g_assert_no_error (error);
      g_assert_cmpstr (kl_routine_get_slug (copy), ==, expected_slug);
      copy_stored = kl_store_get_routine (store, expected_slug, &error);
      g_assert_no_error (error);
      kl_routine_set_name (builtin, kl_routine_get_name (copy_stored));
      assert_same_routine (builtin, copy_stored);
    }
  second_copy = kl_store_duplicate_routine (store, "hips", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_routine_get_slug (second_copy), ==, "hips-copy-2");
  named_copy = kl_store_duplicate_routine (store, "hips", "my-hips", &error);
  g_assert_no_error (error);
  g_assert_null (kl_store_duplicate_routine (store, "hips", "my-hips", &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (kl_store_duplicate_routine (store, "no-such-routine", NULL, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Built-ins stay; a user routine goes, and comes back with undo. */
  g_assert_false (kl_store_delete_routine (store, "hips", &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kl_store_delete_routine (store, "nothing-here", &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (kl_store_delete_routine (store, "my-shoulders", &error));
  g_assert_no_error (error);
  g_assert_null (kl_store_get_routine (store, "my-shoulders", &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (kl_store_restore_routine (store, stored, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = kl_store_get_routine (store, "my-shoulders", &error);
  g_assert_no_error (error);
  assert_same_routine (mine, stored);
  /* Restoring is not overwriting. */
  g_assert_false (kl_store_restore_routine (store, stored, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
}

static void
test_free_slug (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = open_store (fixture);
  g_autoptr(KlRoutine) mine = make_user_routine ("hips-back");
  g_autofree char *long_name = g_strnfill (100, 'a');
  struct { const char *name; const char *slug; } cases[] = {
    { "Hips & back", "hips-back-2" },       /* "hips-back" is taken below */
    { "  Évening  stretch!  ", "evening-stretch" },
    { "Neck release", "neck-release-2" },   /* a built-in's slug */
    { "!!!", "my-routine" },
    { "", "my-routine" },
  };

  g_assert_true (kl_store_save_routine (store, mine, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *slug = kl_store_dup_free_routine_slug (store, cases[i].name, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (slug, ==, cases[i].slug);
    }

  /* Long names are cut to what the store takes, with room for a number. */
  {
    g_autofree char *slug = kl_store_dup_free_routine_slug (store, long_name, &error);
    g_autoptr(KlRoutine) routine = make_user_routine (slug);

    g_assert_no_error (error);
    g_assert_cmpuint (strlen (slug), ==, 60);
    g_assert_true (kl_store_save_routine (store, routine, &error));
    g_assert_no_error (error);
  }
}

static KlSession *
add_session (KlStore    *store,
             const char *routine,
             const char *started,
             int         before,
             int         after,
             gboolean    completed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = instant (started);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 5);
  KlSession *session = kl_session_new (routine);

  kl_session_set_started (session, start);
  kl_session_set_pain_before (session, before);
  g_assert_true (kl_store_add_session (store, session, &error));
  g_assert_no_error (error);

  kl_session_set_ended (session, end);
  kl_session_set_pain_after (session, after);
  kl_session_set_completed (session, completed);
  if (!completed)
    kl_session_set_stopped_at_step (session, 1);
  kl_session_set_active_seconds (session, 280);
  g_assert_true (kl_store_finish_session (store, session, &error));
  g_assert_no_error (error);

  return session;
}

static void
test_sessions (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = open_store (fixture);
  g_autoptr(KlKnot) knot = kl_knot_new ();
  g_autoptr(KlSession) session = kl_session_new ("upper-trapezius-ball");
  g_autoptr(KlSession) stored = NULL;
  g_autoptr(KlSession) bad = NULL;
  g_autoptr(KlSession) other = NULL;
  g_autoptr(KlSession) mine_session = NULL;
  g_autoptr(KlRoutine) mine = make_user_routine ("my-shoulders");
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  /* The store keeps milliseconds: "now" read before it may be later by a fraction of one. */
  g_autoptr(GDateTime) before_start = g_date_time_add (now, -1000);
  g_autoptr(GDateTime) ended = instant ("2099-01-01T00:00:00Z");

  kl_knot_set_region (knot, "upper-trapezius-left");
  g_assert_true (kl_store_add_knot (store, knot, 6, &error));
  g_assert_no_error (error);

  /* Started now, with the pain before and the knot it is for. */
  kl_session_set_pain_before (session, 6);
  kl_session_set_knot_id (session, kl_knot_get_id (knot));
  g_assert_true (kl_store_add_session (store, session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kl_session_get_id (session), >, 0);
  g_assert_nonnull (kl_session_get_started (session));
  g_assert_cmpint (g_date_time_compare (kl_session_get_started (session), before_start), >=, 0);

  stored = kl_store_get_session (store, kl_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_null (kl_session_get_ended (stored));
  g_assert_false (kl_session_get_completed (stored));
  g_assert_cmpint (kl_session_get_pain_after (stored), ==, KL_PAIN_NONE);

  /* Finished: the end defaults to now. */
  kl_session_set_completed (session, TRUE);
  kl_session_set_pain_after (session, 3);
  kl_session_set_active_seconds (session, 241);
  g_assert_true (kl_store_finish_session (store, session, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kl_session_get_ended (session));

  g_clear_object (&stored);
  stored = kl_store_get_session (store, kl_session_get_id (session), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_session_get_routine (stored), ==, "upper-trapezius-ball");
  g_assert_true (g_date_time_equal (kl_session_get_started (stored),
                                    kl_session_get_started (session)));
  g_assert_true (g_date_time_equal (kl_session_get_ended (stored),
                                    kl_session_get_ended (session)));
  g_assert_true (kl_session_get_completed (stored));
  g_assert_cmpint (kl_session_get_stopped_at_step (stored), ==, KL_SESSION_NO_STEP);
  g_assert_cmpint (kl_session_get_pain_before (stored), ==, 6);
  g_assert_cmpint (kl_session_get_pain_after (stored), ==, 3);
  g_assert_cmpint (kl_session_get_knot_id (stored), ==, kl_knot_get_id (knot));
  g_assert_cmpuint (kl_session_get_active_seconds (stored), ==, 241);

  /* A stopped one keeps its offset and the step it stopped in. */
  other = add_session (store, "box-breathing", "2025-03-01T08:00:00+05:30", 4, KL_PAIN_NONE,
                       FALSE);
  g_clear_object (&stored);
  stored = kl_store_get_session (store, kl_session_get_id (other), &error);
  g_assert_no_error (error);
  g_assert_cmpint (kl_session_get_stopped_at_step (stored), ==, 1);
  g_assert_cmpint (g_date_time_get_utc_offset (kl_session_get_started (stored)), ==,
                   (5 * 60 + 30) * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (kl_session_get_pain_after (stored), ==, KL_PAIN_NONE);

  /* Oldest first, and by period. */
  sessions = kl_store_list_sessions (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  g_assert_cmpint (kl_session_get_id (g_ptr_array_index (sessions, 0)), ==,
                   kl_session_get_id (other));
  g_clear_pointer (&sessions, g_ptr_array_unref);
  from = instant ("2025-03-01T02:30:00Z");
  to = instant ("2025-03-01T02:30:00.001Z");
  sessions = kl_store_list_sessions (store, from, to, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = kl_store_list_sessions (store, to, NULL, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpint (kl_session_get_id (g_ptr_array_index (sessions, 0)), ==,
                   kl_session_get_id (session));
  g_clear_pointer (&sessions, g_ptr_array_unref);

  /* Refused, with nothing written. */
  bad = kl_session_new ("no-such-routine");
  g_assert_false (kl_store_add_session (store, bad, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no-such-routine"));
  g_clear_error (&error);
  g_clear_object (&bad);
  bad = kl_session_new ("hips");
  kl_session_set_knot_id (bad, 999);
  g_assert_false (kl_store_add_session (store, bad, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "999"));
  g_clear_error (&error);
  kl_session_set_knot_id (bad, 0);
  kl_session_set_completed (bad, TRUE);
  g_assert_false (kl_store_add_session (store, bad, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  kl_session_set_completed (bad, FALSE);
  g_assert_true (kl_store_add_session (store, bad, &error));
  kl_session_set_ended (bad, ended);
  kl_session_set_completed (bad, TRUE);
  kl_session_set_stopped_at_step (bad, 2);
  g_assert_false (kl_store_finish_session (store, bad, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (raw_query_int (fixture->path,
                                  "SELECT count (*) FROM routine_sessions"
                                  " WHERE ended_ms IS NOT NULL"), ==, 2);

  /* The history outlives its knot and its routine. */
  g_assert_true (kl_store_delete_knot (store, knot, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = kl_store_get_session (store, kl_session_get_id (session), &error);
  g_assert_cmpint (kl_session_get_knot_id (stored), ==, 0);

  g_assert_true (kl_store_save_routine (store, mine, &error));
  mine_session = add_session (store, "my-shoulders", "2025-03-02T08:00:00Z", 5, 4, TRUE);
  g_assert_true (kl_store_delete_routine (store, "my-shoulders", &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = kl_store_get_session (store, kl_session_get_id (mine_session), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_session_get_routine (stored), ==, "my-shoulders");
}

static void
test_stats (Fixture       *fixture,
            gconstpointer  user_data)
{
  static const struct { int before; int after; gboolean completed; } sessions[] = {
    { 8, 6, TRUE },              /* -2: meaningful by points */
    { 3, 2, TRUE },              /* -1 of 3 = 33 %: meaningful by share */
    { 8, 7, TRUE },              /* -1 of 8 = 12.5 %: not */
    { 5, 6, FALSE },             /* worse */
    { 0, 0, TRUE },              /* no change from no pain */
    { 4, KL_PAIN_NONE, FALSE },  /* not rated after: not counted in the change */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = open_store (fixture);
  KlRoutineStats stats;

  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    {
      g_autofree char *at = g_strdup_printf ("2025-04-%02uT09:00:00+02:00", i + 1);
      g_autoptr(KlSession) session = add_session (store, "neck-release", at, sessions[i].before,
                                                  sessions[i].after, sessions[i].completed);
    }
  /* Another routine's session counts for that routine only. */
  g_object_unref (add_session (store, "hips", "2025-04-10T09:00:00Z", 9, 1, TRUE));

  g_assert_true (kl_store_get_routine_stats (store, "neck-release", &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_sessions, ==, 6);
  g_assert_cmpuint (stats.n_completed, ==, 4);
  g_assert_cmpuint (stats.relief.n_rated, ==, 5);
  /* Changes -2, -1, -1, 0, +1. */
  g_assert_cmpfloat_with_epsilon (stats.relief.median_change, -1.0, 1e-9);
  g_assert_cmpuint (stats.relief.n_meaningful_drops, ==, 2);
  g_assert_cmpfloat_with_epsilon (stats.relief.meaningful_share, 0.4, 1e-9);

  g_assert_true (kl_store_get_routine_stats (store, "cold-pack", &stats, &error));
  g_assert_cmpuint (stats.n_sessions, ==, 0);
  g_assert_cmpuint (stats.relief.n_rated, ==, 0);
  g_assert_cmpfloat (stats.relief.meaningful_share, ==, 0.0);
}

static void
test_screening (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = open_store (fixture);
  g_autoptr(GDateTime) answered_at = NULL;
  KlScreeningAnswer answer = KL_SCREENING_YES;

  g_assert_true (kl_store_get_screening_answer (store, "blood-thinners", &answer, &answered_at,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpint (answer, ==, KL_SCREENING_UNANSWERED);
  g_assert_null (answered_at);

  g_assert_true (kl_store_set_screening_answer (store, "blood-thinners", KL_SCREENING_YES,
                                                &error));
  g_assert_true (kl_store_set_screening_answer (store, "osteoporosis", KL_SCREENING_NO, &error));
  g_assert_no_error (error);
  g_assert_true (kl_store_get_screening_answer (store, "blood-thinners", &answer, &answered_at,
                                                &error));
  g_assert_cmpint (answer, ==, KL_SCREENING_YES);
  g_assert_nonnull (answered_at);
  g_clear_pointer (&answered_at, g_date_time_unref);
  g_assert_true (kl_store_get_screening_answer (store, "osteoporosis", &answer, NULL, &error));
  g_assert_cmpint (answer, ==, KL_SCREENING_NO);

  /* Changed, then forgotten. */
  g_assert_true (kl_store_set_screening_answer (store, "blood-thinners", KL_SCREENING_NO,
                                                &error));
  g_assert_true (kl_store_get_screening_answer (store, "blood-thinners", &answer, NULL, &error));
  g_assert_cmpint (answer, ==, KL_SCREENING_NO);
  g_assert_true (kl_store_set_screening_answer (store, "blood-thinners",
                                                KL_SCREENING_UNANSWERED, &error));
  g_assert_true (kl_store_get_screening_answer (store, "blood-thinners", &answer, NULL, &error));
  g_assert_cmpint (answer, ==, KL_SCREENING_UNANSWERED);
  g_assert_no_error (error);

  g_assert_false (kl_store_set_screening_answer (store, "Blood Thinners?", KL_SCREENING_YES,
                                                 &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Blood Thinners?"));
  g_assert_cmpint (raw_query_int (fixture->path, "SELECT count (*) FROM screening_answers"), ==,
                   1);
}

/* The last shipped schema upgrades with its journal intact, the routines seeded beside it. */
static void
test_upgrade_v3 (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "..", "fixtures",
                                                     "knotless-v3.sql", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(KlKnot) knot = NULL;
  g_autoptr(KlPainEntry) entry = NULL;
  g_autoptr(GPtrArray) routines = NULL;
  g_autoptr(KlSession) session = NULL;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (fixture->data_dir, 0700), ==, 0);
  raw_exec (fixture->path, sql);

  store = open_store (fixture);
  g_assert_cmpint (kl_store_get_schema_version (store), ==, kl_store_latest_schema_version ());

  knot = kl_store_get_knot (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_knot_get_note (knot), ==, "fixture knot");
  g_assert_cmpint (kl_knot_get_tenderness (knot), ==, 5);
  entry = kl_store_get_entry (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_pain_entry_get_note (entry), ==, "fixture entry");
  g_assert_cmpuint (g_strv_length ((char **)kl_pain_entry_get_factors (entry)), ==, 2);

  routines = kl_store_list_routines (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (routines->len, ==, 26);

  session = add_session (store, "upper-trapezius-ball", "2026-11-21T10:00:00+01:00", 5, 3, TRUE);
  kl_session_set_knot_id (session, 1);
  g_assert_true (kl_store_finish_session (store, session, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/routines/seed", test_seed);
  ADD ("/store/routines/seed-newer-version", test_seed_newer_version);
  ADD ("/store/routines/user-routines", test_user_routines);
  ADD ("/store/routines/free-slug", test_free_slug);
  ADD ("/store/routines/sessions", test_sessions);
  ADD ("/store/routines/stats", test_stats);
  ADD ("/store/routines/screening", test_screening);
  ADD ("/store/routines/upgrade-v3", test_upgrade_v3);

#undef ADD

  return g_test_run ();
}
