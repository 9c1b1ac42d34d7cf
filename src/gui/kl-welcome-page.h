/* kl-welcome-page.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KL_TYPE_WELCOME_PAGE (kl_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (KlWelcomePage, kl_welcome_page, KL, WELCOME_PAGE, AdwBin)

GtkWidget *kl_welcome_page_new (void);

G_END_DECLS
