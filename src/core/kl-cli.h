/* kl-cli.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KL_CLI_EXIT_OK     = 0,
  KL_CLI_EXIT_FAILED = 1,
  KL_CLI_EXIT_USAGE  = 2,
} KlCliExit;

/* What the command line asked of the graphical application, when it asked for it. */
typedef struct
{
  char     *data_dir;
  gboolean  background;
} KlCliGuiRequest;

void kl_cli_gui_request_clear (KlCliGuiRequest *request);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KlCliGuiRequest, kl_cli_gui_request_clear)

/* Parses the whole command line without touching GTK. Returns TRUE when the command line was
 * handled here (a subcommand, --version, --help or bad usage), with the exit status in
 * @out_status; FALSE when the window (or background mode) should start, as described by
 * @out_request. */
gboolean kl_cli_handle (int              argc,
                        char           **argv,
                        KlCliGuiRequest *out_request,
                        int             *out_status);

G_END_DECLS
