/* kl-countdown-ring.h
 *
 * Copyright 2026 The Knotless developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KL_TYPE_COUNTDOWN_RING (kl_countdown_ring_get_type ())

G_DECLARE_FINAL_TYPE (KlCountdownRing, kl_countdown_ring, KL, COUNTDOWN_RING, GtkWidget)

/* The player's big dial. As a ring, the arc left shrinks as @fraction (done, 0–1) grows, the
 * seconds written inside. As a breath, a disc whose size (0–1) grows on inhale and shrinks on
 * exhale, the phase word inside. Colours come from the theme: the accent, or the warning colour
 * with the "switch" style class. */
GtkWidget  *kl_countdown_ring_new          (void);
void        kl_countdown_ring_set_fraction (KlCountdownRing *self,
                                            double           fraction);
double      kl_countdown_ring_get_fraction (KlCountdownRing *self);
void        kl_countdown_ring_set_breath   (KlCountdownRing *self,
                                            gboolean         breath);
gboolean    kl_countdown_ring_get_breath   (KlCountdownRing *self);
void        kl_countdown_ring_set_size     (KlCountdownRing *self,
                                            double           size);
double      kl_countdown_ring_get_size     (KlCountdownRing *self);
void        kl_countdown_ring_set_text     (KlCountdownRing *self,
                                            const char      *text);
const char *kl_countdown_ring_get_text     (KlCountdownRing *self);

G_END_DECLS
