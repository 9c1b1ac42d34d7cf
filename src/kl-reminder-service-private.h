/* kl-reminder-service-private.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kl-reminder-service.h"

G_BEGIN_DECLS

/* The service's idea of now, µs since the Unix epoch as g_get_real_time (). */
typedef gint64 (*KlReminderServiceClock) (gpointer user_data);

/* For tests: the service reads @clock instead of the real time, and starts its schedule again
 * at the clock's now. Call before the first kl_reminder_service_reload (). */
void kl_reminder_service_set_clock_for_testing (KlReminderService      *self,
                                                KlReminderServiceClock  clock,
                                                gpointer                user_data);

/* For tests: what the service's timer does when it fires, at the clock's now. */
void kl_reminder_service_wake_for_testing      (KlReminderService      *self);

G_END_DECLS
