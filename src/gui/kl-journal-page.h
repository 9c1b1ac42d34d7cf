/* kl-journal-page.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_JOURNAL_PAGE (kl_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (KlJournalPage, kl_journal_page, KL, JOURNAL_PAGE, AdwBin)

GtkWidget *kl_journal_page_new      (void);
void       kl_journal_page_set_store (KlJournalPage *self,
                                      KlStore       *store);
void       kl_journal_page_check_in (KlJournalPage *self);
gboolean   kl_journal_page_get_loading (KlJournalPage *self);
void       kl_journal_page_reload (KlJournalPage *self);

G_END_DECLS
