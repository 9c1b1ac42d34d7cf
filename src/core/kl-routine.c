/* kl-routine.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-routine"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kl-body-regions.h"
#include "kl-core-enums.h"
#include "kl-core-resources.h"
#include "kl-routine.h"

G_DEFINE_QUARK (kl-routine-error-quark, kl_routine_error)

/* Kinds and vocabularies ---------------------------------------------------------------------- */

static const char * const routine_kinds[] = {
  [KL_ROUTINE_KIND_BREATHING] = "breathing",
  [KL_ROUTINE_KIND_STRETCH] = "stretch",
  [KL_ROUTINE_KIND_BALL] = "ball",
  [KL_ROUTINE_KIND_BREAK] = "break",
  [KL_ROUTINE_KIND_THERMAL] = "thermal",
  [KL_ROUTINE_KIND_RELAX] = "relax",
};

static const char * const routine_kind_labels[] = {
  [KL_ROUTINE_KIND_BREATHING] = N_("Breathing"),
  [KL_ROUTINE_KIND_STRETCH] = N_("Stretching"),
  [KL_ROUTINE_KIND_BALL] = N_("Tennis ball"),
  [KL_ROUTINE_KIND_BREAK] = N_("Desk break"),
  [KL_ROUTINE_KIND_THERMAL] = N_("Heat and cold"),
  [KL_ROUTINE_KIND_RELAX] = N_("Relaxation"),
};

static const char * const step_kinds[] = {
  [KL_ROUTINE_STEP_STRETCH] = "stretch",
  [KL_ROUTINE_STEP_HOLD] = "hold",
  [KL_ROUTINE_STEP_MOVE] = "move",
  [KL_ROUTINE_STEP_BALL] = "ball",
  [KL_ROUTINE_STEP_BREATHING] = "breathing",
  [KL_ROUTINE_STEP_REST] = "rest",
  [KL_ROUTINE_STEP_THERMAL] = "thermal",
  [KL_ROUTINE_STEP_LOOK] = "look",
};

static const char * const equipment_ids[] = {
  "chair",
  "doorway",
  "mat",
  "towel",
  "wall",
  "tennis-ball",
  "sock",
  "heat-pad",
  "cold-pack",
  NULL
};

static const char * const equipment_names[] = {
  N_("Chair"),
  N_("Doorway"),
  N_("Mat or rug"),
  N_("Towel"),
  N_("Wall"),
  N_("Tennis ball"),
  N_("Long sock"),
  N_("Heat pad"),
  N_("Cold pack"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (equipment_ids) == G_N_ELEMENTS (equipment_names) + 1);

/* The files of data/routines, in the order of CONTENT.md's table, which is the order they are
 * offered in. The test checks this list against the resource, so none is left out. */
static const char * const builtin_slugs[] = {
  "box-breathing",
  "cyclic-sighing",
  "4-7-8-wind-down",
  "resonance-breathing",
  "belly-breathing",
  "sigh-reset",
  "neck-release",
  "chest-opener",
  "thoracic-mobility",
  "low-back",
  "hips",
  "hamstrings",
  "calves-and-shins",
  "mouse-arm",
  "desk-break",
  "20-20-20",
  "evening-full-body",
  "upper-trapezius-ball",
  "shoulder-blades-ball",
  "glute-ball",
  "pec-ball",
  "suboccipital-release",
  "foot-and-calf-roll",
  "heat-session",
  "cold-pack",
  "relaxation",
  NULL
};

const char *
kl_routine_kind_to_string (KlRoutineKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (routine_kinds), NULL);

  return routine_kinds[kind];
}

gboolean
kl_routine_kind_from_string (const char    *string,
                             KlRoutineKind *out_kind)
{
  g_return_val_if_fail (string != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (routine_kinds); i++)
    {
      if (g_str_equal (string, routine_kinds[i]))
        {
          if (out_kind != NULL)
            *out_kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
kl_routine_kind_get_label (KlRoutineKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (routine_kind_labels), NULL);

  return _(routine_kind_labels[kind]);
}

const char *
kl_routine_step_kind_to_string (KlRoutineStepKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (step_kinds), NULL);

  return step_kinds[kind];
}

gboolean
kl_routine_step_kind_from_string (const char        *string,
                                  KlRoutineStepKind *out_kind)
{
  g_return_val_if_fail (string != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (step_kinds); i++)
    {
      if (g_str_equal (string, step_kinds[i]))
        {
          if (out_kind != NULL)
            *out_kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char * const *
kl_routine_equipment_ids (void)
{
  return equipment_ids;
}

/* NULL for an id that is not in the list. */
const char *
kl_routine_equipment_get_name (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; equipment_ids[i] != NULL; i++)
    {
      if (g_str_equal (id, equipment_ids[i]))
        return _(equipment_names[i]);
    }

  return NULL;
}

/* Steps --------------------------------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (KlRoutineStep, kl_routine_step, kl_routine_step_copy, kl_routine_step_free)

KlRoutineStep *
kl_routine_step_new (KlRoutineStepKind kind)
{
  KlRoutineStep *step = g_new0 (KlRoutineStep, 1);

  step->kind = kind;
  step->title = g_strdup ("");
  step->instruction = g_strdup ("");
  step->regions = g_new0 (char *, 1);
  step->repetitions = 1;

  return step;
}

KlRoutineStep *
kl_routine_step_copy (const KlRoutineStep *step)
{
  KlRoutineStep *copy;

  g_return_val_if_fail (step != NULL, NULL);

  copy = g_memdup2 (step, sizeof *step);
  copy->title = g_strdup (step->title);
  copy->instruction = g_strdup (step->instruction);
  copy->regions = g_strdupv (step->regions);
  copy->placement = g_strdup (step->placement);
  copy->pressure = g_strdup (step->pressure);
  copy->avoid = g_strdup (step->avoid);

  return copy;
}

void
kl_routine_step_free (KlRoutineStep *step)
{
  if (step == NULL)
    return;

  g_free (step->title);
  g_free (step->instruction);
  g_strfreev (step->regions);
  g_free (step->placement);
  g_free (step->pressure);
  g_free (step->avoid);
  g_free (step);
}

/* One breathing cycle; 0 for other kinds. */
gint64
kl_routine_step_get_cycle_us (const KlRoutineStep *step)
{
  g_return_val_if_fail (step != NULL, 0);

  if (step->kind != KL_ROUTINE_STEP_BREATHING)
    return 0;

  return step->inhale_us + step->top_up_us + step->hold_in_us + step->exhale_us +
         step->hold_out_us;
}

/* The whole step: every repetition on every side, with the switches and rests between them.
 * Saturates rather than overflows, so that validation can report a silly value. */
gint64
kl_routine_step_get_duration_us (const KlRoutineStep *step)
{
  guint holds, gaps, rests, switches;
  double total;

  g_return_val_if_fail (step != NULL, 0);

  if (step->kind == KL_ROUTINE_STEP_BREATHING)
    {
      total = (double) kl_routine_step_get_cycle_us (step) * step->cycles;
    }
  else
    {
      /* Sides alternate within each repetition; between repetitions a rest, when there is
       * one, takes the place of the switch. */
      holds = step->repetitions * (step->sides == KL_ROUTINE_SIDES_BOTH ? 2 : 1);
      gaps = holds > 0 ? holds - 1 : 0;
      rests = step->rest_us > 0 && step->repetitions > 0 ? step->repetitions - 1 : 0;
      switches = step->sides == KL_ROUTINE_SIDES_BOTH ? gaps - rests : 0;

      total = (double) holds * (step->duration_us + step->release_us) +
              (double) rests * step->rest_us + (double) switches * KL_ROUTINE_SWITCH_SIDES_US;
    }

  return total >= (double) G_MAXINT64 ? G_MAXINT64 : (gint64) total;
}

/* Routines ------------------------------------------------------------------------------------ */

struct _KlRoutine
{
  GObject         parent_instance;

  char           *slug;
  char           *name;
  char           *summary;
  KlRoutineKind   kind;
  guint           version;
  char           *cautions;
  char          **regions;
  char          **equipment;
  char          **sources;
  char          **follow_up;
  GArray         *lengths;       /* gint64 µs */
  GPtrArray      *steps;         /* KlRoutineStep */
};

G_DEFINE_FINAL_TYPE (KlRoutine, kl_routine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SLUG,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_KIND,
  PROP_VERSION,
  PROP_CAUTIONS,
  PROP_REGIONS,
  PROP_EQUIPMENT,
  PROP_SOURCES,
  PROP_FOLLOW_UP,
  PROP_DURATION_US,
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

static gboolean
set_strv (char               ***slot,
          const char * const   *value)
{
  static const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;

  if (g_strv_equal ((const char * const *) *slot, value))
    return FALSE;

  g_strfreev (*slot);
  *slot = g_strdupv ((char **) value);
  return TRUE;
}

KlRoutine *
kl_routine_new (const char *slug)
{
  g_return_val_if_fail (slug != NULL, NULL);

  return g_object_new (KL_TYPE_ROUTINE, "slug", slug, NULL);
}

static void
kl_routine_finalize (GObject *object)
{
  KlRoutine *self = (KlRoutine *)object;

  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->cautions, g_free);
  g_clear_pointer (&self->regions, g_strfreev);
  g_clear_pointer (&self->equipment, g_strfreev);
  g_clear_pointer (&self->sources, g_strfreev);
  g_clear_pointer (&self->follow_up, g_strfreev);
  g_clear_pointer (&self->lengths, g_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (kl_routine_parent_class)->finalize (object);
}

static void
kl_routine_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KlRoutine *self = KL_ROUTINE (object);

  switch (prop_id)
    {
    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_VERSION:
      g_value_set_uint (value, self->version);
      break;
    case PROP_CAUTIONS:
      g_value_set_string (value, self->cautions);
      break;
    case PROP_REGIONS:
      g_value_set_boxed (value, self->regions);
      break;
    case PROP_EQUIPMENT:
      g_value_set_boxed (value, self->equipment);
      break;
    case PROP_SOURCES:
      g_value_set_boxed (value, self->sources);
      break;
    case PROP_FOLLOW_UP:
      g_value_set_boxed (value, self->follow_up);
      break;
    case PROP_DURATION_US:
      g_value_set_int64 (value, kl_routine_get_duration_us (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_routine_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KlRoutine *self = KL_ROUTINE (object);

  switch (prop_id)
    {
    case PROP_SLUG:
      self->slug = g_value_dup_string (value);
      break;
    case PROP_NAME:
      kl_routine_set_name (self, g_value_get_string (value));
      break;
    case PROP_SUMMARY:
      kl_routine_set_summary (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      kl_routine_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_VERSION:
      kl_routine_set_version (self, g_value_get_uint (value));
      break;
    case PROP_CAUTIONS:
      kl_routine_set_cautions (self, g_value_get_string (value));
      break;
    case PROP_REGIONS:
      kl_routine_set_regions (self, g_value_get_boxed (value));
      break;
    case PROP_EQUIPMENT:
      kl_routine_set_equipment (self, g_value_get_boxed (value));
      break;
    case PROP_SOURCES:
      kl_routine_set_sources (self, g_value_get_boxed (value));
      break;
    case PROP_FOLLOW_UP:
      kl_routine_set_follow_up (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_routine_class_init (KlRoutineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kl_routine_finalize;
  object_class->get_property = kl_routine_get_property;
  object_class->set_property = kl_routine_set_property;

  properties[PROP_SLUG] = g_param_spec_string ("slug", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                               G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, rw);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, KL_TYPE_ROUTINE_KIND,
                                             KL_ROUTINE_KIND_STRETCH, rw);
  properties[PROP_VERSION] = g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 1, rw);
  properties[PROP_CAUTIONS] = g_param_spec_string ("cautions", NULL, NULL, NULL, rw);
  properties[PROP_REGIONS] = g_param_spec_boxed ("regions", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_EQUIPMENT] = g_param_spec_boxed ("equipment", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_SOURCES] = g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_FOLLOW_UP] = g_param_spec_boxed ("follow-up", NULL, NULL, G_TYPE_STRV, rw);
  /* Changes with the steps; notified when a step is added or removed. */
  properties[PROP_DURATION_US] = g_param_spec_int64 ("duration-us", NULL, NULL,
                                                     0, G_MAXINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_routine_init (KlRoutine *self)
{
  self->name = g_strdup ("");
  self->summary = g_strdup ("");
  self->kind = KL_ROUTINE_KIND_STRETCH;
  self->version = 1;
  self->cautions = g_strdup ("");
  self->regions = g_new0 (char *, 1);
  self->equipment = g_new0 (char *, 1);
  self->sources = g_new0 (char *, 1);
  self->follow_up = g_new0 (char *, 1);
  self->lengths = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) kl_routine_step_free);
}

KlRoutine *
kl_routine_copy (KlRoutine *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);

  return kl_routine_copy_as (self, self->slug);
}

/* A copy under another slug: the slug is fixed at construction, and a duplicate needs its own. */
KlRoutine *
kl_routine_copy_as (KlRoutine  *self,
                    const char *slug)
{
  KlRoutine *copy;

  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (slug != NULL, NULL);

  copy = kl_routine_new (slug);
  set_string (&copy->name, self->name);
  set_string (&copy->summary, self->summary);
  copy->kind = self->kind;
  copy->version = self->version;
  set_string (&copy->cautions, self->cautions);
  set_strv (&copy->regions, (const char * const *) self->regions);
  set_strv (&copy->equipment, (const char * const *) self->equipment);
  set_strv (&copy->sources, (const char * const *) self->sources);
  set_strv (&copy->follow_up, (const char * const *) self->follow_up);
  g_array_append_vals (copy->lengths, self->lengths->data, self->lengths->len);
  for (guint i = 0; i < self->steps->len; i++)
    g_ptr_array_add (copy->steps, kl_routine_step_copy (g_ptr_array_index (self->steps, i)));

  return copy;
}

const char *
kl_routine_get_slug (KlRoutine *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);
  return self->slug;
}

const char *
kl_routine_get_name (KlRoutine *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);
  return self->name;
}

void
kl_routine_set_name (KlRoutine  *self,
                     const char *name)
{
  g_return_if_fail (KL_IS_ROUTINE (self));

  if (set_string (&self->name, name != NULL ? name : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
kl_routine_get_summary (KlRoutine *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);
  return self->summary;
}

void
kl_routine_set_summary (KlRoutine  *self,
                        const char *summary)
{
  g_return_if_fail (KL_IS_ROUTINE (self));

  if (set_string (&self->summary, summary != NULL ? summary : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

KlRoutineKind
kl_routine_get_kind (KlRoutine *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), KL_ROUTINE_KIND_STRETCH);
  return self->kind;
}

void
kl_routine_set_kind (KlRoutine     *self,
                     KlRoutineKind  kind)
{
  g_return_if_fail (KL_IS_ROUTINE (self));

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

guint
kl_routine_get_version (KlRoutine *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), 0);
  return self->version;
}

void
kl_routine_set_version (KlRoutine *self,
                        guint      version)
{
  g_return_if_fail (KL_IS_ROUTINE (self));

  if (self->version != version)
    {
      self->version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }
}

const char *
kl_routine_get_cautions (KlRoutine *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);
  return self->cautions;
}

void
kl_routine_set_cautions (KlRoutine  *self,
                         const char *cautions)
{
  g_return_if_fail (KL_IS_ROUTINE (self));

  if (set_string (&self->cautions, cautions != NULL ? cautions : ""))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAUTIONS]);
}

const char * const *
kl_routine_get_regions (KlRoutine *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);
  return (const char * const *) self->regions;
}

void
kl_routine_set_regions (KlRoutine          *self,
                        const char * const *regions)
{
  g_return_if_fail (KL_IS_ROUTINE (self));

  if (set_strv (&self->regions, regions))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGIONS]);
}

const char * const *
kl_routine_get_equipment (KlRoutine *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);
  return (const char * const *) self->equipment;
}

void
kl_routine_set_equipment (KlRoutine          *self,
                          const char * const *equipment)
{
  g_return_if_fail (KL_IS_ROUTINE (self));

  if (set_strv (&self->equipment, equipment))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EQUIPMENT]);
}

const char * const *
kl_routine_get_sources (KlRoutine *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);
  return (const char * const *) self->sources;
}

void
kl_routine_set_sources (KlRoutine          *self,
                        const char * const *sources)
{
  g_return_if_fail (KL_IS_ROUTINE (self));

  if (set_strv (&self->sources, sources))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCES]);
}

const char * const *
kl_routine_get_follow_up (KlRoutine *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);
  return (const char * const *) self->follow_up;
}

void
kl_routine_set_follow_up (KlRoutine          *self,
                          const char * const *slugs)
{
  g_return_if_fail (KL_IS_ROUTINE (self));

  if (set_strv (&self->follow_up, slugs))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW_UP]);
}

const gint64 *
kl_routine_get_lengths (KlRoutine *self,
                        guint     *out_n_lengths)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);

  if (out_n_lengths != NULL)
    *out_n_lengths = self->lengths->len;

  return self->lengths->len > 0 ? (const gint64 *) (gpointer) self->lengths->data : NULL;
}

void
kl_routine_set_lengths (KlRoutine    *self,
                        const gint64 *lengths_us,
                        guint         n_lengths)
{
  g_return_if_fail (KL_IS_ROUTINE (self));
  g_return_if_fail (lengths_us != NULL || n_lengths == 0);

  g_array_set_size (self->lengths, 0);
  g_array_append_vals (self->lengths, lengths_us, n_lengths);
}

guint
kl_routine_get_n_steps (KlRoutine *self)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), 0);
  return self->steps->len;
}

KlRoutineStep *
kl_routine_get_step (KlRoutine *self,
                     guint      index)
{
  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return g_ptr_array_index (self->steps, index);
}

void
kl_routine_append_step (KlRoutine     *self,
                        KlRoutineStep *step)
{
  g_return_if_fail (KL_IS_ROUTINE (self));
  g_return_if_fail (step != NULL);

  g_ptr_array_add (self->steps, step);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_US]);
}

void
kl_routine_remove_step (KlRoutine *self,
                        guint      index)
{
  g_return_if_fail (KL_IS_ROUTINE (self));
  g_return_if_fail (index < self->steps->len);

  g_ptr_array_remove_index (self->steps, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_US]);
}

/* Saturates like kl_routine_step_get_duration_us (). */
gint64
kl_routine_get_duration_us (KlRoutine *self)
{
  gint64 total = 0;

  g_return_val_if_fail (KL_IS_ROUTINE (self), 0);

  for (guint i = 0; i < self->steps->len; i++)
    {
      gint64 step = kl_routine_step_get_duration_us (g_ptr_array_index (self->steps, i));

      if (step > G_MAXINT64 - total)
        return G_MAXINT64;
      total += step;
    }

  return total;
}

/* The breathing step a choice of length stretches, or -1 unless there is exactly one. */
static int
find_breathing_step (KlRoutine *self)
{
  int found = -1;

  for (guint i = 0; i < self->steps->len; i++)
    {
      const KlRoutineStep *step = g_ptr_array_index (self->steps, i);

      if (step->kind == KL_ROUTINE_STEP_BREATHING)
        {
          if (found >= 0)
            return -1;
          found = i;
        }
    }

  return found;
}

/* The cycles the breathing step @index needs for the routine to last @length_us, or 0 if no
 * whole number of cycles does it. */
static guint
cycles_for_length (KlRoutine *self,
                   guint      index,
                   gint64     length_us)
{
  const KlRoutineStep *step = g_ptr_array_index (self->steps, index);
  gint64 cycle_us = kl_routine_step_get_cycle_us (step);
  gint64 others_us = kl_routine_get_duration_us (self) - kl_routine_step_get_duration_us (step);
  gint64 breathing_us = length_us - others_us;

  if (cycle_us <= 0 || breathing_us < cycle_us || breathing_us % cycle_us != 0 ||
      breathing_us / cycle_us > G_MAXUINT)
    return 0;

  return breathing_us / cycle_us;
}

KlRoutine *
kl_routine_copy_for_length (KlRoutine  *self,
                            gint64      length_us,
                            GError    **error)
{
  g_autoptr(KlRoutine) copy = NULL;
  gboolean offered = FALSE;
  int index;
  guint cycles;

  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < self->lengths->len; i++)
    offered |= g_array_index (self->lengths, gint64, i) == length_us;

  if (!offered || (index = find_breathing_step (self)) < 0 ||
      (cycles = cycles_for_length (self, index, length_us)) == 0)
    {
      g_set_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_RANGE,
                   /* Translators: a routine's name and a length in seconds */
                   _("“%s” cannot be done in %g seconds"), self->name, length_us / 1e6);
      return NULL;
    }

  copy = kl_routine_copy (self);
  ((KlRoutineStep *) g_ptr_array_index (copy->steps, index))->cycles = cycles;

  return g_steal_pointer (&copy);
}

/* Validation ---------------------------------------------------------------------------------- */

G_GNUC_PRINTF (7, 8)
static gboolean
problem (GError         **error,
         int             *out_step,
         const char     **out_key,
         int              step,
         const char      *key,
         KlRoutineError   code,
         const char      *format,
         ...)
{
  va_list args;

  if (out_step != NULL)
    *out_step = step;
  if (out_key != NULL)
    *out_key = key;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (KL_ROUTINE_ERROR, code, format, args));
  va_end (args);

  return FALSE;
}

static gboolean
is_slug (const char *slug)
{
  if (slug == NULL || *slug == '\0')
    return FALSE;

  for (const char *p = slug; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static const char *
find_unknown_region (char **regions)
{
  for (guint i = 0; regions[i] != NULL; i++)
    {
      if (kl_body_regions_lookup (regions[i]) == NULL)
        return regions[i];
    }

  return NULL;
}

static gboolean
in_range (gint64 us)
{
  return us >= KL_ROUTINE_MIN_US && us <= KL_ROUTINE_MAX_US;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  while (g_ascii_isspace (*text))
    text++;

  return *text == '\0';
}

#define OUT_OF_RANGE N_("must be from 1 second to 60 minutes, not %g seconds")

static gboolean
validate_breathing (const KlRoutineStep  *step,
                    int                   index,
                    int                  *out_step,
                    const char          **out_key,
                    GError              **error)
{
  struct { const char *key; gint64 us; } phases[] = {
    { "Inhale", step->inhale_us },
    { "TopUp", step->top_up_us },
    { "HoldIn", step->hold_in_us },
    { "Exhale", step->exhale_us },
    { "HoldOut", step->hold_out_us },
  };
  gint64 cycle_us = kl_routine_step_get_cycle_us (step);

  if (step->inhale_us <= 0)
    return problem (error, out_step, out_key, index, "Inhale", KL_ROUTINE_ERROR_RANGE,
                    _("a breath in must last more than 0 seconds"));
  if (step->exhale_us <= 0)
    return problem (error, out_step, out_key, index, "Exhale", KL_ROUTINE_ERROR_RANGE,
                    _("a breath out must last more than 0 seconds"));

  for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
    {
      if (phases[i].us < 0 || phases[i].us > KL_ROUTINE_MAX_US)
        return problem (error, out_step, out_key, index, phases[i].key, KL_ROUTINE_ERROR_RANGE,
                        _("must be from 0 seconds to 60 minutes, not %g seconds"),
                        phases[i].us / 1e6);
    }

  if (cycle_us < KL_ROUTINE_MIN_US)
    return problem (error, out_step, out_key, index, "Inhale", KL_ROUTINE_ERROR_RANGE,
                    _("a breathing cycle must last at least 1 second, not %g seconds"),
                    cycle_us / 1e6);
  if (step->cycles == 0)
    return problem (error, out_step, out_key, index, "Cycles", KL_ROUTINE_ERROR_RANGE,
                    _("a breathing step needs at least one cycle"));
  if (kl_routine_step_get_duration_us (step) > KL_ROUTINE_MAX_US)
    return problem (error, out_step, out_key, index, "Cycles", KL_ROUTINE_ERROR_RANGE,
                    _("%u cycles last more than 60 minutes"), step->cycles);

  if (step->sides != KL_ROUTINE_SIDES_NONE)
    return problem (error, out_step, out_key, index, "Sides", KL_ROUTINE_ERROR_INVALID,
                    _("breathing has no sides"));
  if (step->repetitions != 1)
    return problem (error, out_step, out_key, index, "Repetitions", KL_ROUTINE_ERROR_INVALID,
                    _("breathing counts cycles, not repetitions"));
  if (step->rest_us != 0)
    return problem (error, out_step, out_key, index, "Rest", KL_ROUTINE_ERROR_INVALID,
                    _("breathing has no rests: use a rest step"));
  if (step->release_us != 0)
    return problem (error, out_step, out_key, index, "Release", KL_ROUTINE_ERROR_INVALID,
                    _("breathing has no release: use the breathing times"));

  return TRUE;
}

static gboolean
validate_timed (const KlRoutineStep  *step,
                int                   index,
                int                  *out_step,
                const char          **out_key,
                GError              **error)
{
  struct { const char *key; gint64 us; } breathing[] = {
    { "Inhale", step->inhale_us },
    { "TopUp", step->top_up_us },
    { "HoldIn", step->hold_in_us },
    { "Exhale", step->exhale_us },
    { "HoldOut", step->hold_out_us },
    { "Cycles", step->cycles },
  };

  if (!in_range (step->duration_us))
    return problem (error, out_step, out_key, index, "Duration", KL_ROUTINE_ERROR_RANGE,
                    _(OUT_OF_RANGE), step->duration_us / 1e6);
  if (step->sides != KL_ROUTINE_SIDES_NONE && step->sides != KL_ROUTINE_SIDES_BOTH)
    return problem (error, out_step, out_key, index, "Sides", KL_ROUTINE_ERROR_INVALID,
                    _("must be “none” or “both”"));
  if (step->repetitions < 1 || step->repetitions > KL_ROUTINE_MAX_REPETITIONS)
    return problem (error, out_step, out_key, index, "Repetitions", KL_ROUTINE_ERROR_RANGE,
                    _("must be from 1 to %d, not %u"), KL_ROUTINE_MAX_REPETITIONS,
                    step->repetitions);
  if (step->rest_us != 0 && !in_range (step->rest_us))
    return problem (error, out_step, out_key, index, "Rest", KL_ROUTINE_ERROR_RANGE,
                    _(OUT_OF_RANGE), step->rest_us / 1e6);
  if (step->rest_us != 0 && step->repetitions == 1)
    return problem (error, out_step, out_key, index, "Rest", KL_ROUTINE_ERROR_INVALID,
                    _("a rest goes between repetitions, and this step has only one"));
  if (step->release_us != 0 && !in_range (step->release_us))
    return problem (error, out_step, out_key, index, "Release", KL_ROUTINE_ERROR_RANGE,
                    _(OUT_OF_RANGE), step->release_us / 1e6);
  if (kl_routine_step_get_duration_us (step) > KL_ROUTINE_MAX_US)
    return problem (error, out_step, out_key, index,
                    step->repetitions > 1 ? "Repetitions" : "Duration", KL_ROUTINE_ERROR_RANGE,
                    _("the step would last more than 60 minutes"));

  for (guint i = 0; i < G_N_ELEMENTS (breathing); i++)
    {
      if (breathing[i].us != 0)
        return problem (error, out_step, out_key, index, breathing[i].key,
                        KL_ROUTINE_ERROR_INVALID, _("only breathing steps have this"));
    }

  return TRUE;
}

static gboolean
validate_step (const KlRoutineStep  *step,
               int                   index,
               int                  *out_step,
               const char          **out_key,
               GError              **error)
{
  const char *region;
  gboolean ball = step->kind == KL_ROUTINE_STEP_BALL;

  if ((guint) step->kind >= G_N_ELEMENTS (step_kinds))
    return problem (error, out_step, out_key, index, "Kind", KL_ROUTINE_ERROR_UNKNOWN_KIND,
                    _("not a kind of step"));
  if (is_blank (step->title))
    return problem (error, out_step, out_key, index, "Title", KL_ROUTINE_ERROR_MISSING,
                    _("a step needs a title"));
  if (is_blank (step->instruction))
    return problem (error, out_step, out_key, index, "Instruction", KL_ROUTINE_ERROR_MISSING,
                    _("a step needs an instruction"));
  if ((region = find_unknown_region (step->regions)) != NULL)
    return problem (error, out_step, out_key, index, "Regions", KL_ROUTINE_ERROR_UNKNOWN_REGION,
                    _("“%s” is not a region of the body chart"), region);

  if (ball && is_blank (step->placement))
    return problem (error, out_step, out_key, index, "Placement", KL_ROUTINE_ERROR_MISSING,
                    _("a ball step must say where the ball goes"));
  if (ball && is_blank (step->pressure))
    return problem (error, out_step, out_key, index, "Pressure", KL_ROUTINE_ERROR_MISSING,
                    _("a ball step must say how hard to press"));
  if (!ball && (step->placement != NULL || step->pressure != NULL || step->avoid != NULL))
    return problem (error, out_step, out_key, index,
                    step->placement != NULL ? "Placement" :
                    step->pressure != NULL ? "Pressure" : "Avoid",
                    KL_ROUTINE_ERROR_INVALID, _("only ball steps have this"));

  if (step->kind == KL_ROUTINE_STEP_BREATHING)
    return validate_breathing (step, index, out_step, out_key, error);
  else
    return validate_timed (step, index, out_step, out_key, error);
}

static gboolean
validate_lengths (KlRoutine    *self,
                  int          *out_step,
                  const char  **out_key,
                  GError      **error)
{
  gint64 own_us = kl_routine_get_duration_us (self);
  gboolean has_own = FALSE;
  int index;

  if (self->lengths->len == 0)
    return TRUE;

  if ((index = find_breathing_step (self)) < 0)
    return problem (error, out_step, out_key, -1, "Lengths", KL_ROUTINE_ERROR_INVALID,
                    _("only a routine with one breathing step can offer lengths"));

  for (guint i = 0; i < self->lengths->len; i++)
    {
      gint64 length_us = g_array_index (self->lengths, gint64, i);

      if (!in_range (length_us))
        return problem (error, out_step, out_key, -1, "Lengths", KL_ROUTINE_ERROR_RANGE,
                        _(OUT_OF_RANGE), length_us / 1e6);
      if (cycles_for_length (self, index, length_us) == 0)
        return problem (error, out_step, out_key, -1, "Lengths", KL_ROUTINE_ERROR_INVALID,
                        _("%g seconds is not a whole number of breathing cycles"),
                        length_us / 1e6);
      has_own |= length_us == own_us;
    }

  if (!has_own)
    return problem (error, out_step, out_key, -1, "Lengths", KL_ROUTINE_ERROR_INVALID,
                    _("the routine’s own length, %g seconds, must be one of them"),
                    own_us / 1e6);

  return TRUE;
}

gboolean
kl_routine_validate (KlRoutine    *self,
                     int          *out_step,
                     const char  **out_key,
                     GError      **error)
{
  const char *region;
  gint64 total_us;

  g_return_val_if_fail (KL_IS_ROUTINE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!is_slug (self->slug))
    return problem (error, out_step, out_key, -1, "Slug", KL_ROUTINE_ERROR_INVALID,
                    _("must be lowercase letters, digits and hyphens, like “neck-release”"));
  if (is_blank (self->name))
    return problem (error, out_step, out_key, -1, "Name", KL_ROUTINE_ERROR_MISSING,
                    _("a routine needs a name"));
  if ((guint) self->kind >= G_N_ELEMENTS (routine_kinds))
    return problem (error, out_step, out_key, -1, "Kind", KL_ROUTINE_ERROR_UNKNOWN_KIND,
                    _("not a kind of routine"));
  if (self->version < 1)
    return problem (error, out_step, out_key, -1, "Version", KL_ROUTINE_ERROR_RANGE,
                    _("must be 1 or more"));
  if ((region = find_unknown_region (self->regions)) != NULL)
    return problem (error, out_step, out_key, -1, "Regions", KL_ROUTINE_ERROR_UNKNOWN_REGION,
                    _("“%s” is not a region of the body chart"), region);

  for (guint i = 0; self->equipment[i] != NULL; i++)
    {
      if (!g_strv_contains (equipment_ids, self->equipment[i]))
        return problem (error, out_step, out_key, -1, "Equipment", KL_ROUTINE_ERROR_INVALID,
                        _("“%s” is not a known piece of equipment"), self->equipment[i]);
    }
  for (guint i = 0; self->follow_up[i] != NULL; i++)
    {
      if (!is_slug (self->follow_up[i]))
        return problem (error, out_step, out_key, -1, "FollowUp", KL_ROUTINE_ERROR_INVALID,
                        _("“%s” is not a routine’s slug"), self->follow_up[i]);
    }

  if (self->steps->len == 0)
    return problem (error, out_step, out_key, -1, NULL, KL_ROUTINE_ERROR_NO_STEPS,
                    _("a routine needs at least one step"));

  for (guint i = 0; i < self->steps->len; i++)
    {
      if (!validate_step (g_ptr_array_index (self->steps, i), i, out_step, out_key, error))
        return FALSE;
    }

  if ((total_us = kl_routine_get_duration_us (self)) > KL_ROUTINE_MAX_US)
    return problem (error, out_step, out_key, -1, NULL, KL_ROUTINE_ERROR_RANGE,
                    _("the steps last %g minutes together, more than 60"), total_us / 60e6);

  return validate_lengths (self, out_step, out_key, error);
}

/* Loading ------------------------------------------------------------------------------------- */

/* GKeyFile does not say on which line a group or key is, so the loader reads the text once
 * itself, in the same way, to be able to point at the line. */
typedef struct
{
  const char *filename;
  GHashTable *lines;       /* "group" or "group\nkey" → line number */
  GPtrArray  *groups;      /* group names, in file order */
  GHashTable *keys;        /* group → GPtrArray of its keys, in file order */
} Source;

static void
source_clear (Source *source)
{
  g_clear_pointer (&source->lines, g_hash_table_unref);
  g_clear_pointer (&source->groups, g_ptr_array_unref);
  g_clear_pointer (&source->keys, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Source, source_clear)

static guint
source_get_line (Source     *source,
                 const char *group,
                 const char *key)
{
  g_autofree char *id = key != NULL ? g_strconcat (group, "\n", key, NULL) : g_strdup (group);
  gpointer line;

  if (g_hash_table_lookup_extended (source->lines, id, NULL, &line))
    return GPOINTER_TO_UINT (line);

  /* A key that is not there is reported on its group's line. */
  if (key != NULL)
    return source_get_line (source, group, NULL);

  return 1;
}

/* "file:12: [Step 2] Duration: message", leaving out what is not known. */
G_GNUC_PRINTF (6, 7)
static gboolean
source_error (Source         *source,
              GError        **error,
              KlRoutineError  code,
              const char     *group,
              const char     *key,
              const char     *format,
              ...)
{
  g_autofree char *message = NULL;
  guint line = group != NULL ? source_get_line (source, group, key) : 1;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (group != NULL && key != NULL)
    /* Translators: file name, line, [group] key: what is wrong */
    g_set_error (error, KL_ROUTINE_ERROR, code, _("%s:%u: [%s] %s: %s"),
                 source->filename, line, group, key, message);
  else if (group != NULL)
    /* Translators: file name, line, [group]: what is wrong */
    g_set_error (error, KL_ROUTINE_ERROR, code, _("%s:%u: [%s]: %s"),
                 source->filename, line, group, message);
  else
    g_set_error (error, KL_ROUTINE_ERROR, code, "%s:%u: %s", source->filename, line, message);

  return FALSE;
}

/* Like source_error () for a line the scanner found, before there are groups and keys. */
static gboolean
syntax_error (Source      *source,
              GError     **error,
              guint        line,
              const char  *message)
{
  g_set_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_SYNTAX, "%s:%u: %s",
               source->filename, line, message);
  return FALSE;
}

/* Letters, digits and "-", then perhaps a locale in brackets: "Name", "Name[pt_BR]". Stricter
 * than GKeyFile, so that whatever passes the scan also loads. */
static gboolean
is_key_name (const char *key)
{
  const char *p = key;

  while (g_ascii_isalnum (*p) || *p == '-')
    p++;
  if (p == key)
    return FALSE;
  if (*p == '\0')
    return TRUE;
  if (*p++ != '[')
    return FALSE;

  key = p;
  while (g_ascii_isalnum (*p) || *p == '_' || *p == '@' || *p == '.' || *p == '-')
    p++;

  return p > key && p[0] == ']' && p[1] == '\0';
}

/* As GKeyFile reads a line: leading white space is skipped; "#" starts a comment; "[name]"
 * (with nothing but blanks after it) is a group; anything else needs a "=". */
static gboolean
source_scan (Source      *source,
             const char  *text,
             gsize        length,
             GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *copy = NULL;
  const char *end;
  const char *group = NULL;

  source->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  source->groups = g_ptr_array_new_with_free_func (g_free);
  source->keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_ptr_array_unref);

  if (!g_utf8_validate (text, length, &end))
    {
      guint line = 1;

      for (const char *p = text; p < end; p++)
        line += *p == '\n';
      return syntax_error (source, error, line, _("not valid UTF-8 text"));
    }

  /* Bytes need not end in a NUL; valid UTF-8 holds none, so the copy is all of them. */
  copy = g_strndup (text, length);
  lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint line = i + 1;
      char *start = g_strchug (lines[i]);
      char *equals;

      g_strchomp (start);

      if (*start == '\0' || *start == '#')
        continue;

      if (*start == '[')
        {
          char *close = strchr (start, ']');

          if (close == NULL || close[1] != '\0' || close == start + 1 ||
              strchr (start + 1, '[') != NULL)
            return syntax_error (source, error, line, _("not a valid group header"));

          *close = '\0';
          group = start + 1;
          if (g_hash_table_contains (source->lines, group))
            {
              g_autofree char *message =
                g_strdup_printf (_("[%s] is already on line %u"), group,
                                 source_get_line (source, group, NULL));
              g_set_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_DUPLICATE,
                           "%s:%u: %s", source->filename, line, message);
              return FALSE;
            }

          g_hash_table_insert (source->lines, g_strdup (group), GUINT_TO_POINTER (line));
          g_ptr_array_add (source->groups, g_strdup (group));
          g_hash_table_insert (source->keys, g_ptr_array_index (source->groups,
                                                                source->groups->len - 1),
                               g_ptr_array_new_with_free_func (g_free));
          group = g_ptr_array_index (source->groups, source->groups->len - 1);
        }
      else if ((equals = strchr (start, '=')) != NULL)
        {
          g_autofree char *id = NULL;
          GPtrArray *keys;

          if (group == NULL)
            return syntax_error (source, error, line, _("a key before the first group"));

          *equals = '\0';
          g_strchomp (start);
          if (!is_key_name (start))
            return syntax_error (source, error, line, _("not a valid key name"));

          id = g_strconcat (group, "\n", start, NULL);
          if (g_hash_table_contains (source->lines, id))
            {
              g_autofree char *message =
                g_strdup_printf (_("[%s] %s is already on line %u"), group, start,
                                 source_get_line (source, group, start));
              g_set_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_DUPLICATE,
                           "%s:%u: %s", source->filename, line, message);
              return FALSE;
            }

          g_hash_table_insert (source->lines, g_steal_pointer (&id), GUINT_TO_POINTER (line));
          keys = g_hash_table_lookup (source->keys, group);
          g_ptr_array_add (keys, g_strdup (start));
        }
      else
        {
          return syntax_error (source, error, line,
                               _("not a group, a key=value line or a comment"));
        }
    }

  return TRUE;
}

#define ROUTINE_GROUP "Routine"

enum {
  KEY_TRANSLATED = 1 << 0,
  KEY_BREATHING  = 1 << 1,   /* breathing steps only */
  KEY_TIMED      = 1 << 2,   /* all steps but breathing */
  KEY_BALL       = 1 << 3,   /* ball steps only */
};

typedef struct
{
  const char *name;
  guint       flags;
} KeySpec;

static const KeySpec routine_keys[] = {
  { "Slug", 0 },
  { "Name", KEY_TRANSLATED },
  { "Summary", KEY_TRANSLATED },
  { "Kind", 0 },
  { "Version", 0 },
  { "Regions", 0 },
  { "Equipment", 0 },
  { "Cautions", KEY_TRANSLATED },
  { "Sources", 0 },
  { "FollowUp", 0 },
  { "Lengths", 0 },
};

/* Duration is the one key both: the length of a hold, or of a breathing step in cycles. */
static const KeySpec step_keys[] = {
  { "Kind", 0 },
  { "Title", KEY_TRANSLATED },
  { "Instruction", KEY_TRANSLATED },
  { "Regions", 0 },
  { "Duration", KEY_TIMED | KEY_BREATHING },
  { "Sides", KEY_TIMED },
  { "Repetitions", KEY_TIMED },
  { "Rest", KEY_TIMED },
  { "Release", KEY_TIMED },
  { "Inhale", KEY_BREATHING },
  { "TopUp", KEY_BREATHING },
  { "HoldIn", KEY_BREATHING },
  { "Exhale", KEY_BREATHING },
  { "HoldOut", KEY_BREATHING },
  { "Cycles", KEY_BREATHING },
  { "Placement", KEY_BALL | KEY_TRANSLATED },
  { "Pressure", KEY_BALL | KEY_TRANSLATED },
  { "Avoid", KEY_BALL | KEY_TRANSLATED },
};

/* Every key of @group must be in @specs, allowed for the step's kind (@kind_flags; 0 for the
 * routine), and carry a locale only where it is translated. */
static gboolean
check_keys (Source         *source,
            const char     *group,
            const KeySpec  *specs,
            guint           n_specs,
            guint           kind_flags,
            const char     *kind,
            GError        **error)
{
  GPtrArray *keys = g_hash_table_lookup (source->keys, group);

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      const char *bracket = strchr (key, '[');
      g_autofree char *base = g_strndup (key, bracket != NULL ? (gsize) (bracket - key)
                                                              : strlen (key));
      const KeySpec *spec = NULL;

      for (guint j = 0; j < n_specs && spec == NULL; j++)
        {
          if (g_str_equal (base, specs[j].name))
            spec = &specs[j];
        }

      if (spec == NULL)
        return source_error (source, error, KL_ROUTINE_ERROR_UNKNOWN_KEY, group, key,
                             _("not a key of this group"));
      if (bracket != NULL && !(spec->flags & KEY_TRANSLATED))
        return source_error (source, error, KL_ROUTINE_ERROR_UNKNOWN_KEY, group, key,
                             _("this key is not translated"));
      if (kind_flags != 0 && (spec->flags & (KEY_TIMED | KEY_BREATHING | KEY_BALL)) != 0 &&
          (spec->flags & kind_flags) == 0)
        return source_error (source, error, KL_ROUTINE_ERROR_UNKNOWN_KEY, group, key,
                             /* Translators: a step kind of the file, such as “stretch” */
                             _("a “%s” step does not have this key"), kind);
    }

  return TRUE;
}

/* A GKeyFile error while reading one value, pinned to its line. */
static gboolean
value_error (Source      *source,
             GError     **error,
             const char  *group,
             const char  *key,
             GError      *local_error)
{
  KlRoutineError code = g_error_matches (local_error, G_KEY_FILE_ERROR,
                                         G_KEY_FILE_ERROR_KEY_NOT_FOUND)
                        ? KL_ROUTINE_ERROR_MISSING : KL_ROUTINE_ERROR_INVALID;

  return source_error (source, error, code, group, key, "%s", local_error->message);
}

/* Translated keys use a localised key in the file if there is one for the user's language, and
 * the message catalogue otherwise. g_dgettext () rather than gettext () so that a half-translated
 * language does not mix with English, and so that the domain does not depend on the caller. */
static gboolean
read_string (Source      *source,
             GKeyFile    *key_file,
             const char  *group,
             const char  *key,
             gboolean     translated,
             gboolean     required,
             char       **out_value,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *locale = NULL;

  if (!g_key_file_has_key (key_file, group, key, NULL))
    {
      if (required)
        return source_error (source, error, KL_ROUTINE_ERROR_MISSING, group, key,
                             _("this key is required"));
      *out_value = NULL;
      return TRUE;
    }

  if (translated)
    {
      value = g_key_file_get_locale_string (key_file, group, key, NULL, &local_error);
      locale = g_key_file_get_locale_for_key (key_file, group, key, NULL);
    }
  else
    {
      value = g_key_file_get_string (key_file, group, key, &local_error);
    }

  if (value == NULL)
    return value_error (source, error, group, key, local_error);

  g_strstrip (value);
  if (translated && locale == NULL && *value != '\0')
    *out_value = g_strdup (g_dgettext (GETTEXT_PACKAGE, value));
  else
    *out_value = g_steal_pointer (&value);

  return TRUE;
}

static gboolean
read_list (Source      *source,
           GKeyFile    *key_file,
           const char  *group,
           const char  *key,
           char      ***out_list,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char **list;

  if (!g_key_file_has_key (key_file, group, key, NULL))
    {
      *out_list = g_new0 (char *, 1);
      return TRUE;
    }

  if ((list = g_key_file_get_string_list (key_file, group, key, NULL, &local_error)) == NULL)
    {
      /* An empty value is an empty list, not an error. */
      if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE))
        return value_error (source, error, group, key, local_error);
      list = g_new0 (char *, 1);
    }

  /* Blanks around items, and empty items ("a;;b"), mean nothing. */
  for (guint i = 0, j = 0; ; i++)
    {
      if (list[i] != NULL && *g_strstrip (list[i]) == '\0')
        {
          g_free (list[i]);
          continue;
        }
      list[j++] = list[i];
      if (list[i] == NULL)
        break;
    }

  *out_list = list;
  return TRUE;
}

/* Seconds with decimals, kept to the millisecond. Absurd values are clamped to ±10⁹ s so that
 * they reach validation as out-of-range rather than overflowing. */
static gboolean
parse_seconds (const char *text,
               gint64     *out_us)
{
  char *end;
  double seconds;

  if (*text == '\0')
    return FALSE;

  seconds = g_ascii_strtod (text, &end);
  if (*end != '\0' || !isfinite (seconds))
    return FALSE;

  seconds = CLAMP (seconds, -1e9, 1e9);
  *out_us = (gint64) llround (seconds * 1000.0) * 1000;
  return TRUE;
}

static gboolean
read_seconds (Source      *source,
              GKeyFile    *key_file,
              const char  *group,
              const char  *key,
              gint64      *out_us,
              GError     **error)
{
  g_autofree char *text = NULL;

  if (!read_string (source, key_file, group, key, FALSE, FALSE, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!parse_seconds (text, out_us))
    return source_error (source, error, KL_ROUTINE_ERROR_INVALID, group, key,
                         _("“%s” is not a number of seconds"), text);

  return TRUE;
}

static gboolean
read_count (Source      *source,
            GKeyFile    *key_file,
            const char  *group,
            const char  *key,
            guint       *out_count,
            GError     **error)
{
  g_autofree char *text = NULL;
  guint64 count;

  if (!read_string (source, key_file, group, key, FALSE, FALSE, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &count, NULL))
    return source_error (source, error, KL_ROUTINE_ERROR_INVALID, group, key,
                         _("“%s” is not a whole number"), text);

  *out_count = count;
  return TRUE;
}

static gboolean
read_step (Source         *source,
           GKeyFile       *key_file,
           const char     *group,
           KlRoutineStep **out_step,
           GError        **error)
{
  g_autoptr(KlRoutineStep) step = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *sides = NULL;
  KlRoutineStepKind step_kind;
  guint kind_flags;
  gint64 duration_us = 0;

  if (!read_string (source, key_file, group, "Kind", FALSE, TRUE, &kind, error))
    return FALSE;
  if (!kl_routine_step_kind_from_string (kind, &step_kind))
    return source_error (source, error, KL_ROUTINE_ERROR_UNKNOWN_KIND, group, "Kind",
                         _("“%s” is not a kind of step"), kind);

  kind_flags = step_kind == KL_ROUTINE_STEP_BREATHING ? KEY_BREATHING :
               step_kind == KL_ROUTINE_STEP_BALL ? KEY_TIMED | KEY_BALL : KEY_TIMED;
  if (!check_keys (source, group, step_keys, G_N_ELEMENTS (step_keys), kind_flags, kind, error))
    return FALSE;

  step = kl_routine_step_new (step_kind);
  g_clear_pointer (&step->title, g_free);
  g_clear_pointer (&step->instruction, g_free);
  g_clear_pointer (&step->regions, g_strfreev);

  if (!read_string (source, key_file, group, "Title", TRUE, TRUE, &step->title, error) ||
      !read_string (source, key_file, group, "Instruction", TRUE, TRUE, &step->instruction,
                    error) ||
      !read_list (source, key_file, group, "Regions", &step->regions, error) ||
      !read_seconds (source, key_file, group, "Duration", &duration_us, error) ||
      !read_string (source, key_file, group, "Sides", FALSE, FALSE, &sides, error) ||
      !read_count (source, key_file, group, "Repetitions", &step->repetitions, error) ||
      !read_seconds (source, key_file, group, "Rest", &step->rest_us, error) ||
      !read_seconds (source, key_file, group, "Release", &step->release_us, error) ||
      !read_seconds (source, key_file, group, "Inhale", &step->inhale_us, error) ||
      !read_seconds (source, key_file, group, "TopUp", &step->top_up_us, error) ||
      !read_seconds (source, key_file, group, "HoldIn", &step->hold_in_us, error) ||
      !read_seconds (source, key_file, group, "Exhale", &step->exhale_us, error) ||
      !read_seconds (source, key_file, group, "HoldOut", &step->hold_out_us, error) ||
      !read_count (source, key_file, group, "Cycles", &step->cycles, error) ||
      !read_string (source, key_file, group, "Placement", TRUE, FALSE, &step->placement,
                    error) ||
      !read_string (source, key_file, group, "Pressure", TRUE, FALSE, &step->pressure, error) ||
      !read_string (source, key_file, group, "Avoid", TRUE, FALSE, &step->avoid, error))
    return FALSE;

  if (sides == NULL || g_str_equal (sides, "none"))
    step->sides = KL_ROUTINE_SIDES_NONE;
  else if (g_str_equal (sides, "both"))
    step->sides = KL_ROUTINE_SIDES_BOTH;
  else
    return source_error (source, error, KL_ROUTINE_ERROR_INVALID, group, "Sides",
                         _("“%s” is not “none” or “both”"), sides);

  if (step_kind != KL_ROUTINE_STEP_BREATHING)
    {
      if (!g_key_file_has_key (key_file, group, "Duration", NULL))
        return source_error (source, error, KL_ROUTINE_ERROR_MISSING, group, "Duration",
                             _("this key is required"));
      step->duration_us = duration_us;
    }
  else if (g_key_file_has_key (key_file, group, "Duration", NULL))
    {
      gint64 cycle_us = kl_routine_step_get_cycle_us (step);

      if (g_key_file_has_key (key_file, group, "Cycles", NULL))
        return source_error (source, error, KL_ROUTINE_ERROR_INVALID, group, "Duration",
                             _("give Cycles or Duration, not both"));
      if (!in_range (duration_us))
        return source_error (source, error, KL_ROUTINE_ERROR_RANGE, group, "Duration",
                             _(OUT_OF_RANGE), duration_us / 1e6);
      if (cycle_us <= 0 || duration_us % cycle_us != 0)
        return source_error (source, error, KL_ROUTINE_ERROR_INVALID, group, "Duration",
                             _("%g seconds is not a whole number of breathing cycles"),
                             duration_us / 1e6);
      step->cycles = duration_us / cycle_us;
    }
  else if (!g_key_file_has_key (key_file, group, "Cycles", NULL))
    {
      return source_error (source, error, KL_ROUTINE_ERROR_MISSING, group, "Cycles",
                           _("a breathing step needs Cycles or Duration"));
    }

  *out_step = g_steal_pointer (&step);
  return TRUE;
}

/* "Step 12" → 12; 0 for anything else, "Step 012" included, so that a group has one name. */
static guint
parse_step_group (const char *group)
{
  guint64 number;

  if (!g_str_has_prefix (group, "Step ") || group[5] == '0' ||
      !g_ascii_string_to_unsigned (group + 5, 10, 1, G_MAXUINT, &number, NULL))
    return 0;

  return number;
}

/* The key of a validation problem as it is in the file: a breathing step's cycles may have
 * been given as its Duration. */
static const char *
key_in_file (Source     *source,
             const char *group,
             const char *key)
{
  g_autofree char *id = NULL;
  g_autofree char *duration = NULL;

  if (key == NULL || !g_str_equal (key, "Cycles"))
    return key;

  id = g_strconcat (group, "\nCycles", NULL);
  duration = g_strconcat (group, "\nDuration", NULL);
  if (!g_hash_table_contains (source->lines, id) &&
      g_hash_table_contains (source->lines, duration))
    return "Duration";

  return key;
}

static KlRoutine *
load (GBytes      *bytes,
      const char  *filename,
      GError     **error)
{
  g_auto(Source) source = { filename, NULL, NULL, NULL };
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(KlRoutine) routine = NULL;
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *slug = NULL;
  g_autofree char *kind = NULL;
  g_auto(GStrv) lengths = NULL;
  const char *data;
  gsize size;
  const char *bad_key = NULL;
  int bad_step = -1;

  data = g_bytes_get_data (bytes, &size);
  if (!source_scan (&source, data != NULL ? data : "", size, error))
    return NULL;

  /* The scan has checked what GKeyFile checks, so this is a safety net only. */
  if (!g_key_file_load_from_data (key_file, data != NULL ? data : "", size, G_KEY_FILE_NONE,
                                  &local_error))
    {
      source_error (&source, error, KL_ROUTINE_ERROR_SYNTAX, NULL, NULL, "%s",
                    local_error->message);
      return NULL;
    }

  if (!g_key_file_has_group (key_file, ROUTINE_GROUP))
    {
      source_error (&source, error, KL_ROUTINE_ERROR_MISSING, NULL, NULL,
                    _("there is no [Routine] group"));
      return NULL;
    }

  for (guint i = 0; i < source.groups->len; i++)
    {
      const char *group = g_ptr_array_index (source.groups, i);
      guint number = parse_step_group (group);

      if (number > 0)
        g_array_append_val (steps, number);
      else if (!g_str_equal (group, ROUTINE_GROUP))
        {
          source_error (&source, error, KL_ROUTINE_ERROR_UNKNOWN_KEY, group, NULL,
                        _("not a group of a routine file: [Routine] or [Step 1], "
                          "[Step 2], …"));
          return NULL;
        }
    }

  if (!check_keys (&source, ROUTINE_GROUP, routine_keys, G_N_ELEMENTS (routine_keys), 0, NULL,
                   error) ||
      !read_string (&source, key_file, ROUTINE_GROUP, "Slug", FALSE, TRUE, &slug, error) ||
      !read_string (&source, key_file, ROUTINE_GROUP, "Kind", FALSE, TRUE, &kind, error))
    return NULL;

  routine = kl_routine_new (slug);
  g_clear_pointer (&routine->name, g_free);
  g_clear_pointer (&routine->summary, g_free);
  g_clear_pointer (&routine->cautions, g_free);
  g_clear_pointer (&routine->regions, g_strfreev);
  g_clear_pointer (&routine->equipment, g_strfreev);
  g_clear_pointer (&routine->sources, g_strfreev);
  g_clear_pointer (&routine->follow_up, g_strfreev);

  if (!kl_routine_kind_from_string (kind, &routine->kind))
    {
      source_error (&source, error, KL_ROUTINE_ERROR_UNKNOWN_KIND, ROUTINE_GROUP, "Kind",
                    _("“%s” is not a kind of routine"), kind);
      return NULL;
    }

  if (!read_string (&source, key_file, ROUTINE_GROUP, "Name", TRUE, TRUE, &routine->name,
                    error) ||
      !read_string (&source, key_file, ROUTINE_GROUP, "Summary", TRUE, FALSE, &routine->summary,
                    error) ||
      !read_string (&source, key_file, ROUTINE_GROUP, "Cautions", TRUE, FALSE,
                    &routine->cautions, error) ||
      !read_count (&source, key_file, ROUTINE_GROUP, "Version", &routine->version, error) ||
      !read_list (&source, key_file, ROUTINE_GROUP, "Regions", &routine->regions, error) ||
      !read_list (&source, key_file, ROUTINE_GROUP, "Equipment", &routine->equipment, error) ||
      !read_list (&source, key_file, ROUTINE_GROUP, "Sources", &routine->sources, error) ||
      !read_list (&source, key_file, ROUTINE_GROUP, "FollowUp", &routine->follow_up, error) ||
      !read_list (&source, key_file, ROUTINE_GROUP, "Lengths", &lengths, error))
    return NULL;

  /* Optional strings stay "" rather than NULL, as they are for a new routine. */
  if (routine->summary == NULL)
    routine->summary = g_strdup ("");
  if (routine->cautions == NULL)
    routine->cautions = g_strdup ("");

  for (guint i = 0; lengths[i] != NULL; i++)
    {
      gint64 length_us;

      if (!parse_seconds (lengths[i], &length_us))
        {
          source_error (&source, error, KL_ROUTINE_ERROR_INVALID, ROUTINE_GROUP, "Lengths",
                        _("“%s” is not a number of seconds"), lengths[i]);
          return NULL;
        }
      g_array_append_val (routine->lengths, length_us);
    }

  /* Steps in number order, which must run 1, 2, 3 … with none missing. */
  for (guint number = 1; number <= steps->len; number++)
    {
      g_autofree char *group = g_strdup_printf ("Step %u", number);
      KlRoutineStep *step = NULL;

      if (!g_key_file_has_group (key_file, group))
        {
          g_autofree char *after = NULL;
          guint next = G_MAXUINT;

          /* Point at the group after the gap. */
          for (guint i = 0; i < steps->len; i++)
            {
              guint n = g_array_index (steps, guint, i);
              if (n > number && n < next)
                next = n;
            }
          after = g_strdup_printf ("Step %u", next);
          {
            source_error (&source, error, KL_ROUTINE_ERROR_MISSING, after, NULL,
                          _("there is no [%s] before it"), group);
            return NULL;
          }
        }

      if (!read_step (&source, key_file, group, &step, error))
        return NULL;
      g_ptr_array_add (routine->steps, step);
    }

  if (!kl_routine_validate (routine, &bad_step, &bad_key, &local_error))
    {
      g_autofree char *group = bad_step >= 0 ? g_strdup_printf ("Step %d", bad_step + 1)
                                             : g_strdup (ROUTINE_GROUP);

      {
        source_error (&source, error, local_error->code, group,
                      key_in_file (&source, group, bad_key), "%s",
                      local_error->message);
        return NULL;
      }
    }

  return g_steal_pointer (&routine);
}

KlRoutine *
kl_routine_load_from_bytes (GBytes      *bytes,
                            const char  *filename,
                            GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load (bytes, filename, error);
}

/* A built-in file's slug is its file name, and what it suggests next is built in too. */
static KlRoutine *
load_builtin (const char  *slug,
              GError     **error)
{
  g_autofree char *filename = g_strconcat (slug, ".routine", NULL);
  g_autofree char *path = g_strconcat (RESOURCE_PATH "/routines/", filename, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KlRoutine) routine = NULL;

  /* From the core's own resource, by its handle, as kl-body-geometry does: a static library
   * would drop a resource that registers itself. */
  if (!(bytes = g_resource_lookup_data (kl_core_get_resource (), path,
                                        G_RESOURCE_LOOKUP_FLAGS_NONE, error)))
    return NULL;

  if (!(routine = load (bytes, filename, error)))
    return NULL;

  if (!g_str_equal (routine->slug, slug))
    {
      g_set_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_INVALID,
                   /* Translators: file name, the slug in it */
                   _("%s: [Routine] Slug: “%s” is not the file’s name"), filename,
                   routine->slug);
      return NULL;
    }

  for (guint i = 0; routine->follow_up[i] != NULL; i++)
    {
      if (!g_strv_contains ((const char * const *) builtin_slugs, routine->follow_up[i]))
        {
          g_set_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_INVALID,
                       /* Translators: file name, a routine's slug */
                       _("%s: [Routine] FollowUp: “%s” is not a built-in routine"), filename,
                       routine->follow_up[i]);
          return NULL;
        }
    }

  return g_steal_pointer (&routine);
}

GPtrArray *
kl_routine_load_builtins (GError **error)
{
  g_autoptr(GPtrArray) routines = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  routines = g_ptr_array_new_full (G_N_ELEMENTS (builtin_slugs) - 1, g_object_unref);
  for (guint i = 0; builtin_slugs[i] != NULL; i++)
    {
      KlRoutine *routine = load_builtin (builtin_slugs[i], error);

      if (routine == NULL)
        return NULL;
      g_ptr_array_add (routines, routine);
    }

  return g_steal_pointer (&routines);
}

KlRoutine *
kl_routine_load_builtin (const char  *slug,
                         GError     **error)
{
  g_return_val_if_fail (slug != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_strv_contains ((const char * const *) builtin_slugs, slug))
    {
      g_set_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_MISSING,
                   _("There is no built-in routine “%s”"), slug);
      return NULL;
    }

  return load_builtin (slug, error);
}

const char * const *
kl_routine_get_builtin_slugs (void)
{
  return builtin_slugs;
}

gboolean
kl_routine_is_builtin_slug (const char *slug)
{
  g_return_val_if_fail (slug != NULL, FALSE);

  return g_strv_contains (builtin_slugs, slug);
}

/* The file as compiled in, unparsed: the store keeps it as it is, so that it is translated when
 * read, into whatever language the user runs then. */
GBytes *
kl_routine_get_builtin_bytes (const char  *slug,
                              GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (slug != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!kl_routine_is_builtin_slug (slug))
    {
      g_set_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_MISSING,
                   _("There is no built-in routine “%s”"), slug);
      return NULL;
    }

  path = g_strconcat (RESOURCE_PATH "/routines/", slug, ".routine", NULL);
  return g_resource_lookup_data (kl_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                 error);
}

/* Only the Version key, without the checks and translations of a full load: the store reads it
 * for every built-in each time it opens, and loads a file in full only when it changed. */
gboolean
kl_routine_peek_version (GBytes  *bytes,
                         guint   *out_version,
                         GError **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *text = NULL;
  const char *data;
  gsize size;
  guint64 version;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (out_version != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  if (!g_key_file_load_from_data (key_file, data != NULL ? data : "", size, G_KEY_FILE_NONE,
                                  error))
    return FALSE;

  text = g_key_file_get_string (key_file, ROUTINE_GROUP, "Version", NULL);
  if (text == NULL)
    {
      *out_version = 1;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (g_strstrip (text), 10, 1, G_MAXUINT, &version, NULL))
    {
      g_set_error (error, KL_ROUTINE_ERROR, KL_ROUTINE_ERROR_INVALID,
                   _("[Routine] Version: “%s” is not a whole number from 1"), text);
      return FALSE;
    }

  *out_version = version;
  return TRUE;
}

/* Saving ---------------------------------------------------------------------------------------- */

/* Seconds as the files write them: decimals only where needed, to the millisecond. */
static char *
format_seconds (gint64 us)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  gint64 ms = (us + (us >= 0 ? 500 : -500)) / 1000;
  char *end;

  if (ms % 1000 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, ms / 1000);

  g_ascii_formatd (text, sizeof text, "%.3f", ms / 1000.0);
  end = text + strlen (text);
  while (end[-1] == '0')
    *--end = '\0';

  return g_strdup (text);
}

static void
set_seconds (GKeyFile   *key_file,
             const char *group,
             const char *key,
             gint64      us)
{
  g_autofree char *text = format_seconds (us);

  g_key_file_set_string (key_file, group, key, text);
}

static void
set_text (GKeyFile   *key_file,
          const char *group,
          const char *key,
          const char *text)
{
  if (!is_blank (text))
    g_key_file_set_string (key_file, group, key, text);
}

static void
set_list (GKeyFile    *key_file,
          const char  *group,
          const char  *key,
          char       **list)
{
  if (list != NULL && list[0] != NULL)
    g_key_file_set_string_list (key_file, group, key, (const char * const *) list,
                                g_strv_length (list));
}

/* The routine in the format of data/routines, which kl_routine_load_from_bytes () reads back as
 * it was. Texts are written as they are now, in the user's language for a built-in's. */
GBytes *
kl_routine_to_bytes (KlRoutine *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GPtrArray) lengths = g_ptr_array_new_with_free_func (g_free);
  char *data;
  gsize size;

  g_return_val_if_fail (KL_IS_ROUTINE (self), NULL);

  g_key_file_set_string (key_file, ROUTINE_GROUP, "Slug", self->slug);
  set_text (key_file, ROUTINE_GROUP, "Name", self->name);
  set_text (key_file, ROUTINE_GROUP, "Summary", self->summary);
  g_key_file_set_string (key_file, ROUTINE_GROUP, "Kind", kl_routine_kind_to_string (self->kind));
  g_key_file_set_uint64 (key_file, ROUTINE_GROUP, "Version", self->version);
  set_list (key_file, ROUTINE_GROUP, "Regions", self->regions);
  set_list (key_file, ROUTINE_GROUP, "Equipment", self->equipment);
  set_text (key_file, ROUTINE_GROUP, "Cautions", self->cautions);
  set_list (key_file, ROUTINE_GROUP, "Sources", self->sources);
  set_list (key_file, ROUTINE_GROUP, "FollowUp", self->follow_up);

  for (guint i = 0; i < self->lengths->len; i++)
    g_ptr_array_add (lengths, format_seconds (g_array_index (self->lengths, gint64, i)));
  if (lengths->len > 0)
    {
      g_ptr_array_add (lengths, NULL);
      set_list (key_file, ROUTINE_GROUP, "Lengths", (char **) lengths->pdata);
    }

  for (guint i = 0; i < self->steps->len; i++)
    {
      const KlRoutineStep *step = g_ptr_array_index (self->steps, i);
      g_autofree char *group = g_strdup_printf ("Step %u", i + 1);

      g_key_file_set_string (key_file, group, "Kind", kl_routine_step_kind_to_string (step->kind));
      set_text (key_file, group, "Title", step->title);
      set_text (key_file, group, "Instruction", step->instruction);
      set_list (key_file, group, "Regions", step->regions);

      if (step->kind == KL_ROUTINE_STEP_BREATHING)
        {
          set_seconds (key_file, group, "Inhale", step->inhale_us);
          if (step->top_up_us > 0)
            set_seconds (key_file, group, "TopUp", step->top_up_us);
          if (step->hold_in_us > 0)
            set_seconds (key_file, group, "HoldIn", step->hold_in_us);
          set_seconds (key_file, group, "Exhale", step->exhale_us);
          if (step->hold_out_us > 0)
            set_seconds (key_file, group, "HoldOut", step->hold_out_us);
          g_key_file_set_uint64 (key_file, group, "Cycles", step->cycles);
          continue;
        }

      set_seconds (key_file, group, "Duration", step->duration_us);
      if (step->sides == KL_ROUTINE_SIDES_BOTH)
        g_key_file_set_string (key_file, group, "Sides", "both");
      if (step->repetitions != 1)
        g_key_file_set_uint64 (key_file, group, "Repetitions", step->repetitions);
      if (step->rest_us > 0)
        set_seconds (key_file, group, "Rest", step->rest_us);
      if (step->release_us > 0)
        set_seconds (key_file, group, "Release", step->release_us);

      if (step->kind == KL_ROUTINE_STEP_BALL)
        {
          set_text (key_file, group, "Placement", step->placement);
          set_text (key_file, group, "Pressure", step->pressure);
          set_text (key_file, group, "Avoid", step->avoid);
        }
    }

  data = g_key_file_to_data (key_file, &size, NULL);
  return g_bytes_new_take (data, size);
}
