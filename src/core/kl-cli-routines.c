/* kl-cli-routines.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* knotless routines | sessions */

#define G_LOG_DOMAIN "kl-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-cli-private.h"
#include "kl-csv.h"
#include "kl-export.h"
#include "kl-store.h"

int
_kl_cli_routines (const KlCliCommand *command,
                  const char         *data_dir,
                  int                 argc,
                  char              **argv)
{
  static const char * const header[] = { "slug", "name", "kind", "regions", "seconds", NULL };
  g_autoptr(KlCsvWriter) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GPtrArray) routines = NULL;

  if (!_kl_cli_parse (command, NULL, &argc, &argv, 0))
    return KL_CLI_EXIT_USAGE;

  if (!(store = kl_store_open (data_dir, &error)) ||
      !(routines = kl_store_list_routines (store, &error)))
    return _kl_cli_failure (error);

  csv = _kl_cli_stdout_csv ();
  if (!kl_csv_writer_write_header (csv, header, NULL, &error))
    return _kl_cli_failure (error);

  for (guint i = 0; i < routines->len; i++)
    {
      KlRoutine *routine = g_ptr_array_index (routines, i);
      g_autofree char *regions = g_strjoinv (";", (char **)kl_routine_get_regions (routine));
      gint64 duration_us = kl_routine_get_duration_us (routine);

      kl_csv_writer_add_text (csv, kl_routine_get_slug (routine));
      kl_csv_writer_add_text (csv, kl_routine_get_name (routine));
      kl_csv_writer_add_text (csv, kl_routine_kind_to_string (kl_routine_get_kind (routine)));
      kl_csv_writer_add_text (csv, regions);
      /* The steps end to end, as kl_routine_get_duration_us () has it, to the nearest second. */
      kl_csv_writer_add_int (csv, (duration_us + G_USEC_PER_SEC / 2) / G_USEC_PER_SEC);
      if (!kl_csv_writer_end_row (csv, NULL, &error))
        return _kl_cli_failure (error);
    }

  if (!kl_csv_writer_flush (csv, NULL, &error))
    return _kl_cli_failure (error);

  return KL_CLI_EXIT_OK;
}

int
_kl_cli_sessions (const KlCliCommand *command,
                  const char         *data_dir,
                  int                 argc,
                  char              **argv)
{
  g_autoptr(KlCsvWriter) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
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

  if (!_kl_cli_parse (command, entries, &argc, &argv, 0) ||
      !_kl_cli_parse_period (from_text, to_text, &from, &to))
    return KL_CLI_EXIT_USAGE;

  if (!(store = kl_store_open (data_dir, &error)) ||
      !(sessions = kl_store_list_sessions (store, from, to, &error)))
    return _kl_cli_failure (error);

  csv = _kl_cli_stdout_csv ();
  if (!kl_export_write_session_header (csv, &error))
    return _kl_cli_failure (error);

  for (guint i = 0; i < sessions->len; i++)
    {
      if (!kl_export_write_session (csv, g_ptr_array_index (sessions, i), &error))
        return _kl_cli_failure (error);
    }

  if (!kl_csv_writer_flush (csv, NULL, &error))
    return _kl_cli_failure (error);

  return KL_CLI_EXIT_OK;
}
