/* kl-cli.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-cli-private.h"
#include "kl-store.h"

/* The subcommands, in the order --help lists them. */
static const KlCliCommand commands[] = {
  { NULL }
};

static const KlCliCommand *
find_command (const char *name)
{
  for (guint i = 0; commands[i].name != NULL; i++)
    {
      if (g_strcmp0 (commands[i].name, name) == 0)
        return &commands[i];
    }

  return NULL;
}

static char *
build_usage (void)
{
  GString *usage = g_string_new (NULL);

  g_string_append (usage, _("Usage:\n"));
  g_string_append (usage, _("  knotless [--data-dir DIR]              open the window\n"));
  g_string_append (usage, _("  knotless --background                  reminders only, no window\n"));
  g_string_append (usage, _("  knotless [--data-dir DIR] COMMAND [ARGS…]\n"));
  g_string_append (usage, _("  knotless --version | --help\n"));

  if (commands[0].name != NULL)
    {
      g_string_append (usage, _("\nCommands:\n"));
      for (guint i = 0; commands[i].name != NULL; i++)
        {
          g_autofree char *synopsis = g_strdup_printf ("%s %s", commands[i].name,
                                                       commands[i].arguments);

          g_string_append_printf (usage, "  %-38s %s\n", synopsis, _(commands[i].summary));
        }
    }

  g_string_append (usage, _("\nOptions:\n"));
  g_string_append (usage, _("  --data-dir DIR    keep the database in DIR instead of the user data folder\n"));
  g_string_append (usage, _("  --background      run the reminders without opening a window\n"));
  g_string_append (usage, _("  --version         print the version and exit\n"));
  g_string_append (usage, _("  -h, --help        print this help and exit\n"));
  g_string_append (usage, _("\nExit status: 0 done, 1 failed, 2 bad usage or bad input.\n"));

  return g_string_free (usage, FALSE);
}

int
_kl_cli_usage_error (const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  g_autofree char *usage = build_usage ();
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("knotless: %s\n\n%s", message, usage);
  return KL_CLI_EXIT_USAGE;
}

int
_kl_cli_failure (GError *error)
{
  g_printerr ("knotless: %s\n", error->message);
  return KL_CLI_EXIT_FAILED;
}

char *
_kl_cli_absolute_path (const char *path)
{
  if (path == NULL)
    return NULL;

  return g_canonicalize_filename (path, NULL);
}

void
kl_cli_gui_request_clear (KlCliGuiRequest *request)
{
  g_clear_pointer (&request->data_dir, g_free);
  request->background = FALSE;
}

gboolean
kl_cli_handle (int              argc,
               char           **argv,
               KlCliGuiRequest *out_request,
               int             *out_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_auto(GStrv) args = NULL;
  gboolean background = FALSE;
  gboolean version = FALSE;
  gboolean help = FALSE;
  const KlCliCommand *command;
  int n_args;
  const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &data_dir, NULL, NULL },
    { "background", 0, 0, G_OPTION_ARG_NONE, &background, NULL, NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, NULL, NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    { NULL }
  };

  g_return_val_if_fail (out_request != NULL, TRUE);
  g_return_val_if_fail (out_status != NULL, TRUE);

  out_request->data_dir = NULL;
  out_request->background = FALSE;
  *out_status = KL_CLI_EXIT_OK;

  /* Copy, because the option parser rearranges and removes what it consumes. */
  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  n_args = argc;

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  /* Stop at the first word that is not an option: it names the subcommand, and what follows is
   * the subcommand's to parse. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &n_args, &args, &error))
    {
      *out_status = _kl_cli_usage_error ("%s", error->message);
      return TRUE;
    }

  if (help)
    {
      g_autofree char *usage = build_usage ();

      g_print ("%s", usage);
      return TRUE;
    }

  if (version)
    {
      g_print ("knotless %s\n", PACKAGE_VERSION);
      return TRUE;
    }

  if (data_dir != NULL && data_dir[0] == '\0')
    {
      *out_status = _kl_cli_usage_error (_("--data-dir needs a folder"));
      return TRUE;
    }

  if (n_args < 2)
    {
      out_request->data_dir = _kl_cli_absolute_path (data_dir);
      out_request->background = background;
      return FALSE;
    }

  command = find_command (args[1]);
  if (command == NULL)
    {
      *out_status = _kl_cli_usage_error (_("unknown command “%s”"), args[1]);
      return TRUE;
    }

  if (background)
    {
      *out_status = _kl_cli_usage_error (_("--background does not go with “%s”"), args[1]);
      return TRUE;
    }

  {
    g_autofree char *absolute = _kl_cli_absolute_path (data_dir);

    *out_status = command->run (command, absolute, n_args - 1, args + 1);
  }

  return TRUE;
}
