/* kl-reminder-service.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kl-idle-monitor.h"
#include "kl-notifier.h"
#include "kl-store.h"

G_BEGIN_DECLS

#define KL_TYPE_REMINDER_SERVICE (kl_reminder_service_get_type ())

G_DECLARE_FINAL_TYPE (KlReminderService, kl_reminder_service, KL, REMINDER_SERVICE, GObject)

/* Runs the break reminders: reads them, the working hours and the pause from @store, feeds a
 * KlSchedule with what @idle_monitor sees, sleeps on one timer until the next reminder is due,
 * shows it through @notifier and stores what became of it. Signals:
 *
 *   "start"    (KlReminder *reminder)  the person chose Start: play its routine, or check in
 *   "open"     ()                      the notification was clicked: show the window
 *   "in-app"   (KlReminder *reminder, const char *summary)
 *                                      no notification server: show it in the window instead
 *   "problem"  (const char *message)   once: why reminders show in the window
 *
 * Answers come from the notification's buttons, or kl_reminder_service_answer (). */
KlReminderService *kl_reminder_service_new          (KlStore            *store,
                                                     KlNotifier         *notifier,
                                                     KlIdleMonitor      *idle_monitor);

/* Reads the reminders, the working hours and the pause again: after any of them changed. */
gboolean           kl_reminder_service_reload       (KlReminderService  *self,
                                                     GError            **error);

/* Whether any reminder is on: then Knotless keeps running with its window closed. */
gboolean           kl_reminder_service_has_enabled  (KlReminderService  *self);

/* @answer: "start", "done", "snooze" or "skip". "start" counts as taken. */
gboolean           kl_reminder_service_answer       (KlReminderService  *self,
                                                     gint64              reminder_id,
                                                     const char         *answer);

KlReminder        *kl_reminder_service_get_reminder (KlReminderService  *self,
                                                     gint64              reminder_id);

/* The words and buttons of a reminder. */
char              *kl_reminder_service_describe     (KlReminder         *reminder,
                                                     char              **out_body);
/* "start" or "done": the answer of a reminder's first button, and its label. */
const char        *kl_reminder_service_main_answer  (KlReminder         *reminder,
                                                     const char        **out_label);

G_END_DECLS
