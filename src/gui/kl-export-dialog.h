/* kl-export-dialog.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_EXPORT_DIALOG (kl_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KlExportDialog, kl_export_dialog, KL, EXPORT_DIALOG, AdwWindow)

GtkWidget *kl_export_dialog_new (GtkWindow *parent,
                                 KlStore   *store);

G_END_DECLS
