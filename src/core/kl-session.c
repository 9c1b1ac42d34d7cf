/* kl-session.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-session"

#include "config.h"

#include "kl-session-private.h"

struct _KlSession
{
  GObject     parent_instance;

  gint64      id;
  char       *routine;
  GDateTime  *started;
  GDateTime  *ended;
  gboolean    completed;
  int         stopped_at_step;
  int         pain_before;
  int         pain_after;
  gint64      knot_id;
  guint       active_seconds;
};

G_DEFINE_FINAL_TYPE (KlSession, kl_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROUTINE,
  PROP_STARTED,
  PROP_ENDED,
  PROP_COMPLETED,
  PROP_STOPPED_AT_STEP,
  PROP_PAIN_BEFORE,
  PROP_PAIN_AFTER,
  PROP_KNOT_ID,
  PROP_ACTIVE_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

KlSession *
kl_session_new (const char *routine)
{
  g_return_val_if_fail (routine != NULL, NULL);

  return g_object_new (KL_TYPE_SESSION, "routine", routine, NULL);
}

static void
kl_session_finalize (GObject *object)
{
  KlSession *self = (KlSession *)object;

  g_clear_pointer (&self->routine, g_free);
  g_clear_pointer (&self->started, g_date_time_unref);
  g_clear_pointer (&self->ended, g_date_time_unref);

  G_OBJECT_CLASS (kl_session_parent_class)->finalize (object);
}

static void
kl_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KlSession *self = KL_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ROUTINE:
      g_value_set_string (value, self->routine);
      break;
    case PROP_STARTED:
      g_value_set_boxed (value, self->started);
      break;
    case PROP_ENDED:
      g_value_set_boxed (value, self->ended);
      break;
    case PROP_COMPLETED:
      g_value_set_boolean (value, self->completed);
      break;
    case PROP_STOPPED_AT_STEP:
      g_value_set_int (value, self->stopped_at_step);
      break;
    case PROP_PAIN_BEFORE:
      g_value_set_int (value, self->pain_before);
      break;
    case PROP_PAIN_AFTER:
      g_value_set_int (value, self->pain_after);
      break;
    case PROP_KNOT_ID:
      g_value_set_int64 (value, self->knot_id);
      break;
    case PROP_ACTIVE_SECONDS:
      g_value_set_uint (value, self->active_seconds);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KlSession *self = KL_SESSION (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      self->routine = g_value_dup_string (value);
      break;
    case PROP_STARTED:
      kl_session_set_started (self, g_value_get_boxed (value));
      break;
    case PROP_ENDED:
      kl_session_set_ended (self, g_value_get_boxed (value));
      break;
    case PROP_COMPLETED:
      kl_session_set_completed (self, g_value_get_boolean (value));
      break;
    case PROP_STOPPED_AT_STEP:
      kl_session_set_stopped_at_step (self, g_value_get_int (value));
      break;
    case PROP_PAIN_BEFORE:
      kl_session_set_pain_before (self, g_value_get_int (value));
      break;
    case PROP_PAIN_AFTER:
      kl_session_set_pain_after (self, g_value_get_int (value));
      break;
    case PROP_KNOT_ID:
      kl_session_set_knot_id (self, g_value_get_int64 (value));
      break;
    case PROP_ACTIVE_SECONDS:
      kl_session_set_active_seconds (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_session_class_init (KlSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kl_session_finalize;
  object_class->get_property = kl_session_get_property;
  object_class->set_property = kl_session_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  /* A slug, not a reference: the session outlives a routine the user deletes. */
  properties[PROP_ROUTINE] = g_param_spec_string ("routine", NULL, NULL, NULL,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_STARTED] = g_param_spec_boxed ("started", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_ENDED] = g_param_spec_boxed ("ended", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_COMPLETED] = g_param_spec_boolean ("completed", NULL, NULL, FALSE, rw);
  properties[PROP_STOPPED_AT_STEP] = g_param_spec_int ("stopped-at-step", NULL, NULL,
                                                       KL_SESSION_NO_STEP, G_MAXINT,
                                                       KL_SESSION_NO_STEP, rw);
  properties[PROP_PAIN_BEFORE] = g_param_spec_int ("pain-before", NULL, NULL,
                                                   KL_PAIN_NONE, 10, KL_PAIN_NONE, rw);
  properties[PROP_PAIN_AFTER] = g_param_spec_int ("pain-after", NULL, NULL,
                                                  KL_PAIN_NONE, 10, KL_PAIN_NONE, rw);
  properties[PROP_KNOT_ID] = g_param_spec_int64 ("knot-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ACTIVE_SECONDS] = g_param_spec_uint ("active-seconds", NULL, NULL,
                                                       0, G_MAXUINT, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_session_init (KlSession *self)
{
  self->stopped_at_step = KL_SESSION_NO_STEP;
  self->pain_before = KL_PAIN_NONE;
  self->pain_after = KL_PAIN_NONE;
}

gint64
kl_session_get_id (KlSession *self)
{
  g_return_val_if_fail (KL_IS_SESSION (self), 0);
  return self->id;
}

void
_kl_session_set_id (KlSession *self,
                    gint64     id)
{
  g_return_if_fail (KL_IS_SESSION (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
kl_session_get_routine (KlSession *self)
{
  g_return_val_if_fail (KL_IS_SESSION (self), NULL);
  return self->routine;
}

static gboolean
set_date_time (GDateTime **slot,
               GDateTime  *value)
{
  if (*slot == value || (*slot != NULL && value != NULL && g_date_time_equal (*slot, value) &&
                         g_date_time_get_utc_offset (*slot) == g_date_time_get_utc_offset (value)))
    return FALSE;

  g_clear_pointer (slot, g_date_time_unref);
  *slot = value != NULL ? g_date_time_ref (value) : NULL;
  return TRUE;
}

GDateTime *
kl_session_get_started (KlSession *self)
{
  g_return_val_if_fail (KL_IS_SESSION (self), NULL);
  return self->started;
}

void
kl_session_set_started (KlSession *self,
                       GDateTime *started)
{
  g_return_if_fail (KL_IS_SESSION (self));

  if (set_date_time (&self->started, started))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);
}

GDateTime *
kl_session_get_ended (KlSession *self)
{
  g_return_val_if_fail (KL_IS_SESSION (self), NULL);
  return self->ended;
}

void
kl_session_set_ended (KlSession *self,
                     GDateTime *ended)
{
  g_return_if_fail (KL_IS_SESSION (self));

  if (set_date_time (&self->ended, ended))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDED]);
}

gboolean
kl_session_get_completed (KlSession *self)
{
  g_return_val_if_fail (KL_IS_SESSION (self), FALSE);
  return self->completed;
}

void
kl_session_set_completed (KlSession *self,
                          gboolean   value)
{
  g_return_if_fail (KL_IS_SESSION (self));

  value = !!value;
  if (self->completed != value)
    {
      self->completed = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED]);
    }
}

int
kl_session_get_stopped_at_step (KlSession *self)
{
  g_return_val_if_fail (KL_IS_SESSION (self), KL_SESSION_NO_STEP);
  return self->stopped_at_step;
}

void
kl_session_set_stopped_at_step (KlSession *self,
                                int        value)
{
  g_return_if_fail (KL_IS_SESSION (self));
  g_return_if_fail (value >= KL_SESSION_NO_STEP);

  if (self->stopped_at_step != value)
    {
      self->stopped_at_step = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STOPPED_AT_STEP]);
    }
}

int
kl_session_get_pain_before (KlSession *self)
{
  g_return_val_if_fail (KL_IS_SESSION (self), KL_PAIN_NONE);
  return self->pain_before;
}

void
kl_session_set_pain_before (KlSession *self,
                            int        value)
{
  g_return_if_fail (KL_IS_SESSION (self));
  g_return_if_fail (value == KL_PAIN_NONE || (value >= 0 && value <= 10));

  if (self->pain_before != value)
    {
      self->pain_before = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIN_BEFORE]);
    }
}

int
kl_session_get_pain_after (KlSession *self)
{
  g_return_val_if_fail (KL_IS_SESSION (self), KL_PAIN_NONE);
  return self->pain_after;
}

void
kl_session_set_pain_after (KlSession *self,
                           int        value)
{
  g_return_if_fail (KL_IS_SESSION (self));
  g_return_if_fail (value == KL_PAIN_NONE || (value >= 0 && value <= 10));

  if (self->pain_after != value)
    {
      self->pain_after = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAIN_AFTER]);
    }
}

gint64
kl_session_get_knot_id (KlSession *self)
{
  g_return_val_if_fail (KL_IS_SESSION (self), 0);
  return self->knot_id;
}

void
kl_session_set_knot_id (KlSession *self,
                        gint64     value)
{
  g_return_if_fail (KL_IS_SESSION (self));
  g_return_if_fail (value >= 0);

  if (self->knot_id != value)
    {
      self->knot_id = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOT_ID]);
    }
}

guint
kl_session_get_active_seconds (KlSession *self)
{
  g_return_val_if_fail (KL_IS_SESSION (self), 0);
  return self->active_seconds;
}

void
kl_session_set_active_seconds (KlSession *self,
                               guint      value)
{
  g_return_if_fail (KL_IS_SESSION (self));

  if (self->active_seconds != value)
    {
      self->active_seconds = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE_SECONDS]);
    }
}
