/* kl-window.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kl-application.h"
#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_WINDOW (kl_window_get_type ())

G_DECLARE_FINAL_TYPE (KlWindow, kl_window, KL, WINDOW, AdwApplicationWindow)

KlWindow *kl_window_new                (KlApplication *application);
void      kl_window_set_store          (KlWindow      *self,
                                        KlStore       *store);
void      kl_window_show_store_problem (KlWindow      *self,
                                        const char    *data_dir,
                                        const GError  *error);
void      kl_window_show_welcome       (KlWindow      *self);
void      kl_window_check_in           (KlWindow      *self);
void      kl_window_show_toast         (KlWindow      *self,
                                        const char    *message);
void      kl_window_add_toast          (KlWindow      *self,
                                        AdwToast      *toast);
void      kl_window_report_error       (GtkWidget     *widget,
                                        const GError  *error);

G_END_DECLS
