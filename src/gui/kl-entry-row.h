/* kl-entry-row.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kl-pain-entry.h"

G_BEGIN_DECLS

#define KL_TYPE_ENTRY_ROW (kl_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (KlEntryRow, kl_entry_row, KL, ENTRY_ROW, GtkWidget)

GtkWidget *kl_entry_row_new       (void);
void       kl_entry_row_set_entry (KlEntryRow  *self,
                                   KlPainEntry *entry,
                                   gboolean     first_of_day);

G_END_DECLS
