/* kl-knot.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  KL_KNOT_ACTIVE,
  KL_KNOT_LATENT,
} KlKnotState;

typedef enum
{
  KL_TWITCH_UNSURE,
  KL_TWITCH_YES,
  KL_TWITCH_NO,
} KlTwitch;

#define KL_KNOT_NO_RATING (-1)

#define KL_TYPE_KNOT (kl_knot_get_type ())

G_DECLARE_FINAL_TYPE (KlKnot, kl_knot, KL, KNOT, GObject)

/* A muscle knot as stored: where it is (a region of the body chart, and a point normalised to
 * the figure, 0–1 both ways, so it stays put at any size), what it is like, and its latest two
 * tenderness ratings (the full history stays in the store). */
KlKnot      *kl_knot_new                    (void);
gint64       kl_knot_get_id                 (KlKnot      *self);
const char  *kl_knot_get_region             (KlKnot      *self);
void         kl_knot_set_region             (KlKnot      *self,
                                             const char  *region);
double       kl_knot_get_x                  (KlKnot      *self);
double       kl_knot_get_y                  (KlKnot      *self);
void         kl_knot_set_position           (KlKnot      *self,
                                             double       x,
                                             double       y);
KlKnotState  kl_knot_get_state              (KlKnot      *self);
void         kl_knot_set_state              (KlKnot      *self,
                                             KlKnotState  state);
int          kl_knot_get_tenderness         (KlKnot      *self);
int          kl_knot_get_previous_tenderness (KlKnot     *self);
gboolean     kl_knot_get_referred           (KlKnot      *self);
void         kl_knot_set_referred           (KlKnot      *self,
                                             gboolean     referred);
const char  *kl_knot_get_referred_to        (KlKnot      *self);
void         kl_knot_set_referred_to        (KlKnot      *self,
                                             const char  *where);
KlTwitch     kl_knot_get_twitch             (KlKnot      *self);
void         kl_knot_set_twitch             (KlKnot      *self,
                                             KlTwitch     twitch);
const char  *kl_knot_get_note               (KlKnot      *self);
void         kl_knot_set_note               (KlKnot      *self,
                                             const char  *note);
GDateTime   *kl_knot_get_created            (KlKnot      *self);
GDateTime   *kl_knot_get_resolved           (KlKnot      *self);
gboolean     kl_knot_is_resolved            (KlKnot      *self);

const char  *kl_knot_state_to_string        (KlKnotState  state);
const char  *kl_twitch_to_string            (KlTwitch     twitch);

G_END_DECLS
