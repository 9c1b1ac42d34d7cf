/* kl-pain-entry.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A rating left out of a check-in. */
#define KL_PAIN_NONE (-1)

typedef enum
{
  KL_INTERFERENCE_ACTIVITY,
  KL_INTERFERENCE_MOOD,
  KL_INTERFERENCE_SLEEP,
  KL_INTERFERENCE_WORK,
  KL_N_INTERFERENCES,
} KlInterference;

/* Where it hurt: a knot of the body chart (its region too), or an area with no knot. */
typedef struct
{
  gint64  knot_id;         /* 0 for an area */
  char   *region;          /* a region id of the catalogue */
  int     pain;            /* 0–10, or KL_PAIN_NONE */
} KlPainLocation;

#define KL_TYPE_PAIN_ENTRY (kl_pain_entry_get_type ())

G_DECLARE_FINAL_TYPE (KlPainEntry, kl_pain_entry, KL, PAIN_ENTRY, GObject)

/* One check-in of the pain journal. */
KlPainEntry          *kl_pain_entry_new                 (void);
KlPainEntry          *kl_pain_entry_copy                (KlPainEntry          *self);
gboolean              kl_pain_entry_equal               (KlPainEntry          *a,
                                                         KlPainEntry          *b);
gint64                kl_pain_entry_get_id              (KlPainEntry          *self);
GDateTime            *kl_pain_entry_get_at              (KlPainEntry          *self);
void                  kl_pain_entry_set_at              (KlPainEntry          *self,
                                                         GDateTime            *at);
int                   kl_pain_entry_get_pain            (KlPainEntry          *self);
void                  kl_pain_entry_set_pain            (KlPainEntry          *self,
                                                         int                   pain);
int                   kl_pain_entry_get_worst           (KlPainEntry          *self);
void                  kl_pain_entry_set_worst           (KlPainEntry          *self,
                                                         int                   worst);
int                   kl_pain_entry_get_least           (KlPainEntry          *self);
void                  kl_pain_entry_set_least           (KlPainEntry          *self,
                                                         int                   least);
int                   kl_pain_entry_get_interference    (KlPainEntry          *self,
                                                         KlInterference        what);
void                  kl_pain_entry_set_interference    (KlPainEntry          *self,
                                                         KlInterference        what,
                                                         int                   rating);
const char           *kl_pain_entry_get_medication      (KlPainEntry          *self);
void                  kl_pain_entry_set_medication      (KlPainEntry          *self,
                                                         const char           *medication);
int                   kl_pain_entry_get_medication_helped (KlPainEntry        *self);
void                  kl_pain_entry_set_medication_helped (KlPainEntry        *self,
                                                           int                 percent);
const char           *kl_pain_entry_get_note            (KlPainEntry          *self);
void                  kl_pain_entry_set_note            (KlPainEntry          *self,
                                                         const char           *note);
const char * const   *kl_pain_entry_get_factors         (KlPainEntry          *self);
void                  kl_pain_entry_set_factors         (KlPainEntry          *self,
                                                         const char * const   *factors);
guint                 kl_pain_entry_get_n_locations     (KlPainEntry          *self);
const KlPainLocation *kl_pain_entry_get_location        (KlPainEntry          *self,
                                                         guint                 index);
void                  kl_pain_entry_add_location        (KlPainEntry          *self,
                                                         gint64                knot_id,
                                                         const char           *region,
                                                         int                   pain);
void                  kl_pain_entry_clear_locations     (KlPainEntry          *self);

gboolean              kl_pain_entry_validate            (KlPainEntry          *self,
                                                         GError              **error);

const char           *kl_interference_to_string         (KlInterference        what);
const char * const   *kl_builtin_factors                (void);
const char           *kl_factor_get_label               (const char           *factor);

G_END_DECLS
