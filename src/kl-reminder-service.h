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
 *   "changed"  ()                      something was shown, answered, recorded or reloaded,
 *                                      or the person left or came back: what the getters
 *                                      below say may have changed
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

/* The reminder due next, if the person stays at the desk, and when (µs since the Unix epoch;
 * not after now means due now). FALSE when none can come due: none on, all waiting for an
 * answer, or the person is away. The reminder belongs to the service. */
gboolean           kl_reminder_service_get_next     (KlReminderService  *self,
                                                     KlReminder        **out_reminder,
                                                     gint64             *out_at);
/* The end of the running pause, or 0. */
gint64             kl_reminder_service_get_paused_until (KlReminderService *self);
/* Desk time since local midnight, counted since Knotless started. Without idle detection it is
 * clock time. */
GTimeSpan          kl_reminder_service_get_active_today (KlReminderService *self);
/* Whether the idle monitor says the person is away from the desk. */
gboolean           kl_reminder_service_get_away     (KlReminderService  *self);
/* The reminder shown most recently and not answered yet, or NULL: its notification may be gone
 * (clicked away), so the Breaks page offers its answers too. */
KlReminder        *kl_reminder_service_get_waiting  (KlReminderService  *self);
/* KL_IDLE_BACKEND_NONE: breaks count clock time, not desk time. */
KlIdleBackend      kl_reminder_service_get_idle_backend (KlReminderService *self);

/* The words and buttons of a reminder. */
char              *kl_reminder_service_describe     (KlReminder         *reminder,
                                                     char              **out_body);
/* "start" or "done": the answer of a reminder's first button, and its label. */
const char        *kl_reminder_service_main_answer  (KlReminder         *reminder,
                                                     const char        **out_label);

G_END_DECLS
