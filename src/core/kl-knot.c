/* kl-knot.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-knot"

#include "config.h"

#include "kl-core-enums.h"
#include "kl-knot-private.h"

struct _KlKnot
{
  GObject      parent_instance;

  gint64       id;
  char        *region;
  double       x;
  double       y;
  KlKnotState  state;
  int          tenderness;
  int          previous_tenderness;
  gboolean     referred;
  char        *referred_to;
  KlTwitch     twitch;
  char        *note;
  GDateTime   *created;
  GDateTime   *resolved;
};

G_DEFINE_FINAL_TYPE (KlKnot, kl_knot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REGION,
  PROP_X,
  PROP_Y,
  PROP_STATE,
  PROP_TENDERNESS,
  PROP_PREVIOUS_TENDERNESS,
  PROP_REFERRED,
  PROP_REFERRED_TO,
  PROP_TWITCH,
  PROP_NOTE,
  PROP_CREATED,
  PROP_RESOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() arrived in GLib 2.76. */
static gboolean
set_string (char       **slot,
            const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

KlKnot *
kl_knot_new (void)
{
  return g_object_new (KL_TYPE_KNOT, NULL);
}

static void
kl_knot_finalize (GObject *object)
{
  KlKnot *self = (KlKnot *)object;

  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->referred_to, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->resolved, g_date_time_unref);

  G_OBJECT_CLASS (kl_knot_parent_class)->finalize (object);
}

static void
kl_knot_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KlKnot *self = KL_KNOT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_X:
      g_value_set_double (value, self->x);
      break;
    case PROP_Y:
      g_value_set_double (value, self->y);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_TENDERNESS:
      g_value_set_int (value, self->tenderness);
      break;
    case PROP_PREVIOUS_TENDERNESS:
      g_value_set_int (value, self->previous_tenderness);
      break;
    case PROP_REFERRED:
      g_value_set_boolean (value, self->referred);
      break;
    case PROP_REFERRED_TO:
      g_value_set_string (value, self->referred_to);
      break;
    case PROP_TWITCH:
      g_value_set_enum (value, self->twitch);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_RESOLVED:
      g_value_set_boxed (value, self->resolved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_knot_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  KlKnot *self = KL_KNOT (object);

  switch (prop_id)
    {
    case PROP_REGION:
      kl_knot_set_region (self, g_value_get_string (value));
      break;
    case PROP_STATE:
      kl_knot_set_state (self, g_value_get_enum (value));
      break;
    case PROP_REFERRED:
      kl_knot_set_referred (self, g_value_get_boolean (value));
      break;
    case PROP_REFERRED_TO:
      kl_knot_set_referred_to (self, g_value_get_string (value));
      break;
    case PROP_TWITCH:
      kl_knot_set_twitch (self, g_value_get_enum (value));
      break;
    case PROP_NOTE:
      kl_knot_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_knot_class_init (KlKnotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kl_knot_finalize;
  object_class->get_property = kl_knot_get_property;
  object_class->set_property = kl_knot_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, rw);
  properties[PROP_X] = g_param_spec_double ("x", NULL, NULL, 0, 1, 0.5, ro);
  properties[PROP_Y] = g_param_spec_double ("y", NULL, NULL, 0, 1, 0.5, ro);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, KL_TYPE_KNOT_STATE,
                                              KL_KNOT_ACTIVE, rw);
  properties[PROP_TENDERNESS] = g_param_spec_int ("tenderness", NULL, NULL,
                                                  KL_KNOT_NO_RATING, 10, KL_KNOT_NO_RATING, ro);
  properties[PROP_PREVIOUS_TENDERNESS] = g_param_spec_int ("previous-tenderness", NULL, NULL,
                                                           KL_KNOT_NO_RATING, 10,
                                                           KL_KNOT_NO_RATING, ro);
  properties[PROP_REFERRED] = g_param_spec_boolean ("referred", NULL, NULL, FALSE, rw);
  properties[PROP_REFERRED_TO] = g_param_spec_string ("referred-to", NULL, NULL, NULL, rw);
  properties[PROP_TWITCH] = g_param_spec_enum ("twitch", NULL, NULL, KL_TYPE_TWITCH,
                                               KL_TWITCH_UNSURE, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_RESOLVED] = g_param_spec_boxed ("resolved", NULL, NULL, G_TYPE_DATE_TIME, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_knot_init (KlKnot *self)
{
  self->x = 0.5;
  self->y = 0.5;
  self->tenderness = KL_KNOT_NO_RATING;
  self->previous_tenderness = KL_KNOT_NO_RATING;
  self->referred_to = g_strdup ("");
  self->note = g_strdup ("");
}

gint64
kl_knot_get_id (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), 0);
  return self->id;
}

const char *
kl_knot_get_region (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), NULL);
  return self->region;
}

void
kl_knot_set_region (KlKnot     *self,
                    const char *region)
{
  g_return_if_fail (KL_IS_KNOT (self));

  if (set_string (&self->region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

double
kl_knot_get_x (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), 0);
  return self->x;
}

double
kl_knot_get_y (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), 0);
  return self->y;
}

void
kl_knot_set_position (KlKnot *self,
                      double  x,
                      double  y)
{
  g_return_if_fail (KL_IS_KNOT (self));

  x = CLAMP (x, 0.0, 1.0);
  y = CLAMP (y, 0.0, 1.0);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->x != x)
    {
      self->x = x;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
    }
  if (self->y != y)
    {
      self->y = y;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

KlKnotState
kl_knot_get_state (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), KL_KNOT_ACTIVE);
  return self->state;
}

void
kl_knot_set_state (KlKnot      *self,
                   KlKnotState  state)
{
  g_return_if_fail (KL_IS_KNOT (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

int
kl_knot_get_tenderness (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), KL_KNOT_NO_RATING);
  return self->tenderness;
}

int
kl_knot_get_previous_tenderness (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), KL_KNOT_NO_RATING);
  return self->previous_tenderness;
}

gboolean
kl_knot_get_referred (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), FALSE);
  return self->referred;
}

void
kl_knot_set_referred (KlKnot   *self,
                      gboolean  referred)
{
  g_return_if_fail (KL_IS_KNOT (self));

  referred = !!referred;
  if (self->referred != referred)
    {
      self->referred = referred;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRED]);
    }
}

const char *
kl_knot_get_referred_to (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), NULL);
  return self->referred_to;
}

void
kl_knot_set_referred_to (KlKnot     *self,
                         const char *where)
{
  g_return_if_fail (KL_IS_KNOT (self));

  if (set_string (&self->referred_to, where != NULL ? where : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERRED_TO]);
}

KlTwitch
kl_knot_get_twitch (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), KL_TWITCH_UNSURE);
  return self->twitch;
}

void
kl_knot_set_twitch (KlKnot   *self,
                    KlTwitch  twitch)
{
  g_return_if_fail (KL_IS_KNOT (self));

  if (self->twitch != twitch)
    {
      self->twitch = twitch;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TWITCH]);
    }
}

const char *
kl_knot_get_note (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), NULL);
  return self->note;
}

void
kl_knot_set_note (KlKnot     *self,
                  const char *note)
{
  g_return_if_fail (KL_IS_KNOT (self));

  if (set_string (&self->note, note != NULL ? note : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

GDateTime *
kl_knot_get_created (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), NULL);
  return self->created;
}

GDateTime *
kl_knot_get_resolved (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), NULL);
  return self->resolved;
}

gboolean
kl_knot_is_resolved (KlKnot *self)
{
  g_return_val_if_fail (KL_IS_KNOT (self), FALSE);
  return self->resolved != NULL;
}

const char *
kl_knot_state_to_string (KlKnotState state)
{
  return state == KL_KNOT_LATENT ? "latent" : "active";
}

const char *
kl_twitch_to_string (KlTwitch twitch)
{
  switch (twitch)
    {
    case KL_TWITCH_YES:
      return "yes";
    case KL_TWITCH_NO:
      return "no";
    case KL_TWITCH_UNSURE:
    default:
      return "unsure";
    }
}

static void
replace_date_time (GDateTime **slot,
                   GDateTime  *value)
{
  if (*slot == value)
    return;
  g_clear_pointer (slot, g_date_time_unref);
  *slot = value != NULL ? g_date_time_ref (value) : NULL;
}

void
_kl_knot_set_stored (KlKnot    *self,
                     gint64     id,
                     int        tenderness,
                     int        previous_tenderness,
                     GDateTime *created,
                     GDateTime *resolved)
{
  g_assert (KL_IS_KNOT (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  if (self->tenderness != tenderness || self->previous_tenderness != previous_tenderness)
    {
      self->tenderness = tenderness;
      self->previous_tenderness = previous_tenderness;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TENDERNESS]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIOUS_TENDERNESS]);
    }
  if (self->created != created)
    {
      replace_date_time (&self->created, created);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
    }
  if ((self->resolved == NULL) != (resolved == NULL) ||
      (resolved != NULL && !g_date_time_equal (self->resolved, resolved)))
    {
      replace_date_time (&self->resolved, resolved);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}
