/* kl-breaks-page.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_BREAKS_PAGE (kl_breaks_page_get_type ())

G_DECLARE_FINAL_TYPE (KlBreaksPage, kl_breaks_page, KL, BREAKS_PAGE, AdwBin)

/* The next break with a live countdown, today's desk time and breaks, the pause, and every
 * reminder and the working hours to edit. It reads @store when it first shows, and follows the
 * application's reminder service; after an edit the service reads them again. */
GtkWidget *kl_breaks_page_new       (void);
void       kl_breaks_page_set_store (KlBreaksPage *self,
                                     KlStore      *store);

G_END_DECLS
