/* kl-cli-export.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* knotless export | import */

#define G_LOG_DOMAIN "kl-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-cli-private.h"
#include "kl-csv-reader.h"
#include "kl-export.h"
#include "kl-import.h"
#include "kl-store.h"

static gboolean
export_to (KlStore          *store,
           KlExportDataset   dataset,
           GDateTime        *from,
           GDateTime        *to,
           const char       *path,
           gboolean          bom,
           GError          **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *name = kl_export_file_name (dataset, now);
      g_autofree char *file = g_build_filename (path, name, NULL);

      if (!kl_export_to_file (store, dataset, from, to, file, bom, NULL, NULL, NULL, error))
        return FALSE;
      g_print ("%s\n", file);
      return TRUE;
    }

  return kl_export_to_file (store, dataset, from, to, path, bom, NULL, NULL, NULL, error);
}

int
_kl_cli_export (const KlCliCommand *command,
                const char         *data_dir,
                int                 argc,
                char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *output = NULL;
  gboolean bom = FALSE;
  gboolean all;
  KlExportDataset dataset = KL_EXPORT_PAIN;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("From this day or instant on"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Up to this day (included) or instant"),
      N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE, into the folder DIR, or to standard output (-)"), N_("FILE|DIR|-") },
    { "bom", 0, 0, G_OPTION_ARG_NONE, &bom,
      N_("Start with a UTF-8 byte order mark, for Microsoft Excel"), NULL },
    { NULL }
  };

  if (!_kl_cli_parse (command, entries, &argc, &argv, 1))
    return KL_CLI_EXIT_USAGE;

  all = g_str_equal (argv[1], "all");
  if (!all && !kl_export_dataset_from_string (argv[1], &dataset))
    return _kl_cli_usage_error (_("“%s” is not something to export: pain, knots, sessions, breaks or all"),
                                argv[1]);
  if (!_kl_cli_parse_period (from_text, to_text, &from, &to))
    return KL_CLI_EXIT_USAGE;

  /* Every dataset is a file of its own: "all" needs a folder. */
  if (all && output != NULL && !g_file_test (output, G_FILE_TEST_IS_DIR))
    return _kl_cli_usage_error (_("“export all” writes one file per dataset: -o must be a folder, "
                                  "not “%s”"), output);

  if (!(store = kl_store_open (data_dir, &error)))
    return _kl_cli_failure (error);

  if (all)
    {
      for (guint i = 0; i < KL_EXPORT_N_DATASETS; i++)
        if (!export_to (store, i, from, to, output != NULL ? output : ".", bom, &error))
          return _kl_cli_failure (error);
      return KL_CLI_EXIT_OK;
    }

  if (output == NULL || g_str_equal (output, "-"))
    {
      g_autoptr(KlCsvWriter) csv = _kl_cli_stdout_csv ();

      kl_csv_writer_set_bom (csv, bom);
      if (!kl_export_write (store, dataset, from, to, csv, NULL, NULL, NULL, &error))
        return _kl_cli_failure (error);
      return KL_CLI_EXIT_OK;
    }

  if (!export_to (store, dataset, from, to, output, bom, &error))
    return _kl_cli_failure (error);

  return KL_CLI_EXIT_OK;
}

int
_kl_cli_import (const KlCliCommand *command,
                const char         *data_dir,
                int                 argc,
                char              **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KlStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(KlPainImport) import = NULL;
  gboolean dry_run = FALSE;
  guint added = 0, skipped = 0;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show how the columns are read and check every row, but write nothing"), NULL },
    { NULL }
  };

  if (!_kl_cli_parse (command, entries, &argc, &argv, 2))
    return KL_CLI_EXIT_USAGE;

  if (!g_str_equal (argv[1], "pain"))
    return _kl_cli_usage_error (_("Only pain entries can be imported, not “%s”"), argv[1]);

  file = g_file_new_for_commandline_arg (argv[2]);
  if (!(stream = g_file_read (file, NULL, &error)))
    {
      g_printerr ("knotless: %s\n", error->message);
      return KL_CLI_EXIT_USAGE;
    }

  import = kl_pain_import_new (G_INPUT_STREAM (stream));
  if (!kl_pain_import_read_header (import, NULL, &error))
    {
      g_printerr ("knotless: %s: %s\n", argv[2], error->message);
      return KL_CLI_EXIT_USAGE;
    }

  if (dry_run)
    for (guint i = 0; i < kl_pain_import_get_n_columns (import); i++)
      {
        const char *use = kl_pain_import_get_column_use (import, i);

        /* Translators: how a column of an imported file is read: "Pain level → Pain" */
        g_print (_("%s → %s\n"), kl_pain_import_get_column_name (import, i),
                 use != NULL ? use : _("(ignored)"));
      }

  if (!(store = kl_store_open (data_dir, &error)))
    return _kl_cli_failure (error);

  if (!kl_pain_import_run (import, store, dry_run, NULL, &added, &skipped, &error))
    {
      g_printerr ("knotless: %s: %s\n", argv[2], error->message);
      return g_error_matches (error, KL_IMPORT_ERROR, KL_IMPORT_ERROR_INVALID) ||
             error->domain == KL_CSV_ERROR ? KL_CLI_EXIT_USAGE : KL_CLI_EXIT_FAILED;
    }

  if (dry_run)
    /* Translators: the outcome of a dry run of an import */
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u entry would be imported, %u identical to one "
                          "stored skipped; nothing was written.\n",
                          "%u entries would be imported, %u identical to ones stored skipped; "
                          "nothing was written.\n", added),
             added, skipped);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u entry imported, %u identical to one stored skipped.\n",
                          "%u entries imported, %u identical to ones stored skipped.\n", added),
             added, skipped);

  return KL_CLI_EXIT_OK;
}
