/* kl-body-page.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_BODY_PAGE (kl_body_page_get_type ())

G_DECLARE_FINAL_TYPE (KlBodyPage, kl_body_page, KL, BODY_PAGE, AdwBin)

GtkWidget *kl_body_page_new       (void);
void       kl_body_page_set_store (KlBodyPage *self,
                                   KlStore    *store);

G_END_DECLS
