/* test-store-reminders.c
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

#include "kl-store.h"
#include "kl-test-utils.h"

typedef struct
{
  char *dir;
  char *data_dir;
  char *path;
} Fixture;

/* A zone with DST, so break events of one store carry different offsets. */
static GTimeZone *berlin;

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

static GPtrArray *
list_reminders (KlStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *reminders = kl_store_list_reminders (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reminders);
  return reminders;
}

static void
assert_same_reminder (KlReminder *stored,
                      KlReminder *expected)
{
  g_assert_cmpint (kl_reminder_get_kind (stored), ==, kl_reminder_get_kind (expected));
  g_assert_cmpint (kl_reminder_get_enabled (stored), ==, kl_reminder_get_enabled (expected));
  g_assert_cmpuint (kl_reminder_get_every (stored), ==, kl_reminder_get_every (expected));
  g_assert_cmpint (kl_reminder_get_at (stored), ==, kl_reminder_get_at (expected));
  g_assert_cmpuint (kl_reminder_get_days (stored), ==, kl_reminder_get_days (expected));
  g_assert_cmpstr (kl_reminder_get_routine (stored), ==, kl_reminder_get_routine (expected));
  g_assert_cmpuint (kl_reminder_get_break_length (stored), ==,
                    kl_reminder_get_break_length (expected));
}

/* The first-run reminders and working hours, with ids 1 to 5 in kl_reminder_new_defaults ()'s
 * order: the migration's copy of the defaults still agrees with the code's. */
static void
assert_defaults (KlStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reminders = list_reminders (store);
  g_autoptr(GPtrArray) defaults = kl_reminder_new_defaults ();
  KlWorkingHours hours;
  KlWorkingHours default_hours;
  gint64 paused_until = -1;

  g_assert_cmpuint (reminders->len, ==, defaults->len);
  for (guint i = 0; i < reminders->len; i++)
    {
      KlReminder *stored = g_ptr_array_index (reminders, i);

      g_assert_cmpint (kl_reminder_get_id (stored), ==, i + 1);
      assert_same_reminder (stored, g_ptr_array_index (defaults, i));
    }

  g_assert_true (kl_store_get_working_hours (store, &hours, &error));
  g_assert_no_error (error);
  kl_working_hours_init_default (&default_hours);
  g_assert_cmpmem (&hours, sizeof hours, &default_hours, sizeof default_hours);

  g_assert_true (kl_store_get_paused_until (store, &paused_until, &error));
  g_assert_no_error (error);
  g_assert_cmpint (paused_until, ==, 0);
}

static void
test_defaults_fresh (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = open_store (fixture);
  g_autoptr(GPtrArray) reminders = NULL;

  assert_defaults (store);

  /* Seeded once: what the person removes stays removed when the store opens again. */
  reminders = list_reminders (store);
  for (guint i = 0; i < reminders->len; i++)
    {
      g_assert_true (kl_store_remove_reminder (store, g_ptr_array_index (reminders, i), NULL,
                                               &error));
      g_assert_no_error (error);
    }
  g_clear_object (&store);
  g_clear_pointer (&reminders, g_ptr_array_unref);

  store = open_store (fixture);
  reminders = list_reminders (store);
  g_assert_cmpuint (reminders->len, ==, 0);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_defaults_upgrade (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(KlKnot) knot = NULL;
  g_autoptr(KlReminder) hydration = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "..", "fixtures",
                                                     "knotless-v3.sql", NULL);
  g_autofree char *sql = NULL;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (fixture->data_dir, 0700), ==, 0);
  raw_exec (fixture->path, sql);

  store = open_store (fixture);
  g_assert_cmpint (kl_store_get_schema_version (store), ==, kl_store_latest_schema_version ());
  assert_defaults (store);

  /* What the person had is still there. */
  knot = kl_store_get_knot (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_knot_get_note (knot), ==, "fixture knot");

  /* Once: a change made after the upgrade is not undone by opening again. */
  hydration = kl_store_get_reminder (store, 5, &error);
  g_assert_no_error (error);
  g_assert_true (kl_store_set_reminder_enabled (store, hydration, TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = open_store (fixture);
  reminders = list_reminders (store);
  g_assert_cmpuint (reminders->len, ==, 5);
  g_assert_true (kl_reminder_get_enabled (g_ptr_array_index (reminders, 4)));
}

static void
add_outcome (GArray             *outcomes,
             gint64              reminder_id,
             KlBreakOutcomeKind  kind,
             GDateTime          *at,
             GTimeSpan           duration)
{
  KlBreakOutcome outcome = {
    .reminder_id = reminder_id,
    .kind = kind,
    .at = g_date_time_to_unix (at) * G_USEC_PER_SEC + g_date_time_get_microsecond (at),
    .duration = duration,
  };

  g_array_append_val (outcomes, outcome);
}

static GArray *
list_events (KlStore   *store,
             GDateTime *from,
             GDateTime *to)
{
  g_autoptr(GError) error = NULL;
  GArray *events = kl_store_list_break_events (store, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  return events;
}

static void
test_reminders_round_trip (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = open_store (fixture);
  g_autoptr(KlReminder) interval = kl_reminder_new (KL_REMINDER_KIND_MICRO_BREAK);
  g_autoptr(KlReminder) evening = kl_reminder_new (KL_REMINDER_KIND_ROUTINE);
  g_autoptr(KlReminder) stored = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GArray) outcomes = g_array_new (FALSE, FALSE, sizeof (KlBreakOutcome));
  g_autoptr(GArray) event_ids = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(GDateTime) at = g_date_time_new (berlin, 2026, 3, 2, 10, 0, 0);
  gint64 evening_id;

  kl_reminder_set_every (interval, 5);
  kl_reminder_set_break_length (interval, 0);
  g_assert_true (kl_store_add_reminder (store, interval, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kl_reminder_get_id (interval), ==, 6);

  kl_reminder_set_at (evening, 21 * 60);
  kl_reminder_set_days (evening, KL_WEEKDAY_MONDAY | KL_WEEKDAY_WEDNESDAY);
  kl_reminder_set_routine (evening, "upper-trapezius-ball");
  g_assert_true (kl_store_add_reminder (store, evening, &error));
  g_assert_no_error (error);
  evening_id = kl_reminder_get_id (evening);
  g_assert_cmpint (evening_id, ==, 7);

  reminders = list_reminders (store);
  g_assert_cmpuint (reminders->len, ==, 7);
  assert_same_reminder (g_ptr_array_index (reminders, 5), interval);
  assert_same_reminder (g_ptr_array_index (reminders, 6), evening);
  g_assert_cmpint (kl_reminder_get_id (g_ptr_array_index (reminders, 6)), ==, evening_id);

  /* Update: from a time of day to an interval, and back; the days and routine go along. */
  kl_reminder_set_every (evening, 90 * 60);
  kl_reminder_set_routine (evening, "neck-release");
  kl_reminder_set_break_length (evening, 5 * 60);
  g_assert_true (kl_store_update_reminder (store, evening, &error));
  g_assert_no_error (error);
  stored = kl_store_get_reminder (store, evening_id, &error);
  g_assert_no_error (error);
  assert_same_reminder (stored, evening);
  g_assert_true (kl_reminder_is_interval (stored));
  g_clear_object (&stored);

  kl_reminder_set_at (evening, 6 * 60 + 30);
  kl_reminder_set_days (evening, KL_WEEKDAYS_WEEKEND);
  g_assert_true (kl_store_update_reminder (store, evening, &error));
  g_assert_no_error (error);
  stored = kl_store_get_reminder (store, evening_id, &error);
  g_assert_no_error (error);
  assert_same_reminder (stored, evening);
  g_clear_object (&stored);

  /* Enabled: in the store and on the object. */
  g_assert_true (kl_store_set_reminder_enabled (store, evening, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (kl_reminder_get_enabled (evening));
  stored = kl_store_get_reminder (store, evening_id, &error);
  g_assert_no_error (error);
  g_assert_false (kl_reminder_get_enabled (stored));
  g_clear_object (&stored);

  /* Remove, and undo: the reminder comes back with its id and its history. */
  add_outcome (outcomes, evening_id, KL_BREAK_OUTCOME_SHOWN, at, 0);
  add_outcome (outcomes, 1, KL_BREAK_OUTCOME_TAKEN, at, 20 * G_USEC_PER_SEC);
  add_outcome (outcomes, evening_id, KL_BREAK_OUTCOME_SKIPPED, at, 0);
  g_assert_true (kl_store_add_break_events (store, outcomes, &error));
  g_assert_no_error (error);

  g_assert_true (kl_store_remove_reminder (store, evening, &event_ids, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (event_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (event_ids, gint64, 0), ==, 1);
  g_assert_cmpint (g_array_index (event_ids, gint64, 1), ==, 3);
  g_assert_null (kl_store_get_reminder (store, evening_id, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The history stays, with the kind, without the link. */
  events = list_events (store, NULL, NULL);
  g_assert_cmpuint (events->len, ==, 3);
  g_assert_cmpint (g_array_index (events, KlBreakEvent, 0).reminder_id, ==, 0);
  g_assert_cmpint (g_array_index (events, KlBreakEvent, 0).reminder_kind, ==,
                   KL_REMINDER_KIND_ROUTINE);
  g_assert_cmpint (g_array_index (events, KlBreakEvent, 1).reminder_id, ==, 1);
  g_clear_pointer (&events, g_array_unref);

  g_assert_true (kl_store_restore_reminder (store, evening, event_ids, &error));
  g_assert_no_error (error);
  stored = kl_store_get_reminder (store, evening_id, &error);
  g_assert_no_error (error);
  assert_same_reminder (stored, evening);
  g_clear_object (&stored);
  events = list_events (store, NULL, NULL);
  g_assert_cmpint (g_array_index (events, KlBreakEvent, 0).reminder_id, ==, evening_id);
  g_assert_cmpint (g_array_index (events, KlBreakEvent, 1).reminder_id, ==, 1);
  g_assert_cmpint (g_array_index (events, KlBreakEvent, 2).reminder_id, ==, evening_id);
}

static void
assert_unchanged (KlStore *store,
                  guint    n_reminders)
{
  g_autoptr(GPtrArray) reminders = list_reminders (store);

  g_assert_cmpuint (reminders->len, ==, n_reminders);
}

static void
test_reminders_refuse_bad_input (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = open_store (fixture);
  g_autoptr(KlReminder) routine = kl_reminder_new (KL_REMINDER_KIND_ROUTINE);
  g_autoptr(KlReminder) unknown = kl_reminder_new (KL_REMINDER_KIND_STRETCH_BREAK);
  g_autoptr(KlReminder) missing = kl_reminder_new (KL_REMINDER_KIND_HYDRATION);
  g_autoptr(KlReminder) first = NULL;

  /* A routine reminder needs a routine, and one that exists. */
  g_assert_false (kl_store_add_reminder (store, routine, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  kl_reminder_set_routine (unknown, "juggling-chainsaws");
  g_assert_false (kl_store_add_reminder (store, unknown, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "juggling-chainsaws"));
  g_clear_error (&error);
  g_assert_cmpint (kl_reminder_get_id (unknown), ==, 0);
  assert_unchanged (store, 5);

  /* An update to something invalid changes nothing. */
  first = kl_store_get_reminder (store, 2, &error);
  g_assert_no_error (error);
  kl_reminder_set_routine (first, "juggling-chainsaws");
  g_assert_false (kl_store_update_reminder (store, first, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&first);
  first = kl_store_get_reminder (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kl_reminder_get_routine (first), ==, "desk-break");

  /* A reminder the store does not have. */
  g_assert_false (kl_store_update_reminder (store, missing, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kl_store_set_reminder_enabled (store, missing, FALSE, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kl_store_remove_reminder (store, missing, NULL, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (kl_store_get_reminder (store, 999, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Restoring over a reminder that is there is refused, and leaves it as it was. */
  g_assert_false (kl_store_restore_reminder (store, first, NULL, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_unchanged (store, 5);
}

static void
test_working_hours (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = open_store (fixture);
  KlWorkingHours hours;
  KlWorkingHours bad;
  KlWorkingHours stored;

  /* A night shift: Friday evening to 24:00, then Saturday from midnight to 06:00. */
  kl_working_hours_init_default (&hours);
  kl_working_hours_set_days (&hours, KL_WEEKDAY_MONDAY | KL_WEEKDAY_TUESDAY, 8 * 60, 16 * 60);
  kl_working_hours_set_days (&hours, KL_WEEKDAY_WEDNESDAY, 0, 0);
  kl_working_hours_set_days (&hours, KL_WEEKDAY_FRIDAY, 22 * 60, 24 * 60);
  kl_working_hours_set_days (&hours, KL_WEEKDAY_SATURDAY, 0, 6 * 60);
  g_assert_true (kl_store_set_working_hours (store, &hours, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
  store = open_store (fixture);
  g_assert_true (kl_store_get_working_hours (store, &stored, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&stored, sizeof stored, &hours, sizeof hours);

  /* A day that ends before it starts is refused, and the week stays as it was. */
  bad = hours;
  bad.days[0].start = 10 * 60;
  bad.days[6].start = 17 * 60;
  bad.days[6].end = 9 * 60;
  g_assert_false (kl_store_set_working_hours (store, &bad, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "sun"));
  g_clear_error (&error);
  g_assert_true (kl_store_get_working_hours (store, &stored, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&stored, sizeof stored, &hours, sizeof hours);
}

/* In Berlin, to the millisecond: exact, where a fraction of a second as a double is not. */
static GDateTime *
new_date_time (int year,
               int month,
               int day,
               int hour,
               int minute,
               int second,
               int ms)
{
  g_autoptr(GDateTime) whole = g_date_time_new (berlin, year, month, day, hour, minute, second);

  return g_date_time_add (whole, ms * G_TIME_SPAN_MILLISECOND);
}

static void
test_break_events (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = open_store (fixture);
  g_autoptr(GArray) outcomes = g_array_new (FALSE, FALSE, sizeof (KlBreakOutcome));
  g_autoptr(GArray) bad = g_array_new (FALSE, FALSE, sizeof (KlBreakOutcome));
  g_autoptr(GArray) events = NULL;
  g_autoptr(GDateTime) winter = new_date_time (2026, 1, 15, 9, 30, 12, 345);
  g_autoptr(GDateTime) summer = g_date_time_new (berlin, 2026, 7, 1, 14, 0, 0);
  g_autoptr(GDateTime) day_start = g_date_time_new (berlin, 2026, 1, 15, 0, 0, 0);
  g_autoptr(GDateTime) day_end = new_date_time (2026, 1, 15, 23, 59, 59, 999);
  g_autoptr(GDateTime) day_before = new_date_time (2026, 1, 14, 23, 59, 59, 999);
  g_autoptr(GDateTime) day_after = g_date_time_new (berlin, 2026, 1, 16, 0, 0, 0);
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) in_tokyo = g_date_time_to_timezone (winter, tokyo);
  g_autofree char *winter_text = NULL;
  g_autofree char *summer_text = NULL;
  KlBreakSummary summary;
  const KlBreakEvent *event;

  add_outcome (outcomes, 1, KL_BREAK_OUTCOME_SHOWN, winter, 0);
  add_outcome (outcomes, 1, KL_BREAK_OUTCOME_TAKEN, winter, 21 * G_USEC_PER_SEC + 500000);
  add_outcome (outcomes, 2, KL_BREAK_OUTCOME_NATURAL, day_start, 10 * G_TIME_SPAN_MINUTE);
  add_outcome (outcomes, 2, KL_BREAK_OUTCOME_SNOOZED, day_end, KL_SCHEDULE_SNOOZE);
  add_outcome (outcomes, 3, KL_BREAK_OUTCOME_SKIPPED, day_before, 0);
  add_outcome (outcomes, 1, KL_BREAK_OUTCOME_TAKEN, day_after, 20 * G_USEC_PER_SEC);
  add_outcome (outcomes, 5, KL_BREAK_OUTCOME_SHOWN, summer, 0);
  g_assert_true (kl_store_add_break_events (store, outcomes, &error));
  g_assert_no_error (error);

  /* Oldest first, each in the offset it was recorded in. */
  events = list_events (store, NULL, NULL);
  g_assert_cmpuint (events->len, ==, 7);
  event = &g_array_index (events, KlBreakEvent, 0);
  g_assert_cmpint (event->outcome, ==, KL_BREAK_OUTCOME_SKIPPED);
  g_assert_cmpint (event->reminder_id, ==, 3);
  g_assert_cmpint (event->reminder_kind, ==, KL_REMINDER_KIND_CHECK_IN);

  event = &g_array_index (events, KlBreakEvent, 3);
  g_assert_cmpint (event->id, ==, 2);
  g_assert_cmpint (event->reminder_id, ==, 1);
  g_assert_cmpint (event->reminder_kind, ==, KL_REMINDER_KIND_MICRO_BREAK);
  g_assert_cmpint (event->outcome, ==, KL_BREAK_OUTCOME_TAKEN);
  g_assert_cmpint (event->duration, ==, 21500 * 1000);
  winter_text = g_date_time_format (event->at, "%FT%T%:z");
  g_assert_cmpstr (winter_text, ==, "2026-01-15T09:30:12+01:00");
  g_assert_cmpint (g_date_time_get_microsecond (event->at), ==, 345000);

  event = &g_array_index (events, KlBreakEvent, 6);
  g_assert_cmpint (event->reminder_kind, ==, KL_REMINDER_KIND_HYDRATION);
  summer_text = g_date_time_format (event->at, "%FT%T%:z");
  g_assert_cmpstr (summer_text, ==, "2026-07-01T14:00:00+02:00");
  g_clear_pointer (&events, g_array_unref);

  /* From is included, to is not. */
  events = list_events (store, day_start, day_after);
  g_assert_cmpuint (events->len, ==, 4);
  g_assert_cmpint (g_array_index (events, KlBreakEvent, 0).outcome, ==,
                   KL_BREAK_OUTCOME_NATURAL);
  g_assert_cmpint (g_array_index (events, KlBreakEvent, 3).outcome, ==,
                   KL_BREAK_OUTCOME_SNOOZED);
  g_clear_pointer (&events, g_array_unref);
  events = list_events (store, day_after, NULL);
  g_assert_cmpuint (events->len, ==, 2);
  g_clear_pointer (&events, g_array_unref);
  events = list_events (store, NULL, day_start);
  g_assert_cmpuint (events->len, ==, 1);
  g_clear_pointer (&events, g_array_unref);

  /* The day's summary: its own midnight to midnight. */
  g_assert_true (kl_store_summarize_breaks (store, winter, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.counts[KL_BREAK_OUTCOME_SHOWN], ==, 1);
  g_assert_cmpuint (summary.counts[KL_BREAK_OUTCOME_TAKEN], ==, 1);
  g_assert_cmpuint (summary.counts[KL_BREAK_OUTCOME_NATURAL], ==, 1);
  g_assert_cmpuint (summary.counts[KL_BREAK_OUTCOME_SNOOZED], ==, 1);
  g_assert_cmpuint (summary.counts[KL_BREAK_OUTCOME_SKIPPED], ==, 0);
  g_assert_cmpint (summary.rest, ==, 10 * G_TIME_SPAN_MINUTE + 21500 * 1000);

  /* In Tokyo it is already the afternoon of the 15th: the day there started 8 hours earlier,
   * so the skip just before Berlin's midnight is in it and the snooze at its end is not. */
  g_assert_true (kl_store_summarize_breaks (store, in_tokyo, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.counts[KL_BREAK_OUTCOME_SKIPPED], ==, 1);
  g_assert_cmpuint (summary.counts[KL_BREAK_OUTCOME_SNOOZED], ==, 0);

  /* All or none: one outcome of a reminder the store does not have keeps out the others. */
  add_outcome (bad, 1, KL_BREAK_OUTCOME_SHOWN, summer, 0);
  add_outcome (bad, 99, KL_BREAK_OUTCOME_SHOWN, summer, 0);
  g_assert_false (kl_store_add_break_events (store, bad, &error));
  g_assert_error (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);
  events = list_events (store, NULL, NULL);
  g_assert_cmpuint (events->len, ==, 7);
}

static void
test_pause (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = open_store (fixture);
  gint64 until = -1;
  gint64 tomorrow = G_GINT64_CONSTANT (1784325600) * G_USEC_PER_SEC + 123000;

  g_assert_true (kl_store_get_paused_until (store, &until, &error));
  g_assert_no_error (error);
  g_assert_cmpint (until, ==, 0);

  g_assert_true (kl_store_set_paused_until (store, tomorrow, &error));
  g_assert_no_error (error);

  /* Kept across a restart, to the millisecond. */
  g_clear_object (&store);
  store = open_store (fixture);
  g_assert_true (kl_store_get_paused_until (store, &until, &error));
  g_assert_no_error (error);
  g_assert_cmpint (until, ==, tomorrow);

  g_assert_true (kl_store_set_paused_until (store, 0, &error));
  g_assert_no_error (error);
  g_assert_true (kl_store_get_paused_until (store, &until, &error));
  g_assert_no_error (error);
  g_assert_cmpint (until, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Break events take the offset of the local zone at their instant. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);
  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (berlin);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store-reminders/defaults/fresh", test_defaults_fresh);
  ADD ("/store-reminders/defaults/upgrade", test_defaults_upgrade);
  ADD ("/store-reminders/round-trip", test_reminders_round_trip);
  ADD ("/store-reminders/refuse-bad-input", test_reminders_refuse_bad_input);
  ADD ("/store-reminders/working-hours", test_working_hours);
  ADD ("/store-reminders/break-events", test_break_events);
  ADD ("/store-reminders/pause", test_pause);

#undef ADD

  return g_test_run ();
}
