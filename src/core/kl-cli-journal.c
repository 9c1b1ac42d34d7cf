/* kl-cli-journal.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* knotless log | entries */

#define G_LOG_DOMAIN "kl-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-cli-private.h"
#include "kl-csv.h"
#include "kl-export.h"
#include "kl-store.h"

/* A 0–10 option, or KL_PAIN_NONE when not given; FALSE (after the message) when bad. */
static gboolean
parse_rating (const char *option,
              const char *text,
              int        *out_rating)
{
  gint64 value;

  *out_rating = KL_PAIN_NONE;
  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_signed (text, 10, 0, 10, &value, NULL))
    {
      _kl_cli_usage_error (_("--%s must be a whole number from 0 to 10, not “%s”"), option, text);
      return FALSE;
    }

  *out_rating = value;
  return TRUE;
}

int
_kl_cli_log (const KlCliCommand *command,
             const char         *data_dir,
             int                 argc,
             char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(KlPainEntry) entry = kl_pain_entry_new ();
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *pain = NULL;
  g_autofree char *worst = NULL;
  g_autofree char *least = NULL;
  g_autofree char *note = NULL;
  g_autofree char *when = NULL;
  g_auto(GStrv) knots = NULL;
  g_auto(GStrv) factors = NULL;
  int rating;
  const GOptionEntry entries[] = {
    { "pain", 0, 0, G_OPTION_ARG_STRING, &pain, N_("Pain now"), N_("0–10") },
    { "worst", 0, 0, G_OPTION_ARG_STRING, &worst, N_("Worst pain in the last 24 hours"),
      N_("0–10") },
    { "least", 0, 0, G_OPTION_ARG_STRING, &least, N_("Least pain in the last 24 hours"),
      N_("0–10") },
    { "knot", 0, 0, G_OPTION_ARG_STRING_ARRAY, &knots, N_("A knot that hurts (repeatable)"),
      N_("ID") },
    { "factor", 0, 0, G_OPTION_ARG_STRING_ARRAY, &factors, N_("A factor (repeatable)"),
      N_("NAME") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), N_("TEXT") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &when, N_("When (default: now)"), N_("ISO8601") },
    { NULL }
  };

  if (!_kl_cli_parse (command, entries, &argc, &argv, 0))
    return KL_CLI_EXIT_USAGE;

  if (pain == NULL)
    return _kl_cli_usage_error (_("--pain is needed: how much it hurts now, 0 to 10"));
  if (!parse_rating ("pain", pain, &rating))
    return KL_CLI_EXIT_USAGE;
  kl_pain_entry_set_pain (entry, rating);
  if (!parse_rating ("worst", worst, &rating))
    return KL_CLI_EXIT_USAGE;
  kl_pain_entry_set_worst (entry, rating);
  if (!parse_rating ("least", least, &rating))
    return KL_CLI_EXIT_USAGE;
  kl_pain_entry_set_least (entry, rating);

  if (when != NULL)
    {
      if (!(at = _kl_cli_parse_instant (when)))
        return _kl_cli_usage_error (_("--at must be a date and time like 2026-11-20T14:05:00+01:00,"
                                      " not “%s”"), when);
      kl_pain_entry_set_at (entry, at);
    }

  if (note != NULL)
    kl_pain_entry_set_note (entry, note);
  kl_pain_entry_set_factors (entry, (const char * const *)factors);

  if (!(store = kl_store_open (data_dir, &error)))
    return _kl_cli_failure (error);

  for (guint i = 0; knots != NULL && knots[i] != NULL; i++)
    {
      g_autoptr(KlKnot) knot = NULL;
      gint64 id;

      if (!g_ascii_string_to_signed (knots[i], 10, 1, G_MAXINT64, &id, NULL) ||
          !(knot = kl_store_get_knot (store, id, NULL)))
        return _kl_cli_usage_error (_("There is no knot with id “%s”"), knots[i]);
      kl_pain_entry_add_location (entry, id, kl_knot_get_region (knot), KL_PAIN_NONE);
    }

  if (!kl_store_add_entry (store, entry, &error))
    {
      if (g_error_matches (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID))
        return _kl_cli_usage_error ("%s", error->message);
      return _kl_cli_failure (error);
    }

  g_print ("%" G_GINT64_FORMAT "\n", kl_pain_entry_get_id (entry));
  return KL_CLI_EXIT_OK;
}

static gboolean
write_entry_row (KlPainEntry  *entry,
                 gpointer      user_data,
                 GError      **error)
{
  return kl_export_write_pain_entry (user_data, entry, error);
}

int
_kl_cli_entries (const KlCliCommand *command,
                 const char         *data_dir,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(KlCsvWriter) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  KlEntryFilter filter = { 0 };
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
  filter.from = from;
  filter.to = to;

  if (!(store = kl_store_open (data_dir, &error)))
    return _kl_cli_failure (error);

  csv = _kl_cli_stdout_csv ();
  if (!kl_export_write_pain_header (csv, &error) ||
      !kl_store_foreach_entry (store, &filter, write_entry_row, csv, &error) ||
      !kl_csv_writer_flush (csv, NULL, &error))
    return _kl_cli_failure (error);

  return KL_CLI_EXIT_OK;
}
