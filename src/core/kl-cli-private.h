/* kl-cli-private.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kl-cli.h"
#include "kl-csv.h"

G_BEGIN_DECLS

typedef struct _KlCliCommand KlCliCommand;

/* One subcommand. @run gets the absolute --data-dir (NULL for the default folder) and its own
 * argv, argv[0] being the command's name, and returns a KlCliExit. */
struct _KlCliCommand
{
  const char *name;
  const char *arguments;
  const char *summary;
  int       (*run) (const KlCliCommand *command,
                    const char         *data_dir,
                    int                 argc,
                    char              **argv);
};

int          _kl_cli_usage_error   (const char          *format,
                                    ...) G_GNUC_PRINTF (1, 2);
int          _kl_cli_failure       (GError              *error);
char        *_kl_cli_absolute_path (const char          *path);
gboolean     _kl_cli_parse         (const KlCliCommand  *command,
                                    const GOptionEntry  *entries,
                                    int                 *argc,
                                    char              ***argv,
                                    int                  n_arguments);
KlCsvWriter *_kl_cli_stdout_csv    (void);
GDateTime   *_kl_cli_parse_instant (const char          *text);
gboolean     _kl_cli_parse_period  (const char          *from_text,
                                    const char          *to_text,
                                    GDateTime          **out_from,
                                    GDateTime          **out_to);

/* ISO 8601 with or without an offset (local time then), or a date alone (its midnight). */
GDateTime   *_kl_cli_parse_instant (const char          *text);
/* --from and --to, each NULL when not given, as a period from @out_from up to (not including)
 * @out_to: a date alone for --to takes in the whole of that day. FALSE, after the usage
 * message, when one is not a date. */
gboolean     _kl_cli_parse_period  (const char          *from_text,
                                    const char          *to_text,
                                    GDateTime          **out_from,
                                    GDateTime          **out_to);

/* The subcommands. */
int _kl_cli_regions (const KlCliCommand *command, const char *data_dir, int argc, char **argv);
int _kl_cli_knots   (const KlCliCommand *command, const char *data_dir, int argc, char **argv);
int _kl_cli_knot    (const KlCliCommand *command, const char *data_dir, int argc, char **argv);
int _kl_cli_log     (const KlCliCommand *command, const char *data_dir, int argc, char **argv);
int _kl_cli_entries (const KlCliCommand *command, const char *data_dir, int argc, char **argv);
int _kl_cli_export  (const KlCliCommand *command, const char *data_dir, int argc, char **argv);
int _kl_cli_import  (const KlCliCommand *command, const char *data_dir, int argc, char **argv);
int _kl_cli_routines (const KlCliCommand *command, const char *data_dir, int argc, char **argv);
int _kl_cli_sessions (const KlCliCommand *command, const char *data_dir, int argc, char **argv);
int _kl_cli_reminders (const KlCliCommand *command, const char *data_dir, int argc, char **argv);
int _kl_cli_reminder  (const KlCliCommand *command, const char *data_dir, int argc, char **argv);
int _kl_cli_breaks    (const KlCliCommand *command, const char *data_dir, int argc, char **argv);

G_END_DECLS
