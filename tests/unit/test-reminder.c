/* test-reminder.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "kl-reminder.h"

static void
test_defaults (void)
{
  g_autoptr(GPtrArray) reminders = kl_reminder_new_defaults ();
  KlReminder *reminder;

  g_assert_cmpuint (reminders->len, ==, 5);

  reminder = g_ptr_array_index (reminders, 0);
  g_assert_cmpint (kl_reminder_get_kind (reminder), ==, KL_REMINDER_KIND_MICRO_BREAK);
  g_assert_true (kl_reminder_get_enabled (reminder));
  g_assert_true (kl_reminder_is_interval (reminder));
  g_assert_cmpuint (kl_reminder_get_every (reminder), ==, 20 * 60);
  g_assert_cmpint (kl_reminder_get_at (reminder), ==, KL_REMINDER_NO_TIME);
  g_assert_cmpuint (kl_reminder_get_break_length (reminder), ==, 20);
  g_assert_null (kl_reminder_get_routine (reminder));

  reminder = g_ptr_array_index (reminders, 1);
  g_assert_cmpint (kl_reminder_get_kind (reminder), ==, KL_REMINDER_KIND_STRETCH_BREAK);
  g_assert_true (kl_reminder_get_enabled (reminder));
  g_assert_cmpuint (kl_reminder_get_every (reminder), ==, 50 * 60);
  g_assert_cmpuint (kl_reminder_get_break_length (reminder), ==, 120);
  g_assert_cmpstr (kl_reminder_get_routine (reminder), ==, "desk-break");

  reminder = g_ptr_array_index (reminders, 2);
  g_assert_cmpint (kl_reminder_get_kind (reminder), ==, KL_REMINDER_KIND_CHECK_IN);
  g_assert_true (kl_reminder_get_enabled (reminder));
  g_assert_false (kl_reminder_is_interval (reminder));
  g_assert_cmpuint (kl_reminder_get_every (reminder), ==, 0);
  g_assert_cmpint (kl_reminder_get_at (reminder), ==, 20 * 60);
  g_assert_cmpuint (kl_reminder_get_days (reminder), ==, KL_WEEKDAYS_ALL);

  reminder = g_ptr_array_index (reminders, 3);
  g_assert_cmpint (kl_reminder_get_kind (reminder), ==, KL_REMINDER_KIND_ROUTINE);
  g_assert_false (kl_reminder_get_enabled (reminder));
  g_assert_cmpint (kl_reminder_get_at (reminder), ==, 21 * 60);
  g_assert_cmpuint (kl_reminder_get_days (reminder), ==, KL_WEEKDAYS_ALL);
  g_assert_cmpstr (kl_reminder_get_routine (reminder), ==, "upper-trapezius-ball");

  reminder = g_ptr_array_index (reminders, 4);
  g_assert_cmpint (kl_reminder_get_kind (reminder), ==, KL_REMINDER_KIND_HYDRATION);
  g_assert_false (kl_reminder_get_enabled (reminder));
  g_assert_cmpuint (kl_reminder_get_every (reminder), ==, 60 * 60);

  for (guint i = 0; i < reminders->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (kl_reminder_validate (g_ptr_array_index (reminders, i), &error));
      g_assert_no_error (error);
    }
}

static void
test_working_hours_default (void)
{
  KlWorkingHours hours;

  /* Garbage first: the default must set every day, days off included. */
  memset (&hours, 0x55, sizeof hours);
  kl_working_hours_init_default (&hours);

  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_FRIDAY; day++)
    {
      g_assert_cmpuint (hours.days[day - 1].start, ==, 9 * 60);
      g_assert_cmpuint (hours.days[day - 1].end, ==, 17 * 60 + 30);
    }
  g_assert_cmpuint (hours.days[G_DATE_SATURDAY - 1].start, ==, hours.days[G_DATE_SATURDAY - 1].end);
  g_assert_cmpuint (hours.days[G_DATE_SUNDAY - 1].start, ==, hours.days[G_DATE_SUNDAY - 1].end);
}

static void
test_kind_names (void)
{
  static const struct { const char *name; KlReminderKind kind; } names[] = {
    { "micro-break", KL_REMINDER_KIND_MICRO_BREAK },
    { "stretch-break", KL_REMINDER_KIND_STRETCH_BREAK },
    { "routine", KL_REMINDER_KIND_ROUTINE },
    { "check-in", KL_REMINDER_KIND_CHECK_IN },
    { "hydration", KL_REMINDER_KIND_HYDRATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      KlReminderKind kind = -1;

      g_assert_true (kl_reminder_kind_from_string (names[i].name, &kind, &error));
      g_assert_no_error (error);
      g_assert_cmpint (kind, ==, names[i].kind);
      g_assert_cmpstr (kl_reminder_kind_to_string (kind), ==, names[i].name);
    }

  for (guint i = 0; i < 3; i++)
    {
      static const char * const bad[] = { "nap", "", "micro_break" };
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad[i]);
      KlReminderKind kind = KL_REMINDER_KIND_HYDRATION;

      g_assert_false (kl_reminder_kind_from_string (bad[i], &kind, &error));
      g_assert_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_KIND);
      g_assert_nonnull (strstr (error->message, quoted));
      g_assert_cmpint (kind, ==, KL_REMINDER_KIND_HYDRATION);
    }
}

static void
test_duration_parse (void)
{
  static const struct { const char *text; guint seconds; } good[] = {
    { "45s", 45 }, { "20m", 20 * 60 }, { "1h30m", 90 * 60 }, { "1h", 3600 }, { "5s", 5 },
    { "24h", 86400 }, { "2m30s", 150 }, { "1h5s", 3605 }, { "1h0m5s", 3605 }, { "90m", 5400 },
    { "20M", 1200 }, { "0h20m", 1200 }, { "86400s", 86400 }, { "0001m", 60 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      guint seconds = 0;

      g_assert_true (kl_reminder_parse_duration (good[i].text, &seconds, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (seconds, ==, good[i].seconds);
    }
}

static void
test_duration_errors (void)
{
  static const char * const bad[] = {
    "", "90", "0", "0s", "4s", "0h0m", "-5m", "+5m", "25h", "24h1s", "1441m", "1h1h", "30m1h",
    "1s1m", "5x", "1.5h", " 5m", "5m ", "5 m", "h", "m5", "1h30", "99999999999999999999h",
    "20min",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad[i]);
      guint seconds = 77;

      g_assert_false (kl_reminder_parse_duration (bad[i], &seconds, &error));
      g_assert_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_DURATION);
      if (strstr (error->message, quoted) == NULL)
        g_error ("the message for %s does not name it: %s", quoted, error->message);
      g_assert_cmpuint (seconds, ==, 77);
    }
}

static void
test_duration_messages (void)
{
  g_autoptr(GError) bare = NULL;
  g_autoptr(GError) zero = NULL;
  g_autoptr(GError) long_one = NULL;
  guint seconds;

  /* A bare number is refused with the ways to say it. */
  g_assert_false (kl_reminder_parse_duration ("90", &seconds, &bare));
  g_assert_nonnull (strstr (bare->message, "90s, 90m or 90h"));

  g_assert_false (kl_reminder_parse_duration ("0s", &seconds, &zero));
  g_assert_nonnull (strstr (zero->message, "too short"));

  g_assert_false (kl_reminder_parse_duration ("25h", &seconds, &long_one));
  g_assert_nonnull (strstr (long_one->message, "too long"));
}

static void
test_duration_format (void)
{
  static const struct { guint seconds; const char *text; } cases[] = {
    { 45, "45s" }, { 1200, "20m" }, { 5400, "1h30m" }, { 3600, "1h" }, { 3605, "1h5s" },
    { 86400, "24h" }, { 3661, "1h1m1s" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kl_reminder_format_duration (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* Every valid duration comes back as itself. */
  for (guint seconds = KL_REMINDER_MIN_EVERY; seconds <= KL_REMINDER_MAX_EVERY; seconds++)
    {
      g_autofree char *text = kl_reminder_format_duration (seconds);
      guint parsed = 0;

      if (!kl_reminder_parse_duration (text, &parsed, NULL) || parsed != seconds)
        g_error ("%u formats as %s, which reads back as %u", seconds, text, parsed);
    }
}

static void
test_time (void)
{
  static const struct { const char *text; guint minute; } good[] = {
    { "20:00", 1200 }, { "00:00", 0 }, { "23:59", 1439 }, { "9:05", 545 }, { "09:05", 545 },
  };
  static const char * const bad[] = {
    "", "24:00", "12:60", "12", "12:5", "12:005", "ab:cd", "-1:00", "12:00x", "123:00", " 9:00",
    "9.00", ":30", "12:",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      guint minute = 0;

      g_assert_true (kl_reminder_parse_time (good[i].text, &minute, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (minute, ==, good[i].minute);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad[i]);
      guint minute = 77;

      g_assert_false (kl_reminder_parse_time (bad[i], &minute, &error));
      g_assert_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_TIME);
      if (strstr (error->message, quoted) == NULL)
        g_error ("the message for %s does not name it: %s", quoted, error->message);
      g_assert_cmpuint (minute, ==, 77);
    }

  for (guint minute = 0; minute < KL_REMINDER_MINUTES_PER_DAY; minute++)
    {
      g_autofree char *text = kl_reminder_format_time (minute);
      guint parsed = 0;

      g_assert_cmpuint (strlen (text), ==, 5);
      g_assert_true (kl_reminder_parse_time (text, &parsed, NULL));
      g_assert_cmpuint (parsed, ==, minute);
    }
  {
    g_autofree char *text = kl_reminder_format_time (9 * 60 + 5);

    g_assert_cmpstr (text, ==, "09:05");
  }
}

static void
test_days (void)
{
  static const struct { const char *text; KlWeekdays days; } good[] = {
    { "mon", KL_WEEKDAY_MONDAY },
    { "mon,tue", KL_WEEKDAY_MONDAY | KL_WEEKDAY_TUESDAY },
    { "sun,mon", KL_WEEKDAY_SUNDAY | KL_WEEKDAY_MONDAY },
    { "Mon, Wed ,FRI", KL_WEEKDAY_MONDAY | KL_WEEKDAY_WEDNESDAY | KL_WEEKDAY_FRIDAY },
    { "mon,mon", KL_WEEKDAY_MONDAY },
    { "weekdays", KL_WEEKDAYS_WORK },
    { "weekends", KL_WEEKDAYS_WEEKEND },
    { "daily", KL_WEEKDAYS_ALL },
    { "weekdays,sat", KL_WEEKDAYS_WORK | KL_WEEKDAY_SATURDAY },
  };
  static const struct { const char *text; const char *named; } bad[] = {
    { "", "“”" }, { "funday", "“funday”" }, { "mon,fun", "“fun”" }, { "mon,,tue", "“mon,,tue”" },
    { ",", "“,”" }, { "monday", "“monday”" }, { "mon;tue", "“mon;tue”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      KlWeekdays days = 0;

      g_assert_true (kl_reminder_parse_days (good[i].text, &days, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (days, ==, good[i].days);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      KlWeekdays days = KL_WEEKDAY_FRIDAY;

      g_assert_false (kl_reminder_parse_days (bad[i].text, &days, &error));
      g_assert_error (error, KL_REMINDER_ERROR, KL_REMINDER_ERROR_DAYS);
      if (strstr (error->message, bad[i].named) == NULL)
        g_error ("the message for “%s” does not name %s: %s", bad[i].text, bad[i].named,
                 error->message);
      g_assert_cmpuint (days, ==, KL_WEEKDAY_FRIDAY);
    }
}

static void
test_days_format (void)
{
  static const struct { KlWeekdays days; const char *text; } cases[] = {
    { KL_WEEKDAYS_ALL, "daily" },
    { KL_WEEKDAYS_WORK, "weekdays" },
    { KL_WEEKDAYS_WEEKEND, "weekends" },
    { KL_WEEKDAY_SUNDAY | KL_WEEKDAY_MONDAY, "mon,sun" },
    { KL_WEEKDAY_MONDAY | KL_WEEKDAY_WEDNESDAY | KL_WEEKDAY_FRIDAY, "mon,wed,fri" },
    { 0, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kl_reminder_format_days (cases[i].days);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  for (KlWeekdays days = 1; days <= KL_WEEKDAYS_ALL; days++)
    {
      g_autofree char *text = kl_reminder_format_days (days);
      KlWeekdays parsed = 0;

      g_assert_true (kl_reminder_parse_days (text, &parsed, NULL));
      g_assert_cmpuint (parsed, ==, days);
    }
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_interval_or_time (void)
{
  g_autoptr(KlReminder) reminder = kl_reminder_new (KL_REMINDER_KIND_MICRO_BREAK);
  guint every_changes = 0;
  guint at_changes = 0;

  g_signal_connect_swapped (reminder, "notify::every", G_CALLBACK (count_notify), &every_changes);
  g_signal_connect_swapped (reminder, "notify::at", G_CALLBACK (count_notify), &at_changes);

  kl_reminder_set_at (reminder, 10 * 60 + 30);
  g_assert_false (kl_reminder_is_interval (reminder));
  g_assert_cmpuint (kl_reminder_get_every (reminder), ==, 0);
  g_assert_cmpint (kl_reminder_get_at (reminder), ==, 630);
  g_assert_cmpuint (every_changes, ==, 1);
  g_assert_cmpuint (at_changes, ==, 1);

  /* The same value again is no change. */
  kl_reminder_set_at (reminder, 10 * 60 + 30);
  g_assert_cmpuint (at_changes, ==, 1);

  kl_reminder_set_every (reminder, 45 * 60);
  g_assert_true (kl_reminder_is_interval (reminder));
  g_assert_cmpuint (kl_reminder_get_every (reminder), ==, 2700);
  g_assert_cmpint (kl_reminder_get_at (reminder), ==, KL_REMINDER_NO_TIME);
  g_assert_cmpuint (every_changes, ==, 2);
  g_assert_cmpuint (at_changes, ==, 2);

  /* Kinds keep their own break. */
  g_assert_cmpuint (kl_reminder_get_break_length (reminder), ==, 20);
}

static void
test_validate (void)
{
  g_autoptr(KlReminder) routine = kl_reminder_new (KL_REMINDER_KIND_ROUTINE);
  g_autoptr(KlReminder) check_in = kl_reminder_new (KL_REMINDER_KIND_CHECK_IN);
  g_autoptr(GError) no_routine = NULL;
  g_autoptr(GError) bad_slug = NULL;
  g_autoptr(GError) no_day = NULL;

  g_assert_false (kl_reminder_validate (routine, &no_routine));
  g_assert_error (no_routine, KL_REMINDER_ERROR, KL_REMINDER_ERROR_INVALID);

  kl_reminder_set_routine (routine, "Neck Stretch");
  g_assert_false (kl_reminder_validate (routine, &bad_slug));
  g_assert_error (bad_slug, KL_REMINDER_ERROR, KL_REMINDER_ERROR_INVALID);
  g_assert_nonnull (strstr (bad_slug->message, "“Neck Stretch”"));

  kl_reminder_set_routine (routine, "neck-stretch-2");
  g_assert_true (kl_reminder_validate (routine, NULL));

  /* An empty slug is none. */
  kl_reminder_set_routine (routine, "");
  g_assert_null (kl_reminder_get_routine (routine));

  kl_reminder_set_days (check_in, 0);
  g_assert_false (kl_reminder_validate (check_in, &no_day));
  g_assert_error (no_day, KL_REMINDER_ERROR, KL_REMINDER_ERROR_INVALID);

  /* Days do not matter to an interval. */
  kl_reminder_set_every (check_in, 4 * 60 * 60);
  g_assert_true (kl_reminder_validate (check_in, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminder/defaults", test_defaults);
  g_test_add_func ("/reminder/working-hours-default", test_working_hours_default);
  g_test_add_func ("/reminder/kind-names", test_kind_names);
  g_test_add_func ("/reminder/duration/parse", test_duration_parse);
  g_test_add_func ("/reminder/duration/errors", test_duration_errors);
  g_test_add_func ("/reminder/duration/messages", test_duration_messages);
  g_test_add_func ("/reminder/duration/format", test_duration_format);
  g_test_add_func ("/reminder/time", test_time);
  g_test_add_func ("/reminder/days/parse", test_days);
  g_test_add_func ("/reminder/days/format", test_days_format);
  g_test_add_func ("/reminder/interval-or-time", test_interval_or_time);
  g_test_add_func ("/reminder/validate", test_validate);

  return g_test_run ();
}
