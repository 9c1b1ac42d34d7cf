/* kl-cli-reminders.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* knotless reminders | reminder add | reminder enable | reminder disable | reminder remove |
 * breaks */

#define G_LOG_DOMAIN "kl-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-cli-private.h"
#include "kl-csv.h"
#include "kl-export.h"
#include "kl-routine.h"
#include "kl-store.h"

int
_kl_cli_reminders (const KlCliCommand *command,
                   const char         *data_dir,
                   int                 argc,
                   char              **argv)
{
  static const char * const header[] = {
    "id", "kind", "enabled", "every", "at", "days", "routine", "break_length", NULL
  };
  g_autoptr(KlCsvWriter) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GPtrArray) reminders = NULL;

  if (!_kl_cli_parse (command, NULL, &argc, &argv, 0))
    return KL_CLI_EXIT_USAGE;

  if (!(store = kl_store_open (data_dir, &error)) ||
      !(reminders = kl_store_list_reminders (store, &error)))
    return _kl_cli_failure (error);

  csv = _kl_cli_stdout_csv ();
  if (!kl_csv_writer_write_header (csv, header, NULL, &error))
    return _kl_cli_failure (error);

  for (guint i = 0; i < reminders->len; i++)
    {
      KlReminder *reminder = g_ptr_array_index (reminders, i);
      guint break_length = kl_reminder_get_break_length (reminder);

      kl_csv_writer_add_int (csv, kl_reminder_get_id (reminder));
      kl_csv_writer_add_text (csv, kl_reminder_kind_to_string (kl_reminder_get_kind (reminder)));
      kl_csv_writer_add_text (csv, kl_reminder_get_enabled (reminder) ? "yes" : "no");

      /* Days only apply to a time of day: an interval follows the working hours. */
      if (kl_reminder_is_interval (reminder))
        {
          g_autofree char *every = kl_reminder_format_duration (kl_reminder_get_every (reminder));

          kl_csv_writer_add_text (csv, every);
          kl_csv_writer_add_empty (csv);
          kl_csv_writer_add_empty (csv);
        }
      else
        {
          g_autofree char *at = kl_reminder_format_time (kl_reminder_get_at (reminder));
          g_autofree char *days = kl_reminder_format_days (kl_reminder_get_days (reminder));

          kl_csv_writer_add_empty (csv);
          kl_csv_writer_add_text (csv, at);
          kl_csv_writer_add_text (csv, days);
        }

      kl_csv_writer_add_text (csv, kl_reminder_get_routine (reminder));
      if (break_length > 0)
        {
          g_autofree char *length = kl_reminder_format_duration (break_length);

          kl_csv_writer_add_text (csv, length);
        }
      else
        kl_csv_writer_add_empty (csv);

      if (!kl_csv_writer_end_row (csv, NULL, &error))
        return _kl_cli_failure (error);
    }

  if (!kl_csv_writer_flush (csv, NULL, &error))
    return _kl_cli_failure (error);

  return KL_CLI_EXIT_OK;
}

static int
add_reminder (const KlCliCommand *command,
              const char         *data_dir,
              int                 argc,
              char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(KlReminder) reminder = NULL;
  g_autofree char *every = NULL;
  g_autofree char *at = NULL;
  g_autofree char *days = NULL;
  g_autofree char *routine = NULL;
  KlReminderKind kind;
  const GOptionEntry entries[] = {
    { "every", 0, 0, G_OPTION_ARG_STRING, &every, N_("Every so long at the desk, 5s to 24h"),
      N_("DURATION") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at, N_("At this time of day"), N_("HH:MM") },
    { "days", 0, 0, G_OPTION_ARG_STRING, &days, N_("On these days (with --at; default daily)"),
      N_("mon,tue,...") },
    { "routine", 0, 0, G_OPTION_ARG_STRING, &routine, N_("The routine to offer"), N_("SLUG") },
    { NULL }
  };

  if (!_kl_cli_parse (command, entries, &argc, &argv, 1))
    return KL_CLI_EXIT_USAGE;

  if (!kl_reminder_kind_from_string (argv[1], &kind, &error))
    return _kl_cli_usage_error ("%s", error->message);

  if (every != NULL && at != NULL)
    return _kl_cli_usage_error (_("--every “%s” and --at “%s” do not go together: a reminder "
                                  "comes at intervals or at a time of day"), every, at);
  if (every == NULL && at == NULL)
    return _kl_cli_usage_error (_("“reminder add” needs --every DURATION or --at HH:MM"));

  reminder = kl_reminder_new (kind);

  if (every != NULL)
    {
      guint seconds;

      if (!kl_reminder_parse_duration (every, &seconds, &error))
        return _kl_cli_usage_error ("--every: %s", error->message);
      if (days != NULL)
        return _kl_cli_usage_error (_("--days “%s” goes with --at only: a reminder --every "
                                      "DURATION follows the working hours"), days);
      kl_reminder_set_every (reminder, seconds);
    }
  else
    {
      guint minute_of_day;

      if (!kl_reminder_parse_time (at, &minute_of_day, &error))
        return _kl_cli_usage_error ("--at: %s", error->message);
      kl_reminder_set_at (reminder, minute_of_day);
    }

  if (days != NULL)
    {
      KlWeekdays weekdays;

      if (!kl_reminder_parse_days (days, &weekdays, &error))
        return _kl_cli_usage_error ("--days: %s", error->message);
      kl_reminder_set_days (reminder, weekdays);
    }

  if (routine != NULL)
    kl_reminder_set_routine (reminder, routine);

  if (!kl_reminder_validate (reminder, &error))
    return _kl_cli_usage_error ("%s", error->message);

  /* Before the store is opened, as the store checks it too: bad input writes nothing, not even
   * a new empty journal. */
  if (kl_reminder_get_routine (reminder) != NULL)
    {
      g_autoptr(KlRoutine) found = kl_routine_load_builtin (kl_reminder_get_routine (reminder),
                                                            &error);

      if (found == NULL)
        {
          if (g_error_matches (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_MISSING))
            return _kl_cli_usage_error ("--routine: %s", error->message);
          return _kl_cli_failure (error);
        }
    }

  if (!(store = kl_store_open (data_dir, &error)))
    return _kl_cli_failure (error);

  if (!kl_store_add_reminder (store, reminder, &error))
    {
      if (g_error_matches (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID))
        return _kl_cli_usage_error ("%s", error->message);
      return _kl_cli_failure (error);
    }

  g_print ("%" G_GINT64_FORMAT "\n", kl_reminder_get_id (reminder));
  return KL_CLI_EXIT_OK;
}

typedef enum
{
  CHANGE_ENABLE,
  CHANGE_DISABLE,
  CHANGE_REMOVE,
} Change;

static int
change_reminder (const KlCliCommand *command,
                 const char         *data_dir,
                 int                 argc,
                 char              **argv,
                 Change              change)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(KlReminder) reminder = NULL;
  guint64 id;
  gboolean done;

  if (!_kl_cli_parse (command, NULL, &argc, &argv, 1))
    return KL_CLI_EXIT_USAGE;

  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return _kl_cli_usage_error (_("a reminder id is a whole number, not “%s”"), argv[1]);

  if (!(store = kl_store_open (data_dir, &error)))
    return _kl_cli_failure (error);

  if (!(reminder = kl_store_get_reminder (store, (gint64)id, &error)))
    {
      if (g_error_matches (error, KL_STORE_ERROR, KL_STORE_ERROR_NOT_FOUND))
        return _kl_cli_usage_error (_("unknown reminder id “%s” (“knotless reminders” lists "
                                      "them)"), argv[1]);
      return _kl_cli_failure (error);
    }

  if (change == CHANGE_REMOVE)
    done = kl_store_remove_reminder (store, reminder, NULL, &error);
  else
    done = kl_store_set_reminder_enabled (store, reminder, change == CHANGE_ENABLE, &error);

  if (!done)
    return _kl_cli_failure (error);

  return KL_CLI_EXIT_OK;
}

static int
enable_reminder (const KlCliCommand *command,
                 const char         *data_dir,
                 int                 argc,
                 char              **argv)
{
  return change_reminder (command, data_dir, argc, argv, CHANGE_ENABLE);
}

static int
disable_reminder (const KlCliCommand *command,
                  const char         *data_dir,
                  int                 argc,
                  char              **argv)
{
  return change_reminder (command, data_dir, argc, argv, CHANGE_DISABLE);
}

static int
remove_reminder (const KlCliCommand *command,
                 const char         *data_dir,
                 int                 argc,
                 char              **argv)
{
  return change_reminder (command, data_dir, argc, argv, CHANGE_REMOVE);
}

/* "reminder add …", "reminder enable …" and the others share the word "reminder". */
static const KlCliCommand reminder_commands[] = {
  { "add", "KIND (--every DURATION | --at HH:MM) [--days mon,tue,...] [--routine SLUG]",
    N_("add a reminder; prints its id"), add_reminder },
  { "enable", "ID", N_("turn a reminder on"), enable_reminder },
  { "disable", "ID", N_("turn a reminder off"), disable_reminder },
  { "remove", "ID", N_("remove a reminder; its break history stays"), remove_reminder },
};

int
_kl_cli_reminder (const KlCliCommand *command,
                  const char         *data_dir,
                  int                 argc,
                  char              **argv)
{
  for (guint i = 0; argc > 1 && i < G_N_ELEMENTS (reminder_commands); i++)
    {
      if (g_str_equal (argv[1], reminder_commands[i].name))
        {
          KlCliCommand sub = reminder_commands[i];
          g_autofree char *name = g_strdup_printf ("reminder %s", sub.name);

          sub.name = name;
          return sub.run (&sub, data_dir, argc - 1, argv + 1);
        }
    }

  if (argc < 2)
    return _kl_cli_usage_error (_("“reminder” needs “add”, “enable”, “disable” or “remove”"));

  return _kl_cli_usage_error (_("unknown command “reminder %s”"), argv[1]);
}

int
_kl_cli_breaks (const KlCliCommand *command,
                const char         *data_dir,
                int                 argc,
                char              **argv)
{
  g_autoptr(KlCsvWriter) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GArray) events = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("From this day or instant on"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Up to this day (included) or instant"),
      N_("DATE") },
    { NULL }
  };

  if (!_kl_cli_parse (command, entries, &argc, &argv, 0))
    return KL_CLI_EXIT_USAGE;

  if (!_kl_cli_parse_period (from_text, to_text, &from, &to))
    return KL_CLI_EXIT_USAGE;

  if (!(store = kl_store_open (data_dir, &error)) ||
      !(events = kl_store_list_break_events (store, from, to, &error)))
    return _kl_cli_failure (error);

  csv = _kl_cli_stdout_csv ();
  if (!kl_export_write_break_header (csv, &error))
    return _kl_cli_failure (error);

  for (guint i = 0; i < events->len; i++)
    if (!kl_export_write_break_event (csv, &g_array_index (events, KlBreakEvent, i), &error))
      return _kl_cli_failure (error);

  if (!kl_csv_writer_flush (csv, NULL, &error))
    return _kl_cli_failure (error);

  return KL_CLI_EXIT_OK;
}
