/* kl-store-problem-page.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KL_TYPE_STORE_PROBLEM_PAGE (kl_store_problem_page_get_type ())

G_DECLARE_FINAL_TYPE (KlStoreProblemPage, kl_store_problem_page, KL, STORE_PROBLEM_PAGE, AdwBin)

GtkWidget *kl_store_problem_page_new         (void);
void       kl_store_problem_page_set_problem (KlStoreProblemPage *self,
                                              const GError       *error,
                                              gboolean            recoverable,
                                              gboolean            backup_exists);

G_END_DECLS
