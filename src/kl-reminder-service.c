/* kl-reminder-service.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-reminder-service"

#include "config.h"

#include <glib/gi18n.h>

#include "kl-reminder-service.h"
#include "kl-reminder-service-private.h"
#include "kl-schedule.h"

/* The idle threshold: the shortest break of the reminders, within these bounds. A shorter one
 * would call a pause to read a paragraph a break. */
#define MIN_IDLE_THRESHOLD 10
#define MAX_IDLE_THRESHOLD (5 * 60)

struct _KlReminderService
{
  GObject         parent_instance;

  KlStore        *store;
  KlNotifier     *notifier;
  KlIdleMonitor  *idle_monitor;
  KlSchedule     *schedule;
  GPtrArray      *reminders;     /* KlReminder, all of them, enabled or not */

  guint           timeout_id;
  gint64          suspended_at;

  /* What the schedule said at the last wake; it holds until the next event, which wakes the
   * service again. Kept so that asking does not move the schedule on. */
  gboolean        has_next;
  gint64          next_id;
  gint64          next_at;
  gboolean        told_problem;
  gint64          last_shown_id; /* the reminder the notification on screen is about */

  /* Today's desk time: what was counted before @active_since, and since then while active
   * (0 when away). @active_day is the local midnight that started the day counted. */
  GTimeSpan       active_today;
  gint64          active_since;
  gint64          active_day;

  KlReminderServiceClock clock;
  gpointer        clock_data;
};

G_DEFINE_FINAL_TYPE (KlReminderService, kl_reminder_service, G_TYPE_OBJECT)

enum {
  SIGNAL_START,
  SIGNAL_OPEN,
  SIGNAL_IN_APP,
  SIGNAL_PROBLEM,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void wake (KlReminderService *self);

static gint64
now_of (KlReminderService *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_get_real_time ();
}

static gint64
local_midnight (gint64 instant)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (instant / G_USEC_PER_SEC);
  g_autoptr(GDateTime) midnight = NULL;

  midnight = g_date_time_new_local (g_date_time_get_year (at), g_date_time_get_month (at),
                                    g_date_time_get_day_of_month (at), 0, 0, 0);
  return g_date_time_to_unix (midnight) * G_USEC_PER_SEC;
}

void
kl_reminder_service_set_clock_for_testing (KlReminderService      *self,
                                           KlReminderServiceClock  clock,
                                           gpointer                user_data)
{
  g_return_if_fail (KL_IS_REMINDER_SERVICE (self));

  self->clock = clock;
  self->clock_data = user_data;

  /* The schedule started on the real clock: start it again on this one. */
  if (self->schedule != NULL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      gint64 now = now_of (self);

      g_clear_object (&self->schedule);
      self->schedule = kl_schedule_new (tz, now);
      self->active_today = 0;
      self->active_since = now;
      self->active_day = local_midnight (now);
    }
}

void
kl_reminder_service_wake_for_testing (KlReminderService *self)
{
  g_return_if_fail (KL_IS_REMINDER_SERVICE (self));

  wake (self);
}

/* Starts a new day's count once the day changed. */
static void
roll_day (KlReminderService *self,
          gint64             now)
{
  gint64 day = local_midnight (now);

  if (day == self->active_day)
    return;

  self->active_day = day;
  self->active_today = 0;
  if (self->active_since != 0)
    self->active_since = MAX (self->active_since, day);
}

/* The person left the desk at @until: the stretch since @active_since was desk time. */
static void
count_active_until (KlReminderService *self,
                    gint64             until,
                    gint64             now)
{
  roll_day (self, now);
  if (self->active_since != 0 && until > self->active_since)
    self->active_today += until - MAX (self->active_since, self->active_day);
  self->active_since = 0;
}

KlReminder *
kl_reminder_service_get_reminder (KlReminderService *self,
                                  gint64             reminder_id)
{
  g_return_val_if_fail (KL_IS_REMINDER_SERVICE (self), NULL);

  for (guint i = 0; self->reminders != NULL && i < self->reminders->len; i++)
    if (kl_reminder_get_id (g_ptr_array_index (self->reminders, i)) == reminder_id)
      return g_ptr_array_index (self->reminders, i);

  return NULL;
}

char *
kl_reminder_service_describe (KlReminder  *reminder,
                              char       **out_body)
{
  guint length = kl_reminder_get_break_length (reminder);
  g_autofree char *duration = length > 0 ? kl_reminder_format_duration (length) : NULL;
  const char *summary = NULL;
  char *body = NULL;

  switch (kl_reminder_get_kind (reminder))
    {
    case KL_REMINDER_KIND_MICRO_BREAK:
      summary = _("Time for a micro-break");
      /* Translators: %s is a duration such as 20s */
      body = g_strdup_printf (_("Look at something about 6 m away for %s, and let your "
                                "shoulders drop."), duration != NULL ? duration : "20s");
      break;
    case KL_REMINDER_KIND_STRETCH_BREAK:
      summary = _("Time to stand and stretch");
      body = g_strdup_printf (_("Stand up and move for %s. The desk routine walks you "
                                "through it."), duration != NULL ? duration : "2m");
      break;
    case KL_REMINDER_KIND_ROUTINE:
      summary = _("Time for your routine");
      body = g_strdup (_("Your self-massage routine is ready when you are."));
      break;
    case KL_REMINDER_KIND_CHECK_IN:
      summary = _("How are your knots today?");
      body = g_strdup (_("A check-in takes a minute and keeps your journal useful."));
      break;
    case KL_REMINDER_KIND_HYDRATION:
      summary = _("Time for some water");
      body = g_strdup (_("Have a glass of water, and stand up while you are at it."));
      break;
    default:
      g_assert_not_reached ();
    }

  if (out_body != NULL)
    *out_body = body;
  else
    g_free (body);

  return g_strdup (summary);
}

const char *
kl_reminder_service_main_answer (KlReminder  *reminder,
                                 const char **out_label)
{
  switch (kl_reminder_get_kind (reminder))
    {
    case KL_REMINDER_KIND_STRETCH_BREAK:
    case KL_REMINDER_KIND_ROUTINE:
    case KL_REMINDER_KIND_CHECK_IN:
      if (out_label != NULL)
        *out_label = _("Start");
      return "start";
    default:
      if (out_label != NULL)
        *out_label = _("Done");
      return "done";
    }
}

/* Everything the schedule recorded, into the break history. */
static void
store_outcomes (KlReminderService *self)
{
  g_autoptr(GArray) outcomes = kl_schedule_take_outcomes (self->schedule);
  g_autoptr(GError) error = NULL;

  if (outcomes == NULL || outcomes->len == 0)
    return;

  if (!kl_store_add_break_events (self->store, outcomes, &error))
    g_warning ("Could not store the break history: %s", error->message);
}

gboolean
kl_reminder_service_get_next (KlReminderService  *self,
                              KlReminder        **out_reminder,
                              gint64             *out_at)
{
  KlReminder *reminder;

  g_return_val_if_fail (KL_IS_REMINDER_SERVICE (self), FALSE);

  if (!self->has_next ||
      (reminder = kl_reminder_service_get_reminder (self, self->next_id)) == NULL)
    return FALSE;

  if (out_reminder != NULL)
    *out_reminder = reminder;
  if (out_at != NULL)
    *out_at = self->next_at;
  return TRUE;
}

gint64
kl_reminder_service_get_paused_until (KlReminderService *self)
{
  g_return_val_if_fail (KL_IS_REMINDER_SERVICE (self), 0);

  return kl_schedule_get_paused_until (self->schedule);
}

GTimeSpan
kl_reminder_service_get_active_today (KlReminderService *self)
{
  gint64 now;

  g_return_val_if_fail (KL_IS_REMINDER_SERVICE (self), 0);

  now = now_of (self);
  roll_day (self, now);
  if (self->active_since == 0 || now <= self->active_since)
    return self->active_today;

  return self->active_today + (now - MAX (self->active_since, self->active_day));
}

gboolean
kl_reminder_service_get_away (KlReminderService *self)
{
  g_return_val_if_fail (KL_IS_REMINDER_SERVICE (self), FALSE);

  return self->active_since == 0;
}

KlReminder *
kl_reminder_service_get_waiting (KlReminderService *self)
{
  g_autoptr(GArray) waiting = NULL;
  KlReminder *newest = NULL;

  g_return_val_if_fail (KL_IS_REMINDER_SERVICE (self), NULL);

  /* Only one notification is on screen at a time, the newest: answer that one first. */
  waiting = kl_schedule_list_waiting (self->schedule);
  for (guint i = 0; i < waiting->len; i++)
    {
      KlReminder *reminder = kl_reminder_service_get_reminder (self,
                                                               g_array_index (waiting, gint64, i));

      if (reminder != NULL &&
          (newest == NULL || kl_reminder_get_id (reminder) == self->last_shown_id))
        newest = reminder;
    }

  return newest;
}

KlIdleBackend
kl_reminder_service_get_idle_backend (KlReminderService *self)
{
  g_return_val_if_fail (KL_IS_REMINDER_SERVICE (self), KL_IDLE_BACKEND_NONE);

  return kl_idle_monitor_get_backend (self->idle_monitor);
}

static void
show (KlReminderService *self,
      KlReminder        *reminder)
{
  g_autofree char *body = NULL;
  g_autofree char *summary = kl_reminder_service_describe (reminder, &body);
  const char *label;
  const char *answer = kl_reminder_service_main_answer (reminder, &label);
  const char *actions[] = { answer, label,
                            "snooze", _("Snooze 5 min"),
                            "skip", _("Skip"),
                            NULL };

  if (!kl_notifier_has_actions (self->notifier))
    {
      char *longer = g_strdup_printf (_("%s To answer, open Knotless."), body);

      g_free (body);
      body = longer;
    }

  self->last_shown_id = kl_reminder_get_id (reminder);
  if (!kl_notifier_show (self->notifier, kl_reminder_get_id (reminder), summary, body, actions))
    g_signal_emit (self, signals[SIGNAL_IN_APP], 0, reminder, summary);
}

static gboolean
timeout_cb (gpointer user_data)
{
  KlReminderService *self = user_data;

  self->timeout_id = 0;
  wake (self);
  return G_SOURCE_REMOVE;
}

/* Shows what is due, stores what happened and sleeps until the next reminder: one timer. */
static void
wake (KlReminderService *self)
{
  g_autoptr(GArray) due = NULL;
  gint64 now = now_of (self);
  gint64 id, at;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  due = kl_schedule_take_due (self->schedule, now);
  for (guint i = 0; i < due->len; i++)
    {
      KlReminder *reminder = kl_reminder_service_get_reminder (self,
                                                               g_array_index (due, gint64, i));
      if (reminder != NULL)
        show (self, reminder);
    }
  store_outcomes (self);

  self->has_next = kl_schedule_next_due (self->schedule, now, &id, &at);
  self->next_id = self->has_next ? id : 0;
  self->next_at = self->has_next ? at : 0;
  if (self->has_next)
    {
      gint64 wait_ms = MAX (at - now, 0) / 1000;

      /* Round up, so the timer never fires just before the reminder is due. */
      self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                             (guint) MIN (wait_ms + 1, G_MAXUINT),
                                             timeout_cb, self, NULL);
      g_debug ("Next reminder %" G_GINT64_FORMAT " in %" G_GINT64_FORMAT " ms", id, wait_ms);
    }

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

gboolean
kl_reminder_service_answer (KlReminderService *self,
                            gint64             reminder_id,
                            const char        *answer)
{
  KlReminder *reminder;
  gint64 now = now_of (self);
  gboolean answered = FALSE;

  g_return_val_if_fail (KL_IS_REMINDER_SERVICE (self), FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);

  reminder = kl_reminder_service_get_reminder (self, reminder_id);
  if (reminder == NULL)
    return FALSE;
  g_object_ref (reminder);

  if (g_str_equal (answer, "start") || g_str_equal (answer, "done"))
    answered = kl_schedule_done (self->schedule, reminder_id, now);
  else if (g_str_equal (answer, "snooze"))
    answered = kl_schedule_snooze (self->schedule, reminder_id, now);
  else if (g_str_equal (answer, "skip"))
    answered = kl_schedule_skip (self->schedule, reminder_id, now);
  else
    g_warning ("Not an answer to a reminder: %s", answer);

  /* Answered in the window: the notification about it has nothing left to ask. */
  if (answered && reminder_id == self->last_shown_id)
    {
      self->last_shown_id = 0;
      kl_notifier_withdraw (self->notifier);
    }

  wake (self);

  if (answered && g_str_equal (answer, "start"))
    g_signal_emit (self, signals[SIGNAL_START], 0, reminder);
  g_object_unref (reminder);

  return answered;
}

gboolean
kl_reminder_service_has_enabled (KlReminderService *self)
{
  g_return_val_if_fail (KL_IS_REMINDER_SERVICE (self), FALSE);

  for (guint i = 0; self->reminders != NULL && i < self->reminders->len; i++)
    if (kl_reminder_get_enabled (g_ptr_array_index (self->reminders, i)))
      return TRUE;

  return FALSE;
}

gboolean
kl_reminder_service_reload (KlReminderService  *self,
                            GError            **error)
{
  g_autoptr(GPtrArray) reminders = NULL;
  KlWorkingHours hours;
  gint64 paused_until = 0;
  gint64 now = now_of (self);
  guint threshold = MAX_IDLE_THRESHOLD;

  g_return_val_if_fail (KL_IS_REMINDER_SERVICE (self), FALSE);

  reminders = kl_store_list_reminders (self->store, error);
  if (reminders == NULL ||
      !kl_store_get_working_hours (self->store, &hours, error) ||
      !kl_store_get_paused_until (self->store, &paused_until, error))
    return FALSE;

  g_clear_pointer (&self->reminders, g_ptr_array_unref);
  self->reminders = g_steal_pointer (&reminders);

  kl_schedule_set_working_hours (self->schedule, &hours, now);
  kl_schedule_set_reminders (self->schedule, (KlReminder * const *) self->reminders->pdata,
                             self->reminders->len, now);
  kl_schedule_pause_until (self->schedule, paused_until, now);

  for (guint i = 0; i < self->reminders->len; i++)
    {
      KlReminder *reminder = g_ptr_array_index (self->reminders, i);
      guint length = kl_reminder_get_break_length (reminder);

      if (kl_reminder_get_enabled (reminder) && kl_reminder_is_interval (reminder) && length > 0)
        threshold = MIN (threshold, length);
    }
  kl_idle_monitor_set_threshold (self->idle_monitor, MAX (threshold, MIN_IDLE_THRESHOLD));

  wake (self);
  return TRUE;
}

static void
idle_cb (KlIdleMonitor     *monitor,
         gint64             idle_since,
         KlReminderService *self)
{
  gint64 now = now_of (self);

  count_active_until (self, MIN (idle_since, now), now);
  kl_schedule_note_idle (self->schedule, MIN (idle_since, now), now);
  wake (self);
}

static void
active_cb (KlIdleMonitor     *monitor,
           KlReminderService *self)
{
  gint64 now = now_of (self);

  roll_day (self, now);
  if (self->active_since == 0)
    self->active_since = now;
  kl_schedule_note_active (self->schedule, now);
  wake (self);
}

static void
suspend_cb (KlIdleMonitor     *monitor,
            KlReminderService *self)
{
  self->suspended_at = now_of (self);
  count_active_until (self, self->suspended_at, self->suspended_at);
  store_outcomes (self);
}

static void
resume_cb (KlIdleMonitor     *monitor,
           KlReminderService *self)
{
  gint64 now = now_of (self);

  if (self->suspended_at != 0 && self->suspended_at <= now)
    kl_schedule_note_suspend (self->schedule, self->suspended_at, now);
  self->suspended_at = 0;
  roll_day (self, now);
  self->active_since = now;
  wake (self);
}

static void
notifier_action_cb (KlNotifier        *notifier,
                    gint64             tag,
                    const char        *action,
                    KlReminderService *self)
{
  if (g_str_equal (action, "default"))
    g_signal_emit (self, signals[SIGNAL_OPEN], 0);
  else
    kl_reminder_service_answer (self, tag, action);
}

static void
notifier_fallback_cb (KlNotifier        *notifier,
                      const char        *problem,
                      KlReminderService *self)
{
  if (self->told_problem)
    return;

  self->told_problem = TRUE;
  g_signal_emit (self, signals[SIGNAL_PROBLEM], 0, problem);
}

KlReminderService *
kl_reminder_service_new (KlStore       *store,
                         KlNotifier    *notifier,
                         KlIdleMonitor *idle_monitor)
{
  KlReminderService *self;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  g_return_val_if_fail (KL_IS_STORE (store), NULL);
  g_return_val_if_fail (KL_IS_NOTIFIER (notifier), NULL);
  g_return_val_if_fail (KL_IS_IDLE_MONITOR (idle_monitor), NULL);

  self = g_object_new (KL_TYPE_REMINDER_SERVICE, NULL);
  self->store = g_object_ref (store);
  self->notifier = g_object_ref (notifier);
  self->idle_monitor = g_object_ref (idle_monitor);
  self->schedule = kl_schedule_new (tz, g_get_real_time ());
  /* As the schedule does, the person counts as at the desk from the start. */
  self->active_since = g_get_real_time ();
  self->active_day = local_midnight (self->active_since);

  g_signal_connect_object (idle_monitor, "idle", G_CALLBACK (idle_cb), self, 0);
  g_signal_connect_object (idle_monitor, "active", G_CALLBACK (active_cb), self, 0);
  g_signal_connect_object (idle_monitor, "suspend", G_CALLBACK (suspend_cb), self, 0);
  g_signal_connect_object (idle_monitor, "resume", G_CALLBACK (resume_cb), self, 0);
  g_signal_connect_object (notifier, "action", G_CALLBACK (notifier_action_cb), self, 0);
  g_signal_connect_object (notifier, "fallback", G_CALLBACK (notifier_fallback_cb), self, 0);

  return self;
}

static void
kl_reminder_service_dispose (GObject *object)
{
  KlReminderService *self = KL_REMINDER_SERVICE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->schedule != NULL && self->store != NULL)
    store_outcomes (self);

  G_OBJECT_CLASS (kl_reminder_service_parent_class)->dispose (object);
}

static void
kl_reminder_service_finalize (GObject *object)
{
  KlReminderService *self = KL_REMINDER_SERVICE (object);

  g_clear_pointer (&self->reminders, g_ptr_array_unref);
  g_clear_object (&self->schedule);
  g_clear_object (&self->idle_monitor);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kl_reminder_service_parent_class)->finalize (object);
}

static void
kl_reminder_service_class_init (KlReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kl_reminder_service_dispose;
  object_class->finalize = kl_reminder_service_finalize;

  signals[SIGNAL_START] = g_signal_new ("start", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, KL_TYPE_REMINDER);
  signals[SIGNAL_OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_IN_APP] = g_signal_new ("in-app", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                         KL_TYPE_REMINDER, G_TYPE_STRING);
  signals[SIGNAL_PROBLEM] = g_signal_new ("problem", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
kl_reminder_service_init (KlReminderService *self)
{
}
