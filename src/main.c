/* main.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "kl-application.h"
#include "kl-cli.h"

/* TRUE when unsure: the application reports a store it cannot open. */
static gboolean
any_reminder_on (const char *data_dir)
{
  g_autofree char *default_dir = kl_store_default_data_dir ();
  g_autoptr(KlStore) store = kl_store_open (data_dir != NULL ? data_dir : default_dir, NULL);
  g_autoptr(GPtrArray) reminders = NULL;

  if (store == NULL || !(reminders = kl_store_list_reminders (store, NULL)))
    return TRUE;

  for (guint i = 0; i < reminders->len; i++)
    if (kl_reminder_get_enabled (g_ptr_array_index (reminders, i)))
      return TRUE;

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KlApplication) app = NULL;
  g_auto(KlCliGuiRequest) request = { 0 };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Subcommands, --help and --version are answered here, before GTK is initialised, so they
   * work with no display. */
  if (kl_cli_handle (argc, argv, &request, &status))
    return status;

  /* Background mode exists for the reminders; with none on there is nothing to run, and no
   * reason to need a display. */
  if (request.background && !any_reminder_on (request.data_dir))
    {
      g_printerr ("%s\n", _("knotless: no reminders are on, so there is nothing to run in the "
                            "background."));
      return 0;
    }

  app = kl_application_new (request.data_dir);

  if (request.background)
    {
      /* Already running: its reminders are running too, and no window is wanted. */
      if (g_application_register (G_APPLICATION (app), NULL, NULL) &&
          g_application_get_is_remote (G_APPLICATION (app)))
        return 0;
      kl_application_set_background (app, TRUE);
    }

  /* The command line is already parsed; a second instance only asks the first to show itself. */
  return g_application_run (G_APPLICATION (app), 1, argv);
}
