/* kl-pain-entry.c
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kl-pain-entry"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "kl-body-regions.h"
#include "kl-pain-entry-private.h"
#include "kl-store.h"

/* A check-in may be dated a little ahead of this machine's clock (another device's clock, a
 * slow minute hand); more than this is a mistake. */
#define FUTURE_SLACK_MS (5 * 60 * 1000)

struct _KlPainEntry
{
  GObject    parent_instance;

  gint64     id;
  GDateTime *at;
  int        pain;
  int        worst;
  int        least;
  int        interference[KL_N_INTERFERENCES];
  char      *medication;
  int        medication_helped;
  char      *note;
  GStrv      factors;
  GArray    *locations;
};

G_DEFINE_FINAL_TYPE (KlPainEntry, kl_pain_entry, G_TYPE_OBJECT)

/* CONTENT.md's factors, stored by these names (and exported so); shown translated. */
static const char * const builtin_factors[] = {
  "stress", "poor posture", "prolonged sitting", "lifting", "repetitive motion", "poor sleep",
  "injury", "dehydration", "skipped exercise", "cold", NULL,
};

static const char * const builtin_labels[] = {
  N_("Stress"), N_("Poor posture"), N_("Prolonged sitting"), N_("Lifting"),
  N_("Repetitive motion"), N_("Poor sleep"), N_("Injury"), N_("Dehydration"),
  N_("Skipped exercise"), N_("Cold"),
};

static void
location_clear (KlPainLocation *location)
{
  g_clear_pointer (&location->region, g_free);
}

static void
kl_pain_entry_finalize (GObject *object)
{
  KlPainEntry *self = (KlPainEntry *)object;

  g_clear_pointer (&self->at, g_date_time_unref);
  g_clear_pointer (&self->medication, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->factors, g_strfreev);
  g_clear_pointer (&self->locations, g_array_unref);

  G_OBJECT_CLASS (kl_pain_entry_parent_class)->finalize (object);
}

static void
kl_pain_entry_class_init (KlPainEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kl_pain_entry_finalize;
}

/* No time yet: kl_pain_entry_new () gives "now", the store the stored instant. Reading the
 * local time zone stats /etc/localtime, which a million exported rows need not pay for. */
static void
kl_pain_entry_init (KlPainEntry *self)
{
  self->pain = KL_PAIN_NONE;
  self->worst = KL_PAIN_NONE;
  self->least = KL_PAIN_NONE;
  for (guint i = 0; i < KL_N_INTERFERENCES; i++)
    self->interference[i] = KL_PAIN_NONE;
  self->medication = g_strdup ("");
  self->medication_helped = KL_PAIN_NONE;
  self->note = g_strdup ("");
  self->factors = g_new0 (char *, 1);
  self->locations = g_array_new (FALSE, FALSE, sizeof (KlPainLocation));
  g_array_set_clear_func (self->locations, (GDestroyNotify)location_clear);
}

KlPainEntry *
kl_pain_entry_new (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return _kl_pain_entry_new_at (now);
}

KlPainEntry *
_kl_pain_entry_new_at (GDateTime *at)
{
  KlPainEntry *self = g_object_new (KL_TYPE_PAIN_ENTRY, NULL);

  self->at = g_date_time_ref (at);
  return self;
}

/* A copy to edit, so that a cancelled edit leaves the shown entry as it was. */
KlPainEntry *
kl_pain_entry_copy (KlPainEntry *self)
{
  KlPainEntry *copy;

  g_return_val_if_fail (KL_IS_PAIN_ENTRY (self), NULL);

  copy = _kl_pain_entry_new_at (self->at);
  copy->id = self->id;
  copy->pain = self->pain;
  copy->worst = self->worst;
  copy->least = self->least;
  memcpy (copy->interference, self->interference, sizeof copy->interference);
  kl_pain_entry_set_medication (copy, self->medication);
  copy->medication_helped = self->medication_helped;
  kl_pain_entry_set_note (copy, self->note);
  kl_pain_entry_set_factors (copy, (const char * const *)self->factors);
  for (guint i = 0; i < self->locations->len; i++)
    {
      const KlPainLocation *location = &g_array_index (self->locations, KlPainLocation, i);

      kl_pain_entry_add_location (copy, location->knot_id, location->region, location->pain);
    }

  return copy;
}

static gboolean
same_factors (const char * const *a,
              const char * const *b)
{
  if (g_strv_length ((char **)a) != g_strv_length ((char **)b))
    return FALSE;

  /* Factor names are case-folded and unique within an entry. */
  for (guint i = 0; a[i] != NULL; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;

  return TRUE;
}

static gboolean
same_locations (GArray *a,
                GArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const KlPainLocation *x = &g_array_index (a, KlPainLocation, i);
      gboolean found = FALSE;

      for (guint j = 0; j < b->len && !found; j++)
        {
          const KlPainLocation *y = &g_array_index (b, KlPainLocation, j);

          found = x->knot_id == y->knot_id && x->pain == y->pain &&
                  g_strcmp0 (x->region, y->region) == 0;
        }
      if (!found)
        return FALSE;
    }

  return TRUE;
}

/* Whether @a and @b record the same check-in, whatever their ids: the same instant to the
 * millisecond, in the same offset, and every field alike. What an import skips. */
gboolean
kl_pain_entry_equal (KlPainEntry *a,
                     KlPainEntry *b)
{
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (a), FALSE);
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (b), FALSE);

  return g_date_time_to_unix (a->at) == g_date_time_to_unix (b->at) &&
         g_date_time_get_microsecond (a->at) / 1000 == g_date_time_get_microsecond (b->at) / 1000 &&
         g_date_time_get_utc_offset (a->at) == g_date_time_get_utc_offset (b->at) &&
         a->pain == b->pain && a->worst == b->worst && a->least == b->least &&
         memcmp (a->interference, b->interference, sizeof a->interference) == 0 &&
         g_strcmp0 (a->medication, b->medication) == 0 &&
         a->medication_helped == b->medication_helped &&
         g_strcmp0 (a->note, b->note) == 0 &&
         same_factors ((const char * const *)a->factors, (const char * const *)b->factors) &&
         same_locations (a->locations, b->locations);
}

gint64
kl_pain_entry_get_id (KlPainEntry *self)
{
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (self), 0);

  return self->id;
}

void
_kl_pain_entry_set_id (KlPainEntry *self,
                       gint64       id)
{
  g_assert (KL_IS_PAIN_ENTRY (self));

  self->id = id;
}

GDateTime *
kl_pain_entry_get_at (KlPainEntry *self)
{
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (self), NULL);

  return self->at;
}

void
kl_pain_entry_set_at (KlPainEntry *self,
                      GDateTime   *at)
{
  g_return_if_fail (KL_IS_PAIN_ENTRY (self));
  g_return_if_fail (at != NULL);

  g_date_time_ref (at);
  g_date_time_unref (self->at);
  self->at = at;
}

#define RATING_ACCESSORS(field)                                          \
int                                                                      \
kl_pain_entry_get_##field (KlPainEntry *self)                            \
{                                                                        \
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (self), KL_PAIN_NONE);          \
  return self->field;                                                    \
}                                                                        \
                                                                         \
void                                                                     \
kl_pain_entry_set_##field (KlPainEntry *self,                            \
                           int          value)                           \
{                                                                        \
  g_return_if_fail (KL_IS_PAIN_ENTRY (self));                            \
  self->field = value;                                                   \
}

RATING_ACCESSORS (pain)
RATING_ACCESSORS (worst)
RATING_ACCESSORS (least)
RATING_ACCESSORS (medication_helped)

int
kl_pain_entry_get_interference (KlPainEntry    *self,
                                KlInterference  what)
{
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (self), KL_PAIN_NONE);
  g_return_val_if_fail (what < KL_N_INTERFERENCES, KL_PAIN_NONE);

  return self->interference[what];
}

void
kl_pain_entry_set_interference (KlPainEntry    *self,
                                KlInterference  what,
                                int             rating)
{
  g_return_if_fail (KL_IS_PAIN_ENTRY (self));
  g_return_if_fail (what < KL_N_INTERFERENCES);

  self->interference[what] = rating;
}

const char *
kl_pain_entry_get_medication (KlPainEntry *self)
{
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (self), NULL);

  return self->medication;
}

void
kl_pain_entry_set_medication (KlPainEntry *self,
                              const char  *medication)
{
  g_return_if_fail (KL_IS_PAIN_ENTRY (self));

  g_free (self->medication);
  self->medication = g_strdup (medication != NULL ? medication : "");
}

const char *
kl_pain_entry_get_note (KlPainEntry *self)
{
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (self), NULL);

  return self->note;
}

void
kl_pain_entry_set_note (KlPainEntry *self,
                        const char  *note)
{
  g_return_if_fail (KL_IS_PAIN_ENTRY (self));

  g_free (self->note);
  self->note = g_strdup (note != NULL ? note : "");
}

const char * const *
kl_pain_entry_get_factors (KlPainEntry *self)
{
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (self), NULL);

  return (const char * const *)self->factors;
}

/* Factors are a set: blank names and repeats (in any case) are dropped. */
void
kl_pain_entry_set_factors (KlPainEntry        *self,
                           const char * const *factors)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (KL_IS_PAIN_ENTRY (self));

  for (guint i = 0; factors != NULL && factors[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (factors[i]));
      g_autofree char *folded = g_utf8_casefold (name, -1);
      gboolean repeat = FALSE;

      for (guint j = 0; j < seen->len && !repeat; j++)
        repeat = g_str_equal (g_ptr_array_index (seen, j), folded);
      if (*name == '\0' || repeat)
        continue;

      g_ptr_array_add (seen, g_steal_pointer (&folded));
      g_strv_builder_add (builder, name);
    }

  g_strfreev (self->factors);
  self->factors = g_strv_builder_end (builder);
}

guint
kl_pain_entry_get_n_locations (KlPainEntry *self)
{
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (self), 0);

  return self->locations->len;
}

const KlPainLocation *
kl_pain_entry_get_location (KlPainEntry *self,
                            guint        index)
{
  g_return_val_if_fail (KL_IS_PAIN_ENTRY (self), NULL);
  g_return_val_if_fail (index < self->locations->len, NULL);

  return &g_array_index (self->locations, KlPainLocation, index);
}

void
kl_pain_entry_add_location (KlPainEntry *self,
                            gint64       knot_id,
                            const char  *region,
                            int          pain)
{
  KlPainLocation location = { knot_id, g_strdup (region), pain };

  g_return_if_fail (KL_IS_PAIN_ENTRY (self));
  g_return_if_fail (region != NULL);

  g_array_append_val (self->locations, location);
}

void
kl_pain_entry_clear_locations (KlPainEntry *self)
{
  g_return_if_fail (KL_IS_PAIN_ENTRY (self));

  g_array_set_size (self->locations, 0);
}

static gboolean
check_rating (int         value,
              int         max,
              gboolean    optional,
              const char *what,
              GError    **error)
{
  if ((optional && value == KL_PAIN_NONE) || (value >= 0 && value <= max))
    return TRUE;

  /* Translators: "Pain now is 12; it must be a whole number from 0 to 10" */
  g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
               _("%s is %d; it must be a whole number from 0 to %d"), what, value, max);
  return FALSE;
}

/* The schema checks the same; checking first gives a message that names the value. */
gboolean
kl_pain_entry_validate (KlPainEntry  *self,
                        GError      **error)
{
  static const char * const interference_names[] = {
    N_("Interference with activity"), N_("Interference with mood"),
    N_("Interference with sleep"), N_("Interference with work"),
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (KL_IS_PAIN_ENTRY (self), FALSE);

  if (!check_rating (self->pain, 10, FALSE, _("Pain now"), error) ||
      !check_rating (self->worst, 10, TRUE, _("Worst pain in the last 24 hours"), error) ||
      !check_rating (self->least, 10, TRUE, _("Least pain in the last 24 hours"), error) ||
      !check_rating (self->medication_helped, 100, TRUE, _("How much the medication helped"),
                     error))
    return FALSE;

  for (guint i = 0; i < KL_N_INTERFERENCES; i++)
    if (!check_rating (self->interference[i], 10, TRUE, _(interference_names[i]), error))
      return FALSE;

  if (self->worst != KL_PAIN_NONE && self->least != KL_PAIN_NONE && self->least > self->worst)
    {
      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("Least pain %d is above worst pain %d"), self->least, self->worst);
      return FALSE;
    }

  if (g_date_time_difference (self->at, now) > FUTURE_SLACK_MS * G_TIME_SPAN_MILLISECOND)
    {
      g_autofree char *at = g_date_time_format_iso8601 (self->at);

      g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                   _("The time %s is in the future"), at);
      return FALSE;
    }

  for (guint i = 0; self->factors[i] != NULL; i++)
    if (g_utf8_strlen (self->factors[i], -1) > 64)
      {
        g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                     _("The factor “%.20s…” is longer than 64 characters"), self->factors[i]);
        return FALSE;
      }

  for (guint i = 0; i < self->locations->len; i++)
    {
      const KlPainLocation *location = &g_array_index (self->locations, KlPainLocation, i);

      if (kl_body_regions_lookup (location->region) == NULL)
        {
          g_set_error (error, KL_STORE_ERROR, KL_STORE_ERROR_INVALID,
                       _("“%s” is not a region of the body chart"), location->region);
          return FALSE;
        }
      if (!check_rating (location->pain, 10, TRUE, _("Pain at a knot or area"), error))
        return FALSE;
    }

  return TRUE;
}

const char *
kl_interference_to_string (KlInterference what)
{
  static const char * const names[] = { "activity", "mood", "sleep", "work" };

  g_return_val_if_fail (what < KL_N_INTERFERENCES, NULL);

  return names[what];
}

const char * const *
kl_builtin_factors (void)
{
  return builtin_factors;
}

/* The name to show: a built-in factor translated, the user's own as they wrote it. */
const char *
kl_factor_get_label (const char *factor)
{
  g_return_val_if_fail (factor != NULL, NULL);

  for (guint i = 0; builtin_factors[i] != NULL; i++)
    if (g_ascii_strcasecmp (builtin_factors[i], factor) == 0)
      return _(builtin_labels[i]);

  return factor;
}
