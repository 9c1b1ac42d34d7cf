/* kl-entry-list.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_ENTRY_LIST (kl_entry_list_get_type ())

G_DECLARE_FINAL_TYPE (KlEntryList, kl_entry_list, KL, ENTRY_LIST, GObject)

/* The pain journal as a GListModel of KlPainEntry, newest first, for years of entries: it
 * holds only the ids up front and reads entries from the store a page at a time, as a view
 * asks for them, keeping a few pages. */
KlEntryList *kl_entry_list_new          (KlStore              *store);
void         kl_entry_list_set_filter_async  (KlEntryList          *self,
                                              const KlEntryFilter  *filter,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean     kl_entry_list_set_filter_finish (KlEntryList          *self,
                                              GAsyncResult         *result,
                                              GError              **error);
void         kl_entry_list_reload_async      (KlEntryList          *self,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean     kl_entry_list_reload_finish     (KlEntryList          *self,
                                              GAsyncResult         *result,
                                              GError              **error);
guint        kl_entry_list_get_n_pages_read  (KlEntryList          *self);

G_END_DECLS
