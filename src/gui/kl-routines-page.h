/* kl-routines-page.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_ROUTINES_PAGE (kl_routines_page_get_type ())

G_DECLARE_FINAL_TYPE (KlRoutinesPage, kl_routines_page, KL, ROUTINES_PAGE, AdwBin)

GtkWidget *kl_routines_page_new         (void);
void       kl_routines_page_set_store   (KlRoutinesPage *self,
                                         KlStore        *store);
/* Reads the routines, the active knots and the user's results again. */
void       kl_routines_page_reload      (KlRoutinesPage *self);
/* Shows one routine's detail; FALSE when there is no routine of @slug. */
gboolean   kl_routines_page_show_detail (KlRoutinesPage *self,
                                         const char     *slug);
/* Opens the editor on a new, empty routine. */
void       kl_routines_page_new_routine (KlRoutinesPage *self);

G_END_DECLS
