/* kl-session.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kl-pain-entry.h"

G_BEGIN_DECLS

/* kl_session_get_stopped_at_step () of a session that was not stopped. */
#define KL_SESSION_NO_STEP (-1)

/* One answer of the safety screening before ball work and heat or cold (CONTENT.md "Safety"). */
typedef enum
{
  KL_SCREENING_UNANSWERED,
  KL_SCREENING_NO,
  KL_SCREENING_YES,
} KlScreeningAnswer;

#define KL_TYPE_SESSION (kl_session_get_type ())

G_DECLARE_FINAL_TYPE (KlSession, kl_session, KL, SESSION, GObject)

/* One time a routine was played: when, how far it got, the pain before and after (0–10 or
 * KL_PAIN_NONE), the knot it was for (0 for none) and the time spent on it, pauses excluded.
 * It is started when the player starts and finished when it ends or is stopped; one that was
 * never finished (the app was closed) has no end. */
KlSession  *kl_session_new                 (const char *routine);
gint64      kl_session_get_id              (KlSession  *self);
const char *kl_session_get_routine         (KlSession  *self);
GDateTime  *kl_session_get_started         (KlSession  *self);
void        kl_session_set_started         (KlSession  *self,
                                            GDateTime  *started);
GDateTime  *kl_session_get_ended           (KlSession  *self);
void        kl_session_set_ended           (KlSession  *self,
                                            GDateTime  *ended);
gboolean    kl_session_get_completed       (KlSession  *self);
void        kl_session_set_completed       (KlSession  *self,
                                            gboolean    completed);
/* The index of the step it was stopped in, or KL_SESSION_NO_STEP. */
int         kl_session_get_stopped_at_step (KlSession  *self);
void        kl_session_set_stopped_at_step (KlSession  *self,
                                            int         step);
int         kl_session_get_pain_before     (KlSession  *self);
void        kl_session_set_pain_before     (KlSession  *self,
                                            int         pain);
int         kl_session_get_pain_after      (KlSession  *self);
void        kl_session_set_pain_after      (KlSession  *self,
                                            int         pain);
gint64      kl_session_get_knot_id         (KlSession  *self);
void        kl_session_set_knot_id         (KlSession  *self,
                                            gint64      knot_id);
guint       kl_session_get_active_seconds  (KlSession  *self);
void        kl_session_set_active_seconds  (KlSession  *self,
                                            guint       seconds);

G_END_DECLS
