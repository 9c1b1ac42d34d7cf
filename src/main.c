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

  /* Background mode exists for the reminders; with none set up there is nothing to run, and
   * no reason to need a display. */
  if (request.background)
    {
      g_printerr ("%s\n", _("knotless: no reminders are set up, so there is nothing to run in "
                            "the background."));
      return 0;
    }

  app = kl_application_new (request.data_dir);

  /* The command line is already parsed; a second instance only asks the first to show itself. */
  return g_application_run (G_APPLICATION (app), 1, argv);
}
