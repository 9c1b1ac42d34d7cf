/* kl-import-dialog.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_IMPORT_DIALOG (kl_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KlImportDialog, kl_import_dialog, KL, IMPORT_DIALOG, AdwWindow)

GtkWidget *kl_import_dialog_new (GtkWindow *parent,
                                 KlStore   *store,
                                 GFile     *file);

G_END_DECLS
