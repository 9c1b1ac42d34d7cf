/* kl-schedule.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kl-reminder.h"

G_BEGIN_DECLS

/* The nicks are the names the break history stores and exports. */
typedef enum
{
  KL_BREAK_OUTCOME_SHOWN,    /*< nick=shown >*/
  KL_BREAK_OUTCOME_TAKEN,    /*< nick=taken >*/
  KL_BREAK_OUTCOME_NATURAL,  /*< nick=natural >*/
  KL_BREAK_OUTCOME_SNOOZED,  /*< nick=snoozed >*/
  KL_BREAK_OUTCOME_SKIPPED,  /*< nick=skipped >*/
} KlBreakOutcomeKind;

/* One event of the break history, for the caller to store. */
typedef struct
{
  gint64              reminder_id;
  KlBreakOutcomeKind  kind;
  gint64              at;          /* µs since the Unix epoch; NATURAL: when the idle began */
  GTimeSpan           duration;    /* TAKEN: the break length; NATURAL: the idle stretch;
                                    * SNOOZED: the snooze; SHOWN, SKIPPED: 0 */
} KlBreakOutcome;

/* How long a snoozed reminder waits before it comes again. */
#define KL_SCHEDULE_SNOOZE (5 * G_TIME_SPAN_MINUTE)

#define KL_TYPE_SCHEDULE (kl_schedule_get_type ())

G_DECLARE_FINAL_TYPE (KlSchedule, kl_schedule, KL, SCHEDULE, GObject)

/* When reminders are due, from the reminders, the working hours, what the person did and the
 * time. Nothing here reads a clock or sets a timer: the caller passes every instant (µs since the
 * Unix epoch, as g_get_real_time ()) and local days and times come from @tz. Calls come in time
 * order; an instant earlier than the last one means the clock was set back, and the running
 * timers and snoozes move back with it (a clock set forward is time passed).
 *
 * The caller's loop: feed activity as it changes; on waking, kl_schedule_take_due () gives the
 * reminders to show; kl_schedule_take_outcomes () the events to store; then
 * kl_schedule_next_due () says when to wake next. The answer holds until the next call that
 * feeds an event, so one timer per due reminder plus the idle and active changes is all it
 * needs. The person counts as active from @now. */
KlSchedule *kl_schedule_new                  (GTimeZone             *tz,
                                              gint64                 now);

/* Reminders are copied: to change one, set the list again. A reminder that keeps its id and its
 * timing keeps its progress; a new, changed or re-enabled one starts from @now. Disabled
 * reminders are left out. Ids must be unique. */
void        kl_schedule_set_reminders        (KlSchedule            *self,
                                              KlReminder * const    *reminders,
                                              guint                  n_reminders,
                                              gint64                 now);
void        kl_schedule_set_working_hours    (KlSchedule            *self,
                                              const KlWorkingHours  *hours,
                                              gint64                 now);

/* Activity: the person is at the desk as of @now; the person has been idle since @idle_since
 * (a screen lock is idle too); the machine slept from @from to @to. Report a suspend before
 * anything else that happened after it. */
void        kl_schedule_note_active          (KlSchedule            *self,
                                              gint64                 now);
void        kl_schedule_note_idle            (KlSchedule            *self,
                                              gint64                 idle_since,
                                              gint64                 now);
void        kl_schedule_note_suspend         (KlSchedule            *self,
                                              gint64                 from,
                                              gint64                 to);

/* Answers to a shown reminder. Done and skip also answer one that is not shown: the interval
 * starts again, or a time-of-day reminder's next occurrence is passed over. Snooze needs a shown
 * reminder. FALSE (nothing recorded) for an id the schedule does not have, or a snooze with
 * nothing shown. */
gboolean    kl_schedule_done                 (KlSchedule            *self,
                                              gint64                 reminder_id,
                                              gint64                 now);
gboolean    kl_schedule_snooze               (KlSchedule            *self,
                                              gint64                 reminder_id,
                                              gint64                 now);
gboolean    kl_schedule_skip                 (KlSchedule            *self,
                                              gint64                 reminder_id,
                                              gint64                 now);

/* Nothing is shown before @until; an @until not after @now ends a pause. Reminders that come
 * due meanwhile are held, and shown once when the pause ends. */
void        kl_schedule_pause_until          (KlSchedule            *self,
                                              gint64                 until,
                                              gint64                 now);
/* The end of the pause, or 0 when none was running at the last call. */
gint64      kl_schedule_get_paused_until     (KlSchedule            *self);
/* The next local midnight: for "pause until tomorrow". */
gint64      kl_schedule_get_tomorrow         (KlSchedule            *self,
                                              gint64                 now);

/* The earliest reminder due, and when, if the person stays at the desk; at <= @now means now.
 * FALSE when nothing can come due before the next event is fed. */
gboolean    kl_schedule_next_due             (KlSchedule            *self,
                                              gint64                 now,
                                              gint64                *out_reminder_id,
                                              gint64                *out_at);
/* The same for one reminder: FALSE when it is shown and waiting for an answer, when its timer
 * cannot run (idle, no working hours) or when the schedule does not have it. */
gboolean    kl_schedule_next_due_for         (KlSchedule            *self,
                                              gint64                 reminder_id,
                                              gint64                 now,
                                              gint64                *out_at);

/* The ids (gint64) of the reminders shown and not answered yet (nor ended by a natural break),
 * in the order they were set: what their notifications still ask. As of the last call; this
 * moves nothing on. */
GArray     *kl_schedule_list_waiting         (KlSchedule            *self);

/* The ids (gint64) of the reminders due at @now, now marked as shown, in the order they were
 * set. A shown reminder is not due again until it is answered or a natural break ends it. */
GArray     *kl_schedule_take_due             (KlSchedule            *self,
                                              gint64                 now);

/* The KlBreakOutcome recorded since the last call, in the order they were recorded. */
GArray     *kl_schedule_take_outcomes        (KlSchedule            *self);

const char *kl_break_outcome_kind_to_string  (KlBreakOutcomeKind     kind);

G_END_DECLS
