/* kl-check-in-dialog.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_CHECK_IN_DIALOG (kl_check_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KlCheckInDialog, kl_check_in_dialog, KL, CHECK_IN_DIALOG, AdwWindow)

/* A new check-in when @entry is NULL, else an edit of @entry (which stays as it is until the
 * edit is saved). Emits "saved" (KlPainEntry, created) once stored, "delete-entry" when the
 * user asks to delete the entry being edited. */
GtkWidget *kl_check_in_dialog_new (GtkWindow   *parent,
                                   KlStore     *store,
                                   KlPainEntry *entry);

G_END_DECLS
