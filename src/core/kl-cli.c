/* kl-cli.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-cli"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "kl-cli-private.h"
#include "kl-import.h"
#include "kl-store.h"

/* The subcommands, in the order --help lists them. */
static const KlCliCommand commands[] = {
  { "regions", "", N_("the regions of the body chart"), _kl_cli_regions },
  { "knots", "[--all]", N_("the knots (resolved ones too with --all)"), _kl_cli_knots },
  { "knot", "add REGION [--side left|right] [--latent] [--pain N] [--note TEXT]",
    N_("mark a knot; prints its id"), _kl_cli_knot },
  { "knot", "resolve ID", N_("mark a knot as resolved"), _kl_cli_knot },
  { "log", "--pain N [--worst N] [--least N] [--knot ID]... [--factor NAME]... [--note TEXT]"
    " [--at ISO8601]", N_("add a check-in to the pain journal"), _kl_cli_log },
  { "entries", "[--from DATE] [--to DATE]", N_("the pain journal, as CSV"), _kl_cli_entries },
  { "export", "pain|knots|sessions|breaks|all [--from DATE] [--to DATE] [-o FILE|DIR|-] [--bom]",
    N_("write CSV files: one per dataset, atomically, readable only by you"), _kl_cli_export },
  { "import", "pain FILE [--dry-run]",
    N_("read pain entries from CSV: all rows or none, identical ones skipped"), _kl_cli_import },
  { "routines", "", N_("the routines, built-in and your own, as CSV"), _kl_cli_routines },
  { "sessions", "[--from DATE] [--to DATE]", N_("the routine sessions, as CSV"),
    _kl_cli_sessions },
  { "reminders", "", N_("the reminders and their schedules, as CSV"), _kl_cli_reminders },
  { "reminder", "add KIND (--every DURATION | --at HH:MM) [--days mon,tue,...] [--routine SLUG]",
    N_("add a reminder; prints its id"), _kl_cli_reminder },
  { "reminder", "enable|disable|remove ID", N_("turn a reminder on or off, or remove it"),
    _kl_cli_reminder },
  { "breaks", "[--from DATE] [--to DATE]", N_("the break history, as CSV"), _kl_cli_breaks },
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
          g_autofree char *synopsis = g_strdup_printf ("knotless %s %s", commands[i].name,
                                                       commands[i].arguments);

          g_string_append_printf (usage, "  %s\n      %s\n", g_strstrip (synopsis),
                                  _(commands[i].summary));
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

gboolean
_kl_cli_parse (const KlCliCommand  *command,
               const GOptionEntry  *entries,
               int                 *argc,
               char              ***argv,
               int                  n_arguments)
{
  g_autoptr(GOptionContext) context = g_option_context_new (command->arguments);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, _(command->summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      _kl_cli_usage_error ("%s", error->message);
      return FALSE;
    }

  /* Left: the command's own name, then its arguments. */
  if (*argc - 1 < n_arguments)
    {
      _kl_cli_usage_error (_("“%s” needs %s"), command->name, command->arguments);
      return FALSE;
    }
  if (*argc - 1 > n_arguments)
    {
      _kl_cli_usage_error (_("“%s” does not take “%s”"), command->name, (*argv)[n_arguments + 1]);
      return FALSE;
    }

  return TRUE;
}

/* ISO 8601 with or without seconds or an offset (local time then), or a date alone (its
 * midnight). */
GDateTime *
_kl_cli_parse_instant (const char *text)
{
  return kl_import_parse_date_time (text, 0);
}

/* --from and --to of the listings, either NULL: @out_to is the end of the period, excluded.
 * FALSE after the usage message, which names the bad value. */
gboolean
_kl_cli_parse_period (const char  *from_text,
                      const char  *to_text,
                      GDateTime  **out_from,
                      GDateTime  **out_to)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (from_text != NULL && !(from = _kl_cli_parse_instant (from_text)))
    {
      _kl_cli_usage_error (_("--from must be a date like 2026-11-20, not “%s”"), from_text);
      return FALSE;
    }

  if (to_text != NULL && !(end = _kl_cli_parse_instant (to_text)))
    {
      _kl_cli_usage_error (_("--to must be a date like 2026-11-20, not “%s”"), to_text);
      return FALSE;
    }

  *out_from = g_steal_pointer (&from);
  /* A date alone means the whole of that day; an instant, up to and including it. */
  if (end == NULL)
    *out_to = NULL;
  else
    *out_to = strchr (to_text, 'T') == NULL ? g_date_time_add_days (end, 1)
                                            : g_date_time_add_seconds (end, 0.001);
  return TRUE;
}

KlCsvWriter *
_kl_cli_stdout_csv (void)
{
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  g_autoptr(GOutputStream) buffered = g_buffered_output_stream_new_sized (out, 64 * 1024);

  return kl_csv_writer_new (buffered);
}

/* --data-dir works with every form, after the subcommand too: take it out before the
 * subcommand parses its own options. */
static gboolean
take_data_dir (int     *argc,
               char  **argv,
               char  **data_dir)
{
  int kept = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        {
          while (i < *argc)
            argv[kept++] = argv[i++];
          break;
        }
      if (g_str_equal (argv[i], "--data-dir"))
        {
          if (i + 1 >= *argc)
            return FALSE;
          g_free (*data_dir);
          *data_dir = g_strdup (argv[++i]);
          g_free (argv[i - 1]);
          g_free (argv[i]);
          continue;
        }
      if (g_str_has_prefix (argv[i], "--data-dir="))
        {
          g_free (*data_dir);
          *data_dir = g_strdup (argv[i] + strlen ("--data-dir="));
          g_free (argv[i]);
          continue;
        }
      argv[kept++] = argv[i];
    }

  argv[kept] = NULL;
  *argc = kept;
  return TRUE;
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
    g_autofree char *absolute = NULL;
    int n_command_args = n_args - 1;
    char **command_args = args + 1;

    if (!take_data_dir (&n_command_args, command_args, &data_dir))
      {
        *out_status = _kl_cli_usage_error (_("--data-dir needs a folder"));
        return TRUE;
      }
    if (data_dir != NULL && data_dir[0] == '\0')
      {
        *out_status = _kl_cli_usage_error (_("--data-dir needs a folder"));
        return TRUE;
      }

    absolute = _kl_cli_absolute_path (data_dir);
    *out_status = command->run (command, absolute, n_command_args, command_args);
  }

  return TRUE;
}
