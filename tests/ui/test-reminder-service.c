/* test-reminder-service.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reminder service on a fake clock, with a notifier that records what it would show and
 * an idle monitor whose signals the test emits: what is shown, and what the break history in
 * the store says became of it.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "kl-notifier-private.h"
#include "kl-reminder-service-private.h"
#include "kl-test-utils.h"

#define SECOND G_USEC_PER_SEC
#define MINUTE (60 * G_USEC_PER_SEC)

typedef struct
{
  char              *dir;
  KlStore           *store;
  KlNotifier        *notifier;
  KlIdleMonitor     *idle_monitor;
  KlReminderService *service;

  gint64             start;
  gint64             now;

  /* What the notification server shows: one notification, replaced by the next. */
  GPtrArray         *shown;        /* summaries, in the order they were shown */
  gint64             on_screen;    /* the tag of the notification up, 0 for none */
  guint              changed;
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->now;
}

static gboolean
fake_show (gint64              tag,
           const char         *summary,
           const char         *body,
           const char * const *actions,
           gpointer            user_data)
{
  Fixture *fixture = user_data;

  g_assert_nonnull (body);
  /* The buttons: the main answer, then snooze and skip. */
  g_assert_nonnull (actions);
  g_assert_cmpstr (actions[2], ==, "snooze");
  g_assert_cmpstr (actions[4], ==, "skip");

  g_ptr_array_add (fixture->shown, g_strdup (summary));
  fixture->on_screen = tag;
  return TRUE;
}

static void
changed_cb (KlReminderService *service,
            Fixture           *fixture)
{
  fixture->changed++;
}

static gint64
add_reminder (Fixture        *fixture,
              KlReminderKind  kind,
              guint           every)
{
  g_autoptr(KlReminder) reminder = kl_reminder_new (kind);
  g_autoptr(GError) error = NULL;

  kl_reminder_set_every (reminder, every);
  g_assert_true (kl_store_add_reminder (fixture->store, reminder, &error));
  g_assert_no_error (error);
  return kl_reminder_get_id (reminder);
}

/* A store with no reminders, working every hour of every day, and a service on the fake
 * clock. The tests add their reminders, then reload. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) defaults = NULL;
  g_autofree char *data_dir = NULL;
  KlWorkingHours hours;

  fixture->dir = g_dir_make_tmp ("knotless-test-XXXXXX", &error);
  g_assert_no_error (error);
  data_dir = g_build_filename (fixture->dir, "data", NULL);
  fixture->store = kl_store_open (data_dir, &error);
  g_assert_no_error (error);

  defaults = kl_store_list_reminders (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < defaults->len; i++)
    {
      g_assert_true (kl_store_remove_reminder (fixture->store, g_ptr_array_index (defaults, i),
                                               NULL, &error));
      g_assert_no_error (error);
    }
  kl_working_hours_init_default (&hours);
  kl_working_hours_set_days (&hours, KL_WEEKDAYS_ALL, 0, KL_REMINDER_MINUTES_PER_DAY);
  g_assert_true (kl_store_set_working_hours (fixture->store, &hours, &error));
  g_assert_no_error (error);

  /* Today's noon: the test's hours stay within one day, whenever it runs. */
  {
    g_autoptr(GDateTime) today = g_date_time_new_now_local ();
    g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (today),
                                                       g_date_time_get_month (today),
                                                       g_date_time_get_day_of_month (today),
                                                       12, 0, 0);
    fixture->start = g_date_time_to_unix (noon) * SECOND;
  }
  fixture->now = fixture->start;
  fixture->shown = g_ptr_array_new_with_free_func (g_free);

  fixture->notifier = kl_notifier_new ("Knotless tests");
  kl_notifier_set_show_func_for_testing (fixture->notifier, fake_show, fixture);
  fixture->idle_monitor = kl_idle_monitor_new ();
  fixture->service = kl_reminder_service_new (fixture->store, fixture->notifier,
                                              fixture->idle_monitor);
  kl_reminder_service_set_clock_for_testing (fixture->service, fake_clock, fixture);
  g_signal_connect (fixture->service, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->service);
  g_clear_object (&fixture->idle_monitor);
  g_clear_object (&fixture->notifier);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->shown, g_ptr_array_unref);
  kl_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static void
reload (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kl_reminder_service_reload (fixture->service, &error));
  g_assert_no_error (error);
}

/* Time passes at the desk until @offset after the start, and the service's timer fires. */
static void
run_until (Fixture *fixture,
           gint64   offset)
{
  g_assert_cmpint (fixture->start + offset, >=, fixture->now);
  fixture->now = fixture->start + offset;
  kl_reminder_service_wake_for_testing (fixture->service);
}

/* The break history, as "outcome" nicks in order, joined by spaces. */
static char *
history (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) events = kl_store_list_break_events (fixture->store, NULL, NULL, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      const KlBreakEvent *event = &g_array_index (events, KlBreakEvent, i);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, kl_break_outcome_kind_to_string (event->outcome));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_history (Fixture    *fixture,
                const char *expected)
{
  g_autofree char *actual = history (fixture);

  g_assert_cmpstr (actual, ==, expected);
}

static void
test_due_shows (Fixture       *fixture,
                gconstpointer  user_data)
{
  gint64 micro = add_reminder (fixture, KL_REMINDER_KIND_MICRO_BREAK, 60);
  gint64 hydration = add_reminder (fixture, KL_REMINDER_KIND_HYDRATION, 90);
  KlReminder *next = NULL;
  gint64 at = 0;

  reload (fixture);
  g_assert_true (kl_reminder_service_get_next (fixture->service, &next, &at));
  g_assert_cmpint (kl_reminder_get_id (next), ==, micro);
  g_assert_cmpint (at, ==, fixture->start + MINUTE);

  run_until (fixture, 59 * SECOND);
  g_assert_cmpuint (fixture->shown->len, ==, 0);
  assert_history (fixture, "");

  run_until (fixture, 60 * SECOND);
  g_assert_cmpuint (fixture->shown->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->shown, 0), ==, "Time for a micro-break");
  g_assert_cmpint (fixture->on_screen, ==, micro);
  assert_history (fixture, "shown");
  g_assert_cmpuint (fixture->changed, >, 0);

  /* Unanswered, the micro-break is replaced by the next reminder, not stacked under it. */
  run_until (fixture, 90 * SECOND);
  g_assert_cmpuint (fixture->shown->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->shown, 1), ==, "Time for some water");
  g_assert_cmpint (fixture->on_screen, ==, hydration);
  assert_history (fixture, "shown shown");

  /* A minute and a half at the desk since the start: the desk time says so. */
  g_assert_cmpint (kl_reminder_service_get_active_today (fixture->service), ==, 90 * SECOND);
}

static void
test_snooze (Fixture       *fixture,
             gconstpointer  user_data)
{
  gint64 micro = add_reminder (fixture, KL_REMINDER_KIND_MICRO_BREAK, 60);

  reload (fixture);
  run_until (fixture, MINUTE);
  g_assert_cmpuint (fixture->shown->len, ==, 1);

  /* "Snooze 5 min" pressed on the notification. */
  g_signal_emit_by_name (fixture->notifier, "action", micro, "snooze");
  assert_history (fixture, "shown snoozed");

  run_until (fixture, MINUTE + 5 * MINUTE - SECOND);
  g_assert_cmpuint (fixture->shown->len, ==, 1);
  run_until (fixture, MINUTE + 5 * MINUTE);
  g_assert_cmpuint (fixture->shown->len, ==, 2);
  g_assert_cmpint (fixture->on_screen, ==, micro);
  assert_history (fixture, "shown snoozed shown");
}

static void
test_skip (Fixture       *fixture,
           gconstpointer  user_data)
{
  gint64 micro = add_reminder (fixture, KL_REMINDER_KIND_MICRO_BREAK, 60);

  reload (fixture);
  run_until (fixture, MINUTE);
  g_assert_nonnull (kl_reminder_service_get_waiting (fixture->service));
  g_signal_emit_by_name (fixture->notifier, "action", micro, "skip");
  assert_history (fixture, "shown skipped");
  g_assert_null (kl_reminder_service_get_waiting (fixture->service));

  /* Skipped, the interval starts again from the skip. */
  run_until (fixture, 2 * MINUTE - SECOND);
  g_assert_cmpuint (fixture->shown->len, ==, 1);
  run_until (fixture, 2 * MINUTE);
  g_assert_cmpuint (fixture->shown->len, ==, 2);

  /* Shown and not answered: the Breaks page offers its answers. */
  g_assert_nonnull (kl_reminder_service_get_waiting (fixture->service));
  g_assert_cmpint (kl_reminder_get_id (kl_reminder_service_get_waiting (fixture->service)), ==,
                   micro);

  /* Done from the app counts as taken, and nothing waits any more. */
  g_assert_true (kl_reminder_service_answer (fixture->service, micro, "done"));
  assert_history (fixture, "shown skipped shown taken");
  g_assert_null (kl_reminder_service_get_waiting (fixture->service));
}

static void
test_natural_break (Fixture       *fixture,
                    gconstpointer  user_data)
{
  gint64 micro = add_reminder (fixture, KL_REMINDER_KIND_MICRO_BREAK, 60);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) events = NULL;
  const KlBreakEvent *event;

  reload (fixture);

  /* Away from 30 s to 60 s: longer than the 20 s break. The idle monitor says so late, by
   * its threshold, and nothing is shown while away. */
  fixture->now = fixture->start + 40 * SECOND;
  g_signal_emit_by_name (fixture->idle_monitor, "idle", fixture->start + 30 * SECOND);
  g_assert_true (kl_reminder_service_get_away (fixture->service));
  g_assert_false (kl_reminder_service_get_next (fixture->service, NULL, NULL));
  run_until (fixture, 60 * SECOND);
  g_assert_cmpuint (fixture->shown->len, ==, 0);

  g_signal_emit_by_name (fixture->idle_monitor, "active");
  g_assert_false (kl_reminder_service_get_away (fixture->service));
  assert_history (fixture, "natural");
  events = kl_store_list_break_events (fixture->store, NULL, NULL, &error);
  g_assert_no_error (error);
  event = &g_array_index (events, KlBreakEvent, 0);
  g_assert_cmpint (event->reminder_id, ==, micro);
  g_assert_cmpint (g_date_time_to_unix (event->at), ==, (fixture->start + 30 * SECOND) / SECOND);
  g_assert_cmpint (event->duration, ==, 30 * SECOND);

  /* The timer starts again from the return, and the time away is not desk time. */
  g_assert_cmpint (kl_reminder_service_get_active_today (fixture->service), ==, 30 * SECOND);
  run_until (fixture, 60 * SECOND + MINUTE - SECOND);
  g_assert_cmpuint (fixture->shown->len, ==, 0);
  run_until (fixture, 60 * SECOND + MINUTE);
  g_assert_cmpuint (fixture->shown->len, ==, 1);

  /* A short absence is no break. */
  fixture->now = fixture->start + 3 * MINUTE;
  g_signal_emit_by_name (fixture->idle_monitor, "idle", fixture->start + 3 * MINUTE - 5 * SECOND);
  run_until (fixture, 3 * MINUTE + 10 * SECOND);
  g_signal_emit_by_name (fixture->idle_monitor, "active");
  assert_history (fixture, "natural shown");
}

static void
test_pause (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  add_reminder (fixture, KL_REMINDER_KIND_MICRO_BREAK, 60);
  g_assert_true (kl_store_set_paused_until (fixture->store, fixture->start + 10 * MINUTE,
                                            &error));
  g_assert_no_error (error);
  reload (fixture);
  g_assert_cmpint (kl_reminder_service_get_paused_until (fixture->service), ==,
                   fixture->start + 10 * MINUTE);

  for (gint64 t = MINUTE; t < 10 * MINUTE; t += MINUTE)
    run_until (fixture, t);
  g_assert_cmpuint (fixture->shown->len, ==, 0);
  assert_history (fixture, "");

  /* Held while paused, shown once when the pause ends. */
  run_until (fixture, 10 * MINUTE);
  g_assert_cmpuint (fixture->shown->len, ==, 1);
  assert_history (fixture, "shown");
}

static void
test_reload_after_edit (Fixture       *fixture,
                        gconstpointer  user_data)
{
  gint64 micro = add_reminder (fixture, KL_REMINDER_KIND_MICRO_BREAK, 60);
  g_autoptr(KlReminder) reminder = NULL;
  g_autoptr(GError) error = NULL;
  KlReminder *next = NULL;
  gint64 at = 0;

  reload (fixture);
  run_until (fixture, 30 * SECOND);

  /* Every 2 min now: the changed timing starts from the edit. */
  reminder = kl_store_get_reminder (fixture->store, micro, &error);
  g_assert_no_error (error);
  kl_reminder_set_every (reminder, 120);
  g_assert_true (kl_store_update_reminder (fixture->store, reminder, &error));
  g_assert_no_error (error);
  reload (fixture);
  g_assert_true (kl_reminder_service_get_next (fixture->service, &next, &at));
  g_assert_cmpint (at, ==, fixture->start + 30 * SECOND + 2 * MINUTE);

  run_until (fixture, MINUTE);
  g_assert_cmpuint (fixture->shown->len, ==, 0);
  run_until (fixture, 30 * SECOND + 2 * MINUTE);
  g_assert_cmpuint (fixture->shown->len, ==, 1);

  /* Turned off: nothing more, and nothing left to keep Knotless running for. */
  g_assert_true (kl_store_set_reminder_enabled (fixture->store, reminder, FALSE, &error));
  g_assert_no_error (error);
  reload (fixture);
  g_assert_false (kl_reminder_service_has_enabled (fixture->service));
  g_assert_false (kl_reminder_service_get_next (fixture->service, NULL, NULL));
  run_until (fixture, 30 * MINUTE);
  g_assert_cmpuint (fixture->shown->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/reminder-service/due-shows", test_due_shows);
  ADD ("/reminder-service/snooze", test_snooze);
  ADD ("/reminder-service/skip", test_skip);
  ADD ("/reminder-service/natural-break", test_natural_break);
  ADD ("/reminder-service/pause", test_pause);
  ADD ("/reminder-service/reload-after-edit", test_reload_after_edit);
#undef ADD

  return g_test_run ();
}
