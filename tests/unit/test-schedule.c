/* test-schedule.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "kl-reminder-private.h"
#include "kl-schedule.h"

/* The first-run reminders get these ids, in their order. */
enum { MICRO = 1, STRETCH, CHECK_IN, ROUTINE, HYDRATION };

/* A zone with DST, so that local days are not always 24 hours long. */
static GTimeZone *berlin;

/* An instant by Berlin's wall clock. */
static gint64
at (int year,
    int month,
    int day,
    int hour,
    int minute,
    int second)
{
  g_autoptr(GDateTime) time = g_date_time_new (berlin, year, month, day, hour, minute, second);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

/* An instant in UTC, for the hours a DST change makes ambiguous. */
static gint64
utc (int year,
     int month,
     int day,
     int hour,
     int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

/* A working week of November 2026: Friday the 20th, the weekend, Monday the 16th and so on. */
#define MON(h, m, s) at (2026, 11, 16, h, m, s)
#define TUE(h, m, s) at (2026, 11, 17, h, m, s)
#define FRI(h, m, s) at (2026, 11, 20, h, m, s)
#define SAT(h, m, s) at (2026, 11, 21, h, m, s)
#define NEXT_MON(h, m, s) at (2026, 11, 23, h, m, s)

static char *
describe (gint64      t,
          const char *format)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (t / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (time, berlin);

  g_assert_cmpint (t % G_USEC_PER_SEC, ==, 0);
  return g_date_time_format (local, format);
}

/* Compared as text, so that a failure reads as a time. */
static void
assert_time (gint64 actual,
             gint64 expected)
{
  g_autofree char *actual_text = describe (actual, "%a %F %T %z");
  g_autofree char *expected_text = describe (expected, "%a %F %T %z");

  g_assert_cmpstr (actual_text, ==, expected_text);
}

static void
assert_next (KlSchedule *schedule,
             gint64      now,
             gint64      reminder_id,
             gint64      expected)
{
  gint64 id = 0;
  gint64 due = 0;

  g_assert_true (kl_schedule_next_due (schedule, now, &id, &due));
  assert_time (due, expected);
  g_assert_cmpint (id, ==, reminder_id);
}

static void
assert_next_for (KlSchedule *schedule,
                 gint64      reminder_id,
                 gint64      now,
                 gint64      expected)
{
  gint64 due = 0;

  g_assert_true (kl_schedule_next_due_for (schedule, reminder_id, now, &due));
  assert_time (due, expected);
}

/* The reminders due at @now, as "1,2". */
static char *
take (KlSchedule *schedule,
      gint64      now)
{
  g_autoptr(GArray) ids = kl_schedule_take_due (schedule, now);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));

  return g_string_free (text, FALSE);
}

#define assert_take(schedule, now, expected) G_STMT_START {    \
    g_autofree char *taken_ = take ((schedule), (now));        \
    g_assert_cmpstr (taken_, ==, (expected));                  \
  } G_STMT_END

/* The outcomes since the last call, as "shown 1 Mon 09:20:00 0s; ...". */
static char *
outcomes (KlSchedule *schedule)
{
  g_autoptr(GArray) list = kl_schedule_take_outcomes (schedule);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      const KlBreakOutcome *outcome = &g_array_index (list, KlBreakOutcome, i);
      g_autofree char *when = describe (outcome->at, "%a %T");

      g_assert_cmpint (outcome->duration % G_USEC_PER_SEC, ==, 0);
      g_string_append_printf (text, "%s%s %" G_GINT64_FORMAT " %s %" G_GINT64_FORMAT "s",
                              i > 0 ? "; " : "",
                              kl_break_outcome_kind_to_string (outcome->kind),
                              outcome->reminder_id, when, outcome->duration / G_USEC_PER_SEC);
    }

  return g_string_free (text, FALSE);
}

#define assert_outcomes(schedule, expected) G_STMT_START {     \
    g_autofree char *outcomes_ = outcomes (schedule);          \
    g_assert_cmpstr (outcomes_, ==, (expected));               \
  } G_STMT_END

static KlReminder *
interval_reminder (gint64         id,
                   KlReminderKind kind,
                   guint          every)
{
  KlReminder *reminder = kl_reminder_new (kind);

  _kl_reminder_set_id (reminder, id);
  kl_reminder_set_every (reminder, every);
  return reminder;
}

static KlReminder *
clock_reminder (gint64         id,
                KlReminderKind kind,
                guint          hour,
                guint          minute,
                KlWeekdays     days)
{
  KlReminder *reminder = kl_reminder_new (kind);

  _kl_reminder_set_id (reminder, id);
  kl_reminder_set_at (reminder, hour * 60 + minute);
  kl_reminder_set_days (reminder, days);
  return reminder;
}

/* Sets the reminders (NULL-terminated, taken over). */
static void
set_reminders (KlSchedule *schedule,
               gint64      now,
               ...)
{
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func (g_object_unref);
  KlReminder *reminder;
  va_list args;

  va_start (args, now);
  while ((reminder = va_arg (args, KlReminder *)) != NULL)
    g_ptr_array_add (reminders, reminder);
  va_end (args);

  kl_schedule_set_reminders (schedule, (KlReminder * const *)reminders->pdata, reminders->len,
                             now);
}

static KlSchedule *
schedule_with_defaults (gint64 now)
{
  g_autoptr(GPtrArray) reminders = kl_reminder_new_defaults ();
  KlSchedule *schedule = kl_schedule_new (berlin, now);

  for (guint i = 0; i < reminders->len; i++)
    _kl_reminder_set_id (g_ptr_array_index (reminders, i), i + 1);
  kl_schedule_set_reminders (schedule, (KlReminder * const *)reminders->pdata, reminders->len,
                             now);
  return schedule;
}

/* Work at any hour of any day, to look at the clock alone. */
static void
work_around_the_clock (KlSchedule *schedule,
                       gint64      now)
{
  KlWorkingHours hours;

  kl_working_hours_set_days (&hours, KL_WEEKDAYS_ALL, 0, KL_REMINDER_MINUTES_PER_DAY);
  kl_schedule_set_working_hours (schedule, &hours, now);
}

static void
test_day (void)
{
  g_autoptr(KlSchedule) schedule = schedule_with_defaults (MON (8, 55, 0));
  g_autoptr(GArray) day = NULL;
  gint64 now = MON (9, 20, 5);
  guint n_shown[HYDRATION + 1] = { 0 };
  guint n_taken = 0;
  gint64 id;
  gint64 due;

  /* Desk time counts from 09:00. */
  assert_next (schedule, MON (8, 55, 0), MICRO, MON (9, 20, 0));
  assert_next_for (schedule, STRETCH, MON (8, 55, 0), MON (9, 50, 0));
  assert_next_for (schedule, CHECK_IN, MON (8, 55, 0), MON (20, 0, 0));
  /* Disabled. */
  g_assert_false (kl_schedule_next_due_for (schedule, ROUTINE, MON (8, 55, 0), NULL));
  g_assert_false (kl_schedule_next_due_for (schedule, HYDRATION, MON (8, 55, 0), NULL));

  assert_take (schedule, MON (9, 19, 59), "");
  assert_take (schedule, MON (9, 20, 0), "1");
  g_assert_true (kl_schedule_done (schedule, MICRO, MON (9, 20, 5)));
  assert_outcomes (schedule, "shown 1 Mon 09:20:00 0s; taken 1 Mon 09:20:05 20s");

  /* The next 20 minutes start when the 20 s break ends. */
  assert_next (schedule, now, MICRO, MON (9, 40, 25));

  /* The rest of the working day, every reminder taken as soon as it shows. */
  while (kl_schedule_next_due (schedule, now, &id, &due) && due < MON (18, 0, 0))
    {
      g_autoptr(GArray) shown = NULL;

      g_assert_cmpint (due, >=, now);
      now = due;
      shown = kl_schedule_take_due (schedule, now);
      g_assert_cmpuint (shown->len, >=, 1);
      for (guint i = 0; i < shown->len; i++)
        {
          gint64 shown_id = g_array_index (shown, gint64, i);

          g_assert_cmpint (now, >=, MON (9, 0, 0));
          g_assert_cmpint (now, <=, MON (17, 30, 0));
          n_shown[shown_id]++;
          g_assert_true (kl_schedule_done (schedule, shown_id, now));
        }
    }

  /* Micro-breaks 20 min 20 s apart from 09:40:25, the last at 17:28:05; stretch-breaks 52 min
   * apart from 09:50, the last at 16:46. */
  g_assert_cmpuint (n_shown[MICRO], ==, 24);
  g_assert_cmpuint (n_shown[STRETCH], ==, 9);
  g_assert_cmpuint (n_shown[CHECK_IN], ==, 0);
  assert_time (now, MON (17, 28, 5));
  day = kl_schedule_take_outcomes (schedule);
  for (guint i = 0; i < day->len; i++)
    n_taken += g_array_index (day, KlBreakOutcome, i).kind == KL_BREAK_OUTCOME_TAKEN;
  g_assert_cmpuint (day->len, ==, 2 * (24 + 9));
  g_assert_cmpuint (n_taken, ==, 24 + 9);

  /* After hours only the time-of-day reminder is left, idle or not. */
  assert_next (schedule, now, CHECK_IN, MON (20, 0, 0));
  kl_schedule_note_idle (schedule, MON (17, 45, 0), MON (17, 46, 0));
  assert_next (schedule, MON (17, 46, 0), CHECK_IN, MON (20, 0, 0));
  assert_take (schedule, MON (20, 0, 0), "3");
  g_assert_true (kl_schedule_done (schedule, CHECK_IN, MON (20, 10, 0)));
  assert_outcomes (schedule, "shown 3 Mon 20:00:00 0s; taken 3 Mon 20:10:00 0s");
  assert_next (schedule, MON (20, 10, 0), CHECK_IN, TUE (20, 0, 0));

  /* The night away was a break for both timers. */
  kl_schedule_note_active (schedule, TUE (8, 50, 0));
  assert_outcomes (schedule, "natural 1 Mon 17:45:00 54300s; natural 2 Mon 17:45:00 54300s");
  assert_next (schedule, TUE (8, 50, 0), MICRO, TUE (9, 20, 0));
  assert_next_for (schedule, STRETCH, TUE (8, 50, 0), TUE (9, 50, 0));
}

static void
test_midnight (void)
{
  g_autoptr(KlSchedule) schedule = kl_schedule_new (berlin, at (2026, 11, 15, 23, 50, 0));

  work_around_the_clock (schedule, at (2026, 11, 15, 23, 50, 0));
  set_reminders (schedule, at (2026, 11, 15, 23, 50, 0),
                 interval_reminder (1, KL_REMINDER_KIND_MICRO_BREAK, 20 * 60),
                 clock_reminder (2, KL_REMINDER_KIND_CHECK_IN, 0, 5, KL_WEEKDAY_MONDAY),
                 NULL);

  /* Sunday 23:50: Monday's 00:05 first, then 20 min of desk time across midnight. */
  assert_next (schedule, at (2026, 11, 15, 23, 50, 0), 2, MON (0, 5, 0));
  assert_next_for (schedule, 1, at (2026, 11, 15, 23, 50, 0), MON (0, 10, 0));
  assert_take (schedule, MON (0, 5, 0), "2");
  assert_next (schedule, MON (0, 5, 0), 1, MON (0, 10, 0));
  assert_take (schedule, MON (0, 10, 0), "1");
  assert_outcomes (schedule, "shown 2 Mon 00:05:00 0s; shown 1 Mon 00:10:00 0s");

  /* Shown and unanswered: a week until the check-in's next Monday. */
  g_assert_false (kl_schedule_next_due_for (schedule, 1, MON (0, 10, 0), NULL));
  assert_next (schedule, MON (0, 10, 0), 2, NEXT_MON (0, 5, 0));
}

static void
test_dst_spring_forward (void)
{
  /* Sunday 29 March 2026: at 02:00 CET the clocks go to 03:00 CEST. */
  gint64 start = at (2026, 3, 29, 1, 50, 0);
  g_autoptr(KlSchedule) schedule = kl_schedule_new (berlin, start);
  g_autoptr(KlSchedule) sundays = kl_schedule_new (berlin, at (2026, 3, 29, 0, 0, 0));
  KlWorkingHours only_sunday = { 0 };

  g_assert_cmpint (start, ==, utc (2026, 3, 29, 0, 50));
  work_around_the_clock (schedule, start);
  set_reminders (schedule, start,
                 interval_reminder (1, KL_REMINDER_KIND_MICRO_BREAK, 20 * 60),
                 clock_reminder (2, KL_REMINDER_KIND_CHECK_IN, 2, 30, KL_WEEKDAYS_ALL),
                 NULL);

  /* 02:30 does not exist that night: it comes at the change, 03:00 CEST. */
  assert_next (schedule, start, 2, utc (2026, 3, 29, 1, 0));
  assert_time (utc (2026, 3, 29, 1, 0), at (2026, 3, 29, 3, 0, 0));
  /* 20 real minutes after 01:50 CET is 03:10 CEST. */
  assert_next_for (schedule, 1, start, utc (2026, 3, 29, 1, 10));
  assert_take (schedule, utc (2026, 3, 29, 0, 59), "");
  assert_take (schedule, utc (2026, 3, 29, 1, 0), "2");
  assert_take (schedule, utc (2026, 3, 29, 1, 10), "1");
  /* Monday has a 02:30 again, in summer time. */
  assert_next_for (schedule, 2, utc (2026, 3, 29, 1, 10), utc (2026, 3, 30, 0, 30));

  /* That Sunday has 23 hours of work, so a 24 h interval runs into the next Sunday's first
   * hour. */
  kl_working_hours_set_days (&only_sunday, KL_WEEKDAY_SUNDAY, 0, KL_REMINDER_MINUTES_PER_DAY);
  kl_schedule_set_working_hours (sundays, &only_sunday, at (2026, 3, 29, 0, 0, 0));
  set_reminders (sundays, at (2026, 3, 29, 0, 0, 0),
                 interval_reminder (1, KL_REMINDER_KIND_HYDRATION, 24 * 60 * 60), NULL);
  assert_next (sundays, at (2026, 3, 29, 0, 0, 0), 1, at (2026, 4, 5, 1, 0, 0));
}

static void
test_dst_fall_back (void)
{
  /* Sunday 25 October 2026: at 03:00 CEST the clocks go back to 02:00 CET. */
  gint64 start = at (2026, 10, 24, 12, 0, 0);
  g_autoptr(KlSchedule) schedule = kl_schedule_new (berlin, start);
  g_autoptr(KlSchedule) micro = kl_schedule_new (berlin, utc (2026, 10, 25, 0, 50));
  g_autoptr(KlSchedule) sundays = kl_schedule_new (berlin, at (2026, 10, 25, 0, 0, 0));
  KlWorkingHours only_sunday = { 0 };

  set_reminders (schedule, start,
                 clock_reminder (2, KL_REMINDER_KIND_CHECK_IN, 2, 30, KL_WEEKDAYS_ALL), NULL);

  /* 02:30 happens twice: the first time, in summer time, counts. */
  assert_next (schedule, start, 2, utc (2026, 10, 25, 0, 30));
  assert_take (schedule, utc (2026, 10, 25, 0, 30), "2");
  g_assert_true (kl_schedule_done (schedule, 2, utc (2026, 10, 25, 0, 31)));
  assert_take (schedule, utc (2026, 10, 25, 1, 30), "");
  assert_next (schedule, utc (2026, 10, 25, 1, 30), 2, utc (2026, 10, 26, 1, 30));
  assert_time (utc (2026, 10, 26, 1, 30), at (2026, 10, 26, 2, 30, 0));

  /* 20 real minutes after 02:50 CEST is 02:10 CET. */
  work_around_the_clock (micro, utc (2026, 10, 25, 0, 50));
  set_reminders (micro, utc (2026, 10, 25, 0, 50),
                 interval_reminder (1, KL_REMINDER_KIND_MICRO_BREAK, 20 * 60), NULL);
  assert_next (micro, utc (2026, 10, 25, 0, 50), 1, utc (2026, 10, 25, 1, 10));

  /* That Sunday has 25 hours: a 24 h interval ends at 23:00 the same day. */
  kl_working_hours_set_days (&only_sunday, KL_WEEKDAY_SUNDAY, 0, KL_REMINDER_MINUTES_PER_DAY);
  kl_schedule_set_working_hours (sundays, &only_sunday, at (2026, 10, 25, 0, 0, 0));
  set_reminders (sundays, at (2026, 10, 25, 0, 0, 0),
                 interval_reminder (1, KL_REMINDER_KIND_HYDRATION, 24 * 60 * 60), NULL);
  assert_next (sundays, at (2026, 10, 25, 0, 0, 0), 1, at (2026, 10, 25, 23, 0, 0));
}

static void
test_suspend (void)
{
  g_autoptr(KlSchedule) schedule = schedule_with_defaults (MON (10, 0, 0));
  g_autoptr(KlSchedule) short_sleep = schedule_with_defaults (MON (10, 0, 0));
  g_autoptr(KlSchedule) idle_then_asleep = schedule_with_defaults (MON (10, 0, 0));

  /* Three minutes asleep: a break for both timers, which start again on waking. */
  kl_schedule_note_suspend (schedule, MON (10, 5, 0), MON (10, 8, 0));
  assert_outcomes (schedule, "natural 1 Mon 10:05:00 180s; natural 2 Mon 10:05:00 180s");
  assert_next (schedule, MON (10, 8, 0), MICRO, MON (10, 28, 0));
  assert_next_for (schedule, STRETCH, MON (10, 8, 0), MON (10, 58, 0));

  /* Ten seconds asleep is no break, and not desk time either. */
  kl_schedule_note_suspend (short_sleep, MON (10, 5, 0), MON (10, 5, 10));
  assert_outcomes (short_sleep, "");
  assert_next (short_sleep, MON (10, 5, 10), MICRO, MON (10, 20, 10));

  /* Idle, then asleep: one stretch from the idle start, judged on return. 90 s is a
   * micro-break, not a stretch-break. */
  kl_schedule_note_idle (idle_then_asleep, MON (10, 5, 0), MON (10, 5, 30));
  kl_schedule_note_suspend (idle_then_asleep, MON (10, 5, 30), MON (10, 6, 0));
  assert_outcomes (idle_then_asleep, "");
  kl_schedule_note_active (idle_then_asleep, MON (10, 6, 30));
  assert_outcomes (idle_then_asleep, "natural 1 Mon 10:05:00 90s");
  assert_next (idle_then_asleep, MON (10, 6, 30), MICRO, MON (10, 26, 30));
  assert_next_for (idle_then_asleep, STRETCH, MON (10, 6, 30), MON (10, 51, 30));
}

static void
test_snooze (void)
{
  g_autoptr(KlSchedule) schedule = schedule_with_defaults (MON (9, 0, 0));
  g_autoptr(KlSchedule) late = schedule_with_defaults (MON (17, 7, 0));

  /* Nothing shown: nothing to snooze. */
  g_assert_false (kl_schedule_snooze (schedule, MICRO, MON (9, 10, 0)));
  g_assert_false (kl_schedule_snooze (schedule, 99, MON (9, 10, 0)));
  assert_outcomes (schedule, "");

  assert_take (schedule, MON (9, 20, 0), "1");
  g_assert_true (kl_schedule_snooze (schedule, MICRO, MON (9, 20, 10)));
  assert_outcomes (schedule, "shown 1 Mon 09:20:00 0s; snoozed 1 Mon 09:20:10 300s");
  g_assert_false (kl_schedule_snooze (schedule, MICRO, MON (9, 20, 20)));
  assert_next (schedule, MON (9, 20, 20), MICRO, MON (9, 25, 10));
  assert_take (schedule, MON (9, 25, 9), "");
  assert_take (schedule, MON (9, 25, 10), "1");

  /* Snoozed again, and then taken. */
  g_assert_true (kl_schedule_snooze (schedule, MICRO, MON (9, 26, 0)));
  assert_take (schedule, MON (9, 31, 0), "1");
  g_assert_true (kl_schedule_done (schedule, MICRO, MON (9, 31, 30)));
  assert_outcomes (schedule, "shown 1 Mon 09:25:10 0s; snoozed 1 Mon 09:26:00 300s; "
                   "shown 1 Mon 09:31:00 0s; taken 1 Mon 09:31:30 20s");
  assert_next_for (schedule, MICRO, MON (9, 31, 30), MON (9, 51, 50));

  /* A snooze that ends after hours waits for the next working morning. */
  assert_take (late, MON (17, 27, 0), "1");
  g_assert_true (kl_schedule_snooze (late, MICRO, MON (17, 27, 0)));
  assert_next_for (late, MICRO, MON (17, 27, 0), TUE (9, 0, 0));

  /* A time-of-day reminder comes back after 5 min too, then on its next day. */
  assert_take (late, MON (20, 0, 0), "3");
  g_assert_true (kl_schedule_snooze (late, CHECK_IN, MON (20, 0, 30)));
  assert_next (late, MON (20, 0, 30), CHECK_IN, MON (20, 5, 30));
  assert_take (late, MON (20, 5, 30), "3");
  g_assert_true (kl_schedule_done (late, CHECK_IN, MON (20, 6, 0)));
  assert_next_for (late, CHECK_IN, MON (20, 6, 0), TUE (20, 0, 0));
}

static void
test_skip (void)
{
  g_autoptr(KlSchedule) schedule = schedule_with_defaults (MON (9, 0, 0));

  assert_take (schedule, MON (9, 20, 0), "1");
  g_assert_true (kl_schedule_skip (schedule, MICRO, MON (9, 21, 0)));
  assert_outcomes (schedule, "shown 1 Mon 09:20:00 0s; skipped 1 Mon 09:21:00 0s");
  /* The timer starts again at the skip; nothing of the break is held back. */
  assert_next (schedule, MON (9, 21, 0), MICRO, MON (9, 41, 0));

  /* Skipping one not shown yet starts it again too. */
  g_assert_true (kl_schedule_skip (schedule, STRETCH, MON (9, 30, 0)));
  assert_next_for (schedule, STRETCH, MON (9, 30, 0), MON (10, 20, 0));

  /* Skipping the coming check-in passes over tonight's. */
  g_assert_true (kl_schedule_skip (schedule, CHECK_IN, MON (12, 0, 0)));
  assert_outcomes (schedule, "skipped 2 Mon 09:30:00 0s; skipped 3 Mon 12:00:00 0s");
  assert_next_for (schedule, CHECK_IN, MON (12, 0, 0), TUE (20, 0, 0));

  g_assert_false (kl_schedule_skip (schedule, 99, MON (12, 0, 0)));
  assert_outcomes (schedule, "");
}

static void
test_idle (void)
{
  g_autoptr(KlSchedule) schedule = schedule_with_defaults (MON (9, 0, 0));
  g_autoptr(KlSchedule) brief = schedule_with_defaults (MON (9, 0, 0));

  /* 30 s away: a micro-break, but too short for a stretch-break, whose timer only stood still. */
  kl_schedule_note_idle (schedule, MON (9, 10, 0), MON (9, 10, 20));
  assert_outcomes (schedule, "");
  kl_schedule_note_active (schedule, MON (9, 10, 30));
  assert_outcomes (schedule, "natural 1 Mon 09:10:00 30s");
  assert_next (schedule, MON (9, 10, 30), MICRO, MON (9, 30, 30));
  assert_next_for (schedule, STRETCH, MON (9, 10, 30), MON (9, 50, 30));

  /* 10 s away resets nothing, and does not count. */
  kl_schedule_note_idle (brief, MON (9, 10, 0), MON (9, 10, 5));
  kl_schedule_note_active (brief, MON (9, 10, 10));
  assert_outcomes (brief, "");
  assert_next (brief, MON (9, 10, 10), MICRO, MON (9, 20, 10));
  assert_next_for (brief, STRETCH, MON (9, 10, 10), MON (9, 50, 10));
}

static void
test_idle_while_shown (void)
{
  g_autoptr(KlSchedule) schedule = schedule_with_defaults (MON (9, 0, 0));

  /* Shown, and not answered: not shown again while it waits. */
  assert_take (schedule, MON (9, 20, 0), "1");
  assert_take (schedule, MON (9, 20, 0), "");
  assert_take (schedule, MON (9, 30, 0), "");
  g_assert_false (kl_schedule_next_due_for (schedule, MICRO, MON (9, 30, 0), NULL));

  /* Stepping away without a click is taking the break. */
  kl_schedule_note_idle (schedule, MON (9, 30, 0), MON (9, 30, 30));
  kl_schedule_note_active (schedule, MON (9, 31, 0));
  assert_outcomes (schedule, "shown 1 Mon 09:20:00 0s; natural 1 Mon 09:30:00 60s");
  assert_next (schedule, MON (9, 31, 0), MICRO, MON (9, 51, 0));

  /* While idle, no interval reminder is due: nothing to wake for but the evening. */
  kl_schedule_note_idle (schedule, MON (9, 40, 0), MON (9, 41, 0));
  assert_next (schedule, MON (9, 41, 0), CHECK_IN, MON (20, 0, 0));
}

static void
test_done_then_away (void)
{
  g_autoptr(KlSchedule) schedule = schedule_with_defaults (MON (9, 0, 0));

  assert_take (schedule, MON (9, 20, 0), "1");
  g_assert_true (kl_schedule_done (schedule, MICRO, MON (9, 20, 0)));

  /* Away for five minutes right after: no second micro-break on record, but a stretch-break. */
  kl_schedule_note_idle (schedule, MON (9, 20, 0), MON (9, 21, 0));
  kl_schedule_note_active (schedule, MON (9, 25, 0));
  assert_outcomes (schedule, "shown 1 Mon 09:20:00 0s; taken 1 Mon 09:20:00 20s; "
                   "natural 2 Mon 09:20:00 300s");
  assert_next (schedule, MON (9, 25, 0), MICRO, MON (9, 45, 0));
  assert_next_for (schedule, STRETCH, MON (9, 25, 0), MON (10, 15, 0));
}

static void
test_only_time_of_day_when_idle (void)
{
  g_autoptr(KlSchedule) schedule = kl_schedule_new (berlin, MON (9, 0, 0));

  set_reminders (schedule, MON (9, 0, 0),
                 interval_reminder (1, KL_REMINDER_KIND_MICRO_BREAK, 20 * 60), NULL);
  kl_schedule_note_idle (schedule, MON (9, 10, 0), MON (9, 10, 30));
  g_assert_false (kl_schedule_next_due (schedule, MON (9, 10, 30), NULL, NULL));
  assert_take (schedule, MON (12, 0, 0), "");

  /* Back after a break: the timer starts from the return. */
  kl_schedule_note_active (schedule, MON (12, 0, 0));
  assert_next (schedule, MON (12, 0, 0), 1, MON (12, 20, 0));
}

static void
test_pause (void)
{
  g_autoptr(KlSchedule) schedule = schedule_with_defaults (MON (9, 0, 0));
  g_autoptr(KlSchedule) resumed = schedule_with_defaults (MON (9, 0, 0));

  /* Working through a pause: what comes due meanwhile is held, and shown once. */
  kl_schedule_pause_until (schedule, MON (10, 0, 0), MON (9, 15, 0));
  g_assert_cmpint (kl_schedule_get_paused_until (schedule), ==, MON (10, 0, 0));
  assert_next (schedule, MON (9, 15, 0), MICRO, MON (10, 0, 0));
  assert_next_for (schedule, STRETCH, MON (9, 15, 0), MON (10, 0, 0));
  assert_take (schedule, MON (9, 59, 59), "");
  assert_take (schedule, MON (10, 0, 0), "1,2");
  assert_take (schedule, MON (10, 0, 0), "");
  g_assert_cmpint (kl_schedule_get_paused_until (schedule), ==, 0);

  /* Ended early. */
  kl_schedule_pause_until (resumed, MON (10, 0, 0), MON (9, 15, 0));
  kl_schedule_pause_until (resumed, MON (9, 16, 0), MON (9, 16, 0));
  g_assert_cmpint (kl_schedule_get_paused_until (resumed), ==, 0);
  assert_next (resumed, MON (9, 16, 0), MICRO, MON (9, 20, 0));
}

static void
test_pause_until_tomorrow (void)
{
  g_autoptr(KlSchedule) schedule = schedule_with_defaults (MON (15, 0, 0));
  gint64 tomorrow = kl_schedule_get_tomorrow (schedule, MON (15, 0, 0));

  assert_time (tomorrow, TUE (0, 0, 0));
  kl_schedule_pause_until (schedule, tomorrow, MON (15, 0, 0));

  /* Held until midnight, then until work starts: tonight's check-in is dropped. */
  assert_next (schedule, MON (15, 0, 0), MICRO, TUE (9, 0, 0));
  assert_next_for (schedule, CHECK_IN, MON (15, 0, 0), TUE (20, 0, 0));
  assert_take (schedule, MON (20, 0, 0), "");
  assert_take (schedule, TUE (0, 0, 0), "");
  assert_take (schedule, TUE (9, 0, 0), "1,2");
  assert_outcomes (schedule, "shown 1 Tue 09:00:00 0s; shown 2 Tue 09:00:00 0s");
  assert_next (schedule, TUE (9, 0, 0), CHECK_IN, TUE (20, 0, 0));
}

static void
test_pause_holds_time_of_day (void)
{
  g_autoptr(KlSchedule) schedule = schedule_with_defaults (MON (19, 0, 0));

  /* A check-in during a pause that ends the same day waits for the end. */
  kl_schedule_pause_until (schedule, MON (20, 30, 0), MON (19, 45, 0));
  assert_next (schedule, MON (19, 45, 0), CHECK_IN, MON (20, 30, 0));
  assert_take (schedule, MON (20, 0, 0), "");
  assert_take (schedule, MON (20, 30, 0), "3");
  assert_next_for (schedule, CHECK_IN, MON (20, 30, 0), TUE (20, 0, 0));
}

static void
test_weekend (void)
{
  g_autoptr(KlSchedule) schedule = schedule_with_defaults (SAT (8, 0, 0));

  /* No working hours on Saturday: only the evening check-in, even at the desk all day. */
  assert_next (schedule, SAT (8, 0, 0), CHECK_IN, SAT (20, 0, 0));
  assert_take (schedule, SAT (19, 59, 0), "");
  assert_next_for (schedule, MICRO, SAT (19, 59, 0), NEXT_MON (9, 20, 0));
  assert_next_for (schedule, STRETCH, SAT (19, 59, 0), NEXT_MON (9, 50, 0));
}

static void
test_after_hours (void)
{
  g_autoptr(KlSchedule) friday = schedule_with_defaults (FRI (17, 20, 0));
  g_autoptr(KlSchedule) evening = schedule_with_defaults (MON (17, 25, 0));

  /* Ten minutes counted before 17:30; the other ten on Monday morning. */
  assert_next_for (friday, MICRO, FRI (17, 20, 0), NEXT_MON (9, 10, 0));
  assert_take (friday, FRI (23, 0, 0), "3");
  assert_next_for (friday, MICRO, SAT (12, 0, 0), NEXT_MON (9, 10, 0));

  /* Five minutes before 17:30, fifteen the next morning... */
  assert_next_for (evening, MICRO, MON (17, 25, 0), TUE (9, 15, 0));
  /* ...unless a night away starts them again. */
  kl_schedule_note_idle (evening, MON (17, 40, 0), MON (17, 41, 0));
  kl_schedule_note_active (evening, TUE (8, 30, 0));
  assert_outcomes (evening, "natural 1 Mon 17:40:00 53400s; natural 2 Mon 17:40:00 53400s");
  assert_next (evening, TUE (8, 30, 0), MICRO, TUE (9, 20, 0));
}

static void
test_no_working_hours (void)
{
  g_autoptr(KlSchedule) schedule = kl_schedule_new (berlin, MON (9, 0, 0));
  KlWorkingHours none = { 0 };

  kl_schedule_set_working_hours (schedule, &none, MON (9, 0, 0));
  set_reminders (schedule, MON (9, 0, 0),
                 interval_reminder (1, KL_REMINDER_KIND_MICRO_BREAK, 20 * 60), NULL);
  g_assert_false (kl_schedule_next_due (schedule, MON (9, 0, 0), NULL, NULL));
  assert_take (schedule, TUE (9, 0, 0), "");
}

static void
test_missed_while_asleep (void)
{
  g_autoptr(KlSchedule) evening = schedule_with_defaults (MON (19, 0, 0));
  g_autoptr(KlSchedule) night = schedule_with_defaults (MON (19, 0, 0));

  /* Asleep through 20:00, awake the same evening: shown late. */
  kl_schedule_note_suspend (evening, MON (19, 30, 0), MON (21, 0, 0));
  assert_next (evening, MON (21, 0, 0), CHECK_IN, MON (20, 0, 0));
  assert_take (evening, MON (21, 0, 0), "3");
  assert_next_for (evening, CHECK_IN, MON (21, 0, 0), TUE (20, 0, 0));

  /* Asleep until the morning: the evening is over and its check-in dropped. */
  kl_schedule_note_suspend (night, MON (19, 30, 0), TUE (8, 0, 0));
  assert_next_for (night, CHECK_IN, TUE (8, 0, 0), TUE (20, 0, 0));
  assert_take (night, TUE (8, 0, 0), "");
}

static void
test_set_reminders (void)
{
  g_autoptr(KlSchedule) schedule = schedule_with_defaults (MON (9, 0, 0));
  g_autoptr(KlReminder) micro = interval_reminder (MICRO, KL_REMINDER_KIND_MICRO_BREAK, 20 * 60);
  g_autoptr(KlReminder) slower = interval_reminder (MICRO, KL_REMINDER_KIND_MICRO_BREAK, 30 * 60);
  g_autoptr(KlReminder) stretch = interval_reminder (STRETCH, KL_REMINDER_KIND_STRETCH_BREAK,
                                                     50 * 60);
  g_autoptr(KlReminder) hydration = interval_reminder (HYDRATION, KL_REMINDER_KIND_HYDRATION,
                                                       60 * 60);
  KlReminder *same[] = { micro, stretch, hydration };
  KlReminder *changed[] = { slower, stretch };

  /* Unchanged ones keep their progress; a new one starts now. */
  kl_schedule_set_reminders (schedule, same, G_N_ELEMENTS (same), MON (9, 10, 0));
  assert_next (schedule, MON (9, 10, 0), MICRO, MON (9, 20, 0));
  assert_next_for (schedule, HYDRATION, MON (9, 10, 0), MON (10, 10, 0));
  g_assert_false (kl_schedule_next_due_for (schedule, CHECK_IN, MON (9, 10, 0), NULL));

  /* A new interval starts again; a disabled one is gone. */
  kl_reminder_set_enabled (stretch, FALSE);
  kl_schedule_set_reminders (schedule, changed, G_N_ELEMENTS (changed), MON (9, 15, 0));
  assert_next (schedule, MON (9, 15, 0), MICRO, MON (9, 45, 0));
  g_assert_false (kl_schedule_next_due_for (schedule, STRETCH, MON (9, 15, 0), NULL));
  g_assert_false (kl_schedule_next_due_for (schedule, HYDRATION, MON (9, 15, 0), NULL));

  /* Back on: from the start. */
  kl_reminder_set_enabled (stretch, TRUE);
  kl_schedule_set_reminders (schedule, changed, G_N_ELEMENTS (changed), MON (9, 20, 0));
  assert_next_for (schedule, STRETCH, MON (9, 20, 0), MON (10, 10, 0));
}

static void
test_working_hours_change (void)
{
  g_autoptr(KlSchedule) schedule = schedule_with_defaults (MON (16, 50, 0));
  KlWorkingHours earlier;

  /* The ten minutes from 16:50 counted under the old hours, though the new ones end at 16:55;
   * the rest comes the next morning. */
  kl_working_hours_init_default (&earlier);
  kl_working_hours_set_days (&earlier, KL_WEEKDAYS_WORK, 9 * 60, 16 * 60 + 55);
  kl_schedule_set_working_hours (schedule, &earlier, MON (17, 0, 0));
  assert_next_for (schedule, MICRO, MON (17, 0, 0), TUE (9, 10, 0));
  assert_next_for (schedule, STRETCH, MON (17, 0, 0), TUE (9, 40, 0));
}

static void
test_clock_set_back (void)
{
  g_autoptr(KlSchedule) schedule = kl_schedule_new (berlin, MON (10, 0, 0));

  work_around_the_clock (schedule, MON (10, 0, 0));
  set_reminders (schedule, MON (10, 0, 0),
                 interval_reminder (1, KL_REMINDER_KIND_MICRO_BREAK, 20 * 60), NULL);
  assert_next (schedule, MON (10, 10, 0), 1, MON (10, 20, 0));

  /* An hour back: the ten minutes counted stay counted, and the rest runs from the new time. */
  assert_next (schedule, MON (9, 10, 0), 1, MON (9, 20, 0));
  assert_take (schedule, MON (9, 20, 0), "1");
}

static void
test_outcome_names (void)
{
  g_assert_cmpstr (kl_break_outcome_kind_to_string (KL_BREAK_OUTCOME_SHOWN), ==, "shown");
  g_assert_cmpstr (kl_break_outcome_kind_to_string (KL_BREAK_OUTCOME_TAKEN), ==, "taken");
  g_assert_cmpstr (kl_break_outcome_kind_to_string (KL_BREAK_OUTCOME_NATURAL), ==, "natural");
  g_assert_cmpstr (kl_break_outcome_kind_to_string (KL_BREAK_OUTCOME_SNOOZED), ==, "snoozed");
  g_assert_cmpstr (kl_break_outcome_kind_to_string (KL_BREAK_OUTCOME_SKIPPED), ==, "skipped");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (berlin);

  g_test_add_func ("/schedule/day", test_day);
  g_test_add_func ("/schedule/midnight", test_midnight);
  g_test_add_func ("/schedule/dst/spring-forward", test_dst_spring_forward);
  g_test_add_func ("/schedule/dst/fall-back", test_dst_fall_back);
  g_test_add_func ("/schedule/suspend", test_suspend);
  g_test_add_func ("/schedule/snooze", test_snooze);
  g_test_add_func ("/schedule/skip", test_skip);
  g_test_add_func ("/schedule/idle/natural-or-not", test_idle);
  g_test_add_func ("/schedule/idle/while-shown", test_idle_while_shown);
  g_test_add_func ("/schedule/idle/after-done", test_done_then_away);
  g_test_add_func ("/schedule/idle/only-time-of-day", test_only_time_of_day_when_idle);
  g_test_add_func ("/schedule/pause/hold", test_pause);
  g_test_add_func ("/schedule/pause/until-tomorrow", test_pause_until_tomorrow);
  g_test_add_func ("/schedule/pause/time-of-day", test_pause_holds_time_of_day);
  g_test_add_func ("/schedule/working-hours/weekend", test_weekend);
  g_test_add_func ("/schedule/working-hours/after-hours", test_after_hours);
  g_test_add_func ("/schedule/working-hours/none", test_no_working_hours);
  g_test_add_func ("/schedule/working-hours/change", test_working_hours_change);
  g_test_add_func ("/schedule/missed-while-asleep", test_missed_while_asleep);
  g_test_add_func ("/schedule/set-reminders", test_set_reminders);
  g_test_add_func ("/schedule/clock-set-back", test_clock_set_back);
  g_test_add_func ("/schedule/outcome-names", test_outcome_names);

  status = g_test_run ();
  g_time_zone_unref (berlin);
  return status;
}
