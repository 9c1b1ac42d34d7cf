/* kl-application.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kl-reminder-service.h"
#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_APPLICATION (kl_application_get_type ())

G_DECLARE_FINAL_TYPE (KlApplication, kl_application, KL, APPLICATION, AdwApplication)

KlApplication *kl_application_new            (const char     *data_dir);
const char    *kl_application_get_data_dir   (KlApplication  *self);
KlStore       *kl_application_get_store      (KlApplication  *self);
gboolean       kl_application_reopen_store   (KlApplication  *self,
                                              GError        **error);

/* The first activation starts the reminders without a window: knotless --background. */
void           kl_application_set_background (KlApplication  *self,
                                              gboolean        background);
/* After reminders, working hours or the pause changed: the reminders read them again, and
 * Knotless stays running with its window closed while any reminder is on. */
void           kl_application_reload_reminders (KlApplication *self);
/* The running reminders, or NULL while the store is not open. A new service replaces this one
 * when the store is opened again. */
KlReminderService *kl_application_get_reminders (KlApplication *self);

G_END_DECLS
